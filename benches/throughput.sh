#!/usr/bin/env bash
# Throughput and peak memory of the release binary on a synthetic dump:
# the sample articles of data/ repeated into a JSON Lines file of about
# SIZE_MB megabytes (default 200), run with the given thread count.
#
#   bash benches/throughput.sh [SIZE_MB] [THREADS]
#
# Prints MB/s (input bytes of article text per wall-clock second) and the
# peak resident memory from /usr/bin/time (apt-get install time if absent).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
threads=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
python3 - "$work/dump.jsonl" "$size_mb" <<'PY'
import json, pathlib, sys
out, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("data").glob("*.txt"))]
n = written = 0
with open(out, "w", encoding="utf-8") as f:
    while written < size:
        t = texts[n % len(texts)]
        line = json.dumps({"id": f"d{n}", "text": t}, ensure_ascii=False)
        f.write(line + "\n")
        written += len(t.encode("utf-8"))
        n += 1
print(f"{n} documents, {written/1e6:.1f} MB of text", file=sys.stderr)
PY
bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$work/dump.jsonl")
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "%e %M" -o "$work/time" target/release/vnextract run "$work/dump.jsonl" --out "$work/out" --threads "$threads" --quiet
  read -r secs kb < "$work/time"
else
  start=$(date +%s.%N)
  target/release/vnextract run "$work/dump.jsonl" --out "$work/out" --threads "$threads" --quiet
  secs=$(python3 -c "import time,sys; print(time.time()-float(sys.argv[1]))" "$start")
  kb=0
fi
python3 -c "import sys; b,s,kb=float(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'{b/1e6:.1f} MB in {s:.2f} s = {b/1e6/s:.1f} MB/s with {sys.argv[4]} threads; peak RSS {kb/1024:.0f} MB' + ('' if kb else ' (no /usr/bin/time)'))" "$bytes" "$secs" "$kb" "$threads"
