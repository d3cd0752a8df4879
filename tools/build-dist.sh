#!/usr/bin/env bash
# Release build of the embeddable bundle into dist/ (what `make build` runs).
#
# The steps are the ones a bundler would run, written out: cargo builds the crate for
# wasm32, wasm-bindgen writes its no-modules glue (a classic script, so that
# tools/finish-dist.sh can put it inside the loader), wasm-opt shrinks the module, the demo
# and test host pages are copied, then tools/finish-dist.sh makes the loader one file, builds
# the message engine module and pins every hash.
#
# Why no Trunk? Trunk did exactly these steps, but a fresh machine had to compile it first:
# several hundred crates, over 40 minutes of wall clock on a loaded 2-core machine, inside CI's
# time limit. wasm-bindgen-cli and wasm-opt are needed either way.
#
# Needs on PATH (the Makefile puts the per-user tool cache there): wasm-bindgen equal to the
# crate's pin, wasm-opt from binaryen 132. Offline and --locked: the build uses Cargo.lock as
# committed and fetches nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
fail() { echo "build-dist: $*" >&2; exit 1; }

pin=$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}') || true
[ "$have" = "$pin" ] || fail "wasm-bindgen $pin is needed on PATH (found '${have:-none}'): run tools/setup.sh"
command -v wasm-opt >/dev/null || fail "wasm-opt is needed on PATH: run tools/setup.sh"

cargo build --release --offline --locked --target wasm32-unknown-unknown --lib

target=${CARGO_TARGET_DIR:-$here/target}
mkdir -p "$target"
stage=$(mktemp -d "$target/dist-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
# The glue is named after the package (breach-check.js), the name the loader keeps once the
# glue is inside it; tools/finish-dist.sh renames the module to breach-check.wasm.
wasm-bindgen --target no-modules --no-typescript --out-name breach-check --out-dir "$stage" \
  "$target/wasm32-unknown-unknown/release/breach_check.wasm"
# Only the features every supported engine has (Chrome 96, Firefox 101, Safari 16.4).
wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$stage/breach-check_bg.wasm" -o "$stage/breach-check_bg.wasm"

cp www/demo.css assets/breach-check.dict "$stage/"
cp -R www/hosts "$stage/hosts"
cp www/index.html "$stage/"

STAGE_DIR=$stage SOURCE_DIR=$here/www bash tools/finish-dist.sh

rm -rf dist
mkdir -p dist
cp -R "$stage"/. dist/
echo "build-dist: dist/ written ($(ls dist | tr '\n' ' '))"
