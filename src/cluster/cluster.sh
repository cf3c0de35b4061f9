#!/usr/bin/env bash
# A local cluster of the sample, from a checkout, on this machine only (127.0.0.1):
#   PostgreSQL (Debian's package; started if it is not running), one shared simulated Pictory (a Liberty
#   running the sample WAR in simulator mode, port 9090), N instances of the sample in Pictory mode on that
#   simulator (ports 9081, 9082, …) sharing one database, and HAProxy in front on 9080; webhooks go to the
#   load balancer.
#
#   bash src/cluster/cluster.sh start [instances=2] [--fresh]   # --fresh: an empty database first
#   bash src/cluster/cluster.sh stop                            # stops exactly what start started
#   bash src/cluster/cluster.sh kill N | restart N              # kill -9 instance N / start it again
#
# Settings (environment): CLUSTER_LB_PORT (9080), CLUSTER_BASE_PORT (9080: instance N listens on base+N),
# CLUSTER_PICTORY_PORT (9090), CLUSTER_JOB_DURATION (simulated job duration, 5s), CLUSTER_DATABASE (pictory_cluster).
set -euo pipefail
cd "$(dirname "$0")/../.."

LB_PORT="${CLUSTER_LB_PORT:-9080}"
BASE_PORT="${CLUSTER_BASE_PORT:-9080}"
PICTORY_PORT="${CLUSTER_PICTORY_PORT:-9090}"
JOB_DURATION="${CLUSTER_JOB_DURATION:-5s}"
DATABASE="${CLUSTER_DATABASE:-pictory_cluster}"
STATE=target/cluster
WLP=target/liberty/wlp
SERVERS="$WLP/usr/servers"
source src/cluster/postgres.sh

log() { echo "[cluster] $*"; }

build() {
  # The WAR, the Liberty runtime and the JDBC drivers (target/jdbc), as `mvn verify` makes them.
  if [ ! -f target/pictory-images.war ] || [ ! -x "$WLP/bin/server" ] || [ ! -f target/jdbc/postgresql.jar ]; then
    log "building the sample and its runtime"
    mvn -B -q package -DskipTests liberty:create dependency:copy@jdbc-drivers
  fi
}

# create_server NAME: a server directory with the sample's configuration, its drivers and the WAR.
create_server() {
  local dir="$SERVERS/$1"
  rm -rf "$dir"
  mkdir -p "$dir/apps"
  cp -R liberty/config/. "$dir/"
  cp target/pictory-images.war "$dir/apps/"   # where server.xml's <webApplication> names it
}

# start_server NAME PORT VAR=VALUE…: starts it with exactly these PICTORY_* settings, waits until ready.
start_server() {
  local name="$1" port="$2"
  shift 2
  (
    for variable in $(compgen -e | grep '^PICTORY_' || true); do unset "$variable"; done
    export HTTP_PORT="$port"
    for setting in "$@"; do export "${setting?}"; done
    "$WLP/bin/server" start "$name" > "$STATE/$name.start.log" 2>&1
  )
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "$name did not become ready on port $port; see $SERVERS/$name/logs/messages.log" >&2
  return 1
}

instance_settings() {
  local n="$1"
  echo "PICTORY_API_KEY=pictai_simulator"
  echo "PICTORY_MP_REST_URL=http://localhost:$PICTORY_PORT/simulator/pictoryapis"
  echo "PICTORY_POLL_INTERVAL=1s"
  echo "PICTORY_WEBHOOK_URL=http://localhost:$LB_PORT/api/pictory/webhook"
  echo "PICTORY_WEBHOOK_SECRET=$(cat "$STATE/webhook-secret")"
  echo "PICTORY_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DATABASE"
  echo "PICTORY_DB_USER=$PG_USER"
  echo "PICTORY_DB_PASSWORD=$PG_PASSWORD"
  echo "PICTORY_INSTANCE=instance-$n"
}

start_instance() {
  local n="$1"
  mapfile -t settings < <(instance_settings "$n")
  start_server "cluster-$n" "$((BASE_PORT + n))" "${settings[@]}"
  log "instance $n ready on http://localhost:$((BASE_PORT + n))"
}

