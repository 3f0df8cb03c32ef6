#!/usr/bin/env bash
# Scores the first top-level topic Newswire gives each page of page-topics.tsv against the topics its address allows.
# The pages are other publishers' (trafilatura's evaluation set, not shipped with Newswire): point this at a copy.
#   tools/eval/page-topics.sh DIR      DIR holds the set's cache/ and eval/ folders
set -euo pipefail
dir=${1:?usage: page-topics.sh DIR (the extraction set: its cache/ and eval/ folders)}
here=$(cd "$(dirname "$0")/../.." && pwd)
right=0; total=0
while IFS=$'\t' read -r file gold; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  page=$(ls "$dir"/*/"$file" 2>/dev/null | head -1) || true
  [[ -z "$page" ]] && { echo "missing: $file" >&2; continue; }
  top=$("$here/newswire" tag "$page" 2>/dev/null | python3 -c 'import json,sys
d=json.load(sys.stdin); t=[x["code"][7:9] for x in d["topics"] if x["code"].endswith("000000")]; print(t[0] if t else "none")')
  total=$((total + 1))
  if [[ ",$gold," == *",$top,"* ]]; then right=$((right + 1)); else echo "wrong: $file (allowed $gold, given $top)"; fi
done < "$here/tools/eval/page-topics.tsv"
echo "first topic right: $right/$total"
