using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security;

/// <summary>
/// C# inputs that Roslyn parses hundreds of thousands of frames deep, on the large-stack parser thread. Every garbage
/// collection in the process walks that stack while it is deep, so next to a test that allocates fast both crawled:
/// the 300,000-link chain took 1 s alone and 127 s beside SchemaBuilderTests' mutants (which took 135 s instead of
/// 9 s), and a whole-suite run 165 s instead of about 40 s. These tests therefore run alone, after the parallel ones.
/// </summary>
[Collection(DeepStacks.Name)]
public sealed class DeepCSharpParseTests
{
    private static CliRun Lint(string path, string text) => CrashRegressionTests.Lint(path, text);

    [Fact]
    public void An_operator_chain_too_complex_for_roslyn_is_a_finding_not_a_crash()
    {
        var source = "class StrongDmSettings { object X = " + string.Concat(Enumerable.Repeat("a ? b : ", 300_000)) + "c; }\n";

        var run = Lint("strongdm.cs", source);

        // Roslyn's own guard reports "too long or complex" (CS8078) once it has a stack to check against.
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SL001: C# syntax error CS8078", run.Out, StringComparison.Ordinal);
        Assert.EndsWith(" in 1 file.\n", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!", "true")]
    [InlineData("- ", "1")]
    [InlineData("--", "x")]
    [InlineData("a ? b : ", "c")]
    public void A_deep_operator_chain_in_a_configuration_value_is_linted_without_a_crash(string link, string end)
    {
        // Twenty thousand levels parse, so the loader's own walks and the constant folding meet the whole depth
        // (binding such a chain is not linear, so it is never handed to the semantic model).
        var chain = string.Concat(Enumerable.Repeat(link, 20_000)) + end;
        var source = "class Settings { object X = new { BaseUrl = \"https://app.strongdm.com/provisioning/generic/v2\", GroupManagementEnabled = " + chain + " }; }\n";

        var run = Lint("strongdm.cs", source);

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.EndsWith(" in 1 file.\n", run.Out, StringComparison.Ordinal);
    }
}

/// <summary>The tests that hold a very deep stack, run without any other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeepStacks
{
    public const string Name = "Deep stacks";
}
