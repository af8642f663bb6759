#!/usr/bin/env bash
# The GitHub Action: action.yml and examples/github-workflow.yml validate; the action's structure is what the docs
# promise; its scripts (src/action/install.sh, src/action/run.sh) work when driven by the variables the runner sets.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init action
started=$SECONDS

# 1. Validation with @action-validator/cli, and structure checks with a YAML parser, both from npm.
node_dir="$E2E_TMP/node"
if npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error @action-validator/cli@0.6.0 yaml@2 > "$E2E_TMP/npm.log" 2>&1; then
  ok "npm installs @action-validator/cli and yaml"
else
  not_ok "npm installs @action-validator/cli and yaml"
  diag "$E2E_TMP/npm.log"
  exit 1
fi
validator="$node_dir/node_modules/.bin/action-validator"

validate() {
  if "$validator" "$1" > "$E2E_TMP/validator.log" 2>&1; then
    return 0
  fi
  diag "$E2E_TMP/validator.log"
  return 1
}
check "action-validator accepts action.yml" validate "$E2E_ROOT/action.yml"
check "action-validator accepts examples/github-workflow.yml" validate "$E2E_ROOT/examples/github-workflow.yml"
check "action-validator accepts examples/pull-workflow.yml (scheduled pull, lint, SARIF upload)" validate "$E2E_ROOT/examples/pull-workflow.yml"
mkdir -p "$E2E_TMP/broken"
printf 'name: broken\ndescription: no shell\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n' > "$E2E_TMP/broken/action.yml"
check "action-validator rejects a composite step without a shell (the validator really validates)" \
  bash -c '! "$1" "$2" > /dev/null 2>&1' _ "$validator" "$E2E_TMP/broken/action.yml"

cat > "$node_dir/structure.mjs" << 'EOF'
// Prints one "ok - ..." or "not ok - ..." line per expectation about action.yml and the example workflow.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const [root] = process.argv.slice(2);
const action = parse(readFileSync(join(root, "action.yml"), "utf8"));
const workflowText = readFileSync(join(root, "examples/github-workflow.yml"), "utf8");
const workflow = parse(workflowText);
const actionText = readFileSync(join(root, "action.yml"), "utf8");
const expect = (description, pass) => console.log(`${pass ? "ok" : "not ok"} - ${description}`);

const steps = action.runs?.steps ?? [];
const step = (pred) => steps.find(pred) ?? {};
expect("action.yml is a composite action", action.runs?.using === "composite");
for (const name of ["paths", "fail-level", "config", "sarif-file", "upload-sarif"]) {
  expect(`action.yml has input ${name}`, name in (action.inputs ?? {}));
}
expect("input sarif-file defaults to ${{ runner.temp }}/scimlint.sarif", action.inputs?.["sarif-file"]?.default === "${{ runner.temp }}/scimlint.sarif");
expect("input fail-level defaults to empty (the configuration's failLevel, else error)", action.inputs?.["fail-level"]?.default === "");
expect("input upload-sarif defaults to false", String(action.inputs?.["upload-sarif"]?.default) === "false");
for (const name of ["sarif-file", "findings"]) {
  expect(`action.yml has output ${name} from the lint step`, action.outputs?.[name]?.value === `\${{ steps.lint.outputs.${name} }}`);
}

const probe = step((s) => s.id === "dotnet");
const setup = step((s) => String(s.uses ?? "").startsWith("actions/setup-dotnet@"));
const install = step((s) => s.id === "install");
const lint = step((s) => s.id === "lint");
const upload = step((s) => String(s.uses ?? "").startsWith("github/codeql-action/upload-sarif@"));
expect("a step probes `dotnet --version` in the action's checkout", /dotnet --version/.test(probe.run ?? "") && probe["working-directory"] === "${{ github.action_path }}");
expect("actions/setup-dotnet runs only when the probe found no SDK", setup.if === "steps.dotnet.outputs.found != 'true'");
expect("actions/setup-dotnet asks for .NET 10", String(setup.with?.["dotnet-version"]) === "10.0.x");
expect("the install step runs src/action/install.sh from the action path", /\$GITHUB_ACTION_PATH\/src\/action\/install\.sh/.test(install.run ?? "") && existsSync(join(root, "src/action/install.sh")));
expect("the lint step runs src/action/run.sh from the action path", /\$GITHUB_ACTION_PATH\/src\/action\/run\.sh/.test(lint.run ?? "") && existsSync(join(root, "src/action/run.sh")));
const env = lint.env ?? {};
expect("the lint step maps every input to run.sh's variables",
  env.INPUT_PATHS === "${{ inputs.paths }}" && env.INPUT_FAIL_LEVEL === "${{ inputs.fail-level }}" &&
  env.INPUT_CONFIG === "${{ inputs.config }}" && env.INPUT_BASELINE === "${{ inputs.baseline }}" && env.INPUT_SARIF_FILE === "${{ inputs.sarif-file }}" &&
  env.SCIMLINT === "${{ steps.install.outputs.scimlint }}");
