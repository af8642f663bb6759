using BenchmarkDotNet.Running;
using ScimLint.Benchmarks;

// peer-corpus N DIR writes the peer benchmark's corpus (tests/perf/peer.sh) instead of running benchmarks.
if (args is ["peer-corpus", var count, var directory])
{
    var pairs = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
    var broken = PeerCorpus.Write(directory, pairs);
    Console.WriteLine($"{pairs} pairs ({pairs * 2} files, {broken} pairs with a problem) in {directory}");
    return;
}

// csharp-corpus N DIR writes issue 10's C# throughput corpus: N configuration files plus N unrelated .cs files.
if (args is ["csharp-corpus", var files, var target])
{
    var n = int.Parse(files, System.Globalization.CultureInfo.InvariantCulture);
    var problems = CSharpCorpus.Write(target, n);
    Console.WriteLine($"{n / 2 * 2} C# configuration files ({n / 2} folders, {problems} with a region mismatch) and {n} unrelated .cs files in {target}");
    return;
}

// floor DIR [PASSES [engine]] times each stage of a lint over DIR in this process, cold then warm (docs/performance.md);
// with "engine", only the whole engine.
if (args is ["floor", var corpus, ..] && args.Length <= 4)
{
    var passes = args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    Floor.Run(corpus, passes, engineOnly: args is [_, _, _, "engine"]);
    return;
}

// cold FILE times the first call of each stage on one file in this (fresh) process.
if (args is ["cold", var file])
{
    Floor.Cold(file);
    return;
}

// --quick is shorthand for BenchmarkDotNet's ShortRun job (1 launch, 3 warm-ups, 3 iterations).
var arguments = args.SelectMany(a => a == "--quick" ? ["--job", "short"] : new[] { a }).ToArray();
BenchmarkSwitcher.FromAssembly(typeof(RepoFiles).Assembly).Run(arguments);
