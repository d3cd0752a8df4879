#!/usr/bin/env bash
# make package: the release bundle in dist/ as an npm package, breach-check-<version>.tgz
# (version from Cargo.toml), which `npm install ./breach-check-<version>.tgz` accepts.
#
#   tools/package/make-package.sh [out-dir]      (default: target/package)
#
# It holds the files a host deploys, exactly those dist/SHA384SUMS lists, SHA384SUMS itself,
# the licence texts (the project's MIT, and CC BY-SA 4.0 for the dictionary with its
# attributions), README.md, breach-check.d.ts (+ react.d.ts, preact.d.ts) and
# custom-elements.json, generated from tools/package/element.json and the data pack's ids.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$here/target/package}
dist=$here/dist
[ -f "$dist/SHA384SUMS" ] || { echo "make-package: no $dist/SHA384SUMS: run make build first" >&2; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$here/Cargo.toml" | head -1)
[ -n "$version" ] || { echo "make-package: no version in Cargo.toml" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/breach-check
mkdir -p "$stage" "$out"

# The deployable files: whatever the build listed, checked against their hashes on the way.
files=()
while read -r hash file; do
  [ -n "$file" ] || continue
  cp "$dist/$file" "$stage/$file"
  actual="sha384-$(openssl dgst -sha384 -binary "$stage/$file" | base64 -w0)"
  [ "$actual" = "$hash" ] || { echo "make-package: $file does not match dist/SHA384SUMS" >&2; exit 1; }
  files+=("$file")
done < "$dist/SHA384SUMS"
cp "$dist/SHA384SUMS" "$stage/SHA384SUMS"
cp "$here/tools/package/licenses/MIT.txt" "$stage/LICENSE"
cat "$here/tools/package/licenses/dictionary-notice.txt" "$here/tools/package/licenses/CC-BY-SA-4.0.txt" \
  > "$stage/LICENSE-dictionary.txt"
sed "s/@VERSION@/$version/g" "$here/tools/package/README.md" > "$stage/README.md"

python3 "$here/tools/package/pack_ids.py" "$here/src/pack/pack.toml" > "$work/ids.json"
node "$here/tools/package/generate.mjs" "$stage" "$version" "$work/ids.json" \
  "${files[@]}" SHA384SUMS LICENSE LICENSE-dictionary.txt README.md

(cd "$stage" && npm pack --ignore-scripts --silent --pack-destination "$out" >/dev/null)
echo "$out/breach-check-$version.tgz"
