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

// --quick is shorthand for BenchmarkDotNet's ShortRun job (1 launch, 3 warm-ups, 3 iterations).
var arguments = args.SelectMany(a => a == "--quick" ? ["--job", "short"] : new[] { a }).ToArray();
BenchmarkSwitcher.FromAssembly(typeof(RepoFiles).Assembly).Run(arguments);
