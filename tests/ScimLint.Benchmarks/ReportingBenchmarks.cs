using System.IO.Abstractions;
using BenchmarkDotNet.Attributes;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Reporting;

namespace ScimLint.Benchmarks;

/// <summary>Rendering the examples/ result (findings with code frames) as SARIF and as text.</summary>
[MemoryDiagnoser]
public class ReportingBenchmarks
{
    private static readonly ReportOptions Options = new() { ToolVersion = "0.0.0-bench" };

    private LintResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _result = new LintEngine(new FileSystem(), RepoFiles.Root).Run(new LintRequest(["examples"], ScimLintConfig.Empty));
        if (_result.Findings.Count == 0)
        {
            throw new InvalidOperationException("examples/ produced no findings; the reporting benchmarks would measure nothing");
        }
    }

    [Benchmark(Baseline = true)]
    public int Text() => Render(new TextReporter());

    [Benchmark]
    public int Sarif() => Render(new SarifReporter());

    private int Render(IReporter reporter)
    {
        var writer = new StringWriter { NewLine = "\n" };
        reporter.Write(_result, writer, Options);
        return writer.GetStringBuilder().Length;
    }
}
