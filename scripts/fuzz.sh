#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/: clang++, ASan + UBSan, into
# build-fuzz/) and runs one of them, or each in turn, for SECONDS seconds on
# its seed corpus (fuzz/corpus/TARGET/, read only) and the inputs earlier runs
# found (build-fuzz/corpus/TARGET/), printing how many inputs it ran.
# A crash, leak, sanitizer report, broken invariant, input slower than
# TIMEOUT seconds or memory past 2 GiB stops the target: its input is left in
# build-fuzz/artifacts/TARGET/, the report's end is printed, the exit status is 1.
#
# Usage: scripts/fuzz.sh TARGET|all SECONDS
# Targets: nrp_instance scenario events event_option roster_csv roster_json unit_plan unit_plan_small api_body
# Environment: BUILD_DIR (default build-fuzz), JOBS (default 2), TIMEOUT (default 20),
# FUZZ_FLAGS (more libFuzzer flags, e.g. "-max_len=2048" for more runs of small inputs).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${BUILD_DIR:-build-fuzz}"
jobs="${JOBS:-2}"
timeout="${TIMEOUT:-20}"
targets=(nrp_instance scenario events event_option roster_csv roster_json unit_plan unit_plan_small api_body)

usage() {
  echo "usage: scripts/fuzz.sh TARGET|all SECONDS (targets: ${targets[*]})" >&2
  exit 2
}
[[ $# -eq 2 && "$2" =~ ^[0-9]+$ && "$2" -gt 0 ]] || usage
if [[ "$1" == all ]]; then
  run=("${targets[@]}")
elif [[ " ${targets[*]} " == *" $1 "* ]]; then
  run=("$1")
else
  usage
fi
seconds="$2"

# -O2 for speed, line tables for the stacks; no NDEBUG (the default flags of a
# build type would add it).
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DVIGIL_FUZZ=ON -DVIGIL_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=Fuzz -DCMAKE_CXX_FLAGS_FUZZ="-O2 -gline-tables-only" >/dev/null
cmake --build "$build" -j"$jobs" --target "${run[@]/#/fuzz_}"

status=0
for t in "${run[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t" "$build/logs"
  log="$build/logs/$t.log"
  echo "== fuzz $t for ${seconds} s (log $log)"
  # The first folder takes what the run finds; the seeds in the second stay as they are.
  if UBSAN_OPTIONS=print_stacktrace=1 "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout="$timeout" \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" ${FUZZ_FLAGS:-} \
    "$build/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1; then
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
    corpus="$(find "$build/corpus/$t" "fuzz/corpus/$t" -type f | wc -l)"
    echo "fuzz $t: ${runs:-?} executions in ${seconds} s, ${corpus} inputs in the corpus, no finding"
  else
    status=1
    echo "fuzz $t: FINDING (the input is in $build/artifacts/$t/); the end of the report:"
    grep -v '^#[0-9]' "$log" | tail -n 60
  fi
done
exit "$status"
