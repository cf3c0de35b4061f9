#!/usr/bin/env bash
# Start times of the standalone simulator (src/docs/performance.md), after `mvn -o -B package -DskipTests`:
#   bash src/load/standalone-start.sh [starts]
# 1. java -jar … --port 0: from the process's start to its printed URL, the first run with a fresh temp dir
#    (the runtime is extracted), the others reusing it. 2. In one JVM, from the jar and from the project's
#    classes (dev mode, the runtime on the class path): each PictorySimulatorServer.start().
set -euo pipefail
cd "$(dirname "$0")/../.."
starts=${1:-5}
jar=target/pictory-images-simulator-standalone.jar
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT

echo "java -jar $jar --port 0, process start to URL:"
for i in $(seq 1 "$starts"); do

  out=$(mktemp)
  began=$(date +%s%N)
  java -Djava.io.tmpdir="$fresh" -jar "$jar" --port 0 >"$out" 2>&1 &
  pid=$!
  until grep -q "Pictory simulator at" "$out"; do sleep 0.01; done
  up=$(( ($(date +%s%N) - began) / 1000000 ))
  kill "$pid"; wait "$pid" || true
  echo "  run $i: ${up} ms$([ "$i" = 1 ] && echo ' (extracting the runtime)')"
  rm -f "$out"
done

echo "In one JVM, from the jar (fresh temp dir):"
rm -rf "${fresh:?}"/*
java -Djava.io.tmpdir="$fresh" -cp "$jar:target/test-classes" io.github.pictory4j.images.testkit.isolated.StartTimes "$starts"

echo "In one JVM, dev mode (target/classes, the runtime on the class path):"
mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$fresh/cp.txt" >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$fresh/cp.txt")" io.github.pictory4j.images.testkit.isolated.StartTimes "$starts"
