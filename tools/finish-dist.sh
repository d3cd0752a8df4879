#!/usr/bin/env bash
# The last step of tools/build-dist.sh: makes the loader one self-contained script, pins the
# hashes of the files it reads into it, then writes SHA384SUMS.
#
# wasm-bindgen's glue is named after the package (breach-check.js), which is the name
# the contract reserves for the loader a host references. The glue (built `--target
# no-modules`: a classic script, no import or import.meta) goes *into* the loader, inside its
# function scope, in place of the `// @GLUE@` line. It is the glue of the main module with
# the message section, which also runs the one without it (tools/build-dist.sh checks that
# with tools/same-glue.py). So the integrity attribute a host puts on breach-check.js covers
# every line of JavaScript, and the hashes in it cover the two main modules, the two
# engines' modules and the dictionary file.
set -euo pipefail
stage=${STAGE_DIR:?run by tools/build-dist.sh}
src=${SOURCE_DIR:?run by tools/build-dist.sh}
cd "$stage"
fail() { echo "finish-dist: $*" >&2; exit 1; }

glue=$(mktemp)
trap 'rm -f "$glue" "$glue.bare"' EXIT
mv breach-check.js "$glue"
for file in breach-check.wasm breach-check-with-message.wasm; do
  [ -f "$file" ] || fail "$file is missing (tools/build-dist.sh writes it)"
done
# The no-modules glue declares `let wasm_bindgen = (function (exports) { … })(…);`; an ES
# module glue (the `web` target) would need import() again.
grep -q '^let wasm_bindgen = ' "$glue" || fail "the glue is not wasm-bindgen's no-modules output (data-bindgen-target)"
if grep -qE '\bimport\.meta\b|^(import|export) ' "$glue"; then fail "the glue is an ES module"; fi
# The loader hides `document` from the glue: it may only use it to guess its own URL.
uses=$(grep -cE '(^|[^.[:alnum:]_$])document\b' "$glue" || true)
[ "$uses" -le 2 ] || fail "the glue uses the global document ($uses lines): check tools/finish-dist.sh's wrapping"

[ "$(grep -c '// @GLUE@$' "$src/breach-check.js")" -eq 1 ] || fail "www/breach-check.js needs exactly one // @GLUE@ line"
# Comments are for readers of the sources, not for every visitor's download: the loader's
# and the glue's whole-line `//` comments and the glue's `/** … */` doc blocks (from the Rust
# doc comments) are left out of the shipped file.
awk '/^[ \t]*\/\*\*[ \t]*$/ { doc = 1 } !doc && !/^[ \t]*\/\// { print } doc && /^[ \t]*\*\/[ \t]*$/ { doc = 0 }' "$glue" > "$glue.bare"
awk -v glue="$glue.bare" '
  /\/\/ @GLUE@$/ { while ((getline line < glue) > 0) print "    " line; print "    return wasm_bindgen;"; next }
  /^[ \t]*\/\// { next }
  { print }
' "$src/breach-check.js" > breach-check.js

# The engines: the message check's (engines/message) and the password meter's estimator
# (engines/password), each a wasm module of its own, built here from the same workspace and
# lockfile, optimised like the main one, and refused if it imports anything or lacks its
# exports (the loader instantiates them with no imports at all). The loader reads each only
# when a visitor first uses a section that needs it, so they cost the first paint nothing.
root=$(cd "$src/.." && pwd)
check_module() {
  python3 - "$@" <<'PY'
import sys
path, wanted = sys.argv[1], set(sys.argv[2:])
data = open(path, "rb").read()
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
assert wanted <= exports, exports
PY
}
build_engine() {
  local package=$1 out=$2
  shift 2
  cargo build --release --offline --locked --target wasm32-unknown-unknown \
    --manifest-path "$root/Cargo.toml" -p "$package"
  wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/release/${package//-/_}.wasm" -o "$out"
  check_module "$out" memory "$@" || fail "$out imports something, or lacks memory/$*"
}
message=breach-check-message.wasm
password=breach-check-password.wasm
build_engine breach-check-message "$message" alloc check
build_engine breach-check-password "$password" alloc rate dictionary

sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }
# The loader carries the hash of every file it reads (placeholders @SRI:<file>@), so a host's
# integrity attribute on the loader covers the whole bundle; the loader is hashed last.
for file in breach-check.wasm breach-check-with-message.wasm breach-check.dict "$message" "$password"; do
  [ -f "$file" ] || fail "$file is missing"
  # Base64 never contains '|', so it is a safe sed delimiter.
  sed -i "s|@SRI:$file@|$(sri "$file")|" breach-check.js
done
if grep -q '@SRI:' breach-check.js; then fail "breach-check.js still has an unfilled @SRI: placeholder"; fi

: > SHA384SUMS
for file in breach-check.js breach-check.wasm breach-check-with-message.wasm "$message" "$password" *.dict; do
  [ -f "$file" ] || continue
  printf '%s  %s\n' "$(sri "$file")" "$file" >> SHA384SUMS
done
