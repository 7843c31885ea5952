#!/usr/bin/env bash
# The benchmark: whole-process throughput, peak memory and start-up of the
# release binary, with ripgrep's single-pattern pass over the same dump as
# the ceiling, measured side by side in the same run.
#
#   bash scripts/bench.sh [SIZE_MB ...]        # default: 100 1000
#
# For each size it builds (once, cached in target/bench/) a JSON Lines dump
# with scripts/gen_dump.py, then times with hyperfine, for --threads 1 and
# 2: `vnextract run DUMP --out DIR --quiet` (3 runs under 500 MB, else 1),
# each run under `/usr/bin/time` for its peak RSS. MB/s counts the UTF-8
# bytes of the article texts (decimal MB), the figure the issue quotes.
# Then: `rg -c` of a Vietnamese number+scale pattern over the dump, a
# one-document run (start-up: rules compiled, automaton built, lingua
# ready), and the scaling of one document made of one sentence repeated.
# Needs hyperfine, ripgrep and GNU time (Debian: apt-get install hyperfine
# ripgrep time). Prints a Markdown table; raw figures stay in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
for tool in hyperfine rg /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install hyperfine ripgrep time)" >&2; exit 1; }
done
cargo build --release --locked --quiet
bin=$PWD/target/release/vnextract
work=$PWD/target/bench
mkdir -p "$work"
pattern='[0-9]+([.,][0-9]+)* (tỷ|triệu|nghìn|ngàn|tỉ)'

median() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$1"; }

echo "cores: $(nproc); $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
echo
echo "| dump | threads | median s | MB/s | docs/s | peak RSS MB | rg s | rg MB/s | vnextract / rg |"
echo "|---|---|---|---|---|---|---|---|---|"
for size in "${sizes[@]}"; do
  dump=$work/dump-$size.jsonl
  [ -s "$dump" ] && [ -s "$dump.stats" ] || python3 scripts/gen_dump.py "$size" "$dump" 2>/dev/null
  read -r docs bytes < <(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['documents'], s['text_bytes'])" "$dump.stats")
  runs=3; [ "$size" -ge 500 ] && runs=1
  hyperfine --style none --warmup 0 --runs 3 --export-json "$work/rg-$size.json" \
    "rg -c '$pattern' $dump" >/dev/null 2>&1
  rg_s=$(median "$work/rg-$size.json")
  for t in 1 2; do
    hyperfine --style none --runs "$runs" --export-json "$work/run-$size-$t.json" \
      "/usr/bin/time -f %M -o $work/rss-$size-$t.txt $bin run $dump --out $work/out-$size-$t --threads $t --quiet" >/dev/null 2>&1
    s=$(median "$work/run-$size-$t.json")
    kb=$(tail -1 "$work/rss-$size-$t.txt")
    python3 -c "
import sys
size, t, s, docs, b, kb, rg = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
print(f'| {size} MB | {t} | {s:.2f} | {b/1e6/s:.1f} | {docs/s:.0f} | {kb/1024:.0f} | {rg:.3f} | {b/1e6/rg:.0f} | {rg/s:.3f} |')
" "$size" "$t" "$s" "$docs" "$bytes" "$kb" "$rg_s"
  done
done

# start-up: one short document, end to end
printf '{"id": "one", "text": "Doanh thu đạt 4.814 tỷ đồng, tăng 10,5%%."}\n' > "$work/one.jsonl"
hyperfine --style none --warmup 3 --runs 20 --export-json "$work/startup.json" \
  "$bin run $work/one.jsonl --out $work/out-one --quiet" >/dev/null
echo
echo "start-up (one-document run, median of 20): $(python3 -c "import sys; print(f'{float(sys.argv[1])*1e3:.0f} ms')" "$(median "$work/startup.json")")"

# linear in a document's length: one document of one sentence repeated N times
echo
echo "| one document of N copies of | N | seconds | peak RSS MB |"
echo "|---|---|---|---|"
for kind in request runon; do
  case $kind in
    request) s='Thủ tướng Chính phủ yêu cầu Bộ Công Thương khẩn trương hoàn thiện hồ sơ trình Chính phủ trước ngày 15/12. ' ;;
    runon) s='Thủ tướng yêu cầu Bộ Công Thương, ông Nguyễn Văn An, kiểm tra hàng Mỹ, Nhật và Hàn Quốc trị giá 5 tỷ đồng theo Nghị định số 15/2020/NĐ-CP, ' ;;
  esac
  for n in 2000 4000 8000 16000; do
    python3 -c "import sys; open(sys.argv[1], 'w', encoding='utf-8').write('Tiêu đề\n' + sys.argv[2] * int(sys.argv[3]) + '\n')" "$work/$kind-$n.txt" "$s" "$n"
    /usr/bin/time -f "%e %M" -o "$work/scale.txt" "$bin" run "$work/$kind-$n.txt" --out "$work/out-scale" --threads 1 --quiet
    read -r secs kb < "$work/scale.txt"
    echo "| $kind sentence ($(( ${#s} )) chars) | $n | $secs | $(( kb / 1024 )) |"
  done
done
