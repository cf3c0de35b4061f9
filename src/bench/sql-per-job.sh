#!/usr/bin/env bash
# SQL statements per image job on PostgreSQL, from the submission to the kept image, with webhooks on,
# counted by pg_stat_statements (track_utility on: BEGIN, COMMIT, SAVEPOINT … count as statements).
#
#   bash src/bench/sql-per-job.sh [jobs=40] [baseline=4369dfe]
#
# Measures the baseline commit (built in a git worktree under target/sqlbench/) and this checkout, one
# after the other in one run, each on the same Liberty runtime: the sample app in simulator mode (the
# embedded simulator calls the webhook back; jobs last 3 s, fallback polls every 1 s), its job store on a
# fresh PostgreSQL database (pictory_sqlbench), no budget limit (each submission still reserves its price).
# Per run: 3 warm-up jobs, then the counters of that database are reset, `jobs` submissions are sent
# (4 at once), and the counters are read as soon as every job's PNG is kept (a row in pictory4j_image). Only the
# app's role (pictory) is counted; the script's own checks run as postgres. Statements on the sample's own
# table (sample_event, its event ledger) are shown apart from the module's.
#
# Needs: PostgreSQL from src/cluster/postgres.sh with shared_preload_libraries = 'pg_stat_statements' (the
# script says how when it is missing), curl, Maven (offline works once ~/.m2 is warm).
# Settings: SQLBENCH_PORT (9780), SQLBENCH_SKIP_BUILD=1 (reuse the WARs built before), SQLBENCH_ROUNDS (1:
# baseline and this checkout alternate that many times).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

jobs=${1:-40}
baseline=${2:-4369dfe}
port=${SQLBENCH_PORT:-9780}
rounds=${SQLBENCH_ROUNDS:-1}
database=pictory_sqlbench
state=$root/target/sqlbench
wlp=$root/target/liberty/wlp
source src/cluster/postgres.sh

log() { echo "[sql-per-job] $*" >&2; }
psql_su() { su postgres -c "psql -qtAX -d ${2:-postgres} -c \"$1\""; }

mkdir -p "$state"
postgres_up
if ! psql_su 'SHOW shared_preload_libraries' | grep -q pg_stat_statements; then
  echo "pg_stat_statements is not loaded. As postgres: ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements';" >&2
  echo "then: pg_ctlcluster $PG_VERSION main restart" >&2
  exit 1
fi
[ "$(psql_su 'SHOW pg_stat_statements.track_utility')" = on ] || {
  psql_su "ALTER SYSTEM SET pg_stat_statements.track_utility = on"; psql_su "SELECT pg_reload_conf()" > /dev/null; }

# The WARs: this checkout's (with the Liberty runtime and the JDBC drivers) and the baseline's, from a worktree.
base_tree=$state/tree-$baseline
if [ -z "${SQLBENCH_SKIP_BUILD:-}" ]; then
  log "building this checkout"
  mvn -o -B -q package -DskipTests liberty:create dependency:copy@jdbc-drivers
  cp target/pictory-images.war "$state/branch.war"
  if [ ! -d "$base_tree" ]; then
    git worktree add --detach "$base_tree" "$baseline" > /dev/null
  fi
  log "building $baseline in $base_tree"
  (cd "$base_tree" && mvn -o -B -q package -DskipTests)
  cp "$base_tree/target/pictory-images.war" "$state/baseline.war"
fi

server_name() { echo "sqlbench-$1"; }

stop_server() {
  "$wlp/bin/server" stop "$(server_name "$1")" > /dev/null 2>&1 || true
}

submit() {
  curl -fsS -u alice:demo -o /dev/null -X POST "http://localhost:$port/api/images" -H 'Content-Type: application/json' \
    -d "{\"prompt\":\"SQL per job $1, a lighthouse at dawn\",\"model\":\"flux-schnell\",\"aspectRatio\":\"16:9\"}"
}
export -f submit
export port

kept() { psql_su "SELECT COUNT(*) FROM pictory4j_image" "$database"; } # a row per kept PNG, in every schema version

wait_kept() {
  local want=$1
  for _ in $(seq 1 1200); do
    [ "$(kept)" -ge "$want" ] && return 0
    sleep 0.25
  done
  echo "only $(kept) of $want images kept after 300 s" >&2
  return 1
}

