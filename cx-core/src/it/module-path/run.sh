#!/usr/bin/env bash
# Module-path smoke test of cx-core's packaged jar, as a consumer gets it (docs/decisions/0009).
#
# Run after a build that packaged cx-core, e.g. ./mvnw -B -o verify -pl cx-core -am; never needs
# install. It checks that
#   1. the dependency-reduced pom (the one install and deploy publish) does not list HdrHistogram;
#   2. the jar declares module dev.cxkit.core with no "requires HdrHistogram" and no exported
#      internal package, and holds HdrHistogram relocated to dev.cxkit.core.internal.hdrhistogram
#      and nothing under org/HdrHistogram;
#   3. a consumer module (dev.cxkit.smoke, beside this script) compiles against the jar and the
#      dependencies resolved from the dependency-reduced pom, on the module path, and cannot
#      compile against the internal package;
#   4. it runs on the module path: it records journeys, so the relocated Histogram is loaded and
#      used inside dev.cxkit.core, and prints the step durations and the module's checks.
# Maven runs offline (-o) unless SMOKE_MAVEN_FLAGS says otherwise (e.g. SMOKE_MAVEN_FLAGS=).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
core="$(cd "$here/../../.." && pwd)"
root="$(cd "$core/.." && pwd)"
drp="$core/target/dependency-reduced-pom.xml"
jar="$(find "$core/target" -maxdepth 1 -name 'cx-core-*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' | head -n 1)"
if [ -z "$jar" ] || [ ! -f "$drp" ]; then
    echo "cx-core is not packaged: run ./mvnw -B -o verify -pl cx-core -am first" >&2
    exit 2
fi
internal=dev.cxkit.core.internal.hdrhistogram
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

echo "== 1. published pom: $drp"
grep -q '<artifactId>HdrHistogram</artifactId>' "$drp" && fail "the dependency-reduced pom lists HdrHistogram"
echo "ok: no HdrHistogram dependency"

echo "== 2. jar: $jar"
jar --describe-module --file "$jar" | tee "$work/module.txt"
grep -qi 'requires hdrhistogram' "$work/module.txt" && fail "the module requires HdrHistogram"
grep -q "exports .*internal" "$work/module.txt" && fail "an internal package is exported"
unzip -Z1 "$jar" > "$work/entries.txt"
grep -q '^org/HdrHistogram/' "$work/entries.txt" && fail "the jar has classes under org/HdrHistogram"
echo "ok: $(grep -c "^${internal//.//}/.*\.class$" "$work/entries.txt") classes under ${internal//.//}/, none under org/HdrHistogram/"

echo "== 3. consumer module on the module path"
# shellcheck disable=SC2086
"$root/mvnw" -B -q ${SMOKE_MAVEN_FLAGS--o} -f "$drp" \
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$work/deps.txt" >&2
deps="$(cat "$work/deps.txt")"
echo "runtime dependencies from the published pom: $(tr ':' '\n' < "$work/deps.txt" | xargs -n 1 basename | tr '\n' ' ')"
case "$deps" in *HdrHistogram*) fail "HdrHistogram resolved from the published pom" ;; esac
mp="$jar:$deps"
javac --release 17 --module-path "$mp" -d "$work/smoke" \
    "$here/dev.cxkit.smoke/module-info.java" "$here/dev.cxkit.smoke/dev/cxkit/smoke/Smoke.java"
mkdir -p "$work/leak/dev/cxkit/leak"
printf 'module dev.cxkit.leak { requires dev.cxkit.core; }\n' > "$work/leak/module-info.java"
printf 'package dev.cxkit.leak;\nclass Leak { %s.Histogram h; }\n' "$internal" > "$work/leak/dev/cxkit/leak/Leak.java"
if javac --release 17 --module-path "$mp" -d "$work/leak-classes" \
        "$work/leak/module-info.java" "$work/leak/dev/cxkit/leak/Leak.java" 2> "$work/leak.txt"; then
    fail "a consumer compiled against $internal"
fi
grep -q 'is not visible\|does not export' "$work/leak.txt" || { cat "$work/leak.txt" >&2; fail "unexpected javac error"; }
echo "ok: a consumer cannot compile against $internal: $(grep -m1 'error:' "$work/leak.txt" | sed 's/.*error: //')"

echo "== 4. run: java --module-path <cx-core jar>:<dependencies>:<smoke> -m dev.cxkit.smoke/dev.cxkit.smoke.Smoke"
java --module-path "$mp:$work/smoke" -m dev.cxkit.smoke/dev.cxkit.smoke.Smoke
