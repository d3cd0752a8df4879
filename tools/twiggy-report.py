#!/usr/bin/env python3
"""Where the bytes of the shipped wasm go, from twiggy (`make twiggy`).

    python3 tools/twiggy-report.py TWIGGY NAMED_WASM SHIPPED_WASM PACK_JSON

NAMED_WASM is the release module built the way dist/ is, but with v0 symbol names (which
keep the generic arguments: a Yew component's `view` is named after the component) and its
name section kept. Code is attributed to the crate whose path an item names, and to our own
module when the item is ours or was instantiated for one of our types. Data is attributed by
content: the pack's JSON, the built-in word list and the stylesheet are found byte for byte,
and every string literal of src/ found in the data counts for the module it is written in.
Prints Markdown tables (sizes are of the uncompressed module).
"""
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Crates grouped by what they are to us.
FAMILIES = {
    "Yew and its runtime": {"yew", "gloo", "gloo_events", "gloo_utils", "gloo_timers", "implicit_clone",
                            "slab", "indexmap", "hashbrown", "prokio", "pinned", "futures_util",
                            "futures_core", "futures_channel", "futures_task", "tracing", "tracing_core",
                            "thiserror", "console_error_panic_hook", "scoped_tls_hkt", "bincode", "tokise",
                            "once_cell", "futures", "serde"},
    "wasm-bindgen, js-sys, web-sys (JS bindings)": {"wasm_bindgen", "js_sys", "web_sys",
                                                    "wasm_bindgen_futures"},
    "Rust std (core, alloc, allocator)": {"core", "alloc", "std", "dlmalloc", "compiler_builtins",
                                          "__rustc"},
    "wasm-bindgen exports and shims, tables, unnamed": {"(shims)"},
}


