using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Engine;

/// <summary>
/// Loading, binding and the document rules run in parallel, as many at a time as the runtime reports processors.
/// The output must not depend on that: the tool runs as separate processes with <c>DOTNET_PROCESSOR_COUNT=1</c>
/// (serial) and <c>=2</c>, over a corpus large enough for the threads to interleave, and the bytes must match.
/// </summary>
public sealed class ParallelRunTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("scimlint-parallel-");

    public ParallelRunTests()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, ".git"));
        for (var copy = 0; copy < 3; copy++)
        {
            foreach (var file in Directory.EnumerateFiles(Repo.Examples, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(_root.FullName, $"copy{copy}", Path.GetRelativePath(Repo.Examples, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        // A walked input that fails to load, and one that is not ours: both take the paths that differ from a valid file.
        File.WriteAllText(Path.Combine(_root.FullName, "copy0", "strongdm-broken.yaml"), "controlPlane: [\n");
        File.WriteAllText(Path.Combine(_root.FullName, "copy1", "notes.yaml"), "title: not ours\n");
    }

    [Fact]
    public async Task One_processor_and_two_give_the_same_bytes_in_every_format()
    {
        // One process per processor count writes all three formats (text on stdout, SARIF and JSON through --report),
        // so the comparison costs two start-ups instead of six.
        var runs = await Task.WhenAll(RunAsync(1), RunAsync(2));
        var (serial, parallel) = (runs[0], runs[1]);

        Assert.Equal(1, serial.ExitCode);
        Assert.True(serial.Text.Length > 1000, $"the corpus produced almost no output ({serial.Text.Length} bytes): {serial.Error}");
        Assert.Equal(serial.ExitCode, parallel.ExitCode);
        Assert.Equal(serial.Error, parallel.Error);
        Assert.True(serial.Text.AsSpan().SequenceEqual(parallel.Text), "text output differs between DOTNET_PROCESSOR_COUNT=1 and =2");
        Assert.True(serial.Sarif.AsSpan().SequenceEqual(parallel.Sarif), "SARIF output differs between DOTNET_PROCESSOR_COUNT=1 and =2");
        Assert.True(serial.Json.AsSpan().SequenceEqual(parallel.Json), "JSON output differs between DOTNET_PROCESSOR_COUNT=1 and =2");
    }

    private async Task<(int ExitCode, byte[] Text, byte[] Sarif, byte[] Json, string Error)> RunAsync(int processors)
    {
        var reports = Directory.CreateTempSubdirectory("scimlint-parallel-reports-");
        try
        {
            var sarif = Path.Combine(reports.FullName, "report.sarif");
            var json = Path.Combine(reports.FullName, "report.json");
            var run = await ToolProcess.RunAsync(_root.FullName, Processors(processors), ".", "--report", "sarif=" + sarif, "--report", "json=" + json);
            return (run.ExitCode, run.Out, await File.ReadAllBytesAsync(sarif), await File.ReadAllBytesAsync(json), run.Error);
        }
        finally
        {
            reports.Delete(recursive: true);
        }
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static Dictionary<string, string> Processors(int count) => new() { ["DOTNET_PROCESSOR_COUNT"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
