#!/usr/bin/env bash
# Start to ready of the sample server against a bare Open Liberty (the same features and configuration, no
# application), and the sample server's idle RSS, for one or more builds side by side in one run:
#
#   bash src/bench/start-ratio.sh [BUILD[:LEVER] ...]   (default: the working tree)
#   e.g. bash src/bench/start-ratio.sh 4369dfe .        (commit 4369dfe against the working tree)
#        bash src/bench/start-ratio.sh . '.:-XX:MetaspaceSize=160m'   (a lever against none, alternated)
#
# A BUILD is a directory holding a checkout of this project (`.` is this one), or any commit-ish: a commit is
# checked out in a detached `git worktree` under target/start-ratio/<sha> and built there. Each build is built
# as the project builds it (`mvn -o -B -q package -DskipTests liberty:create`, skipped with BUILD_SKIP=1 when
# its target/ holds the WAR and the server already), then two servers are made in the build's own Liberty
# (target/liberty/wlp), both copies of the defaultServer that liberty:create made from liberty/config:
#   ratio-app-N   the sample, installed where the build's server.xml wants it (apps/ when server.xml declares it
#                 in a <webApplication>, as `mvn liberty:run` does; dropins/ for older builds, as they did);
#   ratio-bare-N  the same server.xml without its <webApplication>, the same jvm.options and server.env, no WAR.
# One start of each server is made untimed first (Liberty's feature cache and workarea), then STARTS rounds:
# bare, app, bare, app, ... for each build in turn, so that a busy spell of the machine hits all alike.
#
# One start: the server's data/ is removed (an empty job store: H2 creates its file and schema), then the time
# from `server start` until GET /health/ready answers 200 (polled every POLL_MS). mpHealth answers DOWN (503)
# until every application has started, and the sample's readiness check needs the module's service, so 200
# is when the app can take requests; the bare server answers 200 once its features are up. Also recorded:
# Liberty's own "started in N seconds" (CWWKF0011I, from its JVM's launch to "ready to run a smarter planet",
# which it logs after the declared apps started) and the app's (CWWKZ0001I), the CPU seconds the JVM had used
# when ready (less sensitive than wall time to other work on the machine), the RSS IDLE_SECONDS after ready,
# and the 1-minute load average before the start.
#
# A LEVER is given to both servers of its argument: lines separated by `|`, each a JVM option (`-...`, added to
# jvm.options) or server.xml elements (`<...>`, in configDropins/overrides/lever.xml); or `war=PATH`, a WAR
# installed instead of the build's (src/bench/floor-app.sh builds the floor application for it). Each argument has its
# own pair of servers (ratio-app-N, ratio-bare-N), so that a lever and its baseline alternate in one run.
#
# Env: STARTS (5), HTTP_PORT (9580), IDLE_SECONDS (5), POLL_MS (50), OUT (results file; default
# target/start-ratio/<time>.tsv).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

starts=${STARTS:-5}
port=${HTTP_PORT:-9580}
idle_seconds=${IDLE_SECONDS:-5}
poll_ms=${POLL_MS:-50}
export HTTP_PORT=$port
unset PICTORY_API_KEY PICTORY_DB_URL
mkdir -p target/start-ratio
out=${OUT:-target/start-ratio/$(date -u +%Y%m%dT%H%M%SZ).tsv}

