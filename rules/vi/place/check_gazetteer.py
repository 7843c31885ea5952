#!/usr/bin/env python3
"""Validate rules/vi/place/countries.toml and rules/vi/place/regions.toml (stdlib only).

Checks
  - both files parse (tomllib) and every table has its required keys with the right types;
  - country codes are two upper-case letters, unique, sorted; the set of codes is compared
    with ISO 3166-1 when /usr/share/iso-codes/json/iso_3166-1.json is available (XK allowed);
  - region kinds are region | bloc | organisation | sea;
  - every string is NFC, has no leading/trailing or doubled spaces, and uses old-style tone
    placement ("hòa", "Thụy", not "hoà", "Thuỵ");
  - no form (alias or ambiguous) is claimed twice after NFC + lower-case, within a country,
    across countries, or across countries.toml and regions.toml;
  - [[not_country]] entries have text and why, are unique, are not themselves a country
    alias, and (warning only) contain some country form as whole words.

Prints counts; exits 1 if there is any error. Usage:
  python3 rules/vi/place/check_gazetteer.py [DIR]     (DIR defaults to this file's folder)
"""
import json
import os
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict

KINDS = {"region", "bloc", "organisation", "sea"}
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
USER_ASSIGNED = {"XK"}

errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def warn(msg: str) -> None:
    warnings.append(msg)


