#!/usr/bin/env bash
# Installs what vigil needs to build and run its tests, from the Debian 12
# (bookworm) archive. Safe to run again: when every package is already
# installed it returns at once, without touching apt.
set -euo pipefail

packages=(
  build-essential    # g++, make, libc headers
  cmake              # build system (3.25 in Debian 12)
  g++                # C++20 compiler (GCC 12)
  libcli11-dev       # CLI11: subcommands and typed options
  libfmt-dev         # fmt: text formatting
  nlohmann-json3-dev # nlohmann-json: JSON rosters and machine-readable output
  libgtest-dev       # GoogleTest libraries and CMake package
  googletest         # GoogleTest sources (the libgtest-dev companion)
  pkg-config         # finds CLP for CMake
  coinor-libclp-dev  # CLP: the LP solver behind column generation (lower bounds, dive)
  coinor-libcbc-dev  # CBC: branch and bound over column generation's pool of lines
  libyaml-cpp-dev    # yaml-cpp: scenario files, with line and column for every error
  libical-dev        # libical: each person's schedule as an iCalendar file
  libsqlite3-dev     # SQLite: the workspace store of `vigil serve`
  libsqlitecpp-dev   # SQLiteCpp: statements and transactions over SQLite, RAII
  libsodium-dev      # libsodium: random sign-in tokens, stored hashed
  libcpp-httplib-dev # cpp-httplib: the HTTP server of `vigil serve` (and the API tests' client)
  chromium           # the browser the page's end-to-end tests drive (tests/browser, through playwright-core)
  clang              # clang++ (14): builds the fuzz targets (scripts/fuzz.sh)
  libclang-rt-14-dev # libFuzzer and clang's ASan/UBSan runtimes for the fuzz targets
)
# Node and npm run the browser tests (playwright-core from the npm registry).
# A machine with its own Node keeps it; without one, Debian's (18) is enough.
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

if [[ -r /etc/os-release ]]; then
  # shellcheck disable=SC1091
  . /etc/os-release
  if [[ "${ID:-}" != "debian" || "${VERSION_ID:-}" != "12" ]]; then
    echo "install-deps: warning: written for Debian 12, this is ${PRETTY_NAME:-unknown}" >&2
  fi
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: missing packages (${missing[*]}); run this script as root" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
