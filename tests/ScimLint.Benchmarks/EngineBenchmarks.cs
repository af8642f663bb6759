using System.IO.Abstractions;
using BenchmarkDotNet.Attributes;
using ScimLint.Configuration;
using ScimLint.Engine;

namespace ScimLint.Benchmarks;

/// <summary>The whole engine on the real file system, in a warm process: the pre-commit case and the examples/ tree.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly FileSystem _fileSystem = new();

    [GlobalSetup]
    public void Setup() => Run("examples");

    [Benchmark(Baseline = true)]
    public LintResult OneChangedFile() => Run("examples/us-correct/jumpcloud.yaml");

    [Benchmark]
    public LintResult ExamplesDirectory() => Run("examples");

    private LintResult Run(string path) =>
        new LintEngine(_fileSystem, RepoFiles.Root).Run(new LintRequest([path], ScimLintConfig.Empty));
}
