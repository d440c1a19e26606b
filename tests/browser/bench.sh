#!/usr/bin/env bash
# The page benchmark: how long chromium takes to show the rotation and a
# day's watch bill of unit-64 and of a 600-person, 84-day battalion
# (bench_page.mjs prints the table; docs/benchmark.md quotes it):
#   tests/browser/bench.sh VIGIL_BINARY BUILD_DIR [--runs N] [--work N]
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

export VIGIL_BINARY="$vigil" VIGIL_BUILD_DIR="$build" VIGIL_BROWSER_DEPS="$deps" CHROMIUM="$chromium"
exec node "$here/bench_page.mjs" "$@"
