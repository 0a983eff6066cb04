#!/usr/bin/env bash
# Measures Ctrl-C and the memory limit of an interactive realize on a generated portfolio.
#
#   bench/safety.sh [--scale large|medium|small] [safety.py options]
#
# Builds realize in release, generates the portfolio with ../shared/gen_portfolio.py into
# /tmp/realize-bench-SCALE (reused when its manifest matches), installs pexpect with pip if it
# is missing, then runs bench/safety.py, which drives the shell through a pseudo-terminal.
# Exits with safety.py's status: 0 when every Ctrl-C brought the prompt back and the runaway
# join stopped at the memory limit; see bench/README.md.
#
# Environment: REALIZE_SCRATCH_PATH  a SwiftPM scratch path for the build (default: .build)
#              REALIZE_BENCH_OUT     where to generate the data (default: /tmp/realize-bench-SCALE)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
script=safety.sh
source bench/lib.sh
parse_options large "$@"

# 1. realize, release build.
build_realize

# 2. The portfolio, unless an identical one is already there.
ensure_portfolio

# 3. pexpect.
if ! python3 -c "import pexpect" 2>/dev/null; then
    echo "== installing pexpect" >&2
    python3 -m pip install -q --disable-pip-version-check pexpect >&2
fi

# 4. The measurements.
exec python3 "$root/bench/safety.py" --realize "$bin" --data "$out" --scale "$scale" "${extra[@]+"${extra[@]}"}"
