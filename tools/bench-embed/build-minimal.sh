#!/usr/bin/env bash
# Builds the yardstick of `make bench-embed` into target/bench-embed/app/ (minimal.js,
# minimal.wasm) as dist/ is built: the same release profile (checked here), wasm-bindgen
# `--target no-modules` with its doc comments left out, wasm-opt -Oz with the flags of
# www/index.html, and one script (glue, then loader) as the widget's loader is one script.
set -euo pipefail
here=tools/bench-embed/minimal
out=target/bench-embed
fail() { echo "bench-embed: $*" >&2; exit 1; }

# "The same profile": the [profile.release] sections of the two manifests, line for line.
profile() { sed -n '/^\[profile\.release\]/,/^\[/p' "$1" | grep -v '^\[' | grep -v '^#' | sed '/^$/d'; }
[ "$(profile Cargo.toml)" = "$(profile "$here/Cargo.toml")" ] \
  || fail "$here/Cargo.toml's [profile.release] differs from Cargo.toml's: make them the same"

cargo build --release --target wasm32-unknown-unknown --offline --locked \
  --manifest-path "$here/Cargo.toml" --target-dir "$out/cargo"
wasm-bindgen --target no-modules --out-dir "$out/pkg" \
  "$out/cargo/wasm32-unknown-unknown/release/bench_embed_minimal.wasm"
read -r -a features <<< "$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' www/index.html)"
mkdir -p "$out/app"
wasm-opt -Oz "${features[@]}" "$out/pkg/bench_embed_minimal_bg.wasm" -o "$out/app/minimal.wasm"
{
  awk '/^[ \t]*\/\*\*[ \t]*$/ { doc = 1 } !doc { print } doc && /^[ \t]*\*\/[ \t]*$/ { doc = 0 }' \
    "$out/pkg/bench_embed_minimal.js"
  cat "$here/loader.js"
} > "$out/app/minimal.js"
