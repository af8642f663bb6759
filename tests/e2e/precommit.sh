#!/usr/bin/env bash
# The pre-commit hooks (.pre-commit-hooks.yaml), run by the real pre-commit against a throwaway repository.
#
# pre-commit builds a `language: dotnet` hook from a clone of the hook repository at a commit: it runs
# `dotnet pack` at the clone's root and tool-installs every package that produces. `try-repo PATH` clones PATH at
# HEAD, and when tracked files differ from HEAD it commits them (untracked files are left out) into a shadow
# clone. To test exactly what is on disk, committed or not, the hook repository here is a committed snapshot of
# the working tree.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init precommit
started=$SECONDS

if ! command -v pre-commit > /dev/null 2>&1; then
  echo "# pre-commit not found; installing Debian's package"
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo > /dev/null 2>&1; then
    sudo="sudo"
  fi
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pre-commit; } > "$E2E_TMP/apt.log" 2>&1; then
    diag "$E2E_TMP/apt.log"
  fi
fi
if command -v pre-commit > /dev/null 2>&1; then
  ok "pre-commit is available ($(pre-commit --version))"
else
  not_ok "pre-commit is available"
  exit 1
fi

# pre-commit's own cache (hook environments) stays inside the temporary folder.
export PRE_COMMIT_HOME="$E2E_TMP/pre-commit-home"
export PRE_COMMIT_COLOR=never

check "pre-commit validate-manifest accepts .pre-commit-hooks.yaml" pre-commit validate-manifest "$E2E_ROOT/.pre-commit-hooks.yaml"

hooks="$E2E_TMP/hooks"
e2e_snapshot "$hooks"
rev="$(git -C "$hooks" rev-parse HEAD)"

# A consumer repository: a bad example, a good example, and an EU setup for the commit tests.
consumer="$E2E_TMP/consumer"
mkdir -p "$consumer"
cp -R "$E2E_ROOT/examples/missing-token" "$consumer/bad"
cp -R "$E2E_ROOT/examples/us-correct" "$consumer/good"
cp -R "$E2E_ROOT/examples/eu-correct" "$consumer/eu"
cat > "$consumer/.pre-commit-config.yaml" << EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: scimlint
        verbose: true
EOF
git -C "$consumer" init -q -b main
git -C "$consumer" add -A
git -C "$consumer" commit -q -m "Provisioning configuration"

in_consumer() { (cd "$consumer" && "$@"); }

# 1. try-repo on the bad example: fails and prints the finding.
status=0
in_consumer pre-commit try-repo "$hooks" scimlint --files bad/jumpcloud.yaml bad/strongdm.yaml > "$E2E_TMP/try-bad.txt" 2>&1 || status=$?
check "try-repo scimlint fails on the bad example" test "$status" -ne 0
check "try-repo scimlint prints the finding (bad/jumpcloud.yaml:15:1 SL301)" contains "$E2E_TMP/try-bad.txt" "bad/jumpcloud.yaml:15:1: error SL301"
check "try-repo scimlint reports the hook as Failed" grep -qE '^scimlint\.+Failed$' "$E2E_TMP/try-bad.txt"
[ "$E2E_FAILED" -eq 0 ] || diag "$E2E_TMP/try-bad.txt"

# 2. try-repo on the good example: passes.
status=0
in_consumer pre-commit try-repo "$hooks" scimlint --files good/jumpcloud.yaml good/strongdm.yaml > "$E2E_TMP/try-good.txt" 2>&1 || status=$?
if [ "$status" -eq 0 ] && grep -qE '^scimlint\.+Passed$' "$E2E_TMP/try-good.txt"; then
  ok "try-repo scimlint passes on the good example"
else
  not_ok "try-repo scimlint passes on the good example (exit $status)"
  diag "$E2E_TMP/try-good.txt"
fi