write_haproxy_config() {
  local count="$1"
  {
    echo "global"
    echo "    maxconn 2048"
    echo "    log stdout format raw local0  # to target/cluster/haproxy.log: each request, and each instance's UP/DOWN"
    echo "defaults"
    echo "    mode http"
    echo "    log global"
    # HAProxy's HTTP log, but with the path alone (%HP): a webhook's token is in its query string.
    echo '    log-format "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %HM %HP"'
    echo "    timeout connect 2s"
    echo "    timeout client 60s"
    echo "    timeout server 60s"
    echo "    timeout tunnel 1h            # Server-Sent Events stay open"
    echo "    retries 3"
    echo "    option redispatch 1          # each retry of a request that failed goes to another instance"
    # A request whose instance died is sent again to another. For a submission that had already reached
    # Pictory this makes a second job: the first stays recorded as "outcome unknown" and is reported
    # (ImageService.unknownOutcomes(), a WARNING at start), never silently lost.
    echo "    retry-on all-retryable-errors"
    echo "    option http-buffer-request    # so that a POST can be retried on another instance"
    echo "frontend pictory"
    echo "    bind 127.0.0.1:$LB_PORT"
    echo "    default_backend sample"
    echo "backend sample"
    echo "    balance roundrobin"
    echo "    option httpchk GET /health/ready"
    # An instance is checked every second and taken out after three failed checks in a row. A check may
    # take up to 5 s: an instance that took over a dead one's work on a busy machine answers late, but
    # answers, and with 1 s (the default, the check interval) HAProxy took the last instance out and
    # answered 503 "no server is available" to every client for seconds.
    echo "    timeout check 5s"
    echo "    default-server inter 1s fall 3 rise 2"
    for n in $(seq 1 "$count"); do
      echo "    server instance-$n 127.0.0.1:$((BASE_PORT + n)) check"
    done
  } > "$STATE/haproxy.cfg"
}

start() {
  local count="${1:-2}" fresh="${2:-}"
  [[ $count =~ ^[1-9][0-9]*$ ]] || { echo "The number of instances comes first: start 2 --fresh" >&2; exit 2; }
  if [ -f "$STATE/started" ]; then
    echo "A cluster is already running (see $STATE); stop it first: bash src/cluster/cluster.sh stop" >&2
    exit 1
  fi
  command -v haproxy > /dev/null || { echo "HAProxy is missing: apt-get install haproxy" >&2; exit 1; }
  build
  mkdir -p "$STATE"
  postgres_up
  [ -n "$PG_STARTED_HERE" ] && touch "$STATE/postgres-started-here"
  if [ "$fresh" = "--fresh" ]; then
    su postgres -c "psql -qc 'DROP DATABASE IF EXISTS $DATABASE'"
  fi
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='$DATABASE'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE DATABASE $DATABASE OWNER $PG_USER\""
  [ -f "$STATE/webhook-secret" ] || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$STATE/webhook-secret"
  echo "$count" > "$STATE/instances"
  touch "$STATE/started"

  create_server cluster-pictory
  # The simulator's documented key: the sample would make one per run, which the instances could not know.
  start_server cluster-pictory "$PICTORY_PORT" "PICTORY_SIMULATOR_JOB_DURATION=$JOB_DURATION" "PICTORY_INSTANCE=pictory" \
    "PICTORY_SIMULATOR_API_KEY=pictai_simulator"
  log "the shared simulated Pictory is ready on http://localhost:$PICTORY_PORT/simulator/pictoryapis"
  for n in $(seq 1 "$count"); do
    create_server "cluster-$n"
    start_instance "$n"
  done
  write_haproxy_config "$count"
  # In the foreground of its own session (-db), so that its log can go to a file.
  setsid haproxy -db -f "$STATE/haproxy.cfg" > "$STATE/haproxy.log" 2>&1 < /dev/null &
  echo $! > "$STATE/haproxy.pid"
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$LB_PORT/health/ready" > /dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$LB_PORT/health/ready" > /dev/null 2>&1 \
    || { echo "HAProxy did not answer on port $LB_PORT; see $STATE/haproxy.log" >&2; exit 1; }
  log "load balancer on http://localhost:$LB_PORT/ ($count instances, database $DATABASE)"
}

stop() {
  [ -d "$STATE" ] || { log "nothing to stop"; return 0; }
  if [ -f "$STATE/haproxy.pid" ]; then
    local haproxy
    haproxy="$(cat "$STATE/haproxy.pid")"
    kill "$haproxy" 2> /dev/null || true
    while kill -0 "$haproxy" 2> /dev/null; do sleep 0.1; done # its port is free when start comes next
    rm -f "$STATE/haproxy.pid"
  fi
  local count
  count="$(cat "$STATE/instances" 2> /dev/null || echo 0)"
  for name in $(seq -f "cluster-%g" 1 "$count") cluster-pictory; do
    if [ -d "$SERVERS/$name" ]; then
      "$WLP/bin/server" stop "$name" > /dev/null 2>&1 || true
    fi
  done
  if [ -f "$STATE/postgres-started-here" ]; then
    PG_STARTED_HERE=yes
    postgres_down_if_started
  fi
  rm -f "$STATE/started" "$STATE/postgres-started-here"
  log "stopped"
}

pid_of() {
  cat "$SERVERS/.pid/cluster-$1.pid"
}

case "${1:-}" in
  start) start "${2:-2}" "${3:-}" ;;
  stop) stop ;;
  kill) kill -9 "$(pid_of "$2")"; log "instance $2 killed (kill -9)" ;;
  restart) start_instance "$2" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
