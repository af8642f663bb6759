using NJsonSchema;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Reporting;

/// <summary>
/// The built tool, run as separate processes over all the examples: every output format is byte-identical across
/// two processes (so ordering that depends on a per-process hash seed or on timing is caught), and the SARIF files
/// those processes wrote with <c>--sarif</c> are judged against the official SARIF 2.1.0 schema, loaded once.
/// (.ci/run runs the second judge, the SARIF multitool with GitHub's rules, on files written the same way.)
/// </summary>
public sealed class ToolProcessTests(ToolProcessTests.Runs runs) : IClassFixture<ToolProcessTests.Runs>
{
    public static TheoryData<string> Formats() => [.. ExampleSnapshotTests.Formats];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_is_byte_identical_across_two_tool_processes(string format)
    {
        var (first, second) = runs.Pair(format);

        Assert.Equal(1, first.Run.ExitCode);
        Assert.Equal(string.Empty, first.Run.Error);
        Assert.NotEmpty(first.Run.Out);
        Assert.Equal(first.Run.Out, second.Run.Out);
        Assert.Equal(first.Sarif, second.Sarif);
        if (format == "sarif")
        {
            Assert.Equal(first.Sarif, first.Run.Out);
        }

        var text = System.Text.Encoding.UTF8.GetString(first.Run.Out);
        Assert.DoesNotContain(Repo.Root, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", text.Replace("\\n", string.Empty, StringComparison.Ordinal).Replace("\\\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
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

    /// <summary>Two tool processes per format, started together once for the class; their files are deleted afterwards.</summary>
    public sealed class Runs : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("scimlint-process-");

        public Runs()
        {
            All = Task.WhenAll(ExampleSnapshotTests.Formats.SelectMany(f => new[] { RunAsync(f, 1), RunAsync(f, 2) })).GetAwaiter().GetResult();
        }

        public IReadOnlyList<ToolRun> All { get; }

        public (ToolRun First, ToolRun Second) Pair(string format)
        {
            var pair = All.Where(r => r.Format == format).ToList();
            return (pair[0], pair[1]);
        }

        public void Dispose() => _dir.Delete(recursive: true);

        private async Task<ToolRun> RunAsync(string format, int n)
        {
            var sarif = Path.Combine(_dir.FullName, $"{format}-{n}.sarif");
            var run = await ToolProcess.RunAsync(Repo.Root, "examples", "--format", format, "--sarif", sarif);
            return new ToolRun(format, run, File.Exists(sarif) ? await File.ReadAllBytesAsync(sarif) : []);
        }
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
