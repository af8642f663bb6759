using System.IO.Abstractions.TestingHelpers;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Cli;

public sealed class BaselineTests
{
    private const string BadBaseUrl = "  baseUrl: https://app.strongdm.com/provisioning/generic/v2/";

    private static MockFileSystem Repo(string jumpcloud)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new(jumpcloud));
        fs.AddFile("/repo/strongdm.yaml", new(SampleDocs.StrongDmUs));
        return fs;
    }

    [Fact]
    public void Written_baseline_accepts_the_same_findings_after_lines_move()
    {
        var fs = Repo(SampleDocs.JumpCloudUsWith("baseUrl", BadBaseUrl));

        var write = CliRunner.Run(fs, "/repo", "--write-baseline", "baseline.json");
        fs.File.WriteAllText("/repo/jumpcloud.yaml", "# a new first line\n\n" + fs.File.ReadAllText("/repo/jumpcloud.yaml"));
        var run = CliRunner.Run(fs, "/repo", "--baseline", "baseline.json", "--format", "json");

        Assert.Equal(0, write.ExitCode);
        Assert.Contains("\"logicalPath\": \"/identityManagement/baseUrl\"", fs.File.ReadAllText("/repo/baseline.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"line", fs.File.ReadAllText("/repo/baseline.json"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"baselined\": 1", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"findings\": []", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_finding_or_a_changed_value_is_reported_despite_the_baseline()
    {
        var fs = Repo(SampleDocs.JumpCloudUsWith("baseUrl", BadBaseUrl));
        CliRunner.Run(fs, "/repo", "--write-baseline", "baseline.json");
        fs.File.WriteAllText("/repo/jumpcloud.yaml", SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: http://app.strongdm.com/provisioning/generic/v2/"));

        var run = CliRunner.Run(fs, "/repo", "--baseline", "baseline.json", "--quiet");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SL103", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_baseline_is_a_usage_error_with_its_position()
    {
        var fs = Repo(SampleDocs.JumpCloudUs);
        fs.AddFile("/repo/baseline.json", new("{\"version\": 1,\n  \"findings\": [\n"));

        var run = CliRunner.Run(fs, "/repo", "--baseline", "baseline.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("scimlint: baseline.json:3:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_baseline_is_a_usage_error()
    {
        var run = CliRunner.Run(Repo(SampleDocs.JumpCloudUs), "/repo", "--baseline", "nope.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: nope.json: baseline file not found\n", run.Error);
    }

    [Fact]
    public void Baseline_never_holds_a_token()
    {
        const string canary = "CANARY-baseline-77c1e2f0-do-not-leak";
        var fs = Repo(SampleDocs.JumpCloudUsWith("token", $"  token: {canary}"));

        CliRunner.Run(fs, "/repo", "--write-baseline", "baseline.json");

        var baseline = fs.File.ReadAllText("/repo/baseline.json");
        Assert.Contains("\"ruleId\": \"SL304\"", baseline, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, baseline, StringComparison.Ordinal);
    }
}
