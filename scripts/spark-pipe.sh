#!/usr/bin/env bash
# The map stage under Spark: `sc.textFile(dump).pipe("vnextract run - --out -")`
# on local[2], checked against a plain local run of the same dump.
#
#   bash scripts/spark-pipe.sh [DUMP.jsonl]     # default: a 5 MB generated dump
#
# Installs pyspark into a virtual environment under target/ (needs Java 17,
# on the machine), runs the pipe over 4 partitions, and compares the records
# with `vnextract run DUMP --out DIR`: the same records in the same order,
# except `source`, which is `-:LINE` (the line within a partition) in the
# map stage. Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/spark-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pyspark
fi
cargo build --release --locked --quiet
bin=$PWD/target/release/vnextract
dump=${1:-$PWD/target/spark-dump.jsonl}
[ -s "$dump" ] || python3 scripts/gen_dump.py 5 "$dump"
"$bin" run "$dump" --out target/spark-local --quiet
"$venv/bin/python" - "$bin" "$dump" target/spark-local/documents.jsonl <<'PY'
import json, os, sys, time
from pyspark import SparkContext

bin_, dump, local = sys.argv[1:4]
sc = SparkContext("local[2]", "vnextract-pipe")
sc.setLogLevel("ERROR")
start = time.time()
rdd = sc.textFile("file://" + os.path.abspath(dump), minPartitions=4).pipe(f"{bin_} run - --out - --quiet")
piped = rdd.collect()
secs = time.time() - start
sc.stop()

def records(lines):
    out = []
    for line in lines:
        r = json.loads(line)
        r.pop("source", None)
        out.append(r)
    return out

got = records(piped)
with open(local, encoding="utf-8") as f:
    want = records(f)
if got != want:
    bad = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    sys.exit(f"spark-pipe: {len(got)} records piped, {len(want)} local; first difference at record {bad}")
print(f"spark-pipe: {len(got)} records through RDD.pipe on local[2] in {secs:.1f} s, identical to the local run (source aside)")
PY
