#!/usr/bin/env bash
# The ODBC load against its target (issue #15): loading `financials` from a local PostgreSQL through
# ODBC should take at most 1.5x `psql \copy (…) to stdout csv` followed by realize's CSV load of the
# same data. Starts a throwaway cluster (scripts/pg-test-cluster), loads the generated portfolio's
# financials into it, times both ways (best of 3, release build) and stops the cluster.
#
#   bench/odbc.sh [--scale small|medium|large]
#
# REALIZE_BENCH_BIN=path times that realize binary instead of building this tree's (before/after).
# REALIZE_BENCH_ODBC_OPTIONS=';UseDeclareFetch=0' is appended to the ODBC connection string (psqlODBC
# then reads the whole result at once instead of through a 4096-row cursor: faster, 3x the memory).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scale=medium
[ "${1:-}" = "--scale" ] && scale="$2"
data="${REALIZE_BENCH_OUT:-/tmp/realize-bench-$scale}"
[ -f "$data/financials.csv" ] || python3 ../shared/gen_portfolio.py --scale "$scale" --out "$data" >/dev/null
[ -x /usr/bin/time ] || { echo "bench/odbc.sh: needs GNU time (/usr/bin/time: apt-get install time)" >&2; exit 1; }
if [ -n "${REALIZE_BENCH_BIN:-}" ]; then
    realize="$REALIZE_BENCH_BIN"
else
    swift build -c release --product realize >/dev/null
    realize="$root/.build/release/realize"
fi
eval "$(scripts/pg-test-cluster start)"
trap 'scripts/pg-test-cluster stop "$REALIZE_PG_DIR"' EXIT
export PGPASSWORD="$REALIZE_PG_PASSWORD"
psql=("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" -q -h 127.0.0.1 -p "$REALIZE_PG_PORT" -U pmo -d pmo)
"${psql[@]}" -c "create table bench_financials (project_id text, period text, planned_value numeric(14,2), earned_value numeric(14,2), actual_cost numeric(14,2))"
"${psql[@]}" -c "\\copy bench_financials from '$data/financials.csv' csv header"
rows="$("${psql[@]}" -Atc "select count(*) from bench_financials")"
tmp="$(mktemp -d)"
best() { sort -n | head -1; }
now() { date +%s.%N; }
copy_times=() odbc_times=() copy_cpu=() odbc_cpu=()
# Client CPU (user + sys of psql and realize, or of realize alone) beside the wall time: on a shared
# machine the wall time mostly measures the wait for a core, the CPU time what each way costs.
# `cpu_to FILE command…` is the same with the command's standard output written to FILE.
cpu() { cpu_to /dev/null "$@"; }
cpu_to() { local out="$1" f="$tmp/cpu"; shift; /usr/bin/time -f '%U %S' -o "$f" "$@" >"$out"; awk '{print $1 + $2}' "$f"; }
# The denominator is what the issue names, no more: `psql -c "\copy (select …) to stdout csv"` (with a
# header line, which the CSV load needs for the column names) into a file, then realize's CSV load of
# that file (`.tables` only lists it). Both ways include starting the processes and connecting.
for _ in 1 2 3; do
    t0=$(now)
    c1=$(cpu_to "$tmp/financials.csv" "${psql[@]}" -c "\\copy (select * from bench_financials) to stdout csv header")
    c2=$(cpu "$realize" --data "$tmp/financials.csv" -c ".tables")
    t1=$(now)
    c3=$(cpu "$realize" -c ".connect pg '$REALIZE_PG_CONNECTION;Pwd=\$PGPASSWORD${REALIZE_BENCH_ODBC_OPTIONS:-}'" -c ".load pg.public.bench_financials as financials")
    t2=$(now)
    copy_times+=("$(echo "$t1 - $t0" | bc)")
    odbc_times+=("$(echo "$t2 - $t1" | bc)")
    copy_cpu+=("$(echo "$c1 + $c2" | bc)")
    odbc_cpu+=("$c3")
done
rm -rf "$tmp"
copy="$(printf '%s\n' "${copy_times[@]}" | best)"
odbc="$(printf '%s\n' "${odbc_times[@]}" | best)"
copy_c="$(printf '%s\n' "${copy_cpu[@]}" | best)"
odbc_c="$(printf '%s\n' "${odbc_cpu[@]}" | best)"
printf 'financials: %s rows%s\npsql \\copy + CSV load: %.2f s (client CPU %.2f s)\nODBC load:             %.2f s (client CPU %.2f s)\nratio: %.2f (target <= 1.5)\n' \
    "$rows" "${REALIZE_BENCH_ODBC_OPTIONS:+ (ODBC options: $REALIZE_BENCH_ODBC_OPTIONS)}" "$copy" "$copy_c" "$odbc" "$odbc_c" "$(echo "$odbc / $copy" | bc -l)"
