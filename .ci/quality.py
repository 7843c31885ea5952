#!/usr/bin/env python3
"""The quality gate: run the release binary on every scored set and fail
when any table's F1 falls below its floor in `.ci/quality-floors.tsv`.

    python3 .ci/quality.py [--write]   # --write records today's scores as floors

Sets and gold: `tests/gold/dev` and `tests/gold/real` (copies of
`../shared/eval/dev` and `../shared/eval/real`, which are used instead when
present), and our own held-out sets `tests/heldout*`; a set whose name
ends in `-words` is scored a second time with `--with-words` (figures in
words required), as `NAME+w`. The scorer is `../shared/eval/score.py` when
present, else its copy `.ci/score.py`. Duckling's Vietnamese corpus
(`.ci/duckling/`, a copy of `../shared/eval/duckling/`) is a set too: its
digit and word pass rates have floors like the tables.
Standard library only.
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
FLOORS = ROOT / ".ci" / "quality-floors.tsv"
BIN = ROOT / "target" / "release" / "vnextract"
TABLES = ["quantities", "people", "countries", "legal_refs", "directives", "authors"]


def sets():
    out = []
    for name in ["dev", "real"]:
        shared = SHARED / name
        out.append((name, shared if shared.is_dir() else ROOT / "tests" / "gold" / name))
    for d in sorted(ROOT.glob("tests/heldout*")):
        out.append((d.name, d))
    return out


def scorer():
    shared = SHARED / "score.py"
    return shared if shared.is_file() else ROOT / ".ci" / "score.py"


def score(name, gold, *flags):
    out = ROOT / "target" / f"quality-{name}"
    subprocess.run([str(BIN), "run", str(gold), "--out", str(out), "--quiet"], check=True)
    res = subprocess.run(
        [sys.executable, str(scorer()), str(gold), str(out / "documents.jsonl"), "--json", *flags],
        check=True, capture_output=True, text=True,
    )
    return json.loads(res.stdout)


def duckling():
    """Pass rates of Duckling's corpus: {"digits": rate, "words": rate}."""
    shared = SHARED / "duckling" / "check.py"
    check = shared if shared.is_file() else ROOT / ".ci" / "duckling" / "check.py"
    res = subprocess.run([sys.executable, str(check), str(BIN)], check=True, capture_output=True, text=True)
    line = [l for l in res.stdout.splitlines() if l.startswith("duckling conformance:")][0]
    words = line.split(":", 1)[1].split()
    return {words[0]: float(words[1]), words[2]: float(words[3])}


def main():
    write = "--write" in sys.argv[1:]
    floors = {}
    if not write:
        for line in FLOORS.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                s, table, f1 = line.split("\t")
                floors[(s, table)] = float(f1)
    rows, failures = [], []

    def check(name, table, value):
        value = round(value, 4)
        rows.append((name, table, value))
        floor = floors.get((name, table))
        if not write and floor is None:
            failures.append(f"{name} {table}: no floor recorded (run .ci/quality.py --write)")
        elif not write and value < floor - 1e-9:
            failures.append(f"{name} {table}: {value:.4f} below its floor {floor:.4f}")

    runs = []
    for name, gold in sets():
        runs.append((name, gold, ()))
        if name.endswith("-words"):
            runs.append((name + "+w", gold, ("--with-words",)))
    for name, gold, flags in runs:
        result = score(name, gold, *flags)
        for table in TABLES:
            check(name, table, result["tables"][table]["f1"])
        print(f"{name:16} macro F1 {result['macro_f1']:.3f}  " + "  ".join(
            f"{t} {round(result['tables'][t]['f1'], 3):.3f}" for t in TABLES))
    rates = duckling()
    for kind, rate in rates.items():
        check("duckling", kind, rate)
    print(f"{'duckling':16} " + "  ".join(f"{k} {v:.3f}" for k, v in rates.items()))
    if write:
        lines = ["# set\ttable\tF1 floor: .ci/quality.py fails when a score falls below (rewrite with --write)"]
        lines += [f"{s}\t{t}\t{f:.4f}" for s, t, f in rows]
        FLOORS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS.relative_to(ROOT)}")
        return 0
    for f in failures:
        print("QUALITY DROP: " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
