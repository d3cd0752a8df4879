#!/usr/bin/env bash
# What the message section costs the widget's own module, the one every host page downloads
# (README, "The message check, measured"): the release wasm of the main crate as it is,
# against the same build with the section compiled out (its render in src/ui/app.rs and the
# two exports of src/embed/message.rs removed, so that nothing reaches its code).
#
# Both builds are measured twice, each gzip -9: as cargo writes them with the custom sections
# (names, producers) dropped, and as dist/ ships them (wasm-bindgen's no-modules glue, then
# `wasm-opt -Oz` with the flags of tools/build-dist.sh), the glue beside. The difference is
# the section's share of the first paint. The engine itself, breach-check-message.wasm, is
# part of neither: `make build` then the e2e `size` check report it.
#
# The sources are edited in place for the second build and restored on exit (even on a
# failure or Ctrl-C); run it on a clean tree. Needs wasm-bindgen and wasm-opt on PATH
# (tools/setup.sh installs them; the Makefile shows where).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
target=${CARGO_TARGET_DIR:-$here/target}
out="$target/measure-message"
mkdir -p "$out"
for tool in wasm-bindgen wasm-opt; do
  command -v $tool >/dev/null || { echo "measure-message-section: $tool is needed on PATH" >&2; exit 1; }
done

app=src/ui/app.rs
exports=src/embed/message.rs
cp "$app" "$out/app.rs.orig"
cp "$exports" "$out/message.rs.orig"
restore() {
  cp "$out/app.rs.orig" "$app"
  cp "$out/message.rs.orig" "$exports"
}
trap restore EXIT

build() {
  cargo build --release --offline --locked --target wasm32-unknown-unknown --lib >&2
  cp "$target/wasm32-unknown-unknown/release/breach_check.wasm" "$out/$1.wasm"
}

build with-section

python3 - "$app" "$exports" <<'EOF'
import re, sys
app, exports = sys.argv[1], sys.argv[2]
text = open(app).read()
cut = re.sub(r"\n\s*if config\.sections\.message \{.*?\n\s*\}\n", "\n", text, count=1, flags=re.S)
assert cut != text, "the message section's render was not found in " + app
open(app, "w").write(cut)
text = open(exports).read()
cut = re.sub(r"#\[wasm_bindgen\(js_name = \w+\)\]\n", "", text)
assert cut.count("#[wasm_bindgen") == 0 and cut != text, "the exports were not found in " + exports
open(exports, "w").write(cut)
EOF
build without-section
restore
trap - EXIT

opt_flags="--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
for name in with-section without-section; do
  rm -rf "${out:?}/$name"
  wasm-bindgen --target no-modules --no-typescript --out-name breach-check --out-dir "$out/$name" \
    "$out/$name.wasm"
  # shellcheck disable=SC2086
  wasm-opt -Oz $opt_flags "$out/$name/breach-check_bg.wasm" -o "$out/$name/breach-check_bg.wasm"
done

python3 - "$out" <<'EOF'
import subprocess, sys
out = sys.argv[1]

def leb(data, at):
    value = shift = 0
    while True:
        byte = data[at]; at += 1
        value |= (byte & 0x7F) << shift; shift += 7
        if byte < 0x80:
            return value, at

def without_custom_sections(data):
    kept, at = bytearray(data[:8]), 8
    while at < len(data):
        start = at
        kind = data[at]; at += 1
        size, at = leb(data, at)
        at += size
        if kind != 0:
            kept += data[start:at]
    return bytes(kept)

def gz(data):
    return len(subprocess.run(["gzip", "-9", "-c", "-n"], input=data, capture_output=True,
                              check=True).stdout)

rows = []
for name in ["with-section", "without-section"]:
    raw = without_custom_sections(open(f"{out}/{name}.wasm", "rb").read())
    shipped = open(f"{out}/{name}/breach-check_bg.wasm", "rb").read()
    glue = open(f"{out}/{name}/breach-check.js", "rb").read()
    rows.append((name, len(raw), gz(raw), len(shipped), gz(shipped), gz(glue)))
print("| main module | cargo's wasm, no custom sections | gzip -9 "
      "| as shipped (wasm-bindgen, wasm-opt -Oz) | gzip -9 | its glue, gzip -9 |")
print("|---|---:|---:|---:|---:|---:|")
for name, *sizes in rows:
    print(f"| {name} | " + " | ".join(f"{s:,}" for s in sizes) + " |")
print("| the section's share | "
      + " | ".join(f"{a - b:,}" for a, b in zip(rows[0][1:], rows[1][1:])) + " |")
EOF
