#!/usr/bin/env bash
# The cluster proof, in one command: starts a fresh two-instance cluster (cluster.sh), runs ClusterProof
# against it (submissions through HAProxy, kill -9 of instance 1, restart, checks), and stops the cluster
# whatever happens. Exit status: the proof's.
#   bash src/cluster/proof.sh [jobs=300] [clients=12]
set -euo pipefail
cd "$(dirname "$0")/../.."
trap 'bash src/cluster/cluster.sh stop' EXIT
bash src/cluster/cluster.sh start 2 --fresh
status=0
java -cp target/jdbc/postgresql.jar src/cluster/ClusterProof.java "${1:-300}" "${2:-12}" || status=$?
# What the load balancer saw of the instances (UP/DOWN) and the answers it did not get from one (5xx).
echo "## The load balancer's log: instances' state and answers of 500 and over (target/cluster/haproxy.log)"
grep -E "is (UP|DOWN)| (5[0-9][0-9]) [0-9-]+ " target/cluster/haproxy.log | head -60 || true
# How long answers took at the load balancer (its Ta timer: from the request to the whole answer).
for path in /api/images /api/pictory/webhook; do
  { grep -E " POST $path\$" target/cluster/haproxy.log || true; } | awk '{ split($5, t, "/"); print t[5] }' | sort -n \
    | awk -v path="$path" '{ a[NR] = $1 } END { if (NR) { p95 = int(NR * 0.95); if (p95 < 1) p95 = 1
        printf "POST %s: %d answers, median %d ms, p95 %d ms, max %d ms\n", path, NR, a[int((NR + 1) / 2)], a[p95], a[NR] } }'
done
exit "$status"
