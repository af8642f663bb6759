using NJsonSchema;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Reporting;

/// <summary>
/// The built tool, run as its own process over all the examples, against the same command run in this test process:
/// every output format is byte-identical across the two processes (so ordering that depends on a per-process hash
/// seed, on warm caches or on timing is caught), and the SARIF files the tool processes wrote with <c>--sarif</c> are
/// judged against the official SARIF 2.1.0 schema, loaded once. One child process per format keeps the suite no
/// slower than the seven per-example judge processes it replaced.
/// (.ci/run runs the second judge, the SARIF multitool with GitHub's rules, on files written the same way.)
/// </summary>
public sealed class ToolProcessTests(ToolProcessTests.Runs runs) : IClassFixture<ToolProcessTests.Runs>
{
    public static TheoryData<string> Formats() => [.. ExampleSnapshotTests.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_is_byte_identical_across_the_tool_process_and_this_one(string format)
    {
        var child = runs.Of(format);
        var here = InProcess(format);

        Assert.Equal(1, child.Run.ExitCode);
        Assert.Equal(string.Empty, child.Run.Error);
        Assert.NotEmpty(child.Run.Out);
        Assert.Equal(here.ExitCode, child.Run.ExitCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(here.Out), child.Run.Out);
        Assert.Equal(runs.All[0].Sarif, child.Sarif);
        if (format == "sarif")
        {
            Assert.Equal(child.Sarif, child.Run.Out);
        }

        Assert.DoesNotContain(Repo.Root, here.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", here.Out.Replace("\\n", string.Empty, StringComparison.Ordinal).Replace("\\\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_files_written_by_the_tool_processes_are_valid_against_the_official_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Repo.Path_("tests", "ScimLint.Tests", "Schemas", "sarif-schema-2.1.0.json"));
        var logs = runs.All.Select(r => r.Sarif).Distinct(new BytesComparer()).ToList();

        Assert.Single(logs);
        var text = System.Text.Encoding.UTF8.GetString(logs[0]);
        using (var log = System.Text.Json.JsonDocument.Parse(text))
        {
            Assert.NotEqual(0, log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        }

        Assert.Empty(schema.Validate(text).Select(e => $"{e.Path}: {e.Kind}"));
    }

    /// <summary>One tool process: its stdout and the SARIF file it wrote.</summary>
    public sealed record ToolRun(string Format, ToolProcessRun Run, byte[] Sarif);

    /// <summary>One tool process per format, started together once for the class; their files are deleted afterwards.</summary>
    public sealed class Runs : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("scimlint-process-");

        public Runs()
        {
            All = Task.WhenAll(ExampleSnapshotTests.Formats.Select(RunAsync)).GetAwaiter().GetResult();
        }

        public IReadOnlyList<ToolRun> All { get; }

        public ToolRun Of(string format) => All.Single(r => r.Format == format);

        public void Dispose() => _dir.Delete(recursive: true);

        private async Task<ToolRun> RunAsync(string format)
        {
            var sarif = Path.Combine(_dir.FullName, $"{format}.sarif");
            var run = await ToolProcess.RunAsync(Repo.Root, "examples", "--format", format, "--sarif", sarif);
            return new ToolRun(format, run, File.Exists(sarif) ? await File.ReadAllBytesAsync(sarif) : []);
        }
    }

    /// <summary>The same command in this process, with the real tool version (the child prints it too).</summary>
    private static CliRun InProcess(string format)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new ScimLint.Cli.CliEnvironment(new System.IO.Abstractions.FileSystem(), stdout, stderr, Repo.Root, OutputIsTerminal: false, GetVariable: _ => null);
        var code = ScimLint.Cli.ScimLintCli.Run(["examples", "--format", format], env);
        Assert.Equal(string.Empty, stderr.ToString());
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