# 3. A real commit through the installed hook that changes only the JumpCloud export; the StrongDM settings beside
# it are unchanged, so pre-commit does not pass them, and ScimLint must read them from disk.
in_consumer pre-commit install > /dev/null
head_before="$(git -C "$consumer" rev-parse HEAD)"
sed -i 's/app\.eu\.strongdm\.com/app.strongdm.com/g' "$consumer/eu/jumpcloud.json"
git -C "$consumer" add eu/jumpcloud.json
status=0
in_consumer git commit -m "Point the EU app at US hosts" > "$E2E_TMP/commit-bad.txt" 2>&1 || status=$?
check "a commit moving an EU export to US hosts is rejected" test "$status" -ne 0
check "the commit was not made" test "$(git -C "$consumer" rev-parse HEAD)" = "$head_before"
check "the rejection is SL105 against the EU control plane read from the unchanged strongdm.yaml" \
  grep -qE '^eu/jumpcloud\.json:[0-9]+:[0-9]+: error SL105: .*StrongDM control plane is EU' "$E2E_TMP/commit-bad.txt"
check "only the staged JumpCloud export was passed to scimlint" contains "$E2E_TMP/commit-bad.txt" "in 1 file."
[ "$E2E_FAILED" -eq 0 ] || diag "$E2E_TMP/commit-bad.txt"

git -C "$consumer" reset -q HEAD -- eu/jumpcloud.json
git -C "$consumer" checkout -q -- eu/jumpcloud.json
sed -i 's/"displayLabel": "StrongDM (EU)"/"displayLabel": "StrongDM (EU, Berlin)"/' "$consumer/eu/jumpcloud.json"
git -C "$consumer" add eu/jumpcloud.json
status=0
in_consumer git commit -m "Rename the EU app" > "$E2E_TMP/commit-good.txt" 2>&1 || status=$?
if [ "$status" -eq 0 ] && [ "$(git -C "$consumer" rev-parse HEAD)" != "$head_before" ] &&
  grep -qE '^scimlint\.+Passed$' "$E2E_TMP/commit-good.txt"; then
  ok "a commit that changes only the JumpCloud export and keeps it correct passes"
else
  not_ok "a commit that changes only the JumpCloud export and keeps it correct passes (exit $status)"
  diag "$E2E_TMP/commit-good.txt"
fi
check "the passing commit found its StrongDM counterpart on disk (no SL003)" bash -c '! grep -q "SL003" "$1" && grep -q "No problems found in 1 file" "$1"' _ "$E2E_TMP/commit-good.txt"

# 4. scimlint-system (language: system) uses the scimlint on PATH: borrow the one pre-commit just built.
tool="$(find "$PRE_COMMIT_HOME" -path '*/dotnetenv-*/bin/scimlint' -type f | head -n 1)"
hook_assemblies="$(find "$PRE_COMMIT_HOME" -path '*/dotnetenv-*/bin/.store/*' -name scimlint.dll -type f | head -n 1)"
hook_is_ready_to_run() { [ -n "$hook_assemblies" ] && ready_to_run "$(dirname "$hook_assemblies")"; }
check "the hook pre-commit built is ReadyToRun (its assemblies carry native code)" hook_is_ready_to_run
if [ -n "$tool" ]; then
  check "the hook's scimlint runs its ReadyToRun code" uses_ready_to_run "$tool" "$consumer/good/jumpcloud.yaml"
fi
if [ -n "$tool" ]; then
  bad_status=0
  good_status=0
  PATH="$(dirname "$tool"):$PATH" in_consumer pre-commit try-repo "$hooks" scimlint-system --files bad/jumpcloud.yaml > "$E2E_TMP/system-bad.txt" 2>&1 || bad_status=$?
  PATH="$(dirname "$tool"):$PATH" in_consumer pre-commit try-repo "$hooks" scimlint-system --files good/jumpcloud.yaml > "$E2E_TMP/system-good.txt" 2>&1 || good_status=$?
  if [ "$bad_status" -ne 0 ] && contains "$E2E_TMP/system-bad.txt" "error SL301" && [ "$good_status" -eq 0 ]; then
    ok "scimlint-system fails on the bad example and passes on the good one"
  else
    not_ok "scimlint-system fails on the bad example and passes on the good one (exit $bad_status, $good_status)"
    diag "$E2E_TMP/system-bad.txt"
    diag "$E2E_TMP/system-good.txt"
  fi
else
  not_ok "scimlint-system: found the scimlint that pre-commit built"
fi

echo "# precommit.sh: $((SECONDS - started)) s"
e2e_finish
