#!/usr/bin/env bash
# Builds ScimLint from the action's own checkout and installs it as a .NET tool in a fresh folder.
#
# Environment: GITHUB_ACTION_PATH (the checkout to pack), RUNNER_TEMP (scratch space; TMPDIR or /tmp outside
# Actions), GITHUB_OUTPUT and GITHUB_PATH (optional). Writes the output `scimlint` (the installed executable)
# and puts its folder on PATH for later steps.
set -euo pipefail

source_dir="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH must name the ScimLint checkout}"
scratch="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d "$scratch/scimlint.XXXXXX")"

# Pack the CLI project rather than the solution: the result is the same single package, without restoring the
# test projects. Run from the checkout so that its global.json picks the SDK, whatever the workspace pins.
(cd "$source_dir" && dotnet pack src/ScimLint.Cli/ScimLint.Cli.csproj --configuration Release --output "$work/package")

shopt -s nullglob
packages=("$work/package"/ScimLint.*.nupkg)
if [ "${#packages[@]}" -ne 1 ]; then
  echo "::error title=ScimLint::expected exactly one ScimLint package in $work/package, found ${#packages[@]}"
  exit 1
fi
version="$(basename "${packages[0]}" .nupkg)"
version="${version#ScimLint.}"

# Install from the fresh package only: no other feed is consulted, so neither a workspace nuget.config nor a
# same-named package elsewhere can change what gets installed.
cat > "$work/nuget.config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
  </packageSources>
</configuration>
XML
dotnet tool install --configfile "$work/nuget.config" --tool-path "$work/tool" --add-source "$work/package" --version "$version" ScimLint

scimlint="$work/tool/scimlint"
"$scimlint" --version
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "scimlint=$scimlint" >> "$GITHUB_OUTPUT"
fi
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$work/tool" >> "$GITHUB_PATH"
fi
