#!/usr/bin/env bash
# The dotnet tool: `dotnet pack` at the repository root yields exactly one package, ScimLint, whose metadata is
# complete; it installs with --tool-path, globally, into a tool manifest and runs one-off, and lints examples/.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init package
started=$SECONDS

repo="$E2E_TMP/repo"
package_dir="$E2E_TMP/package"
e2e_snapshot "$repo"

# 1. Pack at the root, as pre-commit does (it runs `dotnet pack` with no project argument).
if (cd "$repo" && dotnet pack --configuration Release --output "$package_dir") > "$E2E_TMP/pack.log" 2>&1; then
  ok "dotnet pack at the repository root succeeds"
else
  not_ok "dotnet pack at the repository root succeeds"
  diag "$E2E_TMP/pack.log"
  exit 1
fi

shopt -s nullglob
packages=("$package_dir"/*.nupkg)
shopt -u nullglob
if [ "${#packages[@]}" -eq 1 ] && [[ "$(basename "${packages[0]}")" =~ ^ScimLint\.[0-9]+\.[0-9]+\.[0-9]+.*\.nupkg$ ]]; then
  ok "the root pack produces exactly one package, ScimLint"
else
  not_ok "the root pack produces exactly one package, ScimLint (found: $(cd "$package_dir" && ls))"
  exit 1
fi
nupkg="${packages[0]}"
version="$(basename "$nupkg" .nupkg)"
version="${version#ScimLint.}"
# --version prints the version and the commit the package was built from (SourceLink reads the clone's .git).
commit="$(git -C "$repo" rev-parse HEAD)"
printed="$version (commit $commit)"

# 2. Metadata.
unzip -p "$nupkg" ScimLint.nuspec > "$E2E_TMP/nuspec.xml"
unzip -Z1 "$nupkg" > "$E2E_TMP/entries.txt"
nuspec_has() { grep -qE -- "$1" "$E2E_TMP/nuspec.xml"; }
check "nuspec: id ScimLint" nuspec_has '<id>ScimLint</id>'
check "nuspec: package type DotnetTool" nuspec_has '<packageType name="DotnetTool"'
check "nuspec: a description" nuspec_has '<description>[^<]{20,}</description>'
check "nuspec: an MIT licence expression" nuspec_has '<license type="expression">MIT</license>'
check "nuspec: a repository URL" nuspec_has '<repository type="git" url="https://[^"]+"'
check "nuspec: a project URL" nuspec_has '<projectUrl>https://[^<]+</projectUrl>'
check "nuspec: tags include scim and sarif" nuspec_has '<tags>[^<]*\bscim\b[^<]*\bsarif\b'
check "nuspec: a README" nuspec_has '<readme>README.md</readme>'
check "the README is packed at the package root" grep -qx 'README.md' "$E2E_TMP/entries.txt"
unzip -p "$nupkg" 'tools/*/any/DotnetToolSettings.xml' > "$E2E_TMP/toolsettings.xml"
check "the tool command is scimlint" contains "$E2E_TMP/toolsettings.xml" '<Command Name="scimlint" EntryPoint="scimlint.dll"'
unzip -p "$nupkg" 'tools/*/any/scimlint.runtimeconfig.json' > "$E2E_TMP/runtimeconfig.json"
check "the tool rolls forward to newer major runtimes" contains "$E2E_TMP/runtimeconfig.json" '"rollForward": "Major"'
check "no test assembly is packed" bash -c '! grep -qiE "xunit|ScimLint\.Tests" "$1"' _ "$E2E_TMP/entries.txt"
check "the tool keeps the portable layout: every file under tools/net10.0/any/" bash -c '! grep -E "^tools/" "$1" | grep -qvE "^tools/net10\.0/any/"' _ "$E2E_TMP/entries.txt"
mkdir -p "$E2E_TMP/unpacked"
unzip -q "$nupkg" 'tools/*' -d "$E2E_TMP/unpacked"
check "the packed assemblies are ReadyToRun images (native code for this machine, IL kept)" ready_to_run "$E2E_TMP/unpacked/tools/net10.0/any"

# 3. Install with --tool-path, the way CI and the GitHub Action do. Packages restored for tool installs go to a
# private folder, and the CLI's home (global tools, the local-tool resolver cache) is private too, so that neither
# a ScimLint of the same version left by an earlier run nor the user's own tools can be picked up.
export NUGET_PACKAGES="$E2E_TMP/nuget-packages"
export DOTNET_CLI_HOME="$E2E_TMP/home"
mkdir -p "$DOTNET_CLI_HOME"
tool_dir="$E2E_TMP/tool"
if dotnet tool install --tool-path "$tool_dir" --add-source "$package_dir" --version "$version" ScimLint > "$E2E_TMP/install.log" 2>&1; then
  ok "dotnet tool install --tool-path --add-source installs ScimLint"
else
  not_ok "dotnet tool install --tool-path --add-source installs ScimLint"
  diag "$E2E_TMP/install.log"
  exit 1
fi
scimlint="$tool_dir/scimlint"
check "scimlint --version prints the packed version and commit ($printed)" test "$("$scimlint" --version)" = "$printed"
check "the installed tool runs its ReadyToRun code (far fewer methods JIT-compiled than with DOTNET_ReadyToRun=0)" \
  uses_ready_to_run "$scimlint" "$repo/examples/us-correct/jumpcloud.yaml"
for format in text json sarif github; do
  check "scimlint examples/ --format $format: byte-identical output with DOTNET_ReadyToRun=0 (the JIT build of the same IL)" \
    same_output_without_ready_to_run "$repo" "$scimlint" examples/ --format "$format"
done

# 4. The installed tool lints the examples of a clean clone.
status=0
(cd "$repo" && "$scimlint" examples/) > "$E2E_TMP/examples.txt" 2>&1 || status=$?
check "scimlint examples/ exits 1 (the bad examples have errors)" test "$status" -eq 1
for bad in eu-left-on-us-hosts group-management-off missing-token; do
  check "scimlint examples/ reports examples/$bad" grep -qE "^examples/$bad/[^ ]+:[0-9]+:[0-9]+: error SL[0-9]{3}" "$E2E_TMP/examples.txt"
done
check "scimlint examples/ reports nothing in the correct examples" bash -c '! grep -qE "^examples/(us|eu|uk)-correct/" "$1"' _ "$E2E_TMP/examples.txt"
status=0
(cd "$repo" && "$scimlint" examples/us-correct examples/eu-correct examples/uk-correct) > "$E2E_TMP/correct.txt" 2>&1 || status=$?
check "the correct examples lint clean (exit 0)" test "$status" -eq 0
(cd "$repo" && "$scimlint" examples/ --format sarif --fail-level none) > "$E2E_TMP/examples.sarif"
check "--format sarif prints SARIF 2.1.0 with results" node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  process.exit(s.version === "2.1.0" && s.runs[0].results.length > 0 ? 0 : 1);' "$E2E_TMP/examples.sarif"
status=0
"$scimlint" --bogus-option > /dev/null 2>&1 || status=$?
check "a usage error exits 2" test "$status" -eq 2
if [ "$E2E_FAILED" -gt 0 ]; then
  diag "$E2E_TMP/examples.txt"
fi

# 5. The install commands of docs/usage.md: global (into a private home), local tool manifest, one-off.
if dotnet tool install --global --add-source "$package_dir" --version "$version" ScimLint > "$E2E_TMP/global.log" 2>&1 &&
  [ "$("$DOTNET_CLI_HOME/.dotnet/tools/scimlint" --version)" = "$printed" ]; then
  ok "dotnet tool install --global installs a working scimlint"
else
  not_ok "dotnet tool install --global installs a working scimlint"
  diag "$E2E_TMP/global.log"
fi

project="$E2E_TMP/consumer"
mkdir -p "$project"
cp -R "$repo/examples/missing-token" "$project/"
if (
  cd "$project"
  dotnet new tool-manifest --output .config
  dotnet tool install --local --add-source "$package_dir" --version "$version" ScimLint
) > "$E2E_TMP/local.log" 2>&1; then
  ok "dotnet tool install --local records ScimLint in .config/dotnet-tools.json"
else
  not_ok "dotnet tool install --local records ScimLint in .config/dotnet-tools.json"
  diag "$E2E_TMP/local.log"
fi
check ".config/dotnet-tools.json names the scimlint command" contains "$project/.config/dotnet-tools.json" '"scimlint"'
status=0
(cd "$project" && dotnet scimlint missing-token) > "$E2E_TMP/local-run.txt" 2>&1 || status=$?
if [ "$status" -eq 1 ] && grep -q "error SL301" "$E2E_TMP/local-run.txt"; then
  ok "dotnet scimlint (local tool) finds SL301 in missing-token and exits 1"
else
  not_ok "dotnet scimlint (local tool) finds SL301 in missing-token and exits 1 (exit $status)"
  diag "$E2E_TMP/local-run.txt"
fi
rm -rf "$NUGET_PACKAGES/scimlint"
if (cd "$project" && dotnet tool restore --add-source "$package_dir" && dotnet tool run scimlint --version) > "$E2E_TMP/restore.log" 2>&1 &&
  tail -n 1 "$E2E_TMP/restore.log" | grep -qxF "$printed"; then
  ok "dotnet tool restore brings the local tool back"
else
  not_ok "dotnet tool restore brings the local tool back"
  diag "$E2E_TMP/restore.log"
fi

rm -rf "$NUGET_PACKAGES/scimlint"
if [ "$(cd "$E2E_TMP" && dotnet tool exec --yes --add-source "$package_dir" "ScimLint@$version" -- --version 2> "$E2E_TMP/exec.log")" = "$printed" ]; then
  ok "dotnet tool exec runs ScimLint one-off"
else
  not_ok "dotnet tool exec runs ScimLint one-off"
  diag "$E2E_TMP/exec.log"
fi
status=0
(cd "$project" && dotnet dnx --yes --add-source "$package_dir" "ScimLint@$version" -- missing-token --format github) > "$E2E_TMP/dnx.txt" 2>&1 || status=$?
check "dotnet dnx runs ScimLint one-off and prints annotations" bash -c '[ "$1" -eq 1 ] && grep -q "^::error file=missing-token/jumpcloud.yaml,line=" "$2"' _ "$status" "$E2E_TMP/dnx.txt"

echo "# package.sh: $((SECONDS - started)) s"
e2e_finish