def fold(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower()


# Tone marks on a/e (after o) or on y (after u) at the end of a syllable are the new-style
# placement ("hoà", "thuỵ"); old style puts them on the first vowel ("hòa", "thụy").
_A_TONED = "àáảãạ"
_E_TONED = "èéẻẽẹ"
_Y_TONED = "ỳýỷỹỵ"
NEW_STYLE = re.compile(
    rf"(?<![qQ])(?:[oO][{_A_TONED}{_A_TONED.upper()}{_E_TONED}{_E_TONED.upper()}]"
    rf"|[uU][{_Y_TONED}{_Y_TONED.upper()}])(?!\w)"
)


def check_text(where: str, s) -> None:
    if not isinstance(s, str):
        err(f"{where}: expected a string, got {type(s).__name__}")
        return
    if not s.strip():
        err(f"{where}: empty string")
        return
    if unicodedata.normalize("NFC", s) != s:
        err(f"{where}: {s!r} is not NFC")
    if s != s.strip() or "  " in s:
        err(f"{where}: {s!r} has stray spaces")
    m = NEW_STYLE.search(s)
    if m:
        err(f"{where}: {s!r} uses new-style tone placement ({m.group(0)!r})")


def check_list(where: str, v, allow_empty: bool) -> list[str]:
    if not isinstance(v, list):
        err(f"{where}: expected a list")
        return []
    if not v and not allow_empty:
        err(f"{where}: empty list")
    for i, s in enumerate(v):
        check_text(f"{where}[{i}]", s)
    return [s for s in v if isinstance(s, str)]


def load(path: str) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        err(f"{path}: {e}")
        return {}


def main() -> int:
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    cpath = os.path.join(base, "countries.toml")
    rpath = os.path.join(base, "regions.toml")
    cdata, rdata = load(cpath), load(rpath)

    owner: dict[str, str] = {}  # folded form -> who claims it

    def claim(form: str, who: str) -> None:
        k = fold(form)
        if k in owner and owner[k] != who:
            err(f"form {form!r} claimed by both {owner[k]} and {who}")
        elif k in owner:
            err(f"form {form!r} listed twice in {who}")
        else:
            owner[k] = who

    # ---- countries -------------------------------------------------------------------
    countries = cdata.get("country", [])
    if not isinstance(countries, list) or not countries:
        err(f"{cpath}: no [[country]] tables")
        countries = []
    extra = set(cdata) - {"country", "not_country"}
    if extra:
        err(f"{cpath}: unexpected top-level keys {sorted(extra)}")

    codes: list[str] = []
    n_alias = n_amb = 0
    amb_forms: list[tuple[str, str]] = []
    for i, c in enumerate(countries):
        code = c.get("code")
        where = f"country[{i}]" + (f" {code}" if isinstance(code, str) else "")
        for k in ("code", "name_en", "name_vi", "aliases", "ambiguous"):
            if k not in c:
                err(f"{where}: missing {k}")
        unknown = set(c) - {"code", "name_en", "name_vi", "official_vi", "aliases", "ambiguous"}
        if unknown:
            err(f"{where}: unknown keys {sorted(unknown)}")
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code):
            err(f"{where}: code {code!r} is not two upper-case letters")
            continue
        codes.append(code)
        for k in ("name_en", "name_vi", "official_vi"):
            if k in c:
                check_text(f"{where}.{k}", c[k])
        aliases = check_list(f"{where}.aliases", c.get("aliases", []), allow_empty=True)
        amb = check_list(f"{where}.ambiguous", c.get("ambiguous", []), allow_empty=True)
        if not aliases and not amb and code != "AQ":
            err(f"{where}: no aliases and no ambiguous forms")
        for a in aliases:
            claim(a, code)
        for a in amb:
            claim(a, code)
            amb_forms.append((code, a))
        n_alias += len(aliases)
        n_amb += len(amb)
        name_vi = c.get("name_vi")
        if isinstance(name_vi, str) and code != "AQ":
            if fold(name_vi) not in {fold(x) for x in aliases + amb}:
                err(f"{where}: name_vi {name_vi!r} is neither an alias nor ambiguous")

    dup = sorted({x for x in codes if codes.count(x) > 1})
    if dup:
        err(f"duplicate country codes: {dup}")
    if codes != sorted(codes):
        err("countries are not sorted by code")
    if os.path.exists(ISO_JSON):
        with open(ISO_JSON, encoding="utf-8") as f:
            iso = {x["alpha_2"] for x in json.load(f)["3166-1"]}
        missing = sorted(iso - set(codes))
        unknown = sorted(set(codes) - iso - USER_ASSIGNED)
        if missing:
            err(f"ISO 3166-1 codes missing: {missing}")
        if unknown:
            err(f"codes not in ISO 3166-1: {unknown}")
    else:
        warn(f"{ISO_JSON} not found; ISO coverage not checked")

    # ---- regions ---------------------------------------------------------------------
    regions = rdata.get("region", [])
    if not isinstance(regions, list) or not regions:
        err(f"{rpath}: no [[region]] tables")
        regions = []
    kinds: dict[str, int] = defaultdict(int)
    n_ralias = 0
    names = set()
    for i, r in enumerate(regions):
        name = r.get("name")
        where = f"region[{i}]" + (f" {name}" if isinstance(name, str) else "")
        for k in ("name", "name_en", "kind", "aliases"):
            if k not in r:
                err(f"{where}: missing {k}")
        unknown = set(r) - {"name", "name_en", "kind", "aliases", "ambiguous"}
        if unknown:
            err(f"{where}: unknown keys {sorted(unknown)}")
        for k in ("name", "name_en"):
            if k in r:
                check_text(f"{where}.{k}", r[k])
        if isinstance(name, str):
            if fold(name) in names:
                err(f"{where}: duplicate region name")
            names.add(fold(name))
        kind = r.get("kind")
        if kind not in KINDS:
            err(f"{where}: kind {kind!r} not in {sorted(KINDS)}")
        kinds[str(kind)] += 1
        aliases = check_list(f"{where}.aliases", r.get("aliases", []), allow_empty=False)
        amb = check_list(f"{where}.ambiguous", r.get("ambiguous", []), allow_empty=True)
        who = f"region {name!r}"
        for a in aliases + amb:
            claim(a, who)
        n_ralias += len(aliases)
        if isinstance(name, str) and fold(name) not in {fold(x) for x in aliases + amb}:
            err(f"{where}: name is neither an alias nor ambiguous")

    # ---- not_country -----------------------------------------------------------------
    nots = cdata.get("not_country", [])
    if not isinstance(nots, list):
        err("not_country must be an array of tables")
        nots = []
    country_aliases = {k for k, v in owner.items() if not v.startswith("region")}
    forms = sorted(country_aliases, key=len, reverse=True)
    seen_not = set()
    for i, n in enumerate(nots):
        where = f"not_country[{i}]"
        if set(n) != {"text", "why"}:
            err(f"{where}: keys must be exactly text, why (got {sorted(n)})")
        text = n.get("text")
        check_text(f"{where}.text", text)
        check_text(f"{where}.why", n.get("why"))
        if not isinstance(text, str):
            continue
        k = fold(text)
        if k in seen_not:
            err(f"{where}: duplicate text {text!r}")
        seen_not.add(k)
        if k in country_aliases:
            err(f"{where}: {text!r} is itself a form of {owner[k]}")
        if not any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", k) for f in forms):
            warn(f"{where}: {text!r} contains no country form (kept as documentation)")

    # ---- report ----------------------------------------------------------------------
    print(f"countries:   {len(codes)} codes, {n_alias} aliases, {n_amb} ambiguous forms")
    print(f"not_country: {len(nots)} phrases")
    print(f"regions:     {len(regions)} entries ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
          f"{n_ralias} aliases")
    print("ambiguous:   " + ", ".join(f"{a} ({c})" for c, a in amb_forms))
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"ERROR: {e}")
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
