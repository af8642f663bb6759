using NJsonSchema;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.CSharp;

/// <summary>
/// Every way of writing the configuration in C# (issue 10): each fixture in <c>Fixtures/CSharpShapes/</c> is linted in
/// a temporary copy with its own <c>.git</c>, and its text and SARIF output are snapshots; the SARIF is valid against the
/// official schema, and no token is ever printed.
/// </summary>
public sealed class CSharpShapeSnapshotTests
{
    private const string Token = "f3a9c1d2e4b5a6978877665544332211aabbccdd";

    private static readonly string FixtureRoot = Repo.Path_("tests", "ScimLint.Tests", "Fixtures", "CSharpShapes");

    public static TheoryData<string> Shapes() => [.. Directory.GetDirectories(FixtureRoot).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Shape_text_output_matches_snapshot(string shape)
    {
        var run = Lint(shape, "--format", "text", "--no-color");

        Assert.DoesNotContain(Token, run.Out, StringComparison.Ordinal);
        Snapshot.Match(run.Out, "txt", shape);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Shape_sarif_output_matches_snapshot_and_the_official_schema(string shape)
    {
        var run = Lint(shape, "--format", "sarif");
        var schema = await JsonSchema.FromFileAsync(Repo.Path_("tests", "ScimLint.Tests", "Schemas", "sarif-schema-2.1.0.json"));

        Assert.DoesNotContain(Token, run.Out, StringComparison.Ordinal);
        Assert.Empty(schema.Validate(run.Out).Select(e => $"{e.Path}: {e.Kind}"));
        Snapshot.Match(run.Out, "sarif", shape);
    }

    [Fact]
    public void Unknown_values_stay_silent_and_verbose_lists_them_with_positions()
    {
        var run = Lint("constants-across-files", "--verbose");

        Assert.Contains("Connector.cs:18:34: unresolved /identityManagement/groupManagementEnabled: 'featureFlags.Groups' is computed at run time; rules that need it stayed silent", run.Error, StringComparison.Ordinal);
        Assert.Contains("scimlint: 1 value could not be resolved statically", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("SL201", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SL301", run.Out, StringComparison.Ordinal);
    }

    private static CliRun Lint(string shape, params string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "scimlint-shape-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(FixtureRoot, shape)))
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }

            var run = CliRunner.Run(dir, ["check", ".", .. args]);
            Assert.True(run.ExitCode is 0 or 1, $"exit code {run.ExitCode}: {run.Error}");
            return run;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
