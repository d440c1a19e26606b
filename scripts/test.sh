#!/usr/bin/env bash
# The whole test suite, from nothing: install the dependencies, configure and
# build (Release), run the example end to end, then every test under ctest.
# Environment: BUILD_DIR (default build), JOBS (default 2).
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