expect("the SARIF upload runs always() when upload-sarif is true and a report exists",
  /^always\(\) && inputs\.upload-sarif == 'true' && steps\.lint\.outputs\.sarif-file != ''$/.test(upload.if ?? ""));
expect("the SARIF upload uses category scimlint and the lint step's report",
  upload.with?.category === "scimlint" && upload.with?.sarif_file === "${{ steps.lint.outputs.sarif-file }}");
expect("there is no publish step", !/dotnet nuget push|nuget push/.test(actionText));

// Every third-party action is pinned to a full commit SHA with its version in a comment.
const pinned = (text, exempt) => [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)]
  .filter(([, ref]) => !exempt.test(ref))
  .map(([, ref, rest]) => ({ ref, ok: /@[0-9a-f]{40}$/.test(ref) && /#\s*v\d+(\.\d+)*/.test(rest) }));
const actionPins = pinned(actionText, /^$/);
expect(`action.yml pins its ${actionPins.length} actions by commit SHA with a version comment`, actionPins.length === 2 && actionPins.every((p) => p.ok));
const workflowPins = pinned(workflowText, /^scimlint\/scimlint@/);
expect("the example workflow pins third-party actions by commit SHA with a version comment", workflowPins.length >= 1 && workflowPins.every((p) => p.ok));

const job = Object.values(workflow.jobs ?? {})[0] ?? {};
expect("the example workflow grants security-events: write", job.permissions?.["security-events"] === "write");
expect("the example workflow grants actions: read (private repositories)", job.permissions?.actions === "read");
const use = (job.steps ?? []).find((s) => String(s.uses ?? "").startsWith("scimlint/scimlint@")) ?? {};
expect("the example workflow uses the action with upload-sarif: true", use.with?.["upload-sarif"] === true || use.with?.["upload-sarif"] === "true");
EOF
node "$node_dir/structure.mjs" "$E2E_ROOT" > "$E2E_TMP/structure.txt" 2>&1 || echo "not ok - structure checks ran (node failed)" >> "$E2E_TMP/structure.txt"
while IFS= read -r line; do
  case "$line" in
    "ok - "*) ok "${line#ok - }" ;;
    "not ok - "*) not_ok "${line#not ok - }" ;;
    *) echo "# $line" ;;
  esac
done < "$E2E_TMP/structure.txt"

# 2. install.sh, as the runner calls it: packs the action's checkout and installs the tool.
action_path="$E2E_TMP/action"
e2e_snapshot "$action_path"
runner_temp="$E2E_TMP/runner-temp"
mkdir -p "$runner_temp"
: > "$E2E_TMP/install-output"
: > "$E2E_TMP/install-path"
if (cd "$E2E_TMP" && GITHUB_ACTION_PATH="$action_path" RUNNER_TEMP="$runner_temp" GITHUB_OUTPUT="$E2E_TMP/install-output" \
  GITHUB_PATH="$E2E_TMP/install-path" bash "$action_path/src/action/install.sh") > "$E2E_TMP/install.log" 2>&1; then
  ok "install.sh packs the action's checkout and installs ScimLint"
else
  not_ok "install.sh packs the action's checkout and installs ScimLint"
  diag "$E2E_TMP/install.log"
  exit 1
