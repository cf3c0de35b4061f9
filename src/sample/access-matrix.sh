#!/usr/bin/env bash
# Who may call what, against the sample as the README starts it (`mvn liberty:run`, demo users on localhost):
# every endpoint for an anonymous caller, the demo user alice, another user (bob) and the admin, with the status
# each must get. Prints the matrix and fails on the first run that differs anywhere.
#
#   bash src/sample/access-matrix.sh                         (after `mvn package`; starts and stops `mvn liberty:run`, port 9080)
#   BASE_URL=http://localhost:9080 bash src/sample/access-matrix.sh   (against a sample already running there)
set -euo pipefail
cd "$(dirname "$0")/../.."

out=target/access-matrix
rm -rf "$out" && mkdir -p "$out"
mvn_pid=""
stop() {
  if [ -n "$mvn_pid" ]; then
    target/liberty/wlp/bin/server stop defaultServer > /dev/null 2>&1 || true
    kill -- -"$mvn_pid" 2> /dev/null || true
    wait "$mvn_pid" 2> /dev/null || true
  fi
}
trap stop EXIT
fail() { echo "access matrix: FAILED: $*" >&2; exit 1; }

base="${BASE_URL:-}"
if [ -z "$base" ]; then
  base=http://localhost:9080
  curl -s -o /dev/null "$base/" && fail "port 9080 is taken: stop what runs there, or set BASE_URL"
  setsid mvn -B liberty:run > "$out/liberty-run.log" 2>&1 < /dev/null &
  mvn_pid=$!
  for _ in $(seq 1 360); do
    curl -sf -o /dev/null "$base/health/ready" && break
    kill -0 "$mvn_pid" 2> /dev/null || fail "mvn liberty:run ended early; see $out/liberty-run.log"
    sleep 0.5
  done
fi
curl -sf -o /dev/null "$base/health/ready" || fail "the sample at $base was not ready within 3 minutes"

# One of alice's jobs, ended and its image kept, so that the job's paths have something to guard.
job_id="$(curl -sf -u alice:demo -X POST -H 'Content-Type: application/json' "$base/api/images" \
  -d '{"prompt":"The access matrix, a lighthouse at dawn","model":"flux-schnell"}' | sed -E 's/.*"jobId":"([^"]+)".*/\1/')"
[ -n "$job_id" ] || fail "alice could not submit a job"
for _ in $(seq 1 120); do
  [ "$(curl -s -u alice:demo -o /dev/null -w '%{http_code}' "$base/api/images/$job_id/image")" = 200 ] && break
  sleep 0.5
done

# status <who> <method> <path> [body] [extra curl arguments...]: the HTTP status that caller gets.
status() {
  local who="$1" method="$2" path="$3" body="${4:-}"
  shift 4 2> /dev/null || shift $#
  local args=(-s -o /dev/null -w '%{http_code}' --max-time 5 -X "$method")
  [ "$who" = anonymous ] || args+=(-u "$who:demo")
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' -d "$body")
  curl "${args[@]}" "$@" "$base$path" || true # an event stream ends by the time-out, after its status
}

# expected statuses: anonymous alice bob admin, then the request.
rows=(
  "200 200 200 200|GET|/"
  "200 200 200 200|GET|/health/ready"
  "200 200 200 200|GET|/openapi"
  "200 200 200 200|GET|/api/session"
  "401 200 200 200|GET|/api/options"
  "401 202 202 202|POST|/api/images|{\"prompt\":\"The access matrix, one each\",\"model\":\"flux-schnell\"}"
  "401 200 200 200|GET|/api/images"
  "401 200 404 200|GET|/api/images/$job_id"
  "401 200 404 200|GET|/api/images/$job_id/image"
  "401 404 404 404|GET|/api/images/no-such-job-0000"
  "401 200 200 200|GET|/api/usage"
  "401 200 200 200|GET|/api/events"
  "401 403 403 200|GET|/api/events/ledger"
  "401 403 403 200|GET|/api/admin/usage"
  "401 403 403 200|GET|/api/admin/limits"
  "401 403 403 200|PUT|/api/admin/limits/user/carol|{\"dailyCredits\":5}"
  "401 403 403 204|DELETE|/api/admin/limits/user/carol"
)
failures=0
printf '%-46s %-10s %-10s %-10s %-10s\n' "request" anonymous alice bob admin | tee "$out/matrix.txt"
check() {
  local expected="$1" label="$2"; shift 2
  local got=() who
  for who in anonymous alice bob admin; do got+=("$("$@" "$who")"); done
  local line mark=""
  [ "${got[*]}" = "$expected" ] || { mark="  <- expected $expected"; failures=$((failures + 1)); }
  line="$(printf '%-46s %-10s %-10s %-10s %-10s%s' "$label" "${got[@]}" "$mark")"
  echo "$line" | tee -a "$out/matrix.txt"
}
row_call() { local method="$1" path="$2" body="$3" who="$4"; status "$who" "$method" "$path" "$body"; }
for row in "${rows[@]}"; do
  IFS='|' read -r expected method path body <<< "$row"
  check "$expected" "$method ${path/$job_id/\{alice\'s job\}}" row_call "$method" "$path" "${body:-}"
done
# The webhook is public; its token refuses a forged callback, whoever sends it.
webhook() { status "$1" POST "/api/pictory/webhook?token=forged" '{"job_id":"x"}'; }
check "401 401 401 401" "POST /api/pictory/webhook?token=forged" webhook
# The embedded simulator takes the key made for this run, never its documented default.
simulator() { curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: pictai_simulator' "$base/simulator/pictoryapis/v1/aistudio/images"; }
check "401 401 401 401" "GET /simulator/… (documented key)" simulator
# A page on another site cannot spend for a signed-in user.
forged() { status "$1" POST /api/images '{"prompt":"Forged by another site"}' -H 'Origin: http://evil.example'; }
check "401 403 403 403" "POST /api/images from another origin" forged
form() { local who=(); [ "$1" = anonymous ] || who=(-u "$1:demo")
  curl -s -o /dev/null -w '%{http_code}' "${who[@]}" -X POST --data 'prompt=Forged+by+a+form' "$base/api/images"; }
check "401 415 415 415" "POST /api/images as a form" form
wrong() { curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
  -d "{\"user\":\"$1\",\"password\":\"wrong\"}" "$base/api/session"; }
check "401 401 401 401" "POST /api/session, wrong password" wrong

[ "$failures" -eq 0 ] || fail "$failures rows differ (see above; $out/matrix.txt)"
echo "access matrix: passed: $(( ${#rows[@]} + 5 )) requests × 4 callers as expected ($out/matrix.txt)"
