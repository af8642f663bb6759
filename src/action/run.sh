#!/usr/bin/env bash
# Runs ScimLint for the GitHub Action (action.yml) and sets its outputs.
#
# Environment (all optional):
#   SCIMLINT          the executable (default: scimlint on PATH)
#   INPUT_PATHS       files and directories, separated by spaces or newlines (default: .)
#   INPUT_FAIL_LEVEL  error | warning | note | none (default: the configuration's failLevel, else error)
#   INPUT_CONFIG      configuration file (default: the usual .scimlint.yaml lookup)
#   INPUT_BASELINE    baseline file from scimlint --write-baseline (default: none)
#   INPUT_SARIF_FILE  where to write SARIF (default: $RUNNER_TEMP/scimlint.sarif)
#   GITHUB_OUTPUT     receives sarif-file (absolute; empty when no report was written) and findings (count)
# Prints the text report, then one workflow-command annotation per finding. Exits as scimlint does:
# 0 clean, 1 findings at or above the fail level, 2 usage error.
set -euo pipefail

scimlint="${SCIMLINT:-scimlint}"
fail_level="${INPUT_FAIL_LEVEL:-}"
sarif="${INPUT_SARIF_FILE:-}"
if [ -z "$sarif" ]; then
  sarif="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/scimlint.sarif"
fi

set_output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "$1=$2" >> "$GITHUB_OUTPUT"
  fi
}

case "$fail_level" in
  "" | error | warning | note | none) ;;
  *)
    echo "::error title=ScimLint::fail-level must be error, warning, note or none, not '$fail_level'"
    set_output sarif-file ""
    set_output findings 0
    exit 2
    ;;
esac

# Word splitting on spaces, tabs and newlines; no glob expansion.
read -r -d '' -a paths <<< "${INPUT_PATHS:-}" || true
if [ "${#paths[@]}" -eq 0 ]; then
  paths=(.)
fi

options=()
if [ -n "$fail_level" ]; then
  options+=(--fail-level "$fail_level")
fi
if [ -n "${INPUT_CONFIG:-}" ]; then
  options+=(--config "$INPUT_CONFIG")
fi
if [ -n "${INPUT_BASELINE:-}" ]; then
  options+=(--baseline "$INPUT_BASELINE")
fi

mkdir -p "$(dirname "$sarif")"
sarif="$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")"
rm -f "$sarif"
annotations="$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/scimlint-annotations.XXXXXX")"
trap 'rm -f "$annotations"' EXIT
rm -f "$annotations"

# One run writes all three: the text report to the log, SARIF to its file, and the annotations, printed after it.
status=0
"$scimlint" check --format text --no-color --sarif "$sarif" --report "github=$annotations" ${options[@]+"${options[@]}"} -- "${paths[@]}" || status=$?

findings=0
if [ "$status" -le 1 ] && [ -s "$annotations" ]; then
  cat "$annotations"
  findings="$(grep -cE '^::(error|warning|notice) ' "$annotations" || true)"
fi

if [ -f "$sarif" ]; then
  set_output sarif-file "$sarif"
else
  set_output sarif-file ""
fi
set_output findings "$findings"
echo "ScimLint: $findings finding(s); fail level ${fail_level:-from the configuration, else error}; exit code $status"
exit "$status"