# measure LABEL: one run; writes $state/LABEL.tsv (calls, query) and prints its figures.
measure() {
  local label=$1 name
  name=$(server_name "$label")
  psql_su "DROP DATABASE IF EXISTS $database" > /dev/null 2>&1
  psql_su "CREATE DATABASE $database OWNER $PG_USER" > /dev/null
  psql_su "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" "$database" > /dev/null
  local dir=$wlp/usr/servers/$name
  rm -rf "$dir"
  mkdir -p "$dir/apps"
  cp -R liberty/config/. "$dir/"
  cp "$state/$label.war" "$dir/apps/pictory-images.war"
  # prepareThreshold=0: the driver never switches a statement to a named server-side one. With those,
  # pg_stat_statements misses the COMMITs (the driver prepares "COMMIT" after 5 uses on a connection).
  mkdir -p "$dir/configDropins/overrides"
  cat > "$dir/configDropins/overrides/sqlbench.xml" <<'XML'
<server>
    <dataSource id="pictoryPostgresql" jndiName="jdbc/pictory-postgresql">
        <properties.postgresql URL="${PICTORY_DB_URL}" user="${PICTORY_DB_USER}" password="${PICTORY_DB_PASSWORD}"
                               prepareThreshold="0"/>
    </dataSource>
</server>
XML
  (
    for variable in $(compgen -e | grep '^PICTORY_' || true); do unset "$variable"; done
    export HTTP_PORT=$port PICTORY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" PICTORY_DB_USER=$PG_USER \
      PICTORY_DB_PASSWORD=$PG_PASSWORD PICTORY_INSTANCE="sqlbench-$label"
    "$wlp/bin/server" start "$name" > "$state/$label.start.log" 2>&1
  )
  trap 'stop_server '"$label" EXIT
  for _ in $(seq 1 480); do
    curl -fsS "http://localhost:$port/health/ready" > /dev/null 2>&1 && break
    sleep 0.25
  done
  curl -fsS "http://localhost:$port/health/ready" > /dev/null
  # Warm-up: the first submission of the day creates its credit periods; the JIT and the pools warm up.
  for i in 1 2 3; do submit "warm-up $i"; done
  wait_kept 3
  sleep 2
  local dbid userid
  dbid=$(psql_su "SELECT oid FROM pg_database WHERE datname = '$database'")
  userid=$(psql_su "SELECT oid FROM pg_roles WHERE rolname = '$PG_USER'")
  psql_su "SELECT pg_stat_statements_reset(0::oid, $dbid::oid, 0::bigint)" "$database" > /dev/null
  local started
  started=$(date +%s%N)
  seq 1 "$jobs" | xargs -P 4 -I{} bash -c 'submit {}'
  wait_kept $((jobs + 3))
  local seconds
  seconds=$(( ($(date +%s%N) - started) / 1000000 ))
  psql_su "SELECT calls, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements
           WHERE dbid = $dbid AND userid = $userid ORDER BY calls DESC, query" "$database" \
    | tr '|' '\t' > "$state/$label.tsv"
  stop_server "$label"
  trap - EXIT
  local total ledger
  total=$(awk -F'\t' '{s += $1} END {print s + 0}' "$state/$label.tsv")
  ledger=$(awk -F'\t' '$2 ~ /sample_event/ {s += $1} END {print s + 0}' "$state/$label.tsv")
  echo "$label	$total	$ledger	$seconds" >> "$state/summary.tsv"
}

report() {
  local label=$1
  echo
  echo "== $label: statements per job, by statement (calls / $jobs jobs) =="
  # Savepoints are named by the driver (JDBC_SAVEPOINT_1, _2, …): counted together.
  awk -F'\t' '{q = $2; gsub(/JDBC_SAVEPOINT_[0-9]+/, "JDBC_SAVEPOINT_n", q); calls[q] += $1}
       END {for (q in calls) print calls[q] "\t" q}' "$state/$label.tsv" | sort -t$'\t' -k1,1nr -k2 \
    | awk -F'\t' -v n="$jobs" '{q = $2; if (length(q) > 150) q = substr(q, 1, 147) "..."; printf "%7.2f  %s\n", $1 / n, q}'

}

rm -f "$state/summary.tsv"
for _ in $(seq 1 "$rounds"); do
  for label in ${SQLBENCH_LABELS:-baseline branch}; do
    log "measuring $label ($jobs jobs)"
    measure "$label"
  done
done
for label in ${SQLBENCH_LABELS:-baseline branch}; do report "$label"; done
echo
echo "== SQL statements per image job on PostgreSQL ($jobs jobs a run; baseline $baseline, branch $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src/main || echo '+changes')) =="
printf "%-9s %8s %8s %8s %8s\n" run total module ledger seconds
awk -F'\t' -v n="$jobs" '{printf "%-9s %8.2f %8.2f %8.2f %8.1f\n", $1, $2 / n, ($2 - $3) / n, $3 / n, $4 / 1000}' "$state/summary.tsv"
