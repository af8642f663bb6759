#!/usr/bin/env bash
# The peer benchmark: Spectral with the ruleset in tests/ScimLint.Benchmarks/peer/spectral.yaml (the ScimLint checks
# that Spectral can express) against ScimLint as users install it (dotnet pack + dotnet tool install: the ReadyToRun
# package), on generated corpora of 1, 1,000 and 10,000 pairs (a JumpCloud export and its StrongDM settings each).
# Each size is timed with hyperfine, one tool after the other, and run once more under /usr/bin/time for peak RSS.
# Prints a Markdown table: times, the Spectral / ScimLint ratio, documents per second, CPU / wall, peak RSS and the
# number of problems each tool found. See docs/performance.md for the method and the latest numbers.
#
# Usage: tests/perf/peer.sh                 (SIZES="1 1000 10000", RUNS=5 for up to 1,000 pairs, RUNS_LARGE=3 beyond)
#        SIZES="1 1000" RUNS=3 tests/perf/peer.sh
#        SCIMLINT=/path/to/scimlint tests/perf/peer.sh   (time another ScimLint build instead of packing this tree)
#        tests/perf/peer.sh --check         (no timing: installs Spectral, checks the ruleset and both tools on a
#                                             20-pair corpus and on examples/; what CI runs)
# Needs .NET 10, Node.js with npm, hyperfine (installed with apt-get when missing and run as root) and GNU time.
set -euo pipefail

SPECTRAL_VERSION=6.16.3
SIZES="${SIZES:-1 1000 10000}"
RUNS="${RUNS:-5}"
RUNS_LARGE="${RUNS_LARGE:-3}"
WARMUP="${WARMUP:-1}"
mode="${1:-bench}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ruleset="$root/tests/ScimLint.Benchmarks/peer/spectral.yaml"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false

work="$(mktemp -d "${TMPDIR:-/tmp}/scimlint-peer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
say() { echo "== $*" >&2; }

# Spectral, pinned, in a folder of its own outside the repository (kept between runs).
spectral_dir="${SPECTRAL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/scimlint-peer/spectral-$SPECTRAL_VERSION}"
spectral="$spectral_dir/node_modules/.bin/spectral"
if [ ! -x "$spectral" ] || [ "$("$spectral" --version 2> /dev/null)" != "$SPECTRAL_VERSION" ]; then
  say "installing @stoplight/spectral-cli@$SPECTRAL_VERSION into $spectral_dir"
  mkdir -p "$spectral_dir"
  npm install --prefix "$spectral_dir" --no-audit --no-fund --loglevel=error "@stoplight/spectral-cli@$SPECTRAL_VERSION" >&2
fi
[ "$("$spectral" --version)" = "$SPECTRAL_VERSION" ] || { echo "peer.sh: Spectral $SPECTRAL_VERSION did not install" >&2; exit 2; }

# ScimLint as users get it: the tool package from this tree, installed with dotnet tool install.
if [ -z "${SCIMLINT:-}" ]; then
  say "packing and installing ScimLint from $root"
  dotnet pack "$root/src/ScimLint.Cli/ScimLint.Cli.csproj" -c Release -o "$work/package" -v quiet >&2
  printf '<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /></packageSources></configuration>' > "$work/nuget.config"
  NUGET_PACKAGES="$work/nuget" dotnet tool install --configfile "$work/nuget.config" --tool-path "$work/tool" \
    --add-source "$work/package" ScimLint > /dev/null
  SCIMLINT="$work/tool/scimlint"
fi
say "scimlint $("$SCIMLINT" --version) at $SCIMLINT; spectral $("$spectral" --version)"

corpus() {
  local pairs="$1"
  dotnet run -c Release --project "$root/tests/ScimLint.Benchmarks" -- peer-corpus "$pairs" "$work/corpus-$pairs" >&2
}
# Problems each tool reports, read from its JSON output.
scimlint_problems() {
  "$SCIMLINT" "$1" --format json --fail-level none | node -e '
    const s = JSON.parse(require("fs").readFileSync(0, "utf8")).summary;
    console.log(s.errors + s.warnings + s.notes);'
}
spectral_problems() {
  { "$spectral" lint --ruleset "$ruleset" --format json --fail-severity error --quiet "$1/**/*.yaml" || true; } | node -e '
    const text = require("fs").readFileSync(0, "utf8").trim();
    console.log(text === "" ? 0 : JSON.parse(text).length);'
}
spectral_rules() {
  { "$spectral" lint --ruleset "$ruleset" --format json --quiet "$1" || true; } | node -e '
    const text = require("fs").readFileSync(0, "utf8").trim();
    const codes = text === "" ? [] : JSON.parse(text).map((r) => r.code);
    console.log([...new Set(codes)].sort().join(" "));'
}

