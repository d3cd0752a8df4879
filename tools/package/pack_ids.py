#!/usr/bin/env python3
"""Prints the data pack's insurer, operator and incident ids as JSON (make package)."""
import json
import sys
import tomllib


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "src/pack/pack.toml"
    with open(path, "rb") as f:
        pack = tomllib.load(f)
    ids = {kind: sorted(item["id"] for item in pack[kind]) for kind in ("insurers", "operators", "incidents")}
    for kind, values in ids.items():
        if not values:
            sys.exit(f"pack_ids: {path} has no {kind}")
    json.dump(ids, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
