#!/usr/bin/env python3
"""Could three times the words fit in 120 KB gzip? Measures it (issue #18).

Usage:  nice -n 19 python3 tools/build-dictionaries/measure_density.py [--target N] [--no-fst]

Drives build.py's own code (same pinned inputs, folding, usefulness rule, French-looking
admission and encoder), with deeper cut-offs, to get word sets of about `--target` distinct
words (default 3 × 35,648 = 106,944), and prints, for them and for the shipped set, the size
of: the words alone (sorted, newline-joined) under gzip -9, xz -9e, zstd and brotli; format
version 2 as build.py encodes it; and BurntSushi's `fst` (a set, and a map word → value byte
or word → exact rank), built by a throwaway cargo project written to `--fst-dir` (outside
the repository; it needs crates.io once).

Two ways to go deeper, both reaching the target:
  all      every list's cut-offs multiplied by one factor (Richelieu is already all in);
  french   only the French-words cut-offs deepened, the others as shipped.

gzip is GNU gzip (`gzip -9 -n`, the command line); `zlib` is Python's gzip at level 9 with
mtime 0, which is what build.py and manifest.json report (they differ by about 1%).
Standard library only; brotli is measured when the `brotli` module is importable, zstd and
xz when those commands exist. Nothing in the repository is written.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

spec = importlib.util.spec_from_file_location("build", HERE / "build.py")
assert spec and spec.loader
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

FST_VERSION = "0.4.7"
FST_MAIN = r'''
//! Reads `word<TAB>value<TAB>rank` lines (sorted by bytes) and writes set.fst (words only),
//! map_value.fst (word -> value byte) and map_rank.fst (word -> exact rank) into a folder.
use std::io::{BufRead, BufReader, BufWriter};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (input, out) = (&args[1], std::path::Path::new(&args[2]));
    let lines: Vec<(Vec<u8>, u64, u64)> = BufReader::new(std::fs::File::open(input).unwrap())
        .lines()
        .map(|l| {
            let l = l.unwrap();
            let mut it = l.split('\t');
            let w = it.next().unwrap().as_bytes().to_vec();
            let v = it.next().unwrap().parse().unwrap();
            let r = it.next().unwrap().parse().unwrap();
            (w, v, r)
        })
        .collect();
    let mk = |name: &str| BufWriter::new(std::fs::File::create(out.join(name)).unwrap());
    let mut set = fst::SetBuilder::new(mk("set.fst")).unwrap();
    let mut mv = fst::MapBuilder::new(mk("map_value.fst")).unwrap();
    let mut mr = fst::MapBuilder::new(mk("map_rank.fst")).unwrap();
    for (w, v, r) in &lines {
        set.insert(w).unwrap();
        mv.insert(w, *v).unwrap();
        mr.insert(w, *r).unwrap();
    }
    set.finish().unwrap();
    mv.finish().unwrap();
    mr.finish().unwrap();
}
'''


def fst_binary(folder: Path) -> Path:
    """Writes the throwaway fst project and builds it (a no-op when fresh); its binary."""
    sources = {
        folder / "Cargo.toml": '[package]\nname = "fstmeasure"\nversion = "0.0.0"\n'
                               f'edition = "2021"\n\n[dependencies]\nfst = "={FST_VERSION}"\n',
        folder / "src" / "main.rs": FST_MAIN,
    }
    for path, text in sources.items():  # rewritten only when different, so cargo can skip
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    subprocess.run(["nice", "-n", "19", "cargo", "build", "--release", "--quiet"],
                   cwd=folder, check=True)
    return folder / "target" / "release" / "fstmeasure"


def gzip9(data: bytes) -> int:
    return len(subprocess.run(["gzip", "-9", "-n", "-c"], input=data, capture_output=True,
                              check=True).stdout)


def tool(cmd: list[str], data: bytes) -> int | None:
    if not shutil.which(cmd[0]):
        return None
    return len(subprocess.run(cmd, input=data, capture_output=True, check=True).stdout)


def brotli11(data: bytes) -> int | None:
    try:
        import brotli  # type: ignore
    except ImportError:
        return None
    return len(brotli.compress(data, quality=11, lgwin=24))


def scaled(factor: float, lists=None) -> dict:
    """build.CUTOFFS with the cut-offs of `lists` (default: all but Richelieu) scaled."""
    out = {}
    for name, (base, long_cut, long_len) in build.CUTOFFS.items():
        if name != "french-passwords" and (lists is None or name in lists):
            base, long_cut = round(base * factor), round(long_cut * factor)
        out[name] = (base, long_cut, long_len)
    return out


def measure(best, kept, fst_bin: Path | None, work: Path) -> dict:
    words = sorted(best, key=lambda w: w.encode())
    plain = "".join(w + "\n" for w in words).encode()
    v2 = build.encode(best, kept)
    n = len(words)
    # The same file with every value byte zeroed: the front-coded words without their ranks.
    shared = [_shared(a, w) for a, w in zip([""] + words, words)]
    header = len(v2) - 2 * n - sum(len(w) - p for w, p in zip(words, shared))
    assert v2[header:header + n] == bytes(shared)
    values_at = header + n
    no_values = v2[:values_at] + bytes(n) + v2[values_at + n:]
    row = {
        "words": n,
        "plain_raw": len(plain),
        "plain_gzip": gzip9(plain),
        "plain_xz": tool(["xz", "-9e", "-c"], plain),
        "plain_zstd": tool(["zstd", "--ultra", "-22", "-c", "-q"], plain),
        "plain_brotli": brotli11(plain),
        "v2_raw": len(v2),
        "v2_gzip": gzip9(v2),
        "v2_zlib": build.gzip_size(v2),
        "v2_xz": tool(["xz", "-9e", "-c"], v2),
        "v2_brotli": brotli11(v2),
        "v2_novalues_gzip": gzip9(no_values),
        "v2_novalues_xz": tool(["xz", "-9e", "-c"], no_values),
    }
    if fst_bin is not None:
        names = [n for n in build.LIST_IDS if kept.get(n)]
        index = {name: i for i, name in enumerate(names)}
        tsv = work / "words.tsv"
        tsv.write_text("".join(
            f"{w}\t{index[best[w][0]] << 5 | build.bucket(best[w][1])}\t{best[w][1]}\n"
            for w in words))
        subprocess.run(["nice", "-n", "19", str(fst_bin), str(tsv), str(work)], check=True)
        for kind in ("set", "map_value", "map_rank"):
            data = (work / f"{kind}.fst").read_bytes()
            row[f"fst_{kind}_raw"] = len(data)
            row[f"fst_{kind}_gzip"] = gzip9(data)
    return row


def _shared(a: str, b: str) -> int:
    p = 0
    while p < min(len(a), len(b), 255) and a[p] == b[p]:
        p += 1
    return p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "breach-check-dict-sources")
    parser.add_argument("--target", type=int, default=3 * 35648)
    parser.add_argument("--fst-dir", type=Path,
                        default=Path(tempfile.gettempdir()) / "fstmeasure")
    parser.add_argument("--no-fst", action="store_true")
    parser.add_argument("--out", type=Path,
                        default=Path(tempfile.gettempdir()) / "bc-density",
                        help="where the word lists and FSTs of each set are left")
    args = parser.parse_args()

    fst_bin = None if args.no_fst else fst_binary(args.fst_dir)
    files = build.fetch(args.cache)
    lists = build.load_lists(files)
    french = build.vocabulary(lists, build.FRENCH_VOCAB)
    english = build.vocabulary(lists, build.ENGLISH_VOCAB)
    looks = functools.cache(lambda w: build.french_looking(w, french, english))
    extra = {"passwords": looks}

    def pick(cutoffs):
        return build.select(lists, cutoffs, build.MARGIN, extra, build.SHORT_WORDS)

    sets = {}
    best, kept = pick(build.CUTOFFS)
    shipped = (ROOT / "assets" / "breach-check.dict").read_bytes()
    if build.encode(best, kept) != shipped:
        sys.exit("the shipped selection does not rebuild assets/breach-check.dict: run build.py")
    sets["shipped"] = (best, kept, build.CUTOFFS)

    for label, which in (("all", None), ("french", {"french-words"})):
        lo, hi = 1.0, 20.0
        for _ in range(40):  # bisect the factor on the distinct word count
            mid = (lo + hi) / 2
            b, _ = pick(scaled(mid, which))
            if len(b) < args.target:
                lo = mid
            else:
                hi = mid
            if hi - lo < 1e-4:
                break
        cutoffs = scaled(hi, which)
        b, k = pick(cutoffs)
        sets[label] = (b, k, cutoffs)

    rows = {}
    for label, (b, k, cutoffs) in sets.items():
        work = args.out / label
        work.mkdir(parents=True, exist_ok=True)
        rows[label] = measure(b, k, fst_bin, work)
        changed = {n: c for n, c in cutoffs.items() if c != build.CUTOFFS[n]}
        print(f"{label}: {len(b)} words; cut-offs changed: {changed or 'none'}; "
              f"kept per list: {k}", file=sys.stderr)

    fields = [
        ("distinct words", "words"),
        ("words alone, newline-joined: raw", "plain_raw"),
        ("words alone: gzip -9", "plain_gzip"),
        ("words alone: xz -9e", "plain_xz"),
        ("words alone: zstd --ultra -22", "plain_zstd"),
        ("words alone: brotli -q 11", "plain_brotli"),
        ("format v2: raw", "v2_raw"),
        ("format v2: gzip -9", "v2_gzip"),
        ("format v2: Python zlib 9 (manifest)", "v2_zlib"),
        ("format v2: xz -9e", "v2_xz"),
        ("format v2: brotli -q 11", "v2_brotli"),
        ("format v2, value bytes zeroed (words only): gzip -9", "v2_novalues_gzip"),
        ("format v2, value bytes zeroed (words only): xz -9e", "v2_novalues_xz"),
        (f"fst {FST_VERSION} Set (words only): raw", "fst_set_raw"),
        ("fst Set: gzip -9", "fst_set_gzip"),
        ("fst Map word → value byte: raw", "fst_map_value_raw"),
        ("fst Map word → value byte: gzip -9", "fst_map_value_gzip"),
        ("fst Map word → exact rank: raw", "fst_map_rank_raw"),
        ("fst Map word → exact rank: gzip -9", "fst_map_rank_gzip"),
    ]
    labels = list(rows)
    print("| bytes | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    for title, key in fields:
        cells = [rows[label].get(key) for label in labels]
        if all(c is None for c in cells):
            continue
        print(f"| {title} | " + " | ".join("–" if c is None else f"{c:,}" for c in cells) + " |")


if __name__ == "__main__":
    main()
