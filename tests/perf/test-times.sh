#!/usr/bin/env bash
# Test-suite time of two checkouts, the way issue 7's "no slower than today" was measured (docs/performance.md).
# Usage: tests/perf/test-times.sh BEFORE_CHECKOUT AFTER_CHECKOUT [ROUNDS]
# Each checkout must already be built in Debug (dotnet build Linter.sln). The suites run alternately, ROUNDS times
# (default 2), each with a TRX log; the script prints wall and CPU time per run, the sum of the test durations, and
# the same sum over the tests whose names exist in both checkouts (so added tests do not hide a slower old one).
# Needs python3 for the TRX comparison.
set -euo pipefail

before="$(cd "$1" && pwd)"
after="$(cd "$2" && pwd)"
rounds="${3:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for round in $(seq 1 "$rounds"); do
  for side in before after; do
    dir="$before"; [ "$side" = after ] && dir="$after"
    /usr/bin/time -o "$work/time" -f "%e %U %S" \
      dotnet test "$dir/tests/ScimLint.Tests" --no-build --logger "trx;LogFileName=t.trx" \
      --results-directory "$work/$side-$round" > "$work/$side-$round.log" 2>&1 || true
    read -r wall user sys < <(tail -n 1 "$work/time")
    summary="$(grep -E 'Passed!|Failed!' "$work/$side-$round.log" | sed 's/ - .*//' || echo 'no summary')"
    echo "round $round $side ($(git -C "$dir" rev-parse --short HEAD)): ${wall} s wall, ${user} s user, ${sys} s sys, load $(cut -d' ' -f1 /proc/loadavg); $summary"
  done
  python3 - "$work/before-$round/t.trx" "$work/after-$round/t.trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = '{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}'
def durations(path):
    result = {}
    for r in ET.parse(path).getroot().iter(ns + 'UnitTestResult'):
        h, m, s = r.get('duration').split(':')
        result[r.get('testName')] = int(h) * 3600 + int(m) * 60 + float(s)
    return result
a, b = durations(sys.argv[1]), durations(sys.argv[2])
common = set(a) & set(b)
print(f"  test durations: before {sum(a.values()):.1f} s ({len(a)} results), after {sum(b.values()):.1f} s ({len(b)} results); "
      f"the {len(common)} in both: before {sum(a[k] for k in common):.1f} s, after {sum(b[k] for k in common):.1f} s")
PY
done