(( $# )) || set -- .
if curl -s -o /dev/null "http://localhost:$port/" 2>/dev/null; then echo "port $port is taken" >&2; exit 1; fi

labels=() dirs=() levers=()
for arg in "$@"; do
  build=${arg%%:*}; lever=''; [[ $arg == *:* ]] && lever=${arg#*:}
  if [[ -d $build ]]; then
    dir=$(cd "$build" && pwd); label=$(git -C "$dir" rev-parse --short HEAD 2>/dev/null || basename "$dir")
    [[ -n $(git -C "$dir" status --porcelain --untracked-files=no -- src liberty pom.xml 2>/dev/null) ]] && label+="+wt"
  else
    sha=$(git rev-parse --verify -q "$build^{commit}") || { echo "not a directory or commit: $build" >&2; exit 1; }
    dir=$root/target/start-ratio/$sha; label=${sha:0:7}
    # A worktree whose directory went with `mvn clean` is still registered: prune it, or `add` refuses.
    [[ -d $dir ]] || { git worktree prune; git worktree add -q --detach "$dir" "$sha"; }
  fi
  if [[ ${BUILD_SKIP:-0} != 1 || ! -f $dir/target/pictory-images.war || ! -d $dir/target/liberty/wlp/usr/servers/defaultServer ]]; then
    echo "building $label in $dir" >&2
    (cd "$dir" && mvn -o -B -q package -DskipTests liberty:create) >&2
  fi
  [[ -n $lever ]] && label+=" $lever"
  labels+=("$label") dirs+=("$dir") levers+=("$lever")
done

# The two servers of argument $2 (build directory $1, lever $3), made afresh from the build's defaultServer.
make_servers() {
  local servers=$1/target/liberty/wlp/usr/servers n=$2 lever=$3 name line war=$1/target/pictory-images.war
  for name in ratio-app-$n ratio-bare-$n; do
    rm -rf "${servers:?}/$name"; mkdir -p "$servers/$name/apps" "$servers/$name/dropins" "$servers/$name/configDropins/overrides"
    (cd "$servers/defaultServer" && cp -- *.xml jvm.options "$servers/$name/" && { cp server.env bootstrap.properties "$servers/$name/" 2>/dev/null || true; })
    if [[ -n $lever ]]; then
      echo '<server>' > "$servers/$name/configDropins/overrides/lever.xml"
      while IFS= read -r line; do
        case $line in
          -*) echo "$line" >> "$servers/$name/jvm.options" ;;
          '<'*) echo "$line" >> "$servers/$name/configDropins/overrides/lever.xml" ;;
          war=*) war=${line#war=}; [[ -f $war ]] || { echo "no WAR at $war" >&2; exit 1; } ;;
          *) echo "a lever line is a JVM option (-...), XML (<...>) or war=PATH: $line" >&2; exit 1 ;;
        esac
      done < <(tr '|' '\n' <<<"$lever")
      echo '</server>' >> "$servers/$name/configDropins/overrides/lever.xml"
    fi
  done
  if grep -q '<webApplication' "$servers/ratio-app-$n/server.xml"; then
    cp "$war" "$servers/ratio-app-$n/apps/pictory-images.war"
  else
    cp "$war" "$servers/ratio-app-$n/dropins/pictory-images.war"
  fi
  # Remove the <webApplication ...>...</webApplication> (or self-closed) element from the bare server.
  perl -0pi -e 's{<webApplication\b[^>]*?/>|<webApplication\b.*?</webApplication>}{}gs' "$servers/ratio-bare-$n/server.xml"
  if grep -q '<webApplication' "$servers/ratio-bare-$n/server.xml"; then echo "could not strip $servers/ratio-bare-$n/server.xml" >&2; exit 1; fi
}

now_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
# GET /health/ready without forking (curl 20 times a second would take CPU from the server being measured).
ready_status() {
  local line=''
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  read -r -t 5 line <&3 || true
  exec 3<&- 3>&-
  [[ $line == "HTTP/1.1 200"* || $line == "HTTP/1.0 200"* ]]
}

# One timed start; prints: ready_ms liberty_s app_s cpu_s rss_mib load1
start_once() {
  local wlp=$1/target/liberty/wlp name=$2 t0 t ready='' starter liberty app pid cpu rss load pause
  pause=$(awk -v ms="$poll_ms" 'BEGIN {print ms / 1000}')
  rm -rf "$wlp/usr/servers/$name/data" "$wlp/usr/servers/$name/logs"
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(now_ms)
  "$wlp/bin/server" start "$name" >/dev/null &
  starter=$!
  while :; do
    t=$(now_ms)
    if ready_status; then ready=$((t - t0)); break; fi
    if (( t - t0 > 180000 )); then echo "$name in $1 not ready after 180 s" >&2; break; fi
    if ! kill -0 "$starter" 2>/dev/null && ! kill -0 "$(cat "$wlp/usr/servers/.pid/$name.pid" 2>/dev/null || echo 0)" 2>/dev/null; then
      echo "$name in $1 did not start: $(tail -3 "$wlp/usr/servers/$name/logs/console.log" 2>/dev/null)" >&2; exit 1
    fi
    sleep "$pause"
  done
  pid=$(cat "$wlp/usr/servers/.pid/$name.pid")
  cpu=$(cpu_s "$pid")
  wait  # `server start` itself
  # Liberty's own figure, from its JVM's launch to "ready to run a smarter planet" (after the apps started).
  # The app's own start (CWWKZ0001I, "Application ... started in N seconds"), - on the bare server.
  liberty=$(grep CWWKF0011I "$wlp/usr/servers/$name/logs/messages.log" | grep -o 'started in [0-9.]*' | grep -o '[0-9.]*$' || echo -)
  app=$(grep CWWKZ0001I "$wlp/usr/servers/$name/logs/messages.log" | grep -o 'started in [0-9.]*' | grep -o '[0-9.]*$' || echo -)
  sleep "$idle_seconds"
  rss=$(rss_mib "$pid")
  "$wlp/bin/server" stop "$name" >/dev/null
  [[ -n $ready ]] || return 1
  echo "$ready $liberty $app $cpu $rss $load"
}

