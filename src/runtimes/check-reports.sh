#!/usr/bin/env bash
# After `mvn verify`: each runtime's suite ran its every test, none skipped, each with a report of its own
# (target/failsafe-reports/RUNTIME). Prints a line per runtime with its count and time.
#   bash src/runtimes/check-reports.sh liberty wildfly payara [wildfly-preview payara7]
set -euo pipefail
cd "$(dirname "$0")/../.."

# \b: @TestMethodOrder and the like are no tests.
expected_tests=$(grep -lE '^class Runtime[A-Za-z]*IT' src/test/java/io/github/pictory4j/images/runtimes/*.java \
  | xargs grep -hE '^\s*@Test\b' | wc -l)
# A count of the current summary file: <completed>, <errors>, <failures> or <skipped>.
count() { sed -nE "s/.*<$1>([0-9]+)<\/$1>.*/\1/p" "$summary"; }

status=0
for runtime in "$@"; do
  dir="target/failsafe-reports/$runtime"
  summary="target/failsafe-reports/failsafe-summary-$runtime.xml"
  if [ ! -f "$summary" ]; then
    echo "runtime suite on $runtime: no report ($summary)" >&2
    status=1
    continue
  fi
  completed=$(count completed) errors=$(count errors) failures=$(count failures) skipped=$(count skipped)
  seconds=$(cat "$dir"/TEST-*.xml 2>/dev/null | sed -nE 's/.*<testsuite [^>]*time="([0-9.]+)".*/\1/p' \
    | awk '{ s += $1 } END { printf "%.0f", s }')
  echo "runtime suite on $runtime: $completed tests (expected $expected_tests), $failures failed, $errors errors, $skipped skipped, ${seconds}s"
  if [ "$completed" != "$expected_tests" ] || [ "$errors" != 0 ] || [ "$failures" != 0 ] || [ "$skipped" != 0 ]; then
    status=1
  fi
done
exit $status