fi
scimlint="$(sed -n 's/^scimlint=//p' "$E2E_TMP/install-output")"
check "install.sh sets output scimlint to an executable under RUNNER_TEMP" bash -c '[[ "$1" == "$2"/* ]] && [ -x "$1" ]' _ "$scimlint" "$runner_temp"
check "install.sh puts the tool folder on GITHUB_PATH" test "$(cat "$E2E_TMP/install-path")" = "$(dirname "$scimlint")"
check "the installed scimlint prints its version" bash -c '[ -n "$("$1" --version)" ]' _ "$scimlint"
action_assemblies="$(find "$(dirname "$scimlint")/.store" -name scimlint.dll -type f 2> /dev/null | head -n 1)"
action_is_ready_to_run() { [ -n "$action_assemblies" ] && ready_to_run "$(dirname "$action_assemblies")"; }
check "the Action's scimlint is ReadyToRun (its assemblies carry native code)" action_is_ready_to_run
check "the Action's scimlint runs its ReadyToRun code" uses_ready_to_run "$scimlint" "$E2E_ROOT/examples/us-correct/jumpcloud.yaml"

# 3. run.sh in a workspace that looks like a checkout of a user's repository.
workspace="$E2E_TMP/workspace"
mkdir -p "$workspace/ci" "$workspace/lonely"
cp -R "$E2E_ROOT/examples" "$workspace/examples"
cp "$E2E_ROOT/examples/us-correct/jumpcloud.yaml" "$workspace/lonely/jumpcloud.yaml"
printf 'rules:\n  SL301: off\n' > "$workspace/ci/scimlint.yaml"
printf 'failLevel: warning\n' > "$workspace/ci/strict.yaml"
git -C "$workspace" init -q -b main

