#!/usr/bin/env bash
# Release build of the embeddable bundle into dist/ (what `make build` runs).
#
# The steps are the ones a bundler would run, written out: cargo builds the crate for
# wasm32 (twice: with the message section and without it), wasm-bindgen writes its no-modules
# glue (a classic script, so that tools/finish-dist.sh can put it inside the loader), wasm-opt
# shrinks the modules, the demo and test host pages are copied, then tools/finish-dist.sh
# makes the loader one file, builds the two engines' modules and pins every hash.
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

target=${CARGO_TARGET_DIR:-$here/target}
mkdir -p "$target"
stage=$(mktemp -d "$target/dist-stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT

# The main module, built twice from the same sources: with the message section, for the
# widgets that show it, and without it (build.rs's `without_message_section`), the one every
# other host page downloads. The glue is named after the package (breach-check.js), the name
# the loader keeps once the glue is inside it.
main_module() {
  local out=$1 section=$2
  if [ "$section" = with ]; then
    env -u BREACH_CHECK_WITHOUT_MESSAGE_SECTION \
      cargo build --release --offline --locked --target wasm32-unknown-unknown --lib
  else
    BREACH_CHECK_WITHOUT_MESSAGE_SECTION=1 \
      cargo build --release --offline --locked --target wasm32-unknown-unknown --lib
  fi
  wasm-bindgen --target no-modules --no-typescript --out-name breach-check --out-dir "$out" \
    "$target/wasm32-unknown-unknown/release/breach_check.wasm"
  # Only the features every supported engine has (Chrome 96, Firefox 101, Safari 16.4).
  wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/breach-check_bg.wasm" -o "$out/breach-check_bg.wasm"
}
main_module "$stage/with-message" with
main_module "$stage/without-message" without
# The loader carries one glue for both: the one of the module with the section, which must be
# the other's line for line but for its comments and the imports only the section uses.
python3 tools/same-glue.py "$stage/with-message" "$stage/without-message" \
  || fail "the two main modules need different glue (tools/same-glue.py says why)"
mv "$stage/with-message/breach-check.js" "$stage/breach-check.js"
mv "$stage/with-message/breach-check_bg.wasm" "$stage/breach-check-with-message.wasm"
mv "$stage/without-message/breach-check_bg.wasm" "$stage/breach-check.wasm"
rm -rf "$stage/with-message" "$stage/without-message"

cp www/demo.css assets/breach-check.dict "$stage/"
cp -R www/hosts "$stage/hosts"
cp www/index.html "$stage/"

STAGE_DIR=$stage SOURCE_DIR=$here/www bash tools/finish-dist.sh

rm -rf dist
mkdir -p dist
cp -R "$stage"/. dist/
echo "build-dist: dist/ written ($(ls dist | tr '\n' ' '))"
