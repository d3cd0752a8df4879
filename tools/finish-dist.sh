#!/usr/bin/env bash
# Trunk post-build hook: makes the loader one self-contained script, pins the hashes of the
# files it reads into it, then writes SHA384SUMS.
#
# Trunk names the wasm-bindgen glue after the package (breach-check.js), which is the name
# the contract reserves for the loader a host references. The glue (built `--target
# no-modules`: a classic script, no import or import.meta) goes *into* the loader, inside its
# function scope, in place of the `// @GLUE@` line; the wasm becomes breach-check.wasm. So
# the integrity attribute a host puts on breach-check.js covers every line of JavaScript,
# and the hashes in it cover the wasm and the dictionary file.
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
src=${TRUNK_SOURCE_DIR:?run by trunk as a post_build hook}
cd "$stage"
fail() { echo "finish-dist: $*" >&2; exit 1; }

glue=$(mktemp)
trap 'rm -f "$glue" "$glue.bare"' EXIT
mv breach-check.js "$glue"
mv breach-check_bg.wasm breach-check.wasm
# The no-modules glue declares `let wasm_bindgen = (function (exports) { … })(…);`; an ES
# module glue (the `web` target) would need import() again.
grep -q '^let wasm_bindgen = ' "$glue" || fail "the glue is not wasm-bindgen's no-modules output (data-bindgen-target)"
if grep -qE '\bimport\.meta\b|^(import|export) ' "$glue"; then fail "the glue is an ES module"; fi
# The loader hides `document` from the glue: it may only use it to guess its own URL.
uses=$(grep -cE '(^|[^.[:alnum:]_$])document\b' "$glue" || true)
[ "$uses" -le 2 ] || fail "the glue uses the global document ($uses lines): check tools/finish-dist.sh's wrapping"

[ "$(grep -c '// @GLUE@$' "$src/breach-check.js")" -eq 1 ] || fail "www/breach-check.js needs exactly one // @GLUE@ line"
# Comments are for readers of the sources, not for every visitor's download: the loader's
# whole-line `//` comments and the glue's `/** … */` doc blocks (from the Rust doc comments)
# are left out of the shipped file.
awk '/^[ \t]*\/\*\*[ \t]*$/ { doc = 1 } !doc { print } doc && /^[ \t]*\*\/[ \t]*$/ { doc = 0 }' "$glue" > "$glue.bare"
awk -v glue="$glue.bare" '
  /\/\/ @GLUE@$/ { while ((getline line < glue) > 0) print "    " line; print "    return wasm_bindgen;"; next }
  /^[ \t]*\/\// { next }
  { print }
' "$src/breach-check.js" > breach-check.js

# The message check's engine: a second wasm module (engines/message), built here from the same
# workspace and lockfile, optimised like the main one, and refused if it imports anything
# (the loader instantiates it with no imports at all). The loader reads it only when a
# visitor first uses a message section, so it costs the first paint nothing.
engine=breach-check-message.wasm
root=$(cd "$src/.." && pwd)
cargo build --release --offline --locked --target wasm32-unknown-unknown \
  --manifest-path "$root/Cargo.toml" -p breach-check-message
wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/release/breach_check_message.wasm" -o "$engine"
python3 - "$engine" <<'PY' || fail "$engine imports something, or lacks memory/alloc/check"
import sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\0asm\1\0\0\0"
def leb(at):
    value = shift = 0
    while True:
        byte = data[at]; at += 1
        value |= (byte & 0x7f) << shift; shift += 7
        if byte < 0x80: return value, at
at, exports = 8, set()
while at < len(data):
    section = data[at]; size, at = leb(at + 1); body = at
    if section == 2:
        count, _ = leb(body)
        assert count == 0, "imports"
    if section == 7:
        count, at = leb(body)
        for _ in range(count):
            length, at = leb(at); exports.add(data[at:at + length].decode()); at += length + 1
            _, at = leb(at)
    at = body + size
assert {"memory", "alloc", "check"} <= exports, exports
PY

sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }
# The loader carries the hash of every file it reads (placeholders @SRI:<file>@), so a host's
# integrity attribute on the loader covers the whole bundle; the loader is hashed last.
for file in breach-check.wasm breach-check.dict "$engine"; do
  [ -f "$file" ] || fail "$file is missing"
  # Base64 never contains '|', so it is a safe sed delimiter.
  sed -i "s|@SRI:$file@|$(sri "$file")|" breach-check.js
done
if grep -q '@SRI:' breach-check.js; then fail "breach-check.js still has an unfilled @SRI: placeholder"; fi

: > SHA384SUMS
for file in breach-check.js breach-check.wasm "$engine" *.dict; do
  [ -f "$file" ] || continue
  printf '%s  %s\n' "$(sri "$file")" "$file" >> SHA384SUMS
done
