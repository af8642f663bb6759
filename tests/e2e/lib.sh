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

# ready_to_run DIR: the assemblies in DIR (ScimLint's own and its dependencies') are ReadyToRun images: its CLI header
# has a ManagedNativeHeader pointing at an 'RTR' header (plain IL assemblies have none). Prints the ones that are not.
ready_to_run() {
  python3 - "$1" << 'PY'
import os, struct, sys

def is_ready_to_run(path):
    data = open(path, "rb").read()
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        return False
    sections, optional_size = struct.unpack_from("<H", data, pe + 6)[0], struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    directories = optional + (96 if struct.unpack_from("<H", data, optional)[0] == 0x10B else 112)
    def offset(rva):
        for i in range(sections):
            entry = optional + optional_size + 40 * i
            virtual_size, address, raw_size, raw_pointer = struct.unpack_from("<IIII", data, entry + 8)
            if address <= rva < address + max(virtual_size, raw_size):
                return rva - address + raw_pointer
        return None
    cli_rva = struct.unpack_from("<I", data, directories + 14 * 8)[0]
    cli = offset(cli_rva) if cli_rva else None
    if cli is None:
        return False
    native_rva, native_size = struct.unpack_from("<II", data, cli + 64)
    native = offset(native_rva) if native_size else None
    return native is not None and data[native:native + 4] == b"RTR\0"

# Every assembly with code; crossgen leaves type-forwarding facades such as System.IO.Abstractions.dll as they are.
required = ["scimlint.dll", "ScimLint.Core.dll", "System.CommandLine.dll", "YamlDotNet.dll", "NJsonSchema.dll",
            "Newtonsoft.Json.dll", "Namotion.Reflection.dll", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll"]
missing = [name for name in required if not os.path.isfile(os.path.join(sys.argv[1], name)) or not is_ready_to_run(os.path.join(sys.argv[1], name))]
for name in missing:
    print(f"# not a ReadyToRun image: {name}")
sys.exit(1 if missing else 0)
PY
}

# jit_count FILE COMMAND...: runs the command and writes how many methods the runtime JIT-compiled to FILE.
jit_count() {
  local file="$1"
  shift
  rm -f "$file.jit"
  DOTNET_JitStdOutFile="$file.jit" DOTNET_JitDisasmSummary=1 "$@" > /dev/null 2>&1 || true
  grep -c 'JIT compiled' "$file.jit" > "$file" || true
}

# uses_ready_to_run TOOL ARGS...: the ReadyToRun code is really used: the tool JIT-compiles fewer than a third of the
# methods that the same tool compiles with DOTNET_ReadyToRun=0 (measured: about 500 against 6,700).
uses_ready_to_run() {
  jit_count "$E2E_TMP/jit-r2r" "$@"
  DOTNET_ReadyToRun=0 jit_count "$E2E_TMP/jit-off" "$@"
  local with without
  with="$(cat "$E2E_TMP/jit-r2r")"
  without="$(cat "$E2E_TMP/jit-off")"
  echo "# JIT-compiled methods: $with with ReadyToRun, $without with DOTNET_ReadyToRun=0"
  [ "${with:-0}" -gt 0 ] && [ "$((with * 3))" -lt "${without:-0}" ]
}

# same_output_without_ready_to_run DIR TOOL ARGS...: in DIR, the tool's stdout and exit code are byte-identical
# with its ReadyToRun code and with DOTNET_ReadyToRun=0 (every method JIT-compiled from the same IL).
same_output_without_ready_to_run() {
  local dir="$1" a=0 b=0
  shift
  (cd "$dir" && "$@") > "$E2E_TMP/r2r-on.out" 2> /dev/null || a=$?
  (cd "$dir" && DOTNET_ReadyToRun=0 "$@") > "$E2E_TMP/r2r-off.out" 2> /dev/null || b=$?
  if [ "$a" = "$b" ] && [ -s "$E2E_TMP/r2r-on.out" ] && cmp -s "$E2E_TMP/r2r-on.out" "$E2E_TMP/r2r-off.out"; then
    return 0
  fi
  echo "# exit $a with ReadyToRun, $b without"
  diff "$E2E_TMP/r2r-on.out" "$E2E_TMP/r2r-off.out" | head -n 20 | sed 's/^/# /'
  return 1
}
