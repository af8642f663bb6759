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
        var loaded = await LoadedAssemblies.Of([path]);

        Assert.Contains("ScimLint.Core", loaded);
        Assert.Equal(expected, loaded.Any(l => l.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)));
    }
}
