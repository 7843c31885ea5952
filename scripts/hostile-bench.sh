#!/usr/bin/env bash
# Cost of rule-phrase floods against plain article text of the same size:
# one article made of N repetitions of each kind of rule phrase (request
# verbs, offices, legal references, figures, country names; Vietnamese and
# English), and an article of the same size cut from data/. Prints the
# wall time of each and their ratio (whole process, one thread).
#
#   bash scripts/hostile-bench.sh [N]        # default 100000; release binary
#
# Linear cost means the ratio stays flat as N grows (try 25000, 50000,
# 100000, 200000); the target is a ratio within 2.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
bin=target/release/vnextract
[ -x "$bin" ] || cargo build --release --quiet
dir=target/hostile-bench
mkdir -p "$dir"
python3 - "$n" "$dir" <<'PY'
import sys, pathlib
n, d = int(sys.argv[1]), pathlib.Path(sys.argv[2])
phrases = {
    "request": "Thủ tướng yêu cầu các bộ, ngành khẩn trương triển khai nhiệm vụ. ",
    "office": "Phó Thủ tướng Chính phủ Bùi Thanh Sơn ",
    "legal": "Chỉ thị số 15-CT/TW ngày 10-8-2022 của Ban Bí thư; ",
    "figure": "trên 4.814 tỷ đồng, ",
    "country": "Nhật Bản, ",
    "en_request": "The Prime Minister asked ministries to speed up the work. ",
}
plain = "".join(p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("data").glob("*.txt")) if "_en_" not in p.name)
for k, p in phrases.items():
    t = p * n
    (d / f"{k}.txt").write_text(t, encoding="utf-8")
    (d / f"plain_{k}.txt").write_text((plain * (len(t) // len(plain) + 1))[: len(t)], encoding="utf-8")
PY
printf '%-12s %10s %10s %7s %10s\n' kind phrase_s plain_s ratio peak_MiB
for k in request office legal figure country en_request; do
  t() { /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" run "$dir/$1.txt" --out "$dir/out" --quiet --threads 1; cat "$dir/time"; }
  read -r a am < <(t "$k")
  read -r b _ < <(t "plain_$k")
  printf '%-12s %10s %10s %7.2f %10d\n' "$k" "$a" "$b" "$(python3 -c "print($a/max($b,0.01))")" $((am / 1024))
done