# run_action NAME VAR=VALUE...: runs run.sh with a fresh GITHUB_OUTPUT; leaves $NAME.out, $NAME.output, $NAME.status.
run_action() {
  local name="$1"
  shift
  local status=0
  : > "$E2E_TMP/$name.output"
  (cd "$workspace" && env SCIMLINT="$scimlint" RUNNER_TEMP="$runner_temp" GITHUB_OUTPUT="$E2E_TMP/$name.output" \
    INPUT_PATHS= INPUT_FAIL_LEVEL= INPUT_CONFIG= INPUT_BASELINE= INPUT_SARIF_FILE= "$@" bash "$action_path/src/action/run.sh") > "$E2E_TMP/$name.out" 2>&1 || status=$?
  echo "$status" > "$E2E_TMP/$name.status"
}
status_of() { cat "$E2E_TMP/$1.status"; }
output_of() { sed -n "s/^$2=//p" "$E2E_TMP/$1.output"; }
sarif_results() { node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(s.runs[0].results.length)' "$1"; }
# expect_run NAME STATUS FINDINGS: exit code and the findings output.
expect_run() {
  local got_status got_findings
  got_status="$(status_of "$1")"
  got_findings="$(output_of "$1" findings)"
  if [ "$got_status" = "$2" ] && [ "$got_findings" = "$3" ]; then
    return 0
  fi
  echo "# expected exit $2 and findings=$3, got exit $got_status and findings=$got_findings"
  diag "$E2E_TMP/$1.out"
  return 1
}

run_action mixed INPUT_PATHS="examples/missing-token
examples/us-correct" INPUT_SARIF_FILE="$runner_temp/mixed.sarif"
check "bad + good paths (newline-separated): exit 1, findings=1" expect_run mixed 1 1
check "the log shows the text finding" contains "$E2E_TMP/mixed.out" "examples/missing-token/jumpcloud.yaml:15:1: error SL301"
check "the log carries a GitHub error annotation for it" grep -qE '^::error file=examples/missing-token/jumpcloud\.yaml,line=15,col=1,.*title=SL301 token-missing::' "$E2E_TMP/mixed.out"
check "output sarif-file is the requested file" test "$(output_of mixed sarif-file)" = "$runner_temp/mixed.sarif"
check "the SARIF report holds the one result" test "$(sarif_results "$runner_temp/mixed.sarif")" = 1

run_action good INPUT_PATHS="examples/us-correct examples/eu-correct  examples/uk-correct"
check "correct examples (space-separated): exit 0, findings=0" expect_run good 0 0
check "sarif-file defaults to \$RUNNER_TEMP/scimlint.sarif" test "$(output_of good sarif-file)" = "$runner_temp/scimlint.sarif"
check "the default SARIF report exists and is empty of results" test "$(sarif_results "$runner_temp/scimlint.sarif")" = 0

run_action all
all_findings="$(output_of all findings)"
check "no paths means the whole workspace: exit 1" test "$(status_of all)" = 1
check "findings equals the number of SARIF results (${all_findings:-none})" test "$all_findings" = "$(sarif_results "$runner_temp/scimlint.sarif")"
check "findings equals the number of annotations" test "$all_findings" = "$(grep -cE '^::(error|warning|notice) ' "$E2E_TMP/all.out")"

run_action none INPUT_PATHS=examples INPUT_FAIL_LEVEL=none
check "fail-level none: exit 0 although there are findings" bash -c '[ "$1" = 0 ] && [ "$2" -gt 0 ]' _ "$(status_of none)" "$(output_of none findings)"

run_action lonely-error INPUT_PATHS=lonely
check "a warning (SL003, no StrongDM settings) under fail-level error: exit 0, findings=1" expect_run lonely-error 0 1
check "the warning becomes a ::warning annotation" grep -qE '^::warning file=lonely/jumpcloud\.yaml,.*title=SL003 ' "$E2E_TMP/lonely-error.out"
run_action lonely-warning INPUT_PATHS=lonely INPUT_FAIL_LEVEL=warning
check "the same warning under fail-level warning: exit 1" expect_run lonely-warning 1 1

run_action strict INPUT_PATHS=lonely INPUT_CONFIG=ci/strict.yaml
check "without a fail-level input the configuration's failLevel (warning) decides: exit 1" expect_run strict 1 1
run_action strict-input INPUT_PATHS=lonely INPUT_CONFIG=ci/strict.yaml INPUT_FAIL_LEVEL=error
check "a fail-level input wins over the configuration's failLevel: exit 0" expect_run strict-input 0 1

run_action config INPUT_PATHS=examples/missing-token INPUT_CONFIG=ci/scimlint.yaml
check "config input (SL301: off) silences the finding: exit 0, findings=0" expect_run config 0 0

(cd "$workspace" && "$scimlint" check examples/missing-token --write-baseline ci/baseline.json 2>/dev/null)
run_action baseline INPUT_PATHS=examples/missing-token INPUT_BASELINE=ci/baseline.json
check "baseline input accepts the recorded finding: exit 0, findings=0" expect_run baseline 0 0
run_action baseline-new INPUT_PATHS="examples/missing-token examples/group-management-off" INPUT_BASELINE=ci/baseline.json
check "baseline input still reports a new finding: exit 1, findings=1" expect_run baseline-new 1 1

run_action config-missing INPUT_PATHS=examples/missing-token INPUT_CONFIG=ci/nope.yaml INPUT_SARIF_FILE="$runner_temp/config-missing.sarif"
check "a missing config file: exit 2" expect_run config-missing 2 0
check "a missing config file leaves sarif-file empty" test -z "$(output_of config-missing sarif-file)"

run_action no-such-path INPUT_PATHS=does/not/exist INPUT_SARIF_FILE="$runner_temp/no-such-path.sarif"
check "a missing path: exit 2, sarif-file empty" bash -c '[ "$1" = 2 ] && [ -z "$2" ] && [ ! -e "$3" ]' _ \
  "$(status_of no-such-path)" "$(output_of no-such-path sarif-file)" "$runner_temp/no-such-path.sarif"

run_action bad-level INPUT_FAIL_LEVEL=fatal
check "an unknown fail-level: exit 2 with an error annotation" bash -c '[ "$1" = 2 ] && grep -q "^::error title=ScimLint::fail-level must be" "$2"' _ \
  "$(status_of bad-level)" "$E2E_TMP/bad-level.out"

run_action relative INPUT_PATHS=examples/missing-token INPUT_SARIF_FILE=reports/scimlint.sarif
check "a relative sarif-file is written under the workspace and output as an absolute path" \
  bash -c '[ "$1" = "$2/reports/scimlint.sarif" ] && [ -s "$1" ]' _ "$(output_of relative sarif-file)" "$workspace"

echo "# action.sh: $((SECONDS - started)) s"
e2e_finish
