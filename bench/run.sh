#!/usr/bin/env bash
# Benchmarks realize against DuckDB and Polars on a generated portfolio.
#
#   bench/run.sh [--scale small|medium|large] [--runs N]
#
# Builds realize in release, generates the portfolio with ../shared/gen_portfolio.py into
# /tmp/realize-bench-SCALE (reused when its manifest matches), installs duckdb and polars
# with pip if they are missing (a peer that cannot be installed is skipped), then runs
# bench/bench.py. Exits 0 when realize loaded the data; see bench/README.md.
#
# Environment: REALIZE_SCRATCH_PATH  a SwiftPM scratch path for the build (default: .build)
#              REALIZE_BENCH_OUT     where to generate the data (default: /tmp/realize-bench-SCALE)
set -euo pipefail

scale=medium
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) scale="${2:?--scale needs small, medium or large}"; shift 2 ;;
        --scale=*) scale="${1#--scale=}"; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) extra+=("$1"); shift ;;
    esac
done
case "$scale" in small|medium|large) ;; *) echo "run.sh: unknown scale '$scale' (small, medium or large)" >&2; exit 2 ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
script=run.sh
out="${REALIZE_BENCH_OUT:-/tmp/realize-bench-$scale}"
source bench/lib.sh

# 1. realize, release build.
build_realize

# 2. The portfolio, unless an identical one is already there.
ensure_portfolio

# 3. The peers.
for peer in duckdb polars fastexcel; do
    if ! python3 -c "import $peer" 2>/dev/null; then
        echo "== installing $peer" >&2
        python3 -m pip install -q --disable-pip-version-check "$peer" >&2 2>/dev/null \
            || echo "run.sh: could not install $peer; it is skipped" >&2
    fi
done

# 4. The measurements.
status=0
python3 "$root/bench/bench.py" --realize "$bin" --data "$out" --scale "$scale" "${extra[@]+"${extra[@]}"}" || status=$?
python3 "$root/bench/formats.py" --realize "$bin" --data "$out" "${extra[@]+"${extra[@]}"}" || status=$((status ? status : $?))
python3 "$root/bench/xlsx.py" --realize "$bin" --data "$out" --rows "$([ "$scale" = small ] && echo 5000 || echo 500000)" || status=$((status ? status : $?))
python3 "$root/bench/workspace.py" --realize "$bin" --data "$out" --scale "$scale" || status=$((status ? status : $?))
exit "$status"
