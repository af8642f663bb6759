using System.Diagnostics;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.CSharp;

/// <summary>Start-up without C# inputs loads no Roslyn assembly; a C# input does (so the check can fail).</summary>
public sealed class RoslynLoadTests
{
    [Theory]
    [InlineData("examples/us-correct", false)]
    [InlineData("examples/csharp-uk", true)]
    public async Task Roslyn_loads_only_when_a_CSharp_file_is_read(string path, bool expected)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scimlint.dll"));
        start.ArgumentList.Add(path);
        start.Environment["SCIMLINT_LIST_ASSEMBLIES"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var loaded = (await stderr).Split('\n').Where(l => l.StartsWith("loaded: ", StringComparison.Ordinal)).ToList();

        Assert.Contains("loaded: ScimLint.Core", loaded);
        Assert.Equal(expected, loaded.Any(l => l.StartsWith("loaded: Microsoft.CodeAnalysis", StringComparison.Ordinal)));
    }
}
