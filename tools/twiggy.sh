#!/usr/bin/env bash
# make twiggy: where the bytes of the shipped wasm go, by crate, by our modules and by
# content (tools/twiggy-report.py prints the tables the README quotes).
#
# The module is built as dist/'s is (release profile, wasm-bindgen, wasm-opt -Oz with the
# flags of www/index.html), with two differences that change no code byte: v0 symbol names
# (they keep generic arguments, so a Yew component's view is named after the component) and
# the name section kept (-g). It goes to target/twiggy/, apart from trunk's build.
set -euo pipefail
TOOLS=${TOOLS:-$HOME/.cache/breach-check/tools}
version=0.8.0

# twiggy from crates.io, in the per-user cache under its version; a copy the cache already
# holds unversioned (tools/twiggy) is used when it is that version.
twiggy=$TOOLS/twiggy-$version/bin/twiggy
if [ ! -x "$twiggy" ]; then
  if [ -x "$TOOLS/twiggy/bin/twiggy" ] && "$TOOLS/twiggy/bin/twiggy" --version | grep -q " $version\$"; then
    twiggy=$TOOLS/twiggy/bin/twiggy
  else
    cargo install twiggy --version "=$version" --locked --root "$TOOLS/twiggy-$version"
  fi
fi

out=target/twiggy
RUSTFLAGS="-C symbol-mangling-version=v0" \
  cargo build --lib --release --target wasm32-unknown-unknown --offline --target-dir "$out/cargo"
wasm-bindgen --target no-modules --out-dir "$out/pkg" "$out/cargo/wasm32-unknown-unknown/release/breach_check.wasm"
read -r -a features <<< "$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' www/index.html)"
wasm-opt -Oz -g "${features[@]}" "$out/pkg/breach_check_bg.wasm" -o "$out/named.wasm"
pack_json=$(ls -t "$out"/cargo/wasm32-unknown-unknown/release/build/breach-check-*/out/pack.json | head -n 1)
python3 tools/twiggy-report.py "$twiggy" "$out/named.wasm" dist/breach-check.wasm "$pack_json"
