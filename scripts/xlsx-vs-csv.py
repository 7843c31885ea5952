#!/usr/bin/env python3
"""Open a run's `dataset.xlsx` with LibreOffice (headless) and compare every
sheet with the CSV file of the same table, cell by cell.

    python3 scripts/xlsx-vs-csv.py OUT_DIR        # after `vnextract run … --out OUT_DIR --xlsx`

Two exports are made with `soffice --headless --convert-to csv`:
- the cells' values (not as shown): each sheet must equal its CSV exactly,
  so numbers, dates and Vietnamese text are what the CSV holds;
- the cells as shown: every number of `value`/`value_max` must be shown in
  full (digits and thousands separators, no exponent such as `4.8E+12`), and
  dates as `YYYY-MM-DD`.

Exit 0 when every sheet agrees, 1 with the differences listed otherwise,
2 when LibreOffice is missing or fails. Standard library only.
"""
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SHEETS = ["documents", "quantities", "people", "countries", "regions", "legal_refs", "directives", "errors"]
# Field separator, text delimiter, UTF-8, from line 1, (cell formats), (language),
# quote all text: no, (detect special numbers), as shown: AS_SHOWN,
# formulas: no, keep spaces, every sheet (-1).
FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,{shown},false,false,-1"


def soffice():
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("error: LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
    return exe


def export(book: Path, shown: bool, into: Path) -> dict:
    """Every sheet of `book` as rows of cells, by sheet name."""
    into.mkdir(parents=True, exist_ok=True)
    profile = into / "profile"
    cmd = [
        soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
        "--convert-to", FILTER.format(shown="true" if shown else "false"),
        "--outdir", str(into), str(book),
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if res.returncode != 0:
        sys.exit(f"error: soffice failed ({res.returncode}): {res.stderr.strip()}")
    sheets = {}
    for name in SHEETS:
        f = into / f"{book.stem}-{name}.csv"
        if not f.is_file():
            sys.exit(f"error: LibreOffice wrote no sheet {name!r} ({f}); stderr: {res.stderr.strip()}")
        with open(f, encoding="utf-8", newline="") as fh:
            sheets[name] = list(csv.reader(fh))
    return sheets


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    book = out / "dataset.xlsx"
    if not book.is_file():
        sys.exit(f"error: {book} does not exist (run with --xlsx)")
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        values = export(book, False, Path(tmp) / "values")
        shown = export(book, True, Path(tmp) / "shown")
    for name in SHEETS:
        with open(out / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            want = list(csv.reader(fh))
        got = values[name]
        if len(got) != len(want):
            problems.append(f"{name}: {len(got)} rows in the sheet, {len(want)} in the CSV")
        for i, (g, w) in enumerate(zip(got, want)):
            # LibreOffice drops trailing empty cells of a row
            g = g + [""] * (len(w) - len(g))
            if g != w:
                diff = [(j, w[j], g[j]) for j in range(min(len(g), len(w))) if g[j] != w[j]]
                problems.append(f"{name} row {i + 1}: (column, CSV, sheet) {diff[:4]}")
        header = want[0] if want else []
        for col in ("value", "value_max", "published", "issued"):
            if col not in header:
                continue
            j = header.index(col)
            for i, row in enumerate(shown[name][1:], start=2):
                cell = row[j] if j < len(row) else ""
                if not cell:
                    continue
                ok = (re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell) if col in ("published", "issued")
                      else re.fullmatch(r"-?\d{1,3}(,\d{3})*(\.\d+)?", cell))
                if not ok:
                    problems.append(f"{name} row {i} {col}: shown as {cell!r}")
    rows = sum(len(v) - 1 for v in values.values())
    if problems:
        print(f"dataset.xlsx differs from the CSV files ({len(problems)} problems):")
        for p in problems[:50]:
            print("  " + p)
        sys.exit(1)
    print(f"dataset.xlsx: {len(SHEETS)} sheets, {rows} rows, equal to the CSV files in LibreOffice; "
          "numbers and dates shown in full")


if __name__ == "__main__":
    main()
