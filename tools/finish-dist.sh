#!/usr/bin/env bash
# Trunk post-build hook: gives the bundle its public layout, pins the hashes of the files the
# loader reads into the loader, then writes SHA384SUMS.
#
# Trunk names the wasm-bindgen glue after the package (breach-check.js), which is the name
# the contract reserves for the loader a host references. So the glue becomes
# breach-check-glue.js, the wasm breach-check.wasm, and the loader is copied in last.
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
src=${TRUNK_SOURCE_DIR:?run by trunk as a post_build hook}
cd "$stage"
mv breach-check.js breach-check-glue.js
mv breach-check_bg.wasm breach-check.wasm
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }

# The loader carries the hash of every file it reads (placeholders @SRI:<file>@), so a host's
# integrity attribute on the loader covers the whole bundle; the loader is hashed last.
cp "$src/breach-check.js" breach-check.js
for file in breach-check-glue.js breach-check.wasm breach-check.dict; do
  [ -f "$file" ] || { echo "finish-dist: $file is missing" >&2; exit 1; }
  # Base64 never contains '|', so it is a safe sed delimiter.
  sed -i "s|@SRI:$file@|$(sri "$file")|" breach-check.js
done
if grep -q '@SRI:' breach-check.js; then
  echo "finish-dist: breach-check.js still has an unfilled @SRI: placeholder" >&2
  exit 1
fi

: > SHA384SUMS
for file in breach-check.js breach-check-glue.js breach-check.wasm *.dict; do
  [ -f "$file" ] || continue
  printf '%s  %s\n' "$(sri "$file")" "$file" >> SHA384SUMS
done