def leb(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def data_bytes(wasm):
    """The payload of every data segment of the module, concatenated."""
    data = open(wasm, "rb").read()
    at, out = 8, bytearray()
    while at < len(data):
        section, at = data[at], at + 1
        size, at = leb(data, at)
        end = at + size
        if section == 11:
            count, p = leb(data, at)
            for _ in range(count):
                flags, p = leb(data, p)
                if flags == 2:
                    _, p = leb(data, p)
                if flags in (0, 2):
                    while data[p] != 0x0B:  # the offset expression (i32.const n; end)
                        p += 1
                    p += 1
                length, p = leb(data, p)
                out += data[p:p + length]
                p += length
        at = end
    return bytes(out)


LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def literals(path):
    """The string literals of a Rust file, unescaped (raw strings and chars are skipped)."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"//[^\n]*", "", text)
    found = []
    for match in LITERAL.finditer(text):
        # A `\` at the end of a line continues the string without the line break and indent.
        raw = re.sub(r"\\\n[ \t]*", "", match.group(1))
        try:
            value = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), raw)
            value = (value.replace("\\n", "\n").replace("\\t", "\t").replace('\\"', '"')
                     .replace("\\'", "'").replace("\\\\", "\\"))
        except ValueError:
            continue
        # A format string is stored as the pieces between its placeholders.
        for piece in re.split(r"\{[^{}]*\}", value):
            found.append(piece.replace("{{", "{").replace("}}", "}").encode("utf-8"))
    return found


def module_of_file(path):
    rel = os.path.relpath(path, os.path.join(ROOT, "src"))[:-3].replace(os.sep, "::")
    rel = rel[:-len("::mod")] if rel.endswith("::mod") else rel
    return module_key(rel.split("::"))


def module_key(parts):
    """Our module at the depth the tables use: `ui::exposure`, `password::matchers`, `pack`."""
    parts = [p for p in parts if p]
    if not parts:
        return "(crate root)"
    if parts[0] in ("ui", "password") and len(parts) > 1 and parts[1][:1].islower():
        # password::analyse is a function of `password`, password::matchers a module.
        if parts[0] == "ui" or len(parts) > 2 or os.path.isdir(os.path.join(ROOT, "src", parts[0], parts[1])):
            return "::".join(parts[:2])
    return parts[0]


OURS = re.compile(r"breach_check(?:\[[0-9a-f]+\])?((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
CRATE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\[[0-9a-f]{16}\]")


def classify(name):
    """(crate, our module or None) of a twiggy item."""
    # Our exports: wasm-bindgen's shim for an export is where wasm-opt inlines its body.
    if re.match(r"(mount|widget_\w+|__wbg_widget_free|setPasswordLoader|providePasswordEngine"
                r"|passwordEngineUnavailable|dictionariesReady|dictionariesUnavailable"
                r"|provideMessageEngine|messageEngineUnavailable)\b", name):
        return "breach_check", "embed"
    ours = OURS.search(name)
    if ours:
        parts = ours.group(1).strip(":").split("::")
        # Drop trailing segments that are types, functions or closures, keep modules.
        modules = []
        for part in parts:
            if part[:1].isupper() or part.startswith("{"):
                break
            modules.append(part)
        if len(modules) == len(parts):
            modules = modules[:-1]  # the last one is the function
        return "breach_check", module_key(modules)
    crate = CRATE.search(name)
    if crate:
        return crate.group(1), None
    # Inherent methods of primitive types (<char>::is_alphanumeric) and the memory built-ins
    # carry no crate in their names.
    if re.match(r"<(char|str|u8|u16|u32|u64|usize|i32|i64|isize|f32|f64|bool|\[)", name) or name in (
            "memcpy", "memmove", "memset", "memcmp", "round", "floor", "ceil", "trunc", "fmod"):
        return "core", None
    return "(shims)", None


def family(crate):
    for label, crates in FAMILIES.items():
        if crate in crates:
            return label
    return "breach-check (our code)" if crate == "breach_check" else f"other: {crate}"


def table(title, rows, total, limit=None):
    print(f"\n**{title}**\n")
    print("| | bytes | share |")
    print("|---|---:|---:|")
    for label, size in rows[:limit]:
        print(f"| {label} | {size:,} | {100 * size / total:.1f} % |")


def main():
    twiggy, named, shipped, pack_json = sys.argv[1:5]
    items = json.loads(subprocess.run([twiggy, "top", "-f", "json", named], check=True,
                                      capture_output=True, text=True).stdout)
    items = [i for i in items if "names\" subsection" not in i["name"]
             and not i["name"].startswith("custom section")]
    total = sum(i["shallow_size"] for i in items)
    shipped_size = os.path.getsize(shipped)
    data = data_bytes(named)
    data_total = len(data)

    # Code (and everything that is not a data segment), by crate family and by our module.
    families, modules, crates = collections.Counter(), collections.Counter(), collections.Counter()
    code_items = [i for i in items if not i["name"].startswith("data segment")]
    for item in code_items:
        crate, module = classify(item["name"])
        size = item["shallow_size"]
        families[family(crate)] += size
        crates[crate] += size
        if module:
            modules[module] += size

    # Data, by content.
    found = collections.Counter()
    seen = set()
    for label, path in [("the pack's JSON (pack)", pack_json),
                        ("the built-in word list (password)", os.path.join(ROOT, "assets/breach-check-builtin.dict")),
                        ("the stylesheet (ui/styles.css)", os.path.join(ROOT, "src/ui/styles.css"))]:
        blob = open(path, "rb").read()
        if blob in data:
            found[label] += len(blob)
            seen.add(blob)
    for folder, _, files in os.walk(os.path.join(ROOT, "src")):
        for file in sorted(files):
            if not file.endswith(".rs"):
                continue
            path = os.path.join(folder, file)
            module = module_of_file(path)
            for literal in literals(path):
                if len(literal) >= 6 and literal not in seen and literal in data:
                    seen.add(literal)
                    found[f"string literals of {module}"] += len(literal)
    rest = data_total - sum(found.values())

    print(f"Shipped wasm: {shipped_size:,} bytes; the named build measures {total:,} bytes "
          f"without its name section ({data_total:,} of them data).")
    table("By crate (code; data segments apart)",
          sorted(families.items(), key=lambda kv: -kv[1]) + [("data segments (next table)", data_total)],
          total)
    table("Data segments, by content", sorted(found.items(), key=lambda kv: -kv[1])
          + [("other data (Yew's and std's strings, tables, panic locations)", rest)], total)
    table("Our modules (code, including generic code instantiated for their types)",
          sorted(modules.items(), key=lambda kv: -kv[1]), total)
    # The four parts a split of the first-paint module would move or shrink.
    def code(*prefixes):
        return sum(v for k, v in modules.items() if any(k == p or k.startswith(p + "::") for p in prefixes))

    def text(*prefixes):
        return sum(v for k, v in found.items() if k.startswith("string literals of ")
                   and any(k[19:] == p or k[19:].startswith(p + "::") for p in prefixes))

    parts = [
        ("the pack: its code (JSON reader, validation, overlay merge), its JSON, its strings",
         code("pack") + found["the pack's JSON (pack)"] + text("pack")),
        ("the texts: string literals of i18n, explain and ui (their code is inlined in the views)",
         code("i18n", "explain") + text("i18n", "explain", "ui")),
        ("the password engine left in it: password::* code (the wire format), the built-in word "
         "list, its strings (the estimator is breach-check-password.wasm)",
         code("password") + found["the built-in word list (password)"] + text("password")),
        ("the password section's UI: ui::password", code("ui::password")),
        ("Yew and its runtime crates (code only)", families["Yew and its runtime"]),
    ]
    table("What the first-paint module spends on", parts, total)
    # The bundle's other wasm modules, read on first use only.
    folder = os.path.dirname(os.path.abspath(shipped))
    print("\n**The wasm modules of dist/ (gzip -9 as `make test`'s size check measures)**\n")
    print("| module | when | bytes | gzip -9 |")
    print("|---|---|---:|---:|")
    for name, when in (("breach-check.wasm", "first paint"),
                       ("breach-check-password.wasm", "first use of a password section"),
                       ("breach-check-message.wasm", "first use of a message section")):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            packed = subprocess.run(["gzip", "-9", "-n", "-c", path], capture_output=True, check=True).stdout
            print(f"| `{name}` | {when} | {os.path.getsize(path):,} | {len(packed):,} |")
    top = sorted(code_items, key=lambda i: -i["shallow_size"])[:15]
    print("\n**The 15 largest functions**\n")
    print("| bytes | crate / module | item |")
    print("|---:|---|---|")
    for item in top:
        crate, module = classify(item["name"])
        name = re.sub(r"\[[0-9a-f]{16}\]", "", item["name"])
        name = (name if len(name) <= 110 else name[:107] + "…").replace("|", "\\|")
        print(f"| {item['shallow_size']:,} | {module or crate} | `{name}` |")


if __name__ == "__main__":
    main()
