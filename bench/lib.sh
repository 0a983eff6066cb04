# Shared by bench/run.sh and bench/safety.sh (sourced after `cd` to the repository root, with
# `script` set): their options, a release build of realize, and the generated portfolio.
#
# Environment: REALIZE_SCRATCH_PATH  a SwiftPM scratch path for the build (default: .build)

# Reads `--scale S` (or `--scale=S`; default $1) and `-h`/`--help` from the rest of the arguments, and
# sets `scale`, `out` (REALIZE_BENCH_OUT, or /tmp/realize-bench-SCALE) and `extra` (the arguments
# left, passed on to the Python script). Help prints the calling script's header comment.
parse_options() {
    scale="$1"; shift
    extra=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --scale) scale="${2:?--scale needs small, medium or large}"; shift 2 ;;
            --scale=*) scale="${1#--scale=}"; shift ;;
            -h|--help) sed -n '2,14p' "bench/$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
            *) extra+=("$1"); shift ;;
        esac
    done
    case "$scale" in
        small|medium|large) ;;
        *) echo "$script: unknown scale '$scale' (small, medium or large)" >&2; exit 2 ;;
    esac
    out="${REALIZE_BENCH_OUT:-/tmp/realize-bench-$scale}"
}

# Builds realize in release and sets `bin` to its path.
build_realize() {
    local build=(swift build -c release --product realize)
    if [ -n "${REALIZE_SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$REALIZE_SCRATCH_PATH"); fi
    echo "== building realize (release)" >&2
    "${build[@]}" >&2
    bin="$("${build[@]}" --show-bin-path)/realize"
}

# Generates the `scale` portfolio into `out` with ../shared/gen_portfolio.py, unless an identical one
# (same scale, seed and file sizes, per its manifest) is already there.
ensure_portfolio() {
    local gen="$PWD/../shared/gen_portfolio.py"
    if [ ! -f "$gen" ]; then echo "$script: $gen not found (the shared folder sits beside the repo)" >&2; exit 2; fi
    if python3 - "$out" "$scale" <<'PY'
import json, os, sys
out, scale = sys.argv[1], sys.argv[2]
try:
    man = json.load(open(os.path.join(out, "manifest.json"), encoding="utf-8"))
    ok = man.get("scale") == scale and man.get("seed") == 20240601 and all(
        os.path.getsize(os.path.join(out, name)) == meta["bytes"] for name, meta in man["files"].items())
except (OSError, ValueError, KeyError):
    ok = False
sys.exit(0 if ok else 1)
PY
    then
        echo "== reusing $out" >&2
    else
        echo "== generating the $scale portfolio into $out" >&2
        python3 "$gen" --scale "$scale" --out "$out" --quiet
    fi
}
