#!/usr/bin/env bash
# score-vs-duckdb.sh: wall time of `cx score` against DuckDB (what an analyst would use instead)
# on the same CSV file, each as a whole process: file in, per-group NPS out.
#
# Usage: cx-benchmarks/e2e/score-vs-duckdb.sh FILE [RUNS=5] [BY=touchpoint]
#
#   FILE  a response CSV with response_id, metric, score and the BY column, for example
#         java cx-benchmarks/e2e/GenerateResponses.java 2000000 > /tmp/r2m.csv
#   RUNS  timed runs of each tool (after one warm-up run of each)
#   BY    the column to group by
#
# cx side:     java $CX_JAVA_OPTS -jar cx-cli/target/cx-cli-*-all.jar score FILE --metric nps --by BY --format csv -q
# DuckDB side: java $DUCKDB_JAVA_OPTS -cp cx-benchmarks/target/classes:duckdb_jdbc.jar
#              dev.cxkit.benchmarks.e2e.DuckDbScore FILE --by BY --metric nps $DUCKDB_ARGS
#              (one SQL query over read_csv with all of DuckDB's threads, and cx's duplicate rule:
#              see that class's Javadoc)
#
# It builds nothing: run `./cx --version` first (builds the cx jar) and
# `./mvnw install -DskipTests -pl cx-benchmarks` (compiles DuckDbScore); the DuckDB driver comes from
# ~/.m2 (./mvnw dependency:get -Dartifact=org.duckdb:duckdb_jdbc:2.0.0.1).
#
# The warm-up runs must agree on n per group, or it stops with exit code 1. Then the tools run
# alternately (cx, duckdb, cx, duckdb, ...) so that drifting machine load hits both alike; every
# run's wall time is printed, then each tool's median and the ratio median(cx) / median(duckdb):
# a ratio below 1 means cx is faster, above 1 that DuckDB is.
#
# Environment:
#   CX_JAVA_OPTS      JVM options for cx (default -XX:+UseSerialGC, as the ./cx launcher uses)
#   DUCKDB_JAVA_OPTS  JVM options for the DuckDB side (default none)
#   DUCKDB_ARGS       extra DuckDbScore options, e.g. --no-dedupe for the plain GROUP BY
set -euo pipefail

usage() {
    echo "usage: $0 FILE [RUNS=5] [BY=touchpoint]" >&2
    exit 2
}

[ $# -ge 1 ] && [ $# -le 3 ] || usage
file="$1"
runs="${2:-5}"
by="${3:-touchpoint}"
case "$runs" in
    '' | *[!0-9]* | 0) echo "score-vs-duckdb: RUNS must be a positive whole number, not '$runs'" >&2; exit 2 ;;
esac
[ -r "$file" ] || { echo "score-vs-duckdb: cannot read $file" >&2; exit 2; }

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

cx_jar=""
for candidate in "$root"/cx-cli/target/cx-cli-*-all.jar; do
    [ -f "$candidate" ] || continue
    if [ -z "$cx_jar" ] || [ "$candidate" -nt "$cx_jar" ]; then
        cx_jar="$candidate"
    fi
done
if [ -z "$cx_jar" ]; then
    echo "score-vs-duckdb: no cx-cli/target/cx-cli-*-all.jar: run ./cx --version first (it builds the jar)" >&2
    exit 2
fi
duckdb_jar="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar"
if [ ! -f "$duckdb_jar" ]; then
    echo "score-vs-duckdb: no $duckdb_jar: run ./mvnw dependency:get -Dartifact=org.duckdb:duckdb_jdbc:2.0.0.1" >&2
    exit 2
fi
classes="$root/cx-benchmarks/target/classes"
if [ ! -f "$classes/dev/cxkit/benchmarks/e2e/DuckDbScore.class" ]; then
    echo "score-vs-duckdb: DuckDbScore is not compiled: run ./mvnw install -DskipTests -pl cx-benchmarks" >&2
    exit 2
fi

