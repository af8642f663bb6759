#!/usr/bin/env bash
# Whole-process start-up timing: a hello-world .NET console app against scimlint, with hyperfine.
# Usage: tests/perf/startup.sh            (RUNS=30 WARMUP=5 by default; override through the environment)
#        RUNS=10 tests/perf/startup.sh    (quicker, noisier)
#        REALTIME=1 tests/perf/startup.sh (as root on a shared machine: time under SCHED_FIFO, see below)
# Prints a Markdown table (mean ± sd) and the ratio of the pre-commit case to hello-world, for the JIT-compiled
# Release build and for the tool as users install it (dotnet pack + dotnet tool install: ReadyToRun).
# See docs/performance.md for the method and the latest numbers.
set -euo pipefail

RUNS="${RUNS:-30}"
WARMUP="${WARMUP:-5}"
REALTIME="${REALTIME:-0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else
    echo "startup.sh: hyperfine is missing; install it (Debian: apt-get install hyperfine)" >&2
    exit 2
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== building scimlint (Release)" >&2
dotnet build src/ScimLint.Cli -c Release -nologo -v quiet >&2
cli="$root/src/ScimLint.Cli/bin/Release/net10.0/scimlint.dll"

# What users install: the tool package (ReadyToRun, see the CLI project), installed with dotnet tool install.
echo "== packing and installing the scimlint tool (ReadyToRun)" >&2
dotnet pack src/ScimLint.Cli/ScimLint.Cli.csproj -c Release -nologo -v quiet -o "$work/package" >&2
printf '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>' > "$work/nuget.config"
NUGET_PACKAGES="$work/nuget" dotnet tool install --configfile "$work/nuget.config" --tool-path "$work/tool" \
  --add-source "$work/package" ScimLint >&2
tool="$work/tool/scimlint"

# The baseline: the smallest console app, built the same way as scimlint and with the same runtime switches that
# are not about our code (invariant globalization), so that the ratio measures ScimLint and not ICU.
echo "== building hello-world in $work" >&2
mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
</Project>
XML
echo 'Console.WriteLine("Hello, World!");' > "$work/hello/Program.cs"
dotnet build "$work/hello/hello.csproj" -c Release -nologo -v quiet -o "$work/hello/out" >&2
hello="$work/hello/out/hello.dll"

# Sanity: every command must run before it is timed (exit 1 = findings is expected for examples/).
dotnet "$hello" >/dev/null
dotnet "$cli" --version >/dev/null
dotnet "$cli" examples/us-correct/jumpcloud.yaml >/dev/null
dotnet "$cli" examples/ >/dev/null || [ $? -eq 1 ]
# The ReadyToRun tool must print exactly what the JIT-compiled build prints.
"$tool" examples/ --format json > "$work/r2r.json" || [ $? -eq 1 ]
dotnet "$cli" examples/ --format json > "$work/jit.json" || [ $? -eq 1 ]
cmp "$work/r2r.json" "$work/jit.json" || { echo "startup.sh: the ReadyToRun tool's output differs from the JIT build's" >&2; exit 1; }

# On a machine shared with builds, wall time measures the neighbours. REALTIME=1 runs hyperfine and the timed
# processes under SCHED_FIFO (root only) so that they get a core as on an idle machine; the kernel's RT throttling
# still leaves the other processes 5% of each core.
priority=()
mode="normal priority"
if [ "$REALTIME" = 1 ]; then
  priority=(chrt -f 10)
  mode="SCHED_FIFO (REALTIME=1)"
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== hyperfine: $WARMUP warm-up runs, $RUNS timed runs per command ($(nproc) cores, load average $load_before, $mode)" >&2
# --shell=none: no shell start-up in the measurement. -i: examples/ has findings and exits 1 by design.
"${priority[@]}" hyperfine --shell=none -i --warmup "$WARMUP" --runs "$RUNS" --style basic --export-csv "$work/startup.csv" \
  -n "hello-world" "dotnet $hello" \
  -n "scimlint --version" "dotnet $cli --version" \
  -n "scimlint examples/us-correct/jumpcloud.yaml (pre-commit)" "dotnet $cli examples/us-correct/jumpcloud.yaml" \
  -n "scimlint examples/" "dotnet $cli examples/" \
  -n "installed tool (ReadyToRun): examples/us-correct/jumpcloud.yaml (pre-commit)" "$tool examples/us-correct/jumpcloud.yaml" \
  -n "installed tool (ReadyToRun): examples/" "$tool examples/" >&2

echo
echo "### Whole-process start-up"
echo
echo "$(nproc) cores, .NET SDK $(dotnet --version), $RUNS runs after $WARMUP warm-ups, $mode, load average $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after."
echo
# CSV columns: command,mean,stddev,median,user,system,min,max (seconds). Row 2 is hello-world, row 4 the pre-commit case
# with the JIT-compiled build, row 6 the same case with the installed ReadyToRun tool.
# CPU is user + system time: it moves less than wall time when other processes share the machine.
awk -F, '
  NR == 1 { next }
  { name[NR] = $1; mean[NR] = $2; sd[NR] = $3; med[NR] = $4; cpu[NR] = $5 + $6; min[NR] = $7 }
  END {
    print "| Command | Wall mean ± sd [ms] | Median [ms] | Min [ms] | CPU user+sys [ms] | Wall vs hello-world |"
    print "|:---|---:|---:|---:|---:|---:|"
    for (i = 2; i <= NR; i++)
      printf "| `%s` | %.1f ± %.1f | %.1f | %.1f | %.1f | %.2fx |\n", name[i], mean[i] * 1000, sd[i] * 1000, med[i] * 1000, min[i] * 1000, cpu[i] * 1000, mean[i] / mean[2]
    r = mean[4] / mean[2]
    rs = r * sqrt((sd[4] / mean[4]) ^ 2 + (sd[2] / mean[2]) ^ 2)
    printf "\nPre-commit case / hello-world: **%.2fx ± %.2f** wall (%.1f ms vs %.1f ms), **%.2fx** CPU with the JIT-compiled build;", r, rs, mean[4] * 1000, mean[2] * 1000, cpu[4] / cpu[2]
    r = mean[6] / mean[2]
    rs = r * sqrt((sd[6] / mean[6]) ^ 2 + (sd[2] / mean[2]) ^ 2)
    printf " **%.2fx ± %.2f** wall (%.1f ms, median %.1f ms), **%.2fx** CPU with the installed ReadyToRun tool. Target: <= 4x and <= 150 ms median.\n", r, rs, mean[6] * 1000, med[6] * 1000, cpu[6] / cpu[2]
  }' "$work/startup.csv"
