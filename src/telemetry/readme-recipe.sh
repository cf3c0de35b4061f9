#!/usr/bin/env bash
# The README's telemetry recipe, run as the README runs it: `mvn liberty:run` with the OTEL_* variables of its
# Telemetry command, the exporters set to `logging` so that every exported span and metric lands in the server's log. It
# submits a job with webhooks on (the simulator calls back), sends a forged callback, waits for the image to be
# kept and for the metrics to be exported, then fails unless the module's spans and metrics are in the export
# and no secret is in any log line or exported byte: not the API key, the webhook secret, a callback token,
# nor the prompt.
#
#   bash src/telemetry/readme-recipe.sh        (after `mvn verify` or `mvn package`; needs port 9080 free)
set -euo pipefail
cd "$(dirname "$0")/../.."

port=9080
server_dir=target/liberty/wlp/usr/servers/defaultServer
out=target/telemetry-recipe
rm -rf "$out" && mkdir -p "$out"
rm -rf "$server_dir/logs"

# Values that appear nowhere else, so that finding one in a log means it leaked.
run_id="$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
key="pictai_recipe_${run_id}"
secret="recipe-webhook-secret-${run_id}-0123456789abcdef"
prompt="A lighthouse at dawn, recipe words ${run_id}"

# The README's command, exporters to the log (as the README suggests). PICTORY_SIMULATOR_API_KEY and
# PICTORY_WEBHOOK_SECRET only replace the sample's defaults (the simulator's well-known key and a random
# secret) with values this script can look for.
OTEL_SDK_DISABLED=false OTEL_SERVICE_NAME=pictory4j-sample \
OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
OTEL_METRIC_EXPORT_INTERVAL=10000 OTEL_LOGS_EXPORTER=none \
OTEL_TRACES_EXPORTER=logging OTEL_METRICS_EXPORTER=logging \
PICTORY_SIMULATOR_API_KEY="$key" PICTORY_WEBHOOK_SECRET="$secret" \
  setsid mvn -B liberty:run > "$out/liberty-run.log" 2>&1 < /dev/null &
mvn_pid=$!

stop() {
  target/liberty/wlp/bin/server stop defaultServer > /dev/null 2>&1 || true
  kill -- -"$mvn_pid" 2> /dev/null || true
  wait "$mvn_pid" 2> /dev/null || true
}
trap stop EXIT

fail() { echo "telemetry recipe: FAILED: $*" >&2; exit 1; }

for _ in $(seq 1 360); do
  curl -sf -o /dev/null "http://localhost:$port/health/ready" && break
  kill -0 "$mvn_pid" 2> /dev/null || fail "mvn liberty:run ended early; see $out/liberty-run.log"
  sleep 0.5
done
curl -sf -o /dev/null "http://localhost:$port/health/ready" || fail "the sample was not ready within 3 minutes"

accepted="$(curl -sf -u alice:demo -X POST -H 'Content-Type: application/json' "http://localhost:$port/api/images" \
  -d "{\"prompt\":\"$prompt\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\"}")" || fail "the submission was refused"
job_id="$(sed -E 's/.*"jobId":"([^"]+)".*/\1/' <<< "$accepted")"
forged="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  "http://localhost:$port/api/pictory/webhook?token=forged-${run_id}" -d "{\"job_id\":\"$job_id\"}")"
[ "$forged" = 401 ] || fail "a forged callback was answered $forged, not 401"

for _ in $(seq 1 120); do
  [ "$(curl -s -u alice:demo -o /dev/null -w '%{http_code}' "http://localhost:$port/api/images/$job_id/image")" = 200 ] && break
  sleep 0.5
done
# The token the sample gave the simulator for this job's callback, as the simulator's traffic shows it.
traffic="$(curl -sf -H "Authorization: $key" "http://localhost:$port/simulator/pictoryapis/simulator-traffic/jobs/$job_id")" \
  || fail "the simulator's traffic of $job_id could not be read"
token="$(sed -E 's/.*"webhook":"[^"]*[?&]token=([^"&]+).*/\1/' <<< "$traffic")"
[ ${#token} -gt 20 ] || fail "no callback token in the simulator's traffic: $traffic"

log="$server_dir/logs/messages.log"
expected=("'generate_content flux-schnell'" "'follow_job flux-schnell'" "'webhook_callback'" "'download_image'"
          "name=gen_ai.client.operation.duration" "name=pictory.credits.used" "name=pictory.jobs.ended")
for _ in $(seq 1 60); do
  missing=()
  for what in "${expected[@]}"; do grep -qF -- "$what" "$log" 2> /dev/null || missing+=("$what"); done
  [ ${#missing[@]} -eq 0 ] && break
  sleep 1
done
[ ${#missing[@]} -eq 0 ] || fail "not exported within a minute: ${missing[*]}"
grep -F "'generate_content flux-schnell'" "$log" | grep -qF "gen_ai.response.id=$job_id" \
  || fail "the submission's span does not name job $job_id"
grep -F "'webhook_callback'" "$log" | grep -F "pictory.webhook.result=accepted" | grep -qF "gen_ai.response.id=$job_id" \
  || fail "no accepted callback of job $job_id was traced"
grep -F "'POST /api/pictory/webhook'" "$log" | grep -qF "url.query=token=REDACTED" \
  || fail "the callback's server span does not show its token replaced"

stop
trap - EXIT
cp -R "$server_dir/logs" "$out/server-logs"
leaks=0
for name in key secret token prompt; do
  value="${!name}"
  if grep -rlF -- "$value" "$out" > /dev/null; then
    echo "telemetry recipe: the $name appears in: $(grep -rlF -- "$value" "$out" | tr '\n' ' ')" >&2
    leaks=1
  fi
done
[ $leaks -eq 0 ] || fail "a secret was logged or exported"

spans="$(grep -cE "'(generate_content|follow_job|webhook_callback|download_image)" "$log")"
echo "telemetry recipe: passed: job $job_id; $spans module spans and the GenAI metrics exported by \`mvn liberty:run\`;" \
     "no key, webhook secret, callback token or prompt in $(find "$out" -type f | wc -l) log files ($(du -sk "$out" | cut -f1) KiB)"
