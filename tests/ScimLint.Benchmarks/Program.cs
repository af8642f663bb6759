using BenchmarkDotNet.Running;
using ScimLint.Benchmarks;

// --quick is shorthand for BenchmarkDotNet's ShortRun job (1 launch, 3 warm-ups, 3 iterations).
var arguments = args.SelectMany(a => a == "--quick" ? ["--job", "short"] : new[] { a }).ToArray();
BenchmarkSwitcher.FromAssembly(typeof(RepoFiles).Assembly).Run(arguments);
