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
        for (var copy = 0; copy < 6; copy++)
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

    [Theory]
    [InlineData("text")]
    [InlineData("sarif")]
    [InlineData("json")]
    public async Task One_processor_and_two_give_the_same_bytes(string format)
    {
        var serial = await ToolProcess.RunAsync(_root.FullName, Processors(1), ".", "--format", format);
        var parallel = await ToolProcess.RunAsync(_root.FullName, Processors(2), ".", "--format", format);

        Assert.Equal(1, serial.ExitCode);
        Assert.True(serial.Out.Length > 1000, $"the corpus produced almost no output ({serial.Out.Length} bytes): {serial.Error}");
        Assert.Equal(serial.ExitCode, parallel.ExitCode);
        Assert.Equal(serial.Error, parallel.Error);
        Assert.True(serial.Out.AsSpan().SequenceEqual(parallel.Out), $"{format} output differs between DOTNET_PROCESSOR_COUNT=1 and =2");
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static Dictionary<string, string> Processors(int count) => new() { ["DOTNET_PROCESSOR_COUNT"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
