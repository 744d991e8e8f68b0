#!/usr/bin/env bash
# Whole-process time of `cx recover` compiling its policy every run, against a second run in a row
# that reads it from the compiled-policy cache (issue 17, item 5; decision 0021), and a first run
# into an empty cache (the compile plus writing the entry). Runs alternate; prints medians in ms.
#
# Usage (from the repository root, after building cx-cli's jar):
#   bash cx-benchmarks/e2e/policy-cache.sh [RUNS] [POLICY]     # defaults: 5 restaurant
set -euo pipefail
JAR=${JAR:-cx-cli/target/cx-cli-0.1.0-SNAPSHOT-all.jar}
RUNS=${1:-5}
POLICY=${2:-restaurant}
XDG_CACHE_HOME=$(mktemp -d)
export XDG_CACHE_HOME
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT

run() {
    local start
    start=$(date +%s%N)
    java -jar "$JAR" recover --policy "$POLICY" -q "$@" > /dev/null
    echo $(( ($(date +%s%N) - start) / 1000000 ))
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

run > /dev/null # the cache's first entry, and the file system's caches warm
compiled=() cached=() first=()
for _ in $(seq "$RUNS"); do
    compiled+=("$(run --no-policy-cache)")
    cached+=("$(run)")
    rm -rf "$XDG_CACHE_HOME/cxkit"
    first+=("$(run)")
done
echo "compiled every run (--no-policy-cache): median $(median "${compiled[@]}") ms (${compiled[*]})"
echo "first run, into an empty cache:         median $(median "${first[@]}") ms (${first[*]})"
echo "second run, read from the cache:        median $(median "${cached[@]}") ms (${cached[*]})"
