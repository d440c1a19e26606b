#!/usr/bin/env bash
# The browser tests of the page of `vigil serve`, as ctest runs them:
#   tests/browser/run.sh VIGIL_BINARY BUILD_DIR [NODE TEST OPTIONS...]
# Prepares node, chromium and playwright-core (setup.sh), then hands over to
# harness.mjs: it plans unit-64, starts the server on a free port,
# runs the tests in chromium and always stops the server. Screenshots and the
# printed watch bill land in BUILD_DIR/browser-artifacts.
# Environment: CHROMIUM (default /usr/bin/chromium).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

export VIGIL_BINARY="$vigil" VIGIL_BUILD_DIR="$build" VIGIL_BROWSER_DEPS="$deps" CHROMIUM="$chromium"
exec node "$here/harness.mjs" "$@"
