#!/usr/bin/env bash
# Issue 9's reproducers, run against any built scimlint:
#
#   tests/security/reproducers.sh path/to/scimlint            # the apphost
#   tests/security/reproducers.sh path/to/scimlint.dll        # run with `dotnet`
#   REPRO_ONLY=symlink tests/security/reproducers.sh ...       # only the cases whose name contains "symlink"
#
# Each case rebuilds the audit's reproducer in a fresh temporary repository and prints PASS (the bug is gone) or
# FAIL (the binary shows it), then a summary line. Exit status: 0 when every case passes, 1 otherwise.
# Sub-cases that need root (a file owned by another user) are skipped without it; everything else runs as any user.
# The xunit regression test that covers each case is named in docs/security.md.
set -uo pipefail

if [ $# -ne 1 ] || [ ! -e "$1" ]; then
  echo "usage: $0 path/to/scimlint[.dll]" >&2
  exit 2
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case "$bin" in *.dll) tool=(dotnet "$bin") ;; *) tool=("$bin") ;; esac

CANARY=CANARYq7Z3x9K2mL5vB8nR4tY6wP1
work=$(mktemp -d "${TMPDIR:-/tmp}/scimlint-repro.XXXXXX")
trap 'rm -rf "$work"' EXIT
windows="$work/windows"
for ((i = 0; i + 8 <= ${#CANARY}; i++)); do echo "${CANARY:i:8}"; done >"$windows"
passed=0
failed=0
results=()

scimlint() { "${tool[@]}" "$@"; }
result() { # NAME STATUS DETAIL
  results+=("$(printf '%-28s %s  %s' "$1" "$2" "$3")")
  if [ "$2" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  printf '%-28s %s  %s\n' "$1" "$2" "$3"
}
repo() { # a fresh repository; prints its path
  local d
  d=$(mktemp -d "$work/repo.XXXXXX")
  mkdir -p "$d/.git"
  echo "$d"
}
leaks() { grep -F -q -f "$windows" "$@" 2>/dev/null; }

export_yaml() { # TOKEN_LINE BASEURL SSOURL -> a JumpCloud export with those lines
  cat <<EOF
application:
  name: strongdm
  displayLabel: StrongDM
  ssoUrl: ${3:-https://app.strongdm.com/app/login}
  active: true
  sso:
    type: bookmark
identityManagement:
  apiType: SCIM API
  scimVersion: "2.0"
  baseUrl: ${2:-https://app.strongdm.com/provisioning/generic/v2}
${1:-  token: \${env:SDM_SCIM_TOKEN\}}
  groupManagementEnabled: true
  status: active
associations:
  - to:
      id: 6026da081f24755306c2ee0d
      type: user_group
userGroups:
  - id: 6026da081f24755306c2ee0d
    name: sdm-engineering
    memberCount: 12
EOF
}

settings_yaml() { # TOKEN_BLOCK REGION HOST
  cat <<EOF
organization: acme-prod
controlPlane:
  region: ${2:-US}
  host: ${3:-app.strongdm.com}
provisioning:
  scimProvider: generic
  scimActive: true
  token:
${1:-    ref: env:SDM_SCIM_TOKEN}
  legacyApiSyncEnabled: false
EOF
}

all_outputs() { # DIR -> runs every format, the report files and the baseline; true when the canary leaks
  local d=$1 f leak=1
  for f in text json sarif github; do
    (cd "$d" && scimlint . --format "$f" --no-color >"$work/out.$f" 2>"$work/err.$f")
    leaks "$work/out.$f" "$work/err.$f" && leak=0
  done
  (cd "$d" && scimlint . --write-baseline "$work/baseline.json" >/dev/null 2>"$work/err.b")
  leaks "$work/baseline.json" "$work/err.b" && leak=0
  (cd "$d" && scimlint . --output "$work/report.txt" --sarif "$work/report.sarif" >/dev/null 2>&1)
  leaks "$work/report.txt" "$work/report.sarif" && leak=0
  (cd "$d" && scimlint . --fix --no-color >"$work/out.fix" 2>&1)
  leaks "$work/out.fix" && leak=0
  return $leak
}

placements() { # NAME... : each is a function that fills a repo; FAIL when any leaks
  local name leaked=()
  for name in "$@"; do
    local d
    d=$(repo)
    "$name" "$d"
    all_outputs "$d" && leaked+=("$name")
  done
  if [ ${#leaked[@]} -eq 0 ]; then echo "PASS|$# placements, no 8-character window of the canary in any output"; else echo "FAIL|leaks in: ${leaked[*]}"; fi
}

# --- placements -------------------------------------------------------------------------------------------------
p_swapped() { export_yaml "  token: https://app.strongdm.com/provisioning/generic/v2" "$CANARY" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_token_ref() { export_yaml >"$1/jumpcloud.yaml"; settings_yaml "    ref: $CANARY" >"$1/strongdm.yaml"; }
p_list() { export_yaml "  token:
    - $CANARY
    - second" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_mapping() { export_yaml "  token:
    current: $CANARY
    note: x" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_continuation() { export_yaml "  token: Bearer
   $CANARY: x" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_block() { export_yaml "  token: >
    Bearer
  $CANARY" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_csharp() {
  cat >"$1/jumpcloud.cs" <<EOF
using JumpCloud.SDK.V1.Models;
class Cfg
{
    Application App = new Application { Name = "strongdm", SsoUrl = "https://app.strongdm.com/login" };
    IdentityManagement Im = new IdentityManagement { BaseUrl = "https://app.strongdm.com/provisioning/generic/v2", Token = $CANARY };
}
EOF
  settings_yaml >"$1/strongdm.yaml"
}
p_comment() { { export_yaml "  token: $CANARY"; echo "# scimlint: ignore[SL999] old token was $CANARY"; echo "status2: x"; } >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_query() { export_yaml "" "https://app.strongdm.com/provisioning/generic/v2?token=$CANARY" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_matrix() { export_yaml "" "https://app.strongdm.com/provisioning/generic/v2;token=$CANARY" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_userinfo() { export_yaml "" "" "https://admin:$CANARY@app.strongdm.com/login" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_path() { export_yaml "" "https://app.strongdm.com/$CANARY/generic/v2" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_alias() { export_yaml "  token: *$CANARY" >"$1/jumpcloud.yaml"; settings_yaml >"$1/strongdm.yaml"; }
p_key() { # KEY LINE
  local d=$1
  export_yaml "  token: \${env:SDM_SCIM_TOKEN}
$2" >"$d/jumpcloud.yaml"
  settings_yaml >"$d/strongdm.yaml"
}
p_apikey() { p_key "$1" "  apiKey: $CANARY"; }
p_password() { p_key "$1" "  password: $CANARY"; }
p_bearer() { p_key "$1" "  authorization: Bearer $CANARY"; }
p_credential() { p_key "$1" "  credential: $CANARY"; }
p_tokne() { p_key "$1" "  tokne: $CANARY"; }
p_current() { export_yaml >"$1/jumpcloud.yaml"; settings_yaml "    current: $CANARY
    previous: ${CANARY:0:20}XYZW" >"$1/strongdm.yaml"; }
p_csharp_key() {
  cat >"$1/jumpcloud.cs" <<EOF
class Cfg
{
    object App = new Application { Name = "strongdm", SsoUrl = "https://app.strongdm.com/login", ApiKey = "$CANARY" };
    object Im = new IdentityManagement { BaseUrl = "https://app.strongdm.com/provisioning/generic/v2" };
}
EOF
  settings_yaml >"$1/strongdm.yaml"
}

case_placements() { IFS='|' read -r status detail <<<"$(placements "$@")"; echo "$status|$detail"; }

run_case() { # NAME FUNCTION...
  local name=$1 status detail
  shift
  case "$name" in *"${REPRO_ONLY:-}"*) ;; *) return ;; esac
  IFS='|' read -r status detail <<<"$("$@")"
  result "$name" "$status" "$detail"
}

# --- other reproducers ------------------------------------------------------------------------------------------
c_symlinks() {
  local d leaked=()
  d=$(repo)
  printf '[remote "origin"]\n\textraheader = AUTHORIZATION: basic %s\n' "$CANARY" >"$d/.git/config"
  mkdir "$d/sub" && ln -s ../.git/config "$d/sub/jumpcloud.yaml"
  (cd "$d" && scimlint . --no-color >"$work/out" 2>&1)
  leaks "$work/out" && leaked+=(".git/config")
  d=$(repo)
  ln -s /proc/self/environ "$d/jumpcloud-env.yaml"
  (cd "$d" && SCIM_SECRET="$CANARY" scimlint . --no-color >"$work/out" 2>&1)
  leaks "$work/out" && leaked+=("/proc/self/environ")
  if [ ${#leaked[@]} -eq 0 ]; then echo "PASS|links into .git and /proc are not followed"; else echo "FAIL|printed through: ${leaked[*]}"; fi
}

c_injection() {
  local d
  d=$(repo)
  export_yaml >"$d/jumpcloud.yaml"
  printf 'organization: acme\ncontrolPlane:\n  region: US\n  "x\\n::error file=INJECTED::pwned": 1\nprovisioning:\n  scimProvider: generic\n' >"$d/strongdm.yaml"
  : >"$d/$(printf 'a\n::error file=INJECTED::named.yaml')" 2>/dev/null
  (cd "$d" && scimlint . --no-color >"$work/out" 2>&1)
  if grep -q '^::' "$work/out"; then echo "FAIL|a report line starts a workflow command: $(grep -m1 '^::' "$work/out")"; else echo "PASS|no line starts with '::'"; fi
}

c_parens() {
  local d code
  d=$(repo)
  { printf 'class StrongDm { object Im = new IdentityManagement { BaseUrl = "https://app.strongdm.com/provisioning/generic/v2", Token = '; head -c 20000 /dev/zero | tr '\0' '('; printf '1'; head -c 20000 /dev/zero | tr '\0' ')'; printf ' }; }\n'; } >"$d/jumpcloud.cs"
  (cd "$d" && scimlint jumpcloud.cs --no-color >"$work/out" 2>&1)
  code=$?
  if [ $code -le 1 ]; then echo "PASS|exit $code, $(grep -c 'SL001' "$work/out") SL001 finding(s)"; else echo "FAIL|exit $code ($(grep -m1 -io 'stack overflow' "$work/out" || head -c 80 "$work/out"))"; fi
}

c_suppressions() {
  local d start end code
  d=$(repo)
  { export_yaml; for ((i = 0; i < 20000; i++)); do echo "# scimlint: ignore[SL101] comment $i"; done; } >"$d/jumpcloud.yaml"
  settings_yaml >"$d/strongdm.yaml"
  start=$(date +%s.%N)
  (cd "$d" && timeout 40 "${tool[@]}" . --quiet --no-color >/dev/null 2>&1)
  code=$?
  end=$(date +%s.%N)
  local secs
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  if [ $code -eq 124 ] || awk -v s="$secs" 'BEGIN { exit !(s > 20) }'; then echo "FAIL|20,000 suppression comments: ${secs} s (limit 20 s)"; else echo "PASS|20,000 suppression comments: ${secs} s"; fi
}

c_dangling() {
  local d code
  d=$(repo)
  export_yaml >"$d/jumpcloud.yaml"
  settings_yaml >"$d/strongdm.yaml"
  mkdir "$d/sub" && ln -s missing.yaml "$d/sub/dangling.yaml" && ln -s loop.yaml "$d/sub/loop.yaml"
  (cd "$d" && scimlint . --no-color >"$work/out" 2>&1)
  code=$?
  if [ $code -le 1 ]; then echo "PASS|exit $code, the links are notes"; else echo "FAIL|exit $code: $(head -c 100 "$work/out")"; fi
}

c_deep_json() {
  local d size
  d=$(repo)
  { head -c 200000 /dev/zero | tr '\0' '['; } >"$d/jumpcloud.json"
  (cd "$d" && scimlint jumpcloud.json --no-color >"$work/out" 2>&1)
  size=$(wc -c <"$work/out")
  if [ "$size" -le 10000 ]; then echo "PASS|200,000-deep JSON: $size bytes of output"; else echo "FAIL|200,000-deep JSON: $size bytes of output"; fi
}

c_big_integers() {
  local d code
  d=$(repo)
  export_yaml | sed 's/    memberCount: 12/    memberCount: 123456789012345678901234567890/' >"$d/jumpcloud.yaml"
  settings_yaml >"$d/strongdm.yaml"
  (cd "$d" && scimlint . --no-color >"$work/out" 2>&1)
  code=$?
  if grep -q 'failed on this file\|please report' "$work/out" || [ $code -gt 1 ]; then
    echo "FAIL|exit $code: $(grep -m1 -o 'SL002 failed on this file[^.]*' "$work/out")"
  elif grep -q "memberCount' must be a whole number" "$work/out"; then
    echo "PASS|exit $code, SL002: $(grep -m1 -o "'memberCount' must be a whole number[^[]*" "$work/out")"
  else
    echo "FAIL|no SL002 finding for the number"
  fi
}

c_fix_sibling() {
  local d before
  d=$(repo)
  export_yaml "" "https://app.eu.strongdm.com/provisioning/generic/v2" "https://app.eu.strongdm.com/app/login" >"$d/jumpcloud.yaml"
  settings_yaml "" US >"$d/strongdm.yaml"
  mkdir "$d/sub" && cp "$d/jumpcloud.yaml" "$d/sub/jumpcloud.yaml" && settings_yaml "" US >"$d/sub/strongdm.yaml"
  before=$(cat "$d/jumpcloud.yaml" "$d/sub/jumpcloud.yaml" | md5sum)
  (cd "$d" && scimlint --fix strongdm.yaml --no-color >"$work/out" 2>&1)
  if [ "$(cat "$d/jumpcloud.yaml" "$d/sub/jumpcloud.yaml" | md5sum)" = "$before" ]; then echo "PASS|--fix strongdm.yaml left the unnamed exports alone"; else echo "FAIL|--fix strongdm.yaml rewrote an unnamed export"; fi
}

fixable() { export_yaml "" "https://app.us.strongdm.com/provisioning/generic/v2" >"$1"; }

c_fix_symlink() {
  local d outside bad=()
  d=$(repo)
  mkdir "$d/real" && fixable "$d/real/jumpcloud.yaml" && settings_yaml >"$d/strongdm.yaml"
  ln -s real/jumpcloud.yaml "$d/jumpcloud.yaml"
  (cd "$d" && scimlint --fix jumpcloud.yaml strongdm.yaml >/dev/null 2>&1)
  [ -L "$d/jumpcloud.yaml" ] || bad+=("the linked jumpcloud.yaml became a regular file")
  outside=$(mktemp -d "$work/outside.XXXXXX")
  fixable "$outside/jumpcloud.yaml" && settings_yaml >"$outside/strongdm.yaml"
  local sum
  sum=$(md5sum <"$outside/jumpcloud.yaml")
  d=$(repo)
  ln -s "$outside" "$d/linked"
  (cd "$d" && scimlint --fix linked >/dev/null 2>&1)
  [ "$(md5sum <"$outside/jumpcloud.yaml")" = "$sum" ] || bad+=("a file outside the repository was modified through a named directory link")
  if [ ${#bad[@]} -eq 0 ]; then echo "PASS|links stay links; nothing outside the repository is written"; else echo "FAIL|${bad[*]}"; fi
}

c_fix_metadata() {
  local d bad=() owner=""
  d=$(repo)
  fixable "$d/jumpcloud.yaml" && settings_yaml >"$d/strongdm.yaml"
  chmod 600 "$d/jumpcloud.yaml"
  ln "$d/jumpcloud.yaml" "$d/hardlink.txt"
  if [ "$(id -u)" -eq 0 ]; then chown 1234:1234 "$d/jumpcloud.yaml" && owner=yes; fi
  (cd "$d" && scimlint --fix jumpcloud.yaml strongdm.yaml >/dev/null 2>&1)
  grep -q 'app.us.strongdm.com' "$d/jumpcloud.yaml" && bad+=("the fix was not applied")
  [ "$(stat -c %a "$d/jumpcloud.yaml")" = 600 ] || bad+=("mode 0600 became $(stat -c %a "$d/jumpcloud.yaml")")
  [ "$(stat -c %h "$d/jumpcloud.yaml")" = 2 ] || bad+=("the hard link was split")
  [ -z "$owner" ] || [ "$(stat -c %u "$d/jumpcloud.yaml")" = 1234 ] || bad+=("owner 1234 became $(stat -c %u "$d/jumpcloud.yaml")")
  local what="mode, hard link"
  [ -n "$owner" ] && what="mode, owner, hard link" || what="mode, hard link (owner: needs root, skipped)"
  if [ ${#bad[@]} -eq 0 ]; then echo "PASS|kept $what"; else echo "FAIL|${bad[*]}"; fi
}

c_temp_files() {
  local d bad=() seen=0
  d=$(repo)
  export_yaml >"$d/jumpcloud.yaml" && settings_yaml >"$d/strongdm.yaml"
  mkdir -p "$d/out/dir" && echo OLD >"$d/out/report.txt" && echo OLD >"$d/out/report.sarif"
  # --output and --sarif as a pair: when one target cannot be written (it is a directory), neither may change.
  (cd "$d" && scimlint . --output out/report.txt --sarif out/dir >/dev/null 2>&1)
  (cd "$d" && scimlint . --output out/dir --sarif out/report.sarif >/dev/null 2>&1)
  [ "$(cat "$d/out/report.txt")" = OLD ] || bad+=("--output was replaced although --sarif failed")
  [ "$(cat "$d/out/report.sarif")" = OLD ] || bad+=("--sarif was replaced although --output failed")
  # SIGKILL mid-write: a big report; the moment its temporary file appears, the run is killed. Then one normal run.
  for ((i = 0; i < 200; i++)); do fixable "$d/j$i.yaml"; done
  for ((attempt = 0; attempt < 5 && seen == 0; attempt++)); do
    (cd "$d" && exec "${tool[@]}" . --format sarif --output out/report.sarif >/dev/null 2>&1) &
    local pid=$!
    while kill -0 $pid 2>/dev/null; do
      if compgen -G "$d/out/.*tmp" >/dev/null; then kill -9 $pid 2>/dev/null; seen=1; break; fi
    done
    wait $pid 2>/dev/null
    compgen -G "$d/out/.*tmp" >/dev/null || seen=0
  done
  (cd "$d" && scimlint . --format sarif --output out/report.sarif >/dev/null 2>&1)
  if ls -A "$d/out" | grep -q '\.tmp$'; then bad+=("a killed run's temporary file is still there after the next run"); fi
  local note="killed run's temp file cleaned by the next run"
  [ $seen -eq 1 ] || note="(no kill landed mid-write; only the pair write was tested)"
  if [ ${#bad[@]} -eq 0 ]; then echo "PASS|pair write is all-or-nothing; $note"; else echo "FAIL|${bad[*]}"; fi
}

c_dev_stdout() {
  # Never the real /dev/stdout: run as root, a binary with the bug renames its temporary file over /dev/stdout and
  # replaces it for the whole machine. A link of our own to /proc/self/fd/1 shows the same thing safely.
  local d code
  d=$(repo)
  export_yaml >"$d/jumpcloud.yaml" && settings_yaml >"$d/strongdm.yaml"
  ln -s /proc/self/fd/1 "$d/stdout"
  (cd "$d" && scimlint . --format json --output "$d/stdout" 2>"$work/err" | cat >"$work/out")
  code=${PIPESTATUS[0]}
  if [ ! -L "$d/stdout" ]; then
    echo "FAIL|the link to /proc/self/fd/1 was renamed over (as /dev/stdout would be); $(wc -c <"$work/out") bytes reached stdout"
  elif grep -q '"findings"' "$work/out"; then
    echo "PASS|written through the link to stdout (a pipe); the link is intact"
  else
    echo "FAIL|nothing reached stdout: $(head -c 120 "$work/err")"
  fi
}

echo "scimlint: ${tool[*]}"
echo
run_case "swapped fields" case_placements p_swapped p_token_ref
run_case "code-frame placements" case_placements p_list p_mapping p_continuation p_block p_csharp p_comment p_query
run_case "messages quote secrets" case_placements p_query p_matrix p_userinfo p_path p_alias
run_case "masked key names" case_placements p_apikey p_password p_bearer p_credential p_tokne p_current p_csharp_key
run_case "symlink leaks" c_symlinks
run_case "workflow-command injection" c_injection
run_case "20k parentheses crash" c_parens
run_case "quadratic suppressions" c_suppressions
run_case "dangling/looping symlink" c_dangling
run_case "200k-deep JSON" c_deep_json
run_case "big integers" c_big_integers
run_case "--fix sibling rewrite" c_fix_sibling
run_case "symlink replaced by --fix" c_fix_symlink
run_case "--fix metadata reset" c_fix_metadata
run_case "temp-file leftovers" c_temp_files
run_case "--output /dev/stdout" c_dev_stdout
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
