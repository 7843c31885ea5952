#!/usr/bin/env bash
# A screenshot of the first document page of a review, to look at it
# without a desktop:
#
#   bash scripts/review-screenshot.sh OUT_DIR PNG [PAGE]
#
# OUT_DIR is a run's --out folder after `vnextract review OUT_DIR` (the
# pages are in OUT_DIR/review/), or a review folder itself (`--to DIR`).
# PAGE defaults to doc/1.html; index.html shows the list of documents. On
# a document page the first directive (else the first extraction) is shown
# in the side panel (`?x=ID`).
# Needs chromium (or chromium-browser / google-chrome) on the PATH, or
# CHROMIUM=/path/to/it.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 OUT_DIR PNG [PAGE]" >&2
  exit 2
fi
out=$1 png=$2 page=${3:-doc/1.html}
dir=$out/review
[ -f "$dir/index.html" ] || dir=$out
if [ ! -f "$dir/$page" ]; then
  echo "no $dir/$page: run vnextract review $out first" >&2
  exit 1
fi
browser=${CHROMIUM:-}
for b in chromium chromium-browser google-chrome; do
  [ -n "$browser" ] && break
  command -v "$b" >/dev/null && browser=$b
done
if [ -z "$browser" ]; then
  echo "chromium not found (set CHROMIUM=...)" >&2
  exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
case $png in /*) ;; *) png=$PWD/$png ;; esac
abs=$(cd "$dir" && pwd)/$page
case $page in
  doc/*)
    id=$(grep -o 'id="at-d:[0-9.]*"' "$dir/$page" | head -n1 || true)
    [ -n "$id" ] || id=$(grep -o 'id="at-[a-z]:[0-9.]*"' "$dir/$page" | head -n1 || true)
    id=${id#id=\"at-}
    id=${id%\"}
    [ -n "$id" ] && abs="$abs?x=$id"
    ;;
esac
"$browser" --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1280,1600 \
  --screenshot="$png" "file://$abs" 2>/dev/null
[ -s "$png" ] && echo "$png"
