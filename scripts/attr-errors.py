#!/usr/bin/env python3
"""Attribute mismatches the scorer counts but does not list: directive issuers,
legal issuers, published dates and titles of matched items.

    python3 scripts/attr-errors.py GOLD_DIR OUT/documents.jsonl

Matching follows `../shared/eval/score.py` (anchor overlap + addressee
containment for directives, code for legal references). Standard library only.
"""
import json
import sys
import unicodedata
from pathlib import Path


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s or "").casefold().split())


def main(gold_dir, out):
    pred = {}
    for line in open(out, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            pred[d["doc_id"]] = d
    for gf in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        p = pred.get(g["doc_id"], {})
        text = unicodedata.normalize("NFC", (gf.with_suffix(".txt")).read_text(encoding="utf-8"))
        doc = g["doc_id"]
        if g.get("published") and g["published"] != (p.get("published") or "")[: len(g["published"])]:
            print(f"{doc}: published gold {g['published']} pred {p.get('published')}")
        if "title" in g and norm(g["title"]) != norm(p.get("title")):
            print(f"{doc}: title gold {g['title']!r}\n{' ' * len(doc)}        pred {p.get('title')!r}")
        used = set()
        for gd in g.get("directives", []):
            at = text.find(unicodedata.normalize("NFC", gd["anchor"]))
            if at < 0:
                continue
            span = (at, at + len(gd["anchor"]))
            for i, pd in enumerate(p.get("directives", [])):
                ga, pa = norm(gd.get("addressee")), norm(pd.get("addressee"))
                if i in used or not pa or not (ga in pa or pa in ga):
                    continue
                if pd["start"] < span[1] and span[0] < pd["end"]:
                    used.add(i)
                    gi, pi = norm(gd.get("issuer")), norm(pd.get("issuer"))
                    if gi and not ((gi in pi) or (pi and pi in gi)):
                        print(f"{doc}: directive issuer gold {gd.get('issuer')!r} pred {pd.get('issuer')!r}"
                              f" [{gd['anchor'][:50]!r}]")
                    break
        for gl in g.get("legal_refs", []):
            if not gl.get("code"):
                continue
            for pl in p.get("legal_refs", []):
                if norm(pl.get("code")).replace("đ", "d") == norm(gl["code"]).replace("đ", "d"):
                    gi, pi = norm(gl.get("issuer")), norm(pl.get("issuer"))
                    if gi and not ((gi in pi) or (pi and pi in gi)):
                        print(f"{doc}: legal issuer {gl['code']} gold {gl.get('issuer')!r} pred {pl.get('issuer')!r}")
                    if gl.get("issued") and gl["issued"] != pl.get("issued"):
                        print(f"{doc}: legal issued {gl['code']} gold {gl['issued']} pred {pl.get('issued')}")
                    break


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    main(sys.argv[1], sys.argv[2])
