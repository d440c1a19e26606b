# Sourced by run.sh (the browser tests) and bench.sh (the page benchmark):
# checks that node (18 or newer), npm and Debian's chromium are here (a FAIL
# naming the missing one otherwise: scripts/install-deps.sh installs them)
# and installs playwright-core from the committed lockfile into
# BUILD_DIR/browser-deps (npm ci, only when the lockfile changed).
# Expects: $1 the vigil binary, $2 the build folder; sets vigil, build, here,
# chromium, deps and shifts the two arguments away.
# Environment: CHROMIUM (default /usr/bin/chromium).
fail() {
  echo "browser tests: FAIL: $*" >&2
  exit 1
}

[[ $# -ge 2 ]] || fail "usage: $(basename "$0") VIGIL_BINARY BUILD_DIR [OPTIONS]"
vigil="$(realpath "$1")"
build="$(realpath "$2")"
shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"

[[ -x "$vigil" ]] || fail "$vigil: no vigil binary (build it first)"
command -v node >/dev/null 2>&1 || fail "node is missing (run scripts/install-deps.sh: it installs Debian's nodejs and npm)"
command -v npm >/dev/null 2>&1 || fail "npm is missing (run scripts/install-deps.sh: it installs Debian's npm)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" -ge 18 ]] || fail "node $(node --version) is too old: the tests need Node 18 or newer"
[[ -x "$chromium" ]] || fail "$chromium is missing (run scripts/install-deps.sh: it installs Debian's chromium)"

# The lockfile names its packages' addresses: the npm registry only.
if grep -o '"resolved": *"[^"]*"' "$here/package-lock.json" | grep -v '"https://registry.npmjs.org/' ; then
  fail "tests/browser/package-lock.json: every package must come from https://registry.npmjs.org/"
fi

deps="$build/browser-deps"
if ! cmp -s "$here/package-lock.json" "$deps/package-lock.json" || [[ ! -d "$deps/node_modules/playwright-core" ]]; then
  echo "browser tests: npm ci (playwright-core, no browser download) into $deps"
  rm -rf "$deps"
  mkdir -p "$deps"
  cp "$here/package.json" "$here/package-lock.json" "$deps/"
  (cd "$deps" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || fail "npm ci in $deps failed"
fi

