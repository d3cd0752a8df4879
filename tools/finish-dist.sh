#!/usr/bin/env bash
# Trunk post-build hook: gives the bundle its public layout, then writes SHA384SUMS.
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
cp "$src/breach-check.js" breach-check.js
: > SHA384SUMS
for file in breach-check.js breach-check-glue.js breach-check.wasm *.dict; do
  [ -f "$file" ] || continue
  printf 'sha384-%s  %s\n' "$(openssl dgst -sha384 -binary "$file" | base64 -w0)" "$file" >> SHA384SUMS
done
