#!/usr/bin/env bash
# Runs one libFuzzer target: replays its regression inputs, then fuzzes.
#   run_target.sh BINARY REGRESSION_DIR SECONDS WORK_DIR [SEED...]
# A SEED is a file or directory used as is, "lines:FILE" (one input per line,
# for JSON lines), "lines40:FILE" (one input per 40 lines) or "dict:FILE" (a
# libFuzzer dictionary). Seeds are
# expanded into WORK_DIR/seeds on every run; new inputs the fuzzer finds go to
# WORK_DIR/corpus and are kept between runs; a crash is written to
# WORK_DIR/crash-* and fails the run. EARSHOT_FUZZ_SECONDS in the environment
# overrides SECONDS (fuzz/run.sh). The whole run is bounded by SECONDS + 120.
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: $0 BINARY REGRESSION_DIR SECONDS WORK_DIR [SEED...]" >&2; exit 2; }
binary=$1 regressions=$2 seconds=${EARSHOT_FUZZ_SECONDS:-$3} work=$4
shift 4

rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus"
n=0
dict=()
for seed in "$@"; do
  case $seed in
    dict:*) dict=(-dict="${seed#dict:}") ;;
    lines:* | lines[0-9]*:*)
      spec=${seed%%:*} file=${seed#*:} per=${spec#lines}
      split -l "${per:-1}" -a 5 -d "$file" "$work/seeds/$(basename "$file")." ;;
    *)
      if [ -d "$seed" ]; then
        cp -- "$seed"/* "$work/seeds/" 2>/dev/null || true
      else
        cp -- "$seed" "$work/seeds/$((n++))-$(basename "$seed")"
      fi ;;
  esac
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# 1. Every input that once crashed a target must keep passing.
if compgen -G "$regressions/*" >/dev/null; then
  echo "== replaying $(ls "$regressions" | wc -l) regression input(s) from $regressions"
  "$binary" -runs=1 "$regressions"/*
fi

# 2. Fuzz from the seeds, the corpus so far and the regressions.
dirs=("$work/corpus" "$work/seeds")
[ -d "$regressions" ] && dirs+=("$regressions")
echo "== fuzzing $(basename "$binary") for ${seconds}s"
exec timeout -k 10 $((seconds + 120)) "$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
  -print_final_stats=1 -artifact_prefix="$work/" "${dict[@]}" "${dirs[@]}"
