#!/usr/bin/env bash
# Installs what the build and the tests need, at pinned versions, into a per-user cache
# outside the checkout, and skips whatever is already there. Idempotent: a second run on a
# warm machine takes a second or two.
#
#   tools/setup.sh build   trunk, wasm-bindgen-cli, wasm-opt (binaryen) and the wasm target
#   tools/setup.sh test    the above plus Debian's chromium and chromium-driver, and axe-core
#   tools/setup.sh bench   the test tools plus the meters compared by `make bench` (npm
#                          @zxcvbn-ts/* 4.x and zxcvbn 4.4.2)
#
# BREACH_CHECK_TOOLS overrides the cache folder (default ~/.cache/breach-check/tools).
set -euo pipefail

what=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
tools=${BREACH_CHECK_TOOLS:-$HOME/.cache/breach-check/tools}
trunk_version=0.21.14
binaryen_version=132.0.0
axe_version=4.14.1
# The meters `make bench` compares ours with; the folder name must match the Makefile's.
bench_meters="zxcvbn-ts-4.2.0+zxcvbn-4.4.2"
bench_packages="@zxcvbn-ts/core@4.2.0 @zxcvbn-ts/language-common@4.1.3 @zxcvbn-ts/language-fr@4.1.2 @zxcvbn-ts/language-en@4.1.1 zxcvbn@4.4.2"
# wasm-bindgen-cli must equal the wasm-bindgen crate exactly: read the pin from Cargo.toml.
wasm_bindgen_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$here/Cargo.toml")
[ -n "$wasm_bindgen_version" ] || { echo "setup: no exact wasm-bindgen pin in Cargo.toml" >&2; exit 1; }

log() { printf 'setup: %s\n' "$*"; }
mkdir -p "$tools"

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown

if [ ! -x "$tools/trunk-$trunk_version/bin/trunk" ]; then
  log "installing trunk $trunk_version (about 10 minutes, once)"
  cargo install trunk --version "=$trunk_version" --locked \
    --no-default-features --features rustls --root "$tools/trunk-$trunk_version.tmp"
  rm -rf "$tools/trunk-$trunk_version"
  mv "$tools/trunk-$trunk_version.tmp" "$tools/trunk-$trunk_version"
fi

if [ ! -x "$tools/wasm-bindgen-$wasm_bindgen_version/bin/wasm-bindgen" ]; then
  log "installing wasm-bindgen-cli $wasm_bindgen_version (a few minutes, once)"
  # Not --locked: its lock file pins a webpki-roots version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version" \
    --root "$tools/wasm-bindgen-$wasm_bindgen_version.tmp"
  rm -rf "$tools/wasm-bindgen-$wasm_bindgen_version"
  mv "$tools/wasm-bindgen-$wasm_bindgen_version.tmp" "$tools/wasm-bindgen-$wasm_bindgen_version"
fi

if [ ! -x "$tools/binaryen-${binaryen_version%%.*}/node_modules/.bin/wasm-opt" ]; then
  log "installing wasm-opt from npm binaryen@$binaryen_version"
  rm -rf "$tools/binaryen-${binaryen_version%%.*}"
  mkdir -p "$tools/binaryen-${binaryen_version%%.*}"
  npm install --prefix "$tools/binaryen-${binaryen_version%%.*}" --no-audit --no-fund \
    --loglevel=error "binaryen@$binaryen_version"
fi

if [ "$what" = test ] || [ "$what" = bench ]; then
  if [ ! -f "$tools/axe-core-$axe_version/node_modules/axe-core/axe.min.js" ]; then
    log "installing axe-core $axe_version from npm (accessibility checks in the e2e tests)"
    rm -rf "$tools/axe-core-$axe_version"
    mkdir -p "$tools/axe-core-$axe_version"
    npm install --prefix "$tools/axe-core-$axe_version" --no-audit --no-fund \
      --loglevel=error "axe-core@$axe_version"
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver from Debian"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
if [ "$what" = bench ] && [ ! -f "$tools/$bench_meters/node_modules/zxcvbn/dist/zxcvbn.js" ]; then
  log "installing the meters to compare from npm: $bench_packages"
  rm -rf "${tools:?}/$bench_meters"
  mkdir -p "$tools/$bench_meters"
  # shellcheck disable=SC2086 # one word per package
  npm install --prefix "$tools/$bench_meters" --no-audit --no-fund --loglevel=error $bench_packages
fi
log "tools ready in $tools"
