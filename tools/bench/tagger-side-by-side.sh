#!/usr/bin/env bash
# The tagger of another revision against this checkout's, side by side on the same texts (see TaggerSideBySide.java):
#   tools/bench/tagger-side-by-side.sh REVISION TEXTS.jsonl [ROUNDS]
# REVISION is any git revision (a tag, a commit); TEXTS.jsonl one {"title", "body"} per line. Builds this checkout's
# tagger and the revision's (in a temporary worktree, packaged, not installed), then alternates them ROUNDS times (3).
set -euo pipefail
rev=${1:?usage: tagger-side-by-side.sh REVISION TEXTS.jsonl [ROUNDS]}
texts=$(realpath "${2:?usage: tagger-side-by-side.sh REVISION TEXTS.jsonl [ROUNDS]}")
rounds=${3:-3}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$work/other" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$here" worktree add -q --detach "$work/other" "$rev"
(cd "$here" && mvn -q package -pl tagger -DskipTests)
(cd "$work/other" && mvn -q package -pl tagger -DskipTests)
(cd "$here" && mvn -q dependency:build-classpath -pl tagger -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=runtime)
java -Xmx1g -XX:+UseSerialGC -cp "$(cat "$work/classpath")" "$here/tools/bench/TaggerSideBySide.java" "$texts" "$rounds" \
  "$rev=$(ls "$work"/other/tagger/target/newswire-tagger-*.jar | head -1)" \
  "checkout=$(ls "$here"/tagger/target/newswire-tagger-*.jar | head -1)"