# shellcheck disable=SC2206 # the options are lists of words
cx_cmd=(java ${CX_JAVA_OPTS:--XX:+UseSerialGC} -jar "$cx_jar" score "$file" --metric nps --by "$by" --format csv -q)
# shellcheck disable=SC2206
duckdb_cmd=(java ${DUCKDB_JAVA_OPTS:-} -cp "$classes:$duckdb_jar" dev.cxkit.benchmarks.e2e.DuckDbScore "$file"
    --by "$by" --metric nps ${DUCKDB_ARGS:-})

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# /usr/bin/time, where present, adds each run's peak memory (its own cost is the same for both).
time_cmd=()
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
    time_cmd=(/usr/bin/time -o "$work/rss" -f %M)
fi

# run NAME OUT: runs the tool with stdout to OUT, sets $ms (wall time) and $rss (peak KB, or "").
run() {
    local name="$1" out="$2" start end
    local -a cmd
    if [ "$name" = cx ]; then cmd=("${cx_cmd[@]}"); else cmd=("${duckdb_cmd[@]}"); fi
    start=$(date +%s%N)
    if ! "${time_cmd[@]}" "${cmd[@]}" >"$out" 2>"$work/err"; then
        echo "score-vs-duckdb: $name failed:" >&2
        cat "$work/err" >&2
        exit 1
    fi
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    rss=""
    if [ ${#time_cmd[@]} -gt 0 ]; then
        rss="$(tail -n 1 "$work/rss")"
    fi
}

# The first cell (quoted or not) and the n of each group, sorted: cx's CSV is group,metric,n,...;
# DuckDbScore's lines are group,n,value.
cell='("([^"]|"")*"|[^,]*)'
cx_counts() { tail -n +2 "$1" | sed -E "s/^$cell,[^,]*,([^,]*),.*/\\1 -> \\3/" | LC_ALL=C sort; }
duckdb_counts() { sed -E "s/^$cell,([^,]*),.*/\\1 -> \\3/" "$1" | LC_ALL=C sort; }

echo "file: $file ($(wc -l <"$file") lines), by $by, $runs timed run(s) each, $(nproc 2>/dev/null || echo '?') cores"
echo "cx:     ${cx_cmd[*]}"
echo "duckdb: ${duckdb_cmd[*]}"

run cx "$work/cx.csv"
echo "warm-up cx:     $ms ms"
header="$(head -n 1 "$work/cx.csv")"
case "$header" in
    "$by,metric,n,"*) ;;
    *) echo "score-vs-duckdb: cx's CSV header is not '$by,metric,n,...': $header" >&2; exit 1 ;;
esac
run duckdb "$work/duckdb.csv"
echo "warm-up duckdb: $ms ms ($(tail -n 1 "$work/err"))"
cx_counts "$work/cx.csv" >"$work/cx.n"
duckdb_counts "$work/duckdb.csv" >"$work/duckdb.n"
if ! cmp -s "$work/cx.n" "$work/duckdb.n"; then
    echo "score-vs-duckdb: MISMATCH: cx and DuckDB disagree on n per $by (< cx, > duckdb):" >&2
    diff "$work/cx.n" "$work/duckdb.n" >&2 || true
    exit 1
fi
echo "n per $by agrees ($(wc -l <"$work/cx.n") groups, $(awk -F' -> ' '{ s += $2 } END { print s }' "$work/cx.n") responses)"

cx_times=()
duckdb_times=()
for i in $(seq 1 "$runs"); do
    run cx /dev/null
    cx_times+=("$ms")
    line="run $i: cx $ms ms${rss:+ (${rss} KB peak)}"
    run duckdb /dev/null
    duckdb_times+=("$ms")
    echo "$line, duckdb $ms ms${rss:+ (${rss} KB peak)}"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cx_median="$(median "${cx_times[@]}")"
duckdb_median="$(median "${duckdb_times[@]}")"
echo "median: cx $cx_median ms, duckdb $duckdb_median ms"
awk -v c="$cx_median" -v d="$duckdb_median" \
    'BEGIN { printf "ratio median(cx) / median(duckdb): %.2f (below 1: cx is faster)\n", c / d }'
