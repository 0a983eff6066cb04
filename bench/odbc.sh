#!/usr/bin/env bash
# The ODBC load against its target (issue #15): loading `financials` from a local PostgreSQL through
# ODBC should take at most 1.5x `psql \copy (…) to stdout csv` followed by realize's CSV load of the
# same data. Starts a throwaway cluster (scripts/pg-test-cluster), loads the generated portfolio's
# financials into it, times both ways (best of 3, release build) and stops the cluster.
#
#   bench/odbc.sh [--scale small|medium|large]
#
# REALIZE_BENCH_BIN=path times that realize binary instead of building this tree's (before/after).
# REALIZE_BENCH_BEFORE=path also times that binary, in the same rounds, alternating which goes first,
# and prints each one's ratio per round (ODBC time / that round's copy path time), median and spread.
# REALIZE_BENCH_RUNS=N rounds (default 3, or 6 with REALIZE_BENCH_BEFORE).
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
runs="${REALIZE_BENCH_RUNS:-$([ -n "${REALIZE_BENCH_BEFORE:-}" ] && echo 6 || echo 3)}"
best() { sort -n | head -1; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
now() { date +%s.%N; }
# Client CPU (user + sys of psql and realize, or of realize alone) beside the wall time: on a shared
# machine the wall time mostly measures the wait for a core, the CPU time what each way costs.
# `cpu_to FILE command…` is the same with the command's standard output written to FILE.
cpu() { cpu_to /dev/null "$@"; }
cpu_to() { local out="$1" f="$tmp/cpu"; shift; /usr/bin/time -f '%U %S' -o "$f" "$@" >"$out"; awk '{print $1 + $2}' "$f"; }
# `odbc NAME BIN`: one ODBC load with BIN, its wall time and CPU appended to $tmp/NAME.{time,cpu}.
odbc() {
    local t0 t1 c
    t0=$(now)
    c=$(cpu "$2" -c ".connect pg '$REALIZE_PG_CONNECTION;Pwd=\$PGPASSWORD${REALIZE_BENCH_ODBC_OPTIONS:-}'" -c ".load pg.public.bench_financials as financials")
    t1=$(now)
    echo "$t1 - $t0" | bc >>"$tmp/$1.time"
    echo "$c" >>"$tmp/$1.cpu"
}
names=(odbc)
[ -n "${REALIZE_BENCH_BEFORE:-}" ] && names=(before odbc)
# The denominator is what the issue names, no more: `psql -c "\copy (select …) to stdout csv"` (with a
# header line, which the CSV load needs for the column names) into a file, then realize's CSV load of
# that file (`.tables` only lists it). Both ways include starting the processes and connecting.
for round in $(seq 1 "$runs"); do
    t0=$(now)
    c1=$(cpu_to "$tmp/financials.csv" "${psql[@]}" -c "\\copy (select * from bench_financials) to stdout csv header")
    c2=$(cpu "$realize" --data "$tmp/financials.csv" -c ".tables")
    t1=$(now)
    echo "$t1 - $t0" | bc >>"$tmp/copy.time"
    echo "$c1 + $c2" | bc >>"$tmp/copy.cpu"
    order=("${names[@]}")
    [ $((round % 2)) -eq 0 ] && [ ${#names[@]} -eq 2 ] && order=(odbc before)
    for n in "${order[@]}"; do
        if [ "$n" = before ]; then odbc before "$REALIZE_BENCH_BEFORE"; else odbc odbc "$realize"; fi
    done
done
paste -d' ' "$tmp/copy.time" "$tmp/odbc.time" | awk '{printf "%.3f\n", $2 / $1}' >"$tmp/odbc.ratio"
[ -f "$tmp/before.time" ] && paste -d' ' "$tmp/copy.time" "$tmp/before.time" | awk '{printf "%.3f\n", $2 / $1}' >"$tmp/before.ratio"
printf 'financials: %s rows, %s rounds%s\n' "$rows" "$runs" "${REALIZE_BENCH_ODBC_OPTIONS:+ (ODBC options: $REALIZE_BENCH_ODBC_OPTIONS)}"
printf 'psql \\copy + CSV load: best %.2f s (client CPU %.2f s)\n' "$(best <"$tmp/copy.time")" "$(best <"$tmp/copy.cpu")"
for n in "${names[@]}"; do
    label="ODBC load"
    [ "$n" = before ] && label="ODBC load (before)"
    printf '%-22s best %.2f s (client CPU %.2f s); ratio per round: %s; median %.2f, %.2f–%.2f; ratio of bests %.2f\n' \
        "$label:" "$(best <"$tmp/$n.time")" "$(best <"$tmp/$n.cpu")" "$(tr '\n' ' ' <"$tmp/$n.ratio" | sed 's/ $//')" \
        "$(median <"$tmp/$n.ratio")" "$(sort -n "$tmp/$n.ratio" | head -1)" "$(sort -n "$tmp/$n.ratio" | tail -1)" \
        "$(echo "$(best <"$tmp/$n.time") / $(best <"$tmp/copy.time")" | bc -l)"
done
echo "target: ratio <= 1.5"
rm -rf "$tmp"
