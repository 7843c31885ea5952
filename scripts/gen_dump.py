#!/usr/bin/env python3
"""Build a JSON Lines dump of about SIZE_MB megabytes of article text for
the benchmark, by recombining the paragraphs of the sample articles.

    python3 scripts/gen_dump.py SIZE_MB OUT.jsonl[.gz] [--seed N]

Sources: every `.txt` under `data/`, `tests/heldout*/` and, when present,
`../shared/eval/{dev,real}/`. Each document takes the first line of one
article as its title and 4 to 16 paragraphs (lines of more than 40
characters) drawn from all of them, with a fresh id `bench-N`. The same
seed gives the same dump, byte for byte. A name ending in `.gz` is written
gzip-compressed. `OUT.stats` beside it records the document count and the
text bytes, for the benchmark. SIZE_MB counts the UTF-8 bytes of the `text` fields
(decimal megabytes), the figure the benchmark divides by.
"""
import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources():
    dirs = [ROOT / "data"] + sorted(ROOT.glob("tests/heldout*")) + sorted(ROOT.glob("tests/gold/*"))
    shared = ROOT.parent / "shared" / "eval"
    dirs += [shared / "dev", shared / "real"]
    files = []
    for d in dirs:
        if d.is_dir():
            files += sorted(d.glob("*.txt"))
    # data/ is a copy of the dev set: read each text once
    seen, out = set(), []
    for f in files:
        t = f.read_text(encoding="utf-8")
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size_mb", type=float)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    texts = sources()
    if not texts:
        sys.exit("no .txt files found under data/")
    titles = [t.strip().split("\n")[0].strip() for t in texts]
    paras = [p for t in texts for p in t.split("\n") if len(p) > 40]
    rng = random.Random(a.seed)
    target = a.size_mb * 1e6
    opener = gzip.open if a.out.endswith(".gz") else open
    size = n = 0
    with opener(a.out, "wt", encoding="utf-8", newline="\n") as w:
        while size < target:
            body = [rng.choice(titles), ""] + [rng.choice(paras) for _ in range(rng.randint(4, 16))]
            text = "\n".join(body)
            w.write(json.dumps({"id": f"bench-{n}", "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            n += 1
    with open(a.out + ".stats", "w", encoding="utf-8") as w:
        json.dump({"documents": n, "text_bytes": size}, w)
    print(f"{a.out}: {n} documents, {size / 1e6:.1f} MB of text", file=sys.stderr)


if __name__ == "__main__":
    main()
