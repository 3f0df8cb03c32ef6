#!/usr/bin/env bash
# Scores the first top-level topic Newswire gives each page of page-topics.tsv against the topics a person allowed
# for it, twice: on the whole page as ingest extracts it, and as a short item (its headline and first two sentences).
# The pages are other publishers' (trafilatura's evaluation set, not shipped with Newswire): point this at a copy.
#   tools/eval/page-topics.sh DIR      DIR holds the set's cache/ and eval/ folders
# Prints every miss, then the figures of each batch of the list (its "# ... batch" comment lines divide it).
set -euo pipefail
dir=${1:?usage: page-topics.sh DIR (the extraction set: its cache/ and eval/ folders)}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Extract every page as ingest would (one JVM per page: extract reads one page), then tag them all in one JVM.
while IFS=$'\t' read -r file gold; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  page=$(ls "$dir"/*/"$file" 2>/dev/null | head -1) || true
  [[ -z "$page" ]] && { echo "missing: $file" >&2; continue; }
  "$here/newswire" extract "$page" > "$work/$file.json" 2>/dev/null || echo "not extracted: $file" >&2
done < "$here/tools/eval/page-topics.tsv"
python3 - "$here/tools/eval/page-topics.tsv" "$work" > "$work/items.jsonl" <<'EOF'
import json, os, re, sys
for line in open(sys.argv[1]):
    if not line.strip() or line.startswith('#'):
        continue
    name = line.split('\t')[0]
    path = os.path.join(sys.argv[2], name + '.json')
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        continue
    page = json.load(open(path))
    body = page['body'].strip()
    sentences = re.split(r'(?<=[.!?])\s+', body, maxsplit=2)
    print(json.dumps({'id': name + ' full', 'title': page['title'], 'body': body}))
    print(json.dumps({'id': name + ' short', 'title': page['title'], 'body': ' '.join(sentences[:2])}))
EOF
"$here/newswire" tag --jsonl < "$work/items.jsonl" > "$work/tags.jsonl"
python3 - "$here/tools/eval/page-topics.tsv" "$work/items.jsonl" "$work/tags.jsonl" <<'EOF'
import json, sys
gold, batch, batches = {}, None, []
for line in open(sys.argv[1]):
    if line.startswith('#') and 'batch' in line.lower():
        batch = line.strip('# \n').split(',')[0]
        batches.append(batch)
    elif line.strip() and not line.startswith('#'):
        if batch is None:
            batch = 'first batch'
            batches.append(batch)
        name, allowed = line.rstrip('\n').split('\t')
        gold[name] = (batch, allowed.split(','))
score = {b: {'full': [0, 0], 'short': [0, 0]} for b in batches}
calibration = [[0, 0, 0.0] for _ in range(5)]  # per score fifth: first topics, right, sum of scores
for item, tags in zip(open(sys.argv[2]), open(sys.argv[3])):
    name, kind = json.loads(item)['id'].rsplit(' ', 1)
    top = [t for t in json.loads(tags)['topics'] if t['code'].endswith('000000')]
    first = top[0]['code'][7:9] if top else 'none'
    b, allowed = gold[name]
    score[b][kind][1] += 1
    if top:
        bucket = calibration[min(4, int(top[0]['score'] * 5))]
        bucket[0] += 1
        bucket[1] += first in allowed
        bucket[2] += top[0]['score']
    if first in allowed:
        score[b][kind][0] += 1
    else:
        print(f'wrong ({kind}): {name} (allowed {",".join(allowed)}, given {first})')
for b in batches:
    f, s = score[b]['full'], score[b]['short']
    print(f'{b}: first topic right {f[0]}/{f[1]} on whole pages, {s[0]}/{s[1]} as short items')
print('score of the first topic (whole pages and short items): topics, mean score, right')
for k, (n, right, total) in enumerate(calibration):
    if n:
        print(f'  {k / 5:.1f}-{(k + 1) / 5:.1f}  {n:4d}  {total / n:.3f}  {right / n:.3f}')
EOF
