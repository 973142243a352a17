#!/usr/bin/env bash
# Fetches the external FETV and TVGE per-video human data into "$1" (see README "Data sources"): read in place by the
# rebuild and the dry run (AIGVE_DATASETS), never committed. Used by the workflows on a cache miss.
set -euo pipefail
dest="$1"
mkdir -p "$dest"
tmp="$(mktemp -d)"
git clone --quiet --depth 1 https://github.com/llyx97/FETV-EVAL "$tmp/fetv"
mkdir -p "$dest/fetv-eval"
cp -R "$tmp/fetv/datas" "$tmp/fetv/manual_eval_results" "$tmp/fetv/auto_eval_results" "$dest/fetv-eval/"
git clone --quiet --depth 1 --filter=blob:none --sparse https://github.com/linzhiqiu/t2v_metrics "$tmp/t2v"
git -C "$tmp/t2v" sparse-checkout set datasets
mkdir -p "$dest/tvge"
for f in t2vscore_alignment_score.json t2vscore_quality_score.json t2vscore_results.csv; do
  found="$(find "$tmp/t2v/datasets" -name "$f" -print -quit)"
  test -n "$found" || { echo "TVGE file $f not found in t2v_metrics/datasets" >&2; exit 1; }
  cp "$found" "$dest/tvge/$f"
done
rm -rf "$tmp"
