using System.IO.Abstractions.TestingHelpers;
using System.Text;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Cli;

public sealed class FixCommandTests
{
    private static MockFileSystem Repo(Dictionary<string, MockFileData> files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, data) in files)
        {
            fs.AddFile("/repo/" + path, data);
        }

        return fs;
    }

    private static string EuSettings => SampleDocs.StrongDmUs.Replace("region: US", "region: EU", StringComparison.Ordinal).Replace("host: app.strongdm.com", "host: app.eu.strongdm.com", StringComparison.Ordinal);

    [Fact]
    public void Fix_rewrites_only_the_url_spans_and_the_rerun_is_clean()
    {
        var original = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.strongdm.com/app/login/");
        var fs = Repo(new() { ["jumpcloud.yaml"] = new(original), ["strongdm.yaml"] = new(EuSettings) });

        var run = CliRunner.Run(fs, "/repo", "--fix");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("scimlint: fixed", run.Error, StringComparison.Ordinal);
        var expected = original
            .Replace("https://app.strongdm.com/app/login/", "https://app.eu.strongdm.com/app/login", StringComparison.Ordinal)
            .Replace("https://app.strongdm.com/provisioning/generic/v2", "https://app.eu.strongdm.com/provisioning/generic/v2", StringComparison.Ordinal);
        Assert.Equal(expected, fs.File.ReadAllText("/repo/jumpcloud.yaml"));
        Assert.Equal(EuSettings, fs.File.ReadAllText("/repo/strongdm.yaml"));
        Assert.StartsWith("No problems found", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_keeps_the_byte_order_mark_and_crlf_line_endings()
    {
        var crlf = SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: https://app.strongdm.com/provisioning/generic/v2/").Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(crlf)).ToArray();
        var fs = Repo(new() { ["jumpcloud.yaml"] = new(bytes), ["strongdm.yaml"] = new(SampleDocs.StrongDmUs) });

        var run = CliRunner.Run(fs, "/repo", "--fix");

        var after = fs.File.ReadAllBytes("/repo/jumpcloud.yaml");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], after[..3]);
        Assert.Equal(crlf.Replace("generic/v2/", "generic/v2", StringComparison.Ordinal), Encoding.UTF8.GetString(after, 3, after.Length - 3));
    }

    [Fact]
    public void Fix_deletes_a_bearer_prefix_without_ever_writing_the_token()
    {
        const string canary = "CANARY-fix-0b7e4c1d-do-not-leak";
        var fs = Repo(new()
        {
            ["jumpcloud.yaml"] = new(SampleDocs.JumpCloudUsWith("token", $"  token: Bearer {canary}")),
            ["strongdm.yaml"] = new(SampleDocs.StrongDmUs),
        });

        var run = CliRunner.Run(fs, "/repo", "--fix", "--format", "json");

        Assert.Contains($"  token: {canary}\n", fs.File.ReadAllText("/repo/jumpcloud.yaml"), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, run.Out + run.Error, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"SL304\"", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ruleId\": \"SL303\"", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_after_the_lint_is_left_alone()
    {
        var fs = Repo(new()
        {
            ["jumpcloud.yaml"] = new(SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: https://app.strongdm.com/provisioning/generic/v2/")),
            ["strongdm.yaml"] = new(SampleDocs.StrongDmUs),
        });
        var result = new LintEngine(fs, "/repo").Run(new LintRequest(["."], ScimLintConfig.Empty));
        fs.File.AppendAllText("/repo/jumpcloud.yaml", "# edited meanwhile\n");

        var outcome = FixApplier.Apply(fs, "/repo", result);

        Assert.Empty(outcome.Files);
        Assert.Equal("jumpcloud.yaml: changed since it was linted", Assert.Single(outcome.Skipped));
        var text = fs.File.ReadAllText("/repo/jumpcloud.yaml");
        Assert.Contains("generic/v2/\n", text, StringComparison.Ordinal);
        Assert.EndsWith("# edited meanwhile\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_fix_no_file_is_written()
    {
        var original = SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: https://app.strongdm.com/provisioning/generic/v2/");
        var fs = Repo(new() { ["jumpcloud.yaml"] = new(original), ["strongdm.yaml"] = new(SampleDocs.StrongDmUs) });

        var run = CliRunner.Run(fs, "/repo");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(original, fs.File.ReadAllText("/repo/jumpcloud.yaml"));
    }
}
