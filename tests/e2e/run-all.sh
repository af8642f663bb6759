#!/usr/bin/env bash
# Runs every end-to-end script and closes with `e2e: N passed, M failed` (checks, across all scripts).
# A script that stops early (non-zero exit without a `not ok` line) counts as one more failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
passed=0
failed=0
started=$SECONDS

for script in package.sh precommit.sh action.sh; do
  echo "# ${script}"
  log="$(mktemp)"
  status=0
  bash "$here/$script" 2>&1 | tee "$log" || status=$?
  script_passed="$(grep -c '^ok - ' "$log" || true)"
  script_failed="$(grep -c '^not ok - ' "$log" || true)"
  rm -f "$log"
  if [ "$status" -ne 0 ] && [ "$script_failed" -eq 0 ]; then
    echo "not ok - $script exited with status $status"
    script_failed=1
  fi
  passed=$((passed + script_passed))
  failed=$((failed + script_failed))
done

echo "# e2e took $((SECONDS - started)) s"
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
