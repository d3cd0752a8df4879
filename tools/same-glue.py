#!/usr/bin/env python3
"""Checks that one wasm-bindgen glue can run both main modules (tools/build-dist.sh).

The loader carries a single glue: the one wasm-bindgen wrote for the main module with the
message section. It also instantiates the module built without the section, so that module
must need nothing that glue lacks and offer everything it calls:

- the two modules export the same names, of the same kinds;
- every import of the module without the section is one of the other's;
- the two glues are the same lines, once their `//` comments are dropped (they quote table
  indices, which differ), but for whole import entries (`__wbg_…: function (…) { … },`) that
  only the module with the section imports.

Usage: same-glue.py WITH_DIR WITHOUT_DIR (each holding breach-check.js and
breach-check_bg.wasm). Exits 1 with the first difference.
"""

import difflib
import re
import sys


def leb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def name(data, at):
    length, at = leb(data, at)
    return data[at:at + length].decode(), at + length


def interface(path):
    """The module's imports as {(module, name)} and exports as {(name, kind)}."""
    data = open(path, "rb").read()
    assert data[:8] == b"\0asm\1\0\0\0", f"{path} is not a wasm module"
    imports, exports, at = set(), set(), 8
    while at < len(data):
        section = data[at]
        size, at = leb(data, at + 1)
        body, end = at, at + size
        if section == 2:
            count, at = leb(data, body)
            for _ in range(count):
                module, at = name(data, at)
                field, at = name(data, at)
                kind = data[at]
                at += 1
                if kind == 0:  # a function: its type index
                    _, at = leb(data, at)
                elif kind == 1:  # a table: element type, then limits
                    at += 1
                    flags, at = leb(data, at)
                    _, at = leb(data, at)
                    if flags & 1:
                        _, at = leb(data, at)
                elif kind == 2:  # a memory: limits
                    flags, at = leb(data, at)
                    _, at = leb(data, at)
                    if flags & 1:
                        _, at = leb(data, at)
                elif kind == 3:  # a global: value type, mutability
                    at += 2
                else:
                    sys.exit(f"same-glue: {path}: import kind {kind} is not understood")
                imports.add((module, field))
        elif section == 7:
            count, at = leb(data, body)
            for _ in range(count):
                field, at = name(data, at)
                kind = data[at]
                _, at = leb(data, at + 1)
                exports.add((field, kind))
        at = end
    return imports, exports


def code_lines(path):
    return [line for line in open(path).read().splitlines() if not line.lstrip().startswith("//")]


ENTRY = re.compile(r"^(\s*)(__wbg_\w+): function\s*\(")


def without_entries(lines, names):
    """`lines` less the import entries named `names`: from `name: function(` to the `},` at
    its indentation."""
    kept, skipping = [], None
    for line in lines:
        if skipping is None:
            entry = ENTRY.match(line)
            if entry and entry.group(2) in names:
                skipping = entry.group(1) + "},"
                continue
            kept.append(line)
        elif line == skipping:
            skipping = None
    return kept


def main(with_dir, without_dir):
    with_imports, with_exports = interface(f"{with_dir}/breach-check_bg.wasm")
    without_imports, without_exports = interface(f"{without_dir}/breach-check_bg.wasm")
    if with_exports != without_exports:
        return f"the exports differ: {sorted(with_exports ^ without_exports)}"
    if not without_imports <= with_imports:
        return f"imports only the module without the section has: {sorted(without_imports - with_imports)}"
    only_with = {field for _, field in with_imports - without_imports}

    glue_with = without_entries(code_lines(f"{with_dir}/breach-check.js"), only_with)
    glue_without = code_lines(f"{without_dir}/breach-check.js")
    if glue_with != glue_without:
        diff = list(difflib.unified_diff(glue_with, glue_without, "with", "without", n=1, lineterm=""))
        return "the glues differ beyond the section's imports:\n" + "\n".join(diff[:20])
    return None


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    problem = main(sys.argv[1], sys.argv[2])
    if problem:
        print(f"same-glue: {problem}", file=sys.stderr)
        sys.exit(1)
