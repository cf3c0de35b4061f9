#!/usr/bin/env bash
# The module's overhead against raw HttpClient (ModuleOverheadBenchmark, see README.md here) for several builds
# in one run, alternated, so that the run-to-run spread can be told from a change:
#
#   bash src/bench/overhead-side-by-side.sh [BUILD ...]     e.g. 4369dfe .
#
# A BUILD is a directory holding a checkout of this project or a commit-ish (checked out in a detached
# `git worktree` under target/start-ratio/<sha>, as start-ratio.sh does). Each round runs the benchmark once in
# each build (`mvn -o -B -Pbench -DskipTests test-compile exec:exec`, JMH's arguments from BENCH_ARGS), and the
# summary gives each build's module/raw ratios (p50, p99) per round, their median and range.
#
# Env: RUNS (3 rounds), BENCH_ARGS (default: the pom's, 1 fork, 3 x 2 s warm-up, 5 x 2 s measured),
# OUT (default target/overhead/<time>.tsv), MVN_OFFLINE (1: `mvn -o`; 0 the first time on a machine whose ~/.m2
# lacks JMH and the bench profile's plugins).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runs=${RUNS:-3}
mkdir -p target/overhead
out=${OUT:-$root/target/overhead/$(date -u +%Y%m%dT%H%M%SZ).tsv}
mvn=(mvn -B -Dstyle.color=never); [[ ${MVN_OFFLINE:-1} == 0 ]] || mvn+=(-o)
bench_args=${BENCH_ARGS:-ModuleOverheadBenchmark -foe true -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -bm sample -tu us -prof gc -rf json -rff target/jmh-result.json}

(( $# )) || set -- .
labels=() dirs=()
for build in "$@"; do
  if [[ -d $build ]]; then
    dir=$(cd "$build" && pwd); label=$(git -C "$dir" rev-parse --short HEAD 2>/dev/null || basename "$dir")
    [[ -n $(git -C "$dir" status --porcelain --untracked-files=no -- src pom.xml 2>/dev/null) ]] && label+="+wt"
  else
    sha=$(git rev-parse --verify -q "$build^{commit}") || { echo "not a directory or commit: $build" >&2; exit 1; }
    dir=$root/target/start-ratio/$sha; label=${sha:0:7}
    # A worktree whose directory went with `mvn clean` is still registered: prune it, or `add` refuses.
    [[ -d $dir ]] || { git worktree prune; git worktree add -q --detach "$dir" "$sha"; }
  fi
  echo "compiling the benchmark of $label in $dir" >&2
  (cd "$dir" && "${mvn[@]}" -q -Pbench -DskipTests test-compile) >&2
  labels+=("$label") dirs+=("$dir")
done

printf 'round\tbuild\tmodule_p50_us\tmodule_p99_us\traw_p50_us\traw_p99_us\tratio_p50\tratio_p99\tclient_bytes_ratio\n' > "$out"
for (( round = 1; round <= runs; round++ )); do
  for i in "${!dirs[@]}"; do
    log=${out%.tsv}-run-$round-$i.log
    (cd "${dirs[$i]}" && "${mvn[@]}" -Pbench -DskipTests test-compile exec:exec "-Dbench.args=$bench_args") > "$log" 2>&1 \
      || { echo "the benchmark failed in ${dirs[$i]}: $log" >&2; exit 1; }
    # The rows of BenchReport's table: "module ...", "rawHttpClient ...", "module / raw ...".
    row=$(awk '$1 == "module" && $2 != "/" && NF >= 8 {m50 = $2; m99 = $3}
               $1 == "rawHttpClient" {r50 = $2; r99 = $3}
               $1 == "module" && $2 == "/" {p50 = $4; p99 = $5; cb = $NF}
               END {printf "%s\t%s\t%s\t%s\t%s\t%s\t%s", m50, m99, r50, r99, p50, p99, cb}' "$log")
    printf '%s\t%s\t%s\n' "$round" "${labels[$i]}" "$row" | tee -a "$out" >&2
  done
done

echo
echo "module / raw HttpClient ($runs rounds, alternated; JMH: $bench_args)"
awk -F'\t' '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function range(list,   n, a, i, lo, hi) {
    n = split(list, a, " "); lo = hi = a[1] + 0
    for (i = 2; i <= n; i++) { if (a[i] + 0 < lo) lo = a[i] + 0; if (a[i] + 0 > hi) hi = a[i] + 0 }
    return lo "-" hi
  }
  NR > 1 {
    if (!($2 in seen)) { seen[$2] = 1; order[++builds] = $2 }
    sub(/x$/, "", $7); sub(/x$/, "", $8); sub(/x$/, "", $9)
    m50[$2] = m50[$2] " " $3; m99[$2] = m99[$2] " " $4; r50[$2] = r50[$2] " " $5; r99[$2] = r99[$2] " " $6
    p50[$2] = p50[$2] " " $7; p99[$2] = p99[$2] " " $8; cb[$2] = cb[$2] " " $9
  }
  END {
    printf "%-12s %-20s %-20s %-20s %-20s %s\n", "build", "ratio p50 (range)", "ratio p99 (range)", "module p50 us", "raw p50 us", "client bytes ratio"
    for (b = 1; b <= builds; b++) {
      x = order[b]
      printf "%-12s %-20s %-20s %-20s %-20s %s\n", x, median(p50[x]) " (" range(p50[x]) ")", median(p99[x]) " (" range(p99[x]) ")",
        median(m50[x]) " (" range(m50[x]) ")", median(r50[x]) " (" range(r50[x]) ")", median(cb[x])
    }
  }' "$out"
echo "per run: $out (logs: ${out%.tsv}-run-*.log)"
