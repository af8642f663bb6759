# Helpers shared by the end-to-end scripts (sourced, not run).
#
# Each check prints one TAP-style line, `ok - <description>` or `not ok - <description>`; diagnostics go to
# stdout prefixed with '# '. e2e_finish exits non-zero when any check failed.

E2E_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_PASSED=0
E2E_FAILED=0

# Keep the runs quiet and leave no build servers behind: a compiler or MSBuild server started here would outlive
# the script.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false
export NO_COLOR=1
# Commits in throwaway repositories need an identity and must not depend on the user's git configuration.
export GIT_AUTHOR_NAME=scimlint-e2e GIT_AUTHOR_EMAIL=e2e@scimlint.invalid
export GIT_COMMITTER_NAME=scimlint-e2e GIT_COMMITTER_EMAIL=e2e@scimlint.invalid
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

# Creates $E2E_TMP and removes it on exit.
e2e_init() {
  E2E_TMP="$(mktemp -d "${TMPDIR:-/tmp}/scimlint-e2e-$1.XXXXXX")"
  trap 'rm -rf "$E2E_TMP"' EXIT
}

ok() {
  E2E_PASSED=$((E2E_PASSED + 1))
  echo "ok - $*"
}

not_ok() {
  E2E_FAILED=$((E2E_FAILED + 1))
  echo "not ok - $*"
}

# check DESCRIPTION COMMAND...: runs the command, reports ok / not ok.
check() {
  local description="$1"
  shift
  if "$@"; then
    ok "$description"
  else
    not_ok "$description"
  fi
}

# diag FILE: prints a file as TAP diagnostics.
diag() {
  sed 's/^/# /' "$1" || true
}

# contains FILE TEXT: the file holds TEXT (fixed string).
contains() {
  grep -qF -- "$2" "$1"
}

# e2e_snapshot DEST: copies the working tree (tracked and untracked files that git does not ignore) into DEST and
# commits it there, so tools that clone a repository see exactly what is on disk, not only what was committed.
e2e_snapshot() {
  local dest="$1"
  mkdir -p "$dest"
  (
    cd "$E2E_ROOT"
    git ls-files -z --cached --others --exclude-standard |
      while IFS= read -r -d '' file; do
        if [ -f "$file" ] || [ -L "$file" ]; then
          printf '%s\0' "$file"
        fi
      done |
      tar --null --files-from=- -cf -
  ) | tar -xf - -C "$dest"
  git -C "$dest" init -q -b main
  git -C "$dest" add -A
  git -C "$dest" commit -q -m "ScimLint working tree snapshot for e2e tests"
}

# e2e_finish: exits 1 when a check failed.
e2e_finish() {
  [ "$E2E_FAILED" -eq 0 ]
}