if [ "$mode" = "--check" ]; then
  failed=0
  expect() { if eval "$2"; then echo "ok - $1"; else echo "not ok - $1"; failed=$((failed + 1)); fi; }
  corpus 20
  s="$(scimlint_problems "$work/corpus-20")"
  p="$(spectral_problems "$work/corpus-20")"
  echo "# 20 pairs: ScimLint found $s problems, Spectral $p"
  expect "Spectral accepts the peer ruleset and flags the corpus's problem pairs" '[ "$p" -gt 0 ]'
  expect "ScimLint finds at least as many problems as Spectral in the corpus" '[ "$s" -ge "$p" ]'
  expect "the peer ruleset passes examples/us-correct" '[ -z "$(spectral_rules "$root/examples/us-correct/*.yaml")" ]'
  expect "the peer ruleset flags examples/missing-token with its SL301 stand-in" '[[ " $(spectral_rules "$root/examples/missing-token/*.yaml") " == *" sl301-token-missing "* ]]'
  expect "the peer ruleset flags examples/group-management-off with its SL201 stand-in" '[[ " $(spectral_rules "$root/examples/group-management-off/*.yaml") " == *" sl201-group-management "* ]]'
  echo "peer: $(( 5 - failed )) passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
fi

if ! command -v hyperfine > /dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq hyperfine > /dev/null
  else
    echo "peer.sh: hyperfine is missing; install it (Debian: apt-get install hyperfine)" >&2
    exit 2
  fi
fi
[ -x /usr/bin/time ] || { echo "peer.sh: /usr/bin/time (GNU time) is missing; apt-get install time" >&2; exit 2; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
for pairs in $SIZES; do
  corpus "$pairs"
  dir="$work/corpus-$pairs"
  runs="$RUNS"
  [ "$pairs" -le 1000 ] || runs="$RUNS_LARGE"
  say "$pairs pairs: hyperfine, $WARMUP warm-up and $runs timed runs per tool"
  hyperfine -N -i --warmup "$WARMUP" --runs "$runs" --style basic --export-json "$work/h-$pairs.json" \
    -n scimlint "$SCIMLINT $dir --format json --fail-level none" \
    -n spectral "$spectral lint --ruleset $ruleset --format json --quiet $dir/**/*.yaml" >&2
  /usr/bin/time -f '%e %U %S %M' -o "$work/t-scimlint-$pairs" "$SCIMLINT" "$dir" --format json --fail-level none > /dev/null
  /usr/bin/time -f '%e %U %S %M' -o "$work/t-spectral-$pairs" "$spectral" lint --ruleset "$ruleset" --format json --quiet "$dir/**/*.yaml" > /dev/null || true
  rows+=("$pairs $(scimlint_problems "$dir") $(spectral_problems "$dir") $(tail -n 1 "$work/t-scimlint-$pairs") $(tail -n 1 "$work/t-spectral-$pairs")")
done

echo
echo "### ScimLint against Spectral $SPECTRAL_VERSION"
echo
echo "$(nproc) cores, .NET SDK $(dotnet --version), Node.js $(node --version), scimlint $("$SCIMLINT" --version), hyperfine (mean ± sd of $RUNS runs, $RUNS_LARGE beyond 1,000 pairs, after $WARMUP warm-up), load average $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after."
echo
echo "| Pairs (files) | ScimLint [s] | Spectral [s] | Spectral / ScimLint | ScimLint docs/s | ScimLint CPU/wall | Peak RSS ScimLint / Spectral [MiB] | Problems ScimLint / Spectral |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for row in "${rows[@]}"; do
  read -r pairs s_problems p_problems s_wall s_user s_sys s_rss p_wall p_user p_sys p_rss <<< "$row"
  node -e '
    const args = process.argv.slice(1); // node -e: argv[0] is node, the arguments follow
    const [pairs, sp, pp, sWall, sUser, sSys, sRss, pRss] = args.slice(0, 8).map(Number);
    const h = JSON.parse(require("fs").readFileSync(args[8], "utf8")).results;
    const [s, p] = ["scimlint", "spectral"].map((n) => h.find((r) => r.command === n));
    const f = (r) => `${r.mean.toFixed(3)} ± ${r.stddev.toFixed(3)}`;
    console.log(`| ${pairs.toLocaleString("en")} (${(2 * pairs).toLocaleString("en")}) | ${f(s)} | ${f(p)} | ${(p.mean / s.mean).toFixed(1)}x | ` +
      `${Math.round(2 * pairs / s.mean).toLocaleString("en")} | ${((sUser + sSys) / sWall).toFixed(2)} | ` +
      `${(sRss / 1024).toFixed(0)} / ${(pRss / 1024).toFixed(0)} | ${sp} / ${pp} |`);' \
    "$pairs" "$s_problems" "$p_problems" "$s_wall" "$s_user" "$s_sys" "$s_rss" "$p_rss" "$work/h-$pairs.json"
done
echo
echo "ScimLint finds more problems than Spectral: it also pairs each export with its settings (SL105 and others), which no"
echo "Spectral ruleset can express. CPU/wall and peak RSS come from one /usr/bin/time run of each tool."
