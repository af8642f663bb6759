using System.Text.Json;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Reporting;

/// <summary>The SARIF of every example validates against the official SARIF 2.1.0 schema, and has what GitHub needs.</summary>
public sealed class SarifSchemaTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var e in ExampleSnapshotTests.ExampleNames())
        {
            data.Add(e);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Sarif_of_example_is_valid_against_the_official_schema(string example)
    {
        var run = CliRunner.Run(Repo.Root, $"examples/{example}", "--format", "sarif");

        Assert.Empty(SarifJudge.Errors(run.Out));
    }

    [Fact]
    public void Schema_validation_catches_a_broken_log()
    {
        Assert.NotEmpty(SarifJudge.Errors("""{"version": "2.1.0", "runs": [{"results": []}]}"""));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Sarif_results_have_what_github_code_scanning_needs(string example)
    {
        var run = CliRunner.Run(Repo.Root, $"examples/{example}", "--format", "sarif");
        using var doc = JsonDocument.Parse(run.Out);
        var sarifRun = doc.RootElement.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules");

        Assert.True(sarifRun.GetProperty("originalUriBaseIds").TryGetProperty("%SRCROOT%", out _));
        foreach (var result in sarifRun.GetProperty("results").EnumerateArray())
        {
            var ruleIndex = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(rules[ruleIndex].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.StartsWith("examples/", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            var region = location.GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            Assert.True(region.GetProperty("startColumn").GetInt32() >= 1);
            Assert.True(region.GetProperty("endLine").GetInt32() >= region.GetProperty("startLine").GetInt32());
            Assert.True(region.TryGetProperty("endColumn", out _));
            Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty("scimlint/v1").GetString());
            Assert.EndsWith(".", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fingerprints_do_not_depend_on_line_numbers()
    {
        var original = File.ReadAllText(Repo.Path_("examples", "group-management-off", "jumpcloud.yaml"));
        var shifted = "# a comment that moves every line down\n\n" + original;
        var strongdm = File.ReadAllText(Repo.Path_("examples", "group-management-off", "strongdm.yaml"));

        string Fingerprint(string jumpcloud) => Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = jumpcloud, ["strongdm.yaml"] = strongdm })
            .Of("SL201").Single().Fingerprint;

        Assert.Equal(Fingerprint(original), Fingerprint(shifted));
    }
}