cleanup() {
  local i name
  for i in "${!dirs[@]}"; do for name in ratio-app-$i ratio-bare-$i; do
    [[ -f ${dirs[$i]}/target/liberty/wlp/usr/servers/.pid/$name.pid ]] && "${dirs[$i]}/target/liberty/wlp/bin/server" stop "$name" >/dev/null 2>&1
  done; done
  true
}
trap cleanup EXIT

for i in "${!dirs[@]}"; do
  make_servers "${dirs[$i]}" "$i" "${levers[$i]}"
  for name in ratio-bare-$i ratio-app-$i; do start_once "${dirs[$i]}" "$name" >/dev/null; done   # untimed
done

printf 'round\tbuild\tserver\tready_ms\tliberty_started_s\tapp_started_s\tcpu_s_at_ready\tidle_rss_mib\tload1\n' > "$out"
for (( round = 1; round <= starts; round++ )); do
  for i in "${!dirs[@]}"; do
    for name in ratio-bare-$i ratio-app-$i; do
      read -r ready liberty app cpu rss load < <(start_once "${dirs[$i]}" "$name")
      server=${name#ratio-}
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "${labels[$i]}" "${server%-*}" "$ready" "$liberty" \
        "$app" "$cpu" "$rss" "$load" | tee -a "$out" >&2
    done
  done
done

# The summary: medians per build and server, the ratio of the medians, and the range of the per-round ratios.
echo
echo "start to ready (median of $starts, alternated bare/app; ranges min-max), $(nproc) cores, $(java -version 2>&1 | head -1)"
awk -F'\t' '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function range(list,   n, a, i, lo, hi) {
    n = split(list, a, " "); lo = hi = a[1]
    for (i = 2; i <= n; i++) { if (a[i] + 0 < lo + 0) lo = a[i]; if (a[i] + 0 > hi + 0) hi = a[i] }
    return lo "-" hi
  }
  NR > 1 {
    k = $2 SUBSEP $3; ready[k] = ready[k] " " $4; cpu[k] = cpu[k] " " $7; rss[k] = rss[k] " " $8
    if (!($2 in seen)) { seen[$2] = 1; order[++builds] = $2 }
    if ($3 == "bare") bare[$2, $1] = $4; else ratio[$2] = ratio[$2] " " sprintf("%.2f", $4 / bare[$2, $1])
  }
  END {
    printf "%-30s %-17s %-17s %-7s %-14s %-9s %-9s %-6s %-17s %s\n", "build", "bare ready s", "app ready s", "ratio",
      "round ratios", "bare cpu", "app cpu", "ratio", "app idle RSS MiB", "bare RSS"
    for (b = 1; b <= builds; b++) {
      x = order[b]; B = x SUBSEP "bare"; A = x SUBSEP "app"
      printf "%-30s %-17s %-17s %-7s %-14s %-9s %-9s %-6s %-17s %s\n", x,
        sprintf("%.2f (%s)", median(ready[B]) / 1000, range(ready[B])), sprintf("%.2f (%s)", median(ready[A]) / 1000, range(ready[A])),
        sprintf("%.2fx", median(ready[A]) / median(ready[B])), range(ratio[x]),
        median(cpu[B]) "s", median(cpu[A]) "s", sprintf("%.2fx", median(cpu[A]) / median(cpu[B])),
        sprintf("%d (%s)", median(rss[A]), range(rss[A])), median(rss[B])
    }
    print "ready ranges in ms; targets: ratio <= 1.30x, app idle RSS <= 250 MiB"
  }' "$out"
echo "per start: $out"
