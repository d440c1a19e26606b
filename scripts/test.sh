#!/usr/bin/env bash
# The whole test suite, from nothing: install the dependencies, configure and
# build (Release), run the example end to end, then every test under ctest;
# then the sanitizer stage: the test suite again under GCC's AddressSanitizer
# and UBSan (build-asan/), and every fuzz target for a few seconds
# (scripts/fuzz.sh, build-fuzz/), so a memory error, leak or undefined
# behaviour fails the run.
# Environment: BUILD_DIR (default build), JOBS (default 2), FUZZ_SECONDS (per
# fuzz target, default 20); VIGIL_SKIP_SANITIZERS=1 skips the sanitizer stage
# (for a quicker local run; CI always runs it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${BUILD_DIR:-build}"
jobs="${JOBS:-2}"

bash scripts/install-deps.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j"$jobs"

# End to end on the shipped example: a fixed work budget makes the run
# reproducible; `check` re-scores the written roster from scratch and exits
# non-zero if it breaks a hard rule.
echo "== smoke: solve and check examples/ward-14.txt"
"$build/vigil" solve examples/ward-14.txt --work 300000 --seed 1 --quiet --out "$build/ward-14-smoke.csv"
"$build/vigil" check examples/ward-14.txt "$build/ward-14-smoke.csv" >/dev/null
echo "== smoke: plan and check examples/unit-64.yaml"
"$build/vigil" solve examples/unit-64.yaml --work 2000000 --seed 1 --quiet --out-dir "$build/unit-64-smoke" --out "$build/unit-64-smoke.json"
"$build/vigil" check examples/unit-64.yaml "$build/unit-64-smoke.json" >/dev/null
echo "== smoke: ok"

ctest --test-dir "$build" --output-on-failure --no-tests=error -j"$jobs"

if [[ "${VIGIL_SKIP_SANITIZERS:-}" == 1 ]]; then
  echo "== sanitizers: skipped (VIGIL_SKIP_SANITIZERS=1)"
  exit 0
fi
sanitizers_start=$SECONDS
echo "== sanitizers: the test suite under ASan + UBSan (build-asan)"
# -O2 keeps the tests quick under the sanitizers; -g1 gives the reports their lines.
cmake -S . -B build-asan -DVIGIL_SANITIZE=ON -DCMAKE_BUILD_TYPE=Asan -DCMAKE_CXX_FLAGS_ASAN="-O2 -g1"
cmake --build build-asan -j"$jobs"
# Left out: ServeCrash.EveryAcknowledgedWriteSurvivesSigkill kills the server
# 30-400 ms after each start until 200 writes are acknowledged; under ASan
# each write is slower, few fit in a window, and it took 20 min instead of 5 s.
# It tests that the store keeps what was acknowledged, not memory; the Release
# run above keeps it. For the same reason the command line's kill tests
# (label durability, 130 runs of vigil killed while writing) run only there,
# and so does the Slurm job-array test (label slurm: it tests the scheduler's
# round trip, scripts/slurm-array-test.sh, not memory), and the guards of
# search figures (label figures: 48 repairs of a million moves each, ten
# times slower under ASan; the same code runs in the other tests).
UBSAN_OPTIONS=print_stacktrace=1 ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs" \
  -E '^ServeCrash\.EveryAcknowledgedWriteSurvivesSigkill$' -LE 'durability|slurm|figures'

echo "== sanitizers: every fuzz target for ${FUZZ_SECONDS:-20} s"
bash scripts/fuzz.sh all "${FUZZ_SECONDS:-20}"
echo "== sanitizers: ok in $((SECONDS - sanitizers_start)) s"
