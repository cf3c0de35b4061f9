#!/usr/bin/env bash
# Load run of the sample app in simulator mode, reproducible with one command:
#   bash src/load/run-load.sh [clients=64] [seconds=60] [poll-ms=500]
# Builds the WAR, starts Open Liberty with it (simulator mode: no PICTORY_API_KEY), measures the time
# from `server start` to ready and the server's RSS (idle, peak under load, after), runs the load
# driver (src/load/LoadTest.java) against it, then stops the server. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/../.."

clients=${1:-64}
seconds=${2:-60}
poll_ms=${3:-500}
port=${HTTP_PORT:-9080}
unset PICTORY_API_KEY
export HTTP_PORT=$port

wlp=target/liberty/wlp
server_dir=$wlp/usr/servers/defaultServer

mvn -B -q package -DskipTests
mvn -B -q liberty:create
rm -rf "$server_dir/dropins" "$server_dir/apps" "$server_dir/configDropins/overrides"
mkdir -p "$server_dir/apps"
cp target/pictory-images.war "$server_dir/apps/"   # where server.xml's <webApplication> names it

stop() { "$wlp/bin/server" stop defaultServer >/dev/null 2>&1 || true; rm -f "$server_dir/apps/pictory-images.war"; }
trap stop EXIT

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

start_ns=$(date +%s%N)
"$wlp/bin/server" start defaultServer >/dev/null
until curl -fsS "http://localhost:$port/health/ready" >/dev/null 2>&1; do
  sleep 0.1
  if (( ($(date +%s%N) - start_ns) / 1000000000 > 120 )); then echo "not ready after 120 s" >&2; exit 1; fi
done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
pid=$(cat "$wlp/usr/servers/.pid/defaultServer.pid")

sleep 5
idle_kib=$(rss_kib "$pid")

peak_file=$(mktemp)
echo 0 > "$peak_file"
( while kill -0 "$pid" 2>/dev/null; do
    now=$(rss_kib "$pid"); peak=$(cat "$peak_file")
    (( now > peak )) && echo "$now" > "$peak_file"
    sleep 1
  done ) &
sampler=$!

set +e
java src/load/LoadTest.java "http://localhost:$port" "$clients" "$seconds" "$poll_ms"
load_status=$?
set -e
kill "$sampler" 2>/dev/null || true
after_kib=$(rss_kib "$pid")

echo "server start to ready: ${ready_ms} ms"
echo "server RSS: idle $((idle_kib / 1024)) MiB, peak under load $(( $(cat "$peak_file") / 1024 )) MiB, after load $((after_kib / 1024)) MiB"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
rm -f "$peak_file"
exit $load_status
