#!/usr/bin/env bash
# Ranking quality: index the four collections in eval/ (Cranfield, CISI, CACM, NPL) with the default
# configuration (english analyzer, BM25 k1 = 1.2, b = 0.75, title boost 2, proximity), run every query,
# score the runs with `loupe eval --qrels` (trec_eval's definitions), print a table, and fail
# when MAP or nDCG@10 falls below the best peer's figures in eval/thresholds.tsv.
#
# Usage: scripts/eval.sh [LOUPE_BINARY]   (default: builds and uses the debug binary)
# EVAL_FLAGS adds flags to every `loupe eval`, such as EVAL_FLAGS=--expand (RM3, docs/ranking.md);
# the CI gate runs the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
loupe="${1:-}"
if [ -z "$loupe" ]; then
  swift build --product loupe >/dev/null
  loupe="$(swift build --show-bin-path)/loupe"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
printf '| collection | MAP | nDCG@10 | P@10 | R@100 | MAP needed | nDCG@10 needed |\n|---|---|---|---|---|---|---|\n'
while IFS=$'\t' read -r collection map_min ndcg_min; do
  case "$collection" in ""|collection|\#*) continue ;; esac
  "$loupe" index --config config/loupe.toml --jsonl "eval/$collection/docs.jsonl" --index "$work/$collection" >/dev/null
  line=$("$loupe" eval --config config/loupe.toml --index "$work/$collection" --queries "eval/$collection/queries.tsv" \
    --run "$work/$collection.run" --qrels "eval/$collection/qrels.txt" ${EVAL_FLAGS:-})
  # line: queries N  MAP x  nDCG@10 y  P@10 z  R@100 w
  read -r _ _ _ map _ ndcg _ p10 _ r100 <<<"$line"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$collection" "$map" "$ndcg" "$p10" "$r100" "$map_min" "$ndcg_min"
  if awk -v a="$map" -v b="$map_min" -v c="$ndcg" -v d="$ndcg_min" 'BEGIN { exit !(a < b || c < d) }'; then
    echo "FAIL: $collection is below the threshold" >&2
    status=1
  fi
done < eval/thresholds.tsv
exit $status
