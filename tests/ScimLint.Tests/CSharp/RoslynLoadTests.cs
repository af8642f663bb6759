using System.IO.Abstractions;
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

    /// <summary>Custom rules compile with Roslyn once; the next run takes them from the cache and loads no Roslyn.</summary>
    [Fact]
    public async Task Custom_rules_taken_from_the_cache_load_no_Roslyn()
    {
        var temp = Directory.CreateTempSubdirectory("scimlint-roslyn-");
        try
        {
            var repo = Path.Combine(temp.FullName, "repo");
            CopyTree(Repo.Path_("examples", "custom-rules"), repo);
            Directory.CreateDirectory(Path.Combine(repo, ".git"));
            var variables = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = Path.Combine(temp.FullName, "cache") };
            string[] args = ["--config", Path.Combine(repo, ".scimlint.yaml"), repo];

            // The compiling run happens in this process, where Roslyn is loaded and JIT-compiled already (a tool
            // process compiling cold costs about 3 s of CPU); it fills the cache the tool process then reads: the
            // same ScimLint.Core and runtime give the same cache key. That a compiling tool process loads Roslyn, so
            // that the last assertion can fail, is shown by Roslyn_loads_only_when_a_CSharp_file_is_read(csharp-uk).
            var compiled = CliRunner.RunWithRepository(new FileSystem(), repo, variables, args);
            Assert.True(compiled.ExitCode == 1, compiled.Out + compiled.Error);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(temp.FullName, "cache", "scimlint", "custom-rules"), "*.bin"));

            var cached = await LoadedAssemblies.Of(args, variables);

            Assert.Contains(cached, l => l.StartsWith("ScimLint.CustomRules.", StringComparison.Ordinal));
            Assert.DoesNotContain(cached, l => l.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(source))
        {
            CopyTree(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
