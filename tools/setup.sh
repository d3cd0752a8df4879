#!/usr/bin/env bash
# Installs what the build and the tests need, at pinned versions, into a per-user cache
# outside the checkout, and skips whatever is already there. Idempotent: a second run on a
# warm machine takes a second or two.
#
#   tools/setup.sh build   wasm-bindgen-cli, wasm-opt (binaryen) and the wasm target
#   tools/setup.sh test    the above, the three browsers and their WebDriver servers (Debian's
#                          chromium + chromium-driver, firefox-esr, webkit2gtk-driver + xvfb;
#                          geckodriver from crates.io), axe-core, TypeScript and the React/Preact
#                          JSX types (npm)
#   tools/setup.sh bench   the test tools plus the meters compared by `make bench` (npm
#                          @zxcvbn-ts/* 4.x and zxcvbn 4.4.2)
#
# The supply chain: every cargo install is --locked (wasm-bindgen-cli from the lock committed
# in tools/locks/, see there); every npm install is `npm ci --ignore-scripts` from a lock
# committed in tools/locks/npm/<name>/, so the exact files, checked by their integrity
# hashes, and none of their install scripts.
#
# BREACH_CHECK_TOOLS overrides the cache folder (default ~/.cache/breach-check/tools).
set -euo pipefail

# The tools are built once per machine, and a fresh CI machine builds them inside its time
# limit: a release profile with fat LTO and one codegen unit (trunk's, when the build used it)
# took over 40 minutes of wall clock on a loaded 2-core machine. A tool's speed does not matter here, its build time
# does, so every `cargo install` below overrides the installed crates' release profile.
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_RELEASE_OPT_LEVEL=1

what=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
locks="$here/tools/locks"
tools=${BREACH_CHECK_TOOLS:-$HOME/.cache/breach-check/tools}
binaryen_version=132.0.0
axe_version=4.14.1
# TypeScript and the React and Preact JSX types the package is checked against; the folder
# name must match tests/e2e (versions as in tools/locks/npm/typecheck/package.json).
typecheck="typescript-5.9.3+react-types-19.3.3+preact-11.2.0"
geckodriver_version=0.37.1
# The meters `make bench` compares ours with; the folder name must match the Makefile's.
# Their exact versions are those of tools/locks/npm/bench-meters/package.json.
bench_meters="zxcvbn-ts-4.2.0+zxcvbn-4.4.2"
# wasm-bindgen-cli must equal the wasm-bindgen crate exactly: read the pin from Cargo.toml.
wasm_bindgen_version=$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' "$here/Cargo.toml")
[ -n "$wasm_bindgen_version" ] || { echo "setup: no exact wasm-bindgen pin in Cargo.toml" >&2; exit 1; }

log() { printf 'setup: %s\n' "$*"; }
mkdir -p "$tools"

# npm_tool DIR LOCK: installs the packages of tools/locks/npm/LOCK into $tools/DIR, exactly as
# locked, without running any package script.
npm_tool() {
  local dir=$tools/$1 lock=$locks/npm/$2
  rm -rf "$dir" "$dir.tmp"
  mkdir -p "$dir.tmp"
  cp "$lock/package.json" "$lock/package-lock.json" "$dir.tmp/"
  (cd "$dir.tmp" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  mv "$dir.tmp" "$dir"
}

# apt_install PACKAGE...: Debian packages, as root or through sudo.
apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown

# The builds run --offline, so every crate of Cargo.lock, for every target (the wasm32-only
# ones such as Yew included), is fetched here, checked against the lock's checksums.
( cd "$here" && cargo fetch --locked --quiet )


if [ ! -x "$tools/wasm-bindgen-$wasm_bindgen_version/bin/wasm-bindgen" ]; then
  log "installing wasm-bindgen-cli $wasm_bindgen_version (a few minutes, once)"
  # The crate's own lock pins a webpki-roots the registry no longer serves, so it is built
  # --locked from tools/locks/wasm-bindgen-cli-<version>.Cargo.lock: the crate's lock with
  # that one package moved to the release before it (`diff` the two to check).
  lock="$locks/wasm-bindgen-cli-$wasm_bindgen_version.Cargo.lock"
  [ -f "$lock" ] || { echo "setup: no $lock for the wasm-bindgen pin" >&2; exit 1; }
  work=$(mktemp -d)
  # Fetch the crate through cargo (checked against the registry's checksum) by installing it
  # as it is: that stops at its stale lock, once the source is in cargo's cache.
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version" --locked \
    --root "$work/unused" >/dev/null 2>&1 || true
  crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"wasm-bindgen-cli-$wasm_bindgen_version.crate" | head -1)
  tar -xzf "$crate" -C "$work"
  cp "$lock" "$work/wasm-bindgen-cli-$wasm_bindgen_version/Cargo.lock"
  cargo install --path "$work/wasm-bindgen-cli-$wasm_bindgen_version" --locked \
    --root "$tools/wasm-bindgen-$wasm_bindgen_version.tmp"
  rm -rf "$work" "$tools/wasm-bindgen-$wasm_bindgen_version"
  mv "$tools/wasm-bindgen-$wasm_bindgen_version.tmp" "$tools/wasm-bindgen-$wasm_bindgen_version"
fi

if [ ! -x "$tools/binaryen-${binaryen_version%%.*}/node_modules/.bin/wasm-opt" ]; then
  log "installing wasm-opt from npm binaryen@$binaryen_version"
  npm_tool "binaryen-${binaryen_version%%.*}" binaryen
fi

if [ "$what" = test ] || [ "$what" = bench ]; then
  if [ ! -f "$tools/axe-core-$axe_version/node_modules/axe-core/axe.min.js" ]; then
    log "installing axe-core $axe_version from npm (accessibility checks in the e2e tests)"
    npm_tool "axe-core-$axe_version" axe-core
  fi
  if [ ! -x "$tools/$typecheck/node_modules/.bin/tsc" ]; then
    log "installing $typecheck from npm (the package's type check)"
    npm_tool "$typecheck" typecheck
  fi
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing from Debian: ${missing[*]}"
    apt_install "${missing[@]}"
  fi
  if [ ! -x "$tools/geckodriver-$geckodriver_version/bin/geckodriver" ]; then
    log "installing geckodriver $geckodriver_version from crates.io (about 5 minutes, once)"
    cargo install geckodriver --version "=$geckodriver_version" --locked \
      --root "$tools/geckodriver-$geckodriver_version.tmp"
    rm -rf "$tools/geckodriver-$geckodriver_version"
    mv "$tools/geckodriver-$geckodriver_version.tmp" "$tools/geckodriver-$geckodriver_version"
  fi
fi
if [ "$what" = bench ] && [ ! -f "$tools/$bench_meters/node_modules/zxcvbn/dist/zxcvbn.js" ]; then
  log "installing the meters to compare from npm (tools/locks/npm/bench-meters)"
  npm_tool "$bench_meters" bench-meters
fi
log "tools ready in $tools"
