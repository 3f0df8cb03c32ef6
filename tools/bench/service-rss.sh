#!/usr/bin/env bash
# Peak resident memory of each Newswire service run as its own process, the way it runs in production:
# starts the local stack, runs `newswire enrich` and `newswire sink`, ingests N generated articles with
# `newswire ingest files`, waits until all of them are in PostgreSQL, then prints each process's peak RSS
# (VmHWM from /proc) and the CPU time enrich and the sink used. Linux only.
# Usage: tools/bench/service-rss.sh [ARTICLES [OTHER_LANGUAGES_PERCENT]] (defaults 5000 and 0: all English; a share
# of articles in other languages makes enrich load its language profiles, as a mixed feed does).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
articles=${1:-5000}
other=${2:-0}
work=$(mktemp -d)
nw="$here/newswire"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2; rm -rf "$work"; }
trap cleanup EXIT
peak() { awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$1/status"; }
# CPU seconds the process has used (user and system), from /proc/PID/stat in clock ticks.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.1f s", ($12 + $13) / hz}' "/proc/$1/stat"; }

"$nw" --version >/dev/null # builds once if needed
NEWSWIRE_SKIP_BUILD=1 "$nw" stack --dir "$work/stack" >"$work/stack.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q "stack running" "$work/stack.out" 2>/dev/null && break; sleep 1; done
eval "$(grep -o 'export NEWSWIRE_.*' "$work/stack.out")"
export NEWSWIRE_SKIP_BUILD=1 NEWSWIRE_ENRICH_HTTP_PORT=0 NEWSWIRE_SINK_HTTP_PORT=0 NEWSWIRE_INGEST_OPS_PORT=0 \
  NEWSWIRE_INGEST_STATE_DIR="$work/ingest" NEWSWIRE_ENRICH_STATE_DIR="$work/enrich"
jdbc_port=$(echo "$NEWSWIRE_POSTGRES_URL" | sed -E 's|.*:([0-9]+)/.*|\1|')

"$nw" bench corpus --articles "$articles" --other-languages "$other" --out "$work/articles.jsonl" >/dev/null
"$nw" topics >/dev/null 2>&1
"$nw" enrich >"$work/enrich.log" 2>&1 &
enrich=$!; pids+=($enrich)
"$nw" sink >"$work/sink.log" 2>&1 &
sink=$!; pids+=($sink)
sleep 5
/usr/bin/time -f "%M" -o "$work/ingest.rss" "$nw" ingest files "$work/articles.jsonl" >/dev/null 2>&1

classpath="$here/dev/target/classpath.txt" # what the launcher runs with, written by its build
[ -f "$classpath" ] || { echo "no $classpath: build with ./newswire --version first" >&2; exit 1; }
count() {
  java -cp "$(cat "$classpath")" "$here/tools/bench/Count.java" \
    "jdbc:postgresql://127.0.0.1:$jdbc_port/newswire" 2>/dev/null || echo 0
}
for _ in $(seq 1 600); do
  [ "$(count)" -ge "$articles" ] && break
  for p in $enrich $sink; do
    kill -0 "$p" 2>/dev/null || { echo "a service stopped; see its log:" >&2; tail -5 "$work"/*.log >&2; exit 1; }
  done
  sleep 2
done

broker=$(pgrep -f "$work/stack/kafka" | head -1)
registry=$(pgrep -f "newswire.stack=$work/stack" | head -1)
echo "| process | peak RSS | CPU time |"
echo "|---|---|---|"
echo "| newswire ingest files ($articles articles, $other % not English) | $(( $(cat "$work/ingest.rss") / 1024 )) MB | |"
echo "| newswire enrich | $(peak "$enrich") | $(cpu "$enrich") |"
echo "| newswire sink | $(peak "$sink") | $(cpu "$sink") |"
[ -n "$broker" ] && echo "| Kafka broker (local stack) | $(peak "$broker") | |"
[ -n "$registry" ] && echo "| schema registry (local stack) | $(peak "$registry") | |"
echo
echo "$(date +%F), $(nproc) cores, $(java -version 2>&1 | head -1); \`tools/bench/service-rss.sh $articles $other\`"
