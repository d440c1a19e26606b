#!/usr/bin/env bash
# ctest: `vigil k8s` writes an Indexed Job manifest for a small pair
# resilience run; validate.mjs checks it against the Kubernetes Job schema
# (kubernetes-models and yaml from the npm registry, npm ci from the
# committed lockfile into BUILD_DIR/k8s-deps). No cluster is needed.
#   tests/k8s/run.sh VIGIL_BINARY BUILD_DIR
set -euo pipefail
fail() {
  echo "k8s manifest: FAIL: $*" >&2
  exit 1
}
vigil="$(realpath "$1")"
build="$(realpath "$2")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v node >/dev/null 2>&1 || fail "node is missing (run scripts/install-deps.sh)"
command -v npm >/dev/null 2>&1 || fail "npm is missing (run scripts/install-deps.sh)"
deps="$build/k8s-deps"
if ! cmp -s "$here/package-lock.json" "$deps/package-lock.json" || [[ ! -d "$deps/node_modules/kubernetes-models" ]]; then
  rm -rf "$deps"
  mkdir -p "$deps"
  cp "$here/package.json" "$here/package-lock.json" "$deps/"
  (cd "$deps" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || fail "npm ci in $deps failed"
fi
work="$build/k8s-test"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
"$vigil" generate --people 24 --posts 2 --days 14 --out unit.yaml >/dev/null
"$vigil" solve unit.yaml --work 200000 --seed 1 --quiet --out plan.json --out-dir plan >/dev/null
"$vigil" k8s --tasks 8 --out job.yaml --name vigil-pairs --image vigil:test --claim vigil-data -- \
  resilience unit.yaml --roster plan.json --pairs --work 2000 --first-day 10 --last-day 12
cp "$here/validate.mjs" "$deps/validate.mjs"
node "$deps/validate.mjs" "$work/job.yaml" 8
