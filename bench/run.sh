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

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
script=run.sh
source bench/lib.sh
parse_options medium "$@"

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
