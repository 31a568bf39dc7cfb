#!/usr/bin/env bash
# Runs the fuzz targets longer than CI does, by hand (docs/reliability.md):
#   fuzz/run.sh [SECONDS] [REGEX]
# SECONDS per target (default 600); REGEX picks targets (ctest -R, e.g.
# "decode|rules"). Builds the `fuzz` preset (clang) first. The corpus grows in
# build/fuzz/fuzz/work/<target>/corpus across runs; crashes are written next to
# it as crash-* and listed at the end. A crash is fixed in the code, and its
# input added to fuzz/regressions/<target>/ so that every later run replays it.
# Set EARSHOT_FUZZ_JOBS=2 to run two targets at once.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
regex=${2:-}

nice -n 5 cmake --preset fuzz >/dev/null
nice -n 5 cmake --build --preset fuzz
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
status=0
EARSHOT_FUZZ_SECONDS=$seconds nice -n 5 ctest --preset fuzz -j "${EARSHOT_FUZZ_JOBS:-1}" \
  ${regex:+-R "$regex"} || status=$?

crashes=$(find build/fuzz/fuzz/work -maxdepth 2 -newer "$marker" \
  \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
if [ -n "$crashes" ]; then
  echo "fuzz/run.sh: inputs that failed (replay one: build/fuzz/fuzz/<target>_fuzzer FILE):"
  echo "$crashes"
fi
exit $status
