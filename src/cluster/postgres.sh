# Sourced by .ci/run and cluster.sh: Debian's PostgreSQL on 127.0.0.1:5432, with the sample's role and database.
# postgres_up starts the cluster if it is not running (and remembers that it did); postgres_down_if_started
# stops it only then.
PG_VERSION="${PG_VERSION:-$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)}"
PG_USER="${PG_USER:-pictory}"
PG_PASSWORD="${PG_PASSWORD:-pictory}"
PG_DATABASE="${PG_DATABASE:-pictory}"
PG_STARTED_HERE=""

postgres_up() {
  if [ -z "$PG_VERSION" ]; then
    echo "PostgreSQL is not installed: apt-get install postgresql" >&2
    return 1
  fi
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    pg_ctlcluster "$PG_VERSION" main start
    PG_STARTED_HERE=yes
  fi
  for _ in $(seq 1 50); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 0.2
  done
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'\""
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='$PG_DATABASE'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE DATABASE $PG_DATABASE OWNER $PG_USER\""
}

postgres_down_if_started() {
  if [ -n "$PG_STARTED_HERE" ]; then
    pg_ctlcluster "$PG_VERSION" main stop || true
  fi
}
