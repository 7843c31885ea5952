#!/usr/bin/env bash
# Runs every fuzz target for a short while on its seed corpus, for CI:
#
#     fuzz/smoke.sh [SECONDS] [TARGET...]     # default: 30 s, every target
#
# Needs cargo-fuzz and a nightly toolchain (`cargo install cargo-fuzz
# --locked`). New inputs go to a throw-away corpus, never into
# fuzz/seeds/; a crash leaves its input under fuzz/artifacts/TARGET/ and
# makes the script fail. FUZZ_TARGET_DIR, when set, is passed to
# `cargo fuzz --target-dir` (default: fuzz/target).
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-30}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(pipeline_bytes pipeline_vi number jsonl rules)
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for t in "${targets[@]}"; do
    echo "== $t ($secs s)"
    mkdir -p "$scratch/$t"
    rc=0
    cargo +nightly fuzz run ${FUZZ_TARGET_DIR:+--target-dir "$FUZZ_TARGET_DIR"} "$t" "$scratch/$t" "seeds/$t" -- \
        -max_total_time="$secs" -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 \
        >"$scratch/$t.log" 2>&1 || rc=$?
    grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec)' "$scratch/$t.log" || true
    if [ "$rc" -ne 0 ]; then
        tail -n 60 "$scratch/$t.log" >&2
        echo "fuzz target $t failed (exit $rc); its input is under fuzz/artifacts/$t/" >&2
        exit 1
    fi
done
