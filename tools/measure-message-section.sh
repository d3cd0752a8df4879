#!/usr/bin/env bash
# What the message section costs the main module (README, "The message check, measured").
# `make build` ships the main module twice: `breach-check-with-message.wasm`, read by a page
# whose widgets show the section, and `breach-check.wasm`, built without it (build.rs's
# `without_message_section`) for every other page. This script builds three:
#
# - with-section: as breach-check-with-message.wasm;
# - without-section: as breach-check.wasm;
# - none-of-it: breach-check.wasm with the two exports of src/embed/message.rs removed too,
#   the closest build to a widget that never had the section. What breach-check.wasm keeps
#   over it is what a page without the section still pays for the section in the wasm; the
#   glue's share (in the loader: one glue serves both modules) is the last column.
#
# Each is measured gzip -9, as cargo writes it with the custom sections (names, producers)
# dropped, and as dist/ ships it (wasm-bindgen's no-modules glue, then `wasm-opt -Oz` with the
# flags of tools/build-dist.sh), the glue beside. The engine, breach-check-message.wasm, is
# part of none: `make build` then the e2e `size` check report it.
#
# The third build edits src/embed/message.rs in place and restores it on exit (even on a
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

exports=src/embed/message.rs
cp "$exports" "$out/message.rs.orig"
restore() {
  cp "$out/message.rs.orig" "$exports"
}
trap restore EXIT

build() {
  local name=$1
  shift
  env -u BREACH_CHECK_WITHOUT_MESSAGE_SECTION "$@" \
    cargo build --release --offline --locked --target wasm32-unknown-unknown --lib >&2
  cp "$target/wasm32-unknown-unknown/release/breach_check.wasm" "$out/$name.wasm"
}

build with-section
build without-section BREACH_CHECK_WITHOUT_MESSAGE_SECTION=1
python3 - "$exports" <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path).read()
cut = re.sub(r"#\[wasm_bindgen\(js_name = \w+\)\]\n", "", text)
assert cut.count("#[wasm_bindgen") == 0 and cut != text, "the exports were not found in " + path
open(path, "w").write(cut)
EOF
build none-of-it BREACH_CHECK_WITHOUT_MESSAGE_SECTION=1
restore
trap - EXIT

opt_flags="--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
for name in with-section without-section none-of-it; do
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
for name in ["with-section", "without-section", "none-of-it"]:
    raw = without_custom_sections(open(f"{out}/{name}.wasm", "rb").read())
    shipped = open(f"{out}/{name}/breach-check_bg.wasm", "rb").read()
    glue = open(f"{out}/{name}/breach-check.js", "rb").read()
    rows.append((name, len(raw), gz(raw), len(shipped), gz(shipped), gz(glue)))
print("| main module | cargo's wasm, no custom sections | gzip -9 "
      "| as shipped (wasm-bindgen, wasm-opt -Oz) | gzip -9 | its glue, gzip -9 |")
print("|---|---:|---:|---:|---:|---:|")
for name, *sizes in rows:
    print(f"| {name} | " + " | ".join(f"{s:,}" for s in sizes) + " |")
for label, a, b in [("the section's share in the module with it", 0, 2),
                    ("what the module without it keeps", 1, 2)]:
    print(f"| {label} | " + " | ".join(f"{x - y:,}" for x, y in zip(rows[a][1:], rows[b][1:])) + " |")
EOF
