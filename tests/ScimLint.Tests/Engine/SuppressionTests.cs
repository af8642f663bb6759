using ScimLint.Configuration;
using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Engine;

public sealed class SuppressionTests
{
    private static Dictionary<string, string> Files(string jumpcloud) => new()
    {
        ["jumpcloud.yaml"] = jumpcloud,
        ["strongdm.yaml"] = SampleDocs.StrongDmUs,
    };

    private static string WithOkta(string replacementLine) =>
        SampleDocs.JumpCloudUsWith("baseUrl", replacementLine);

    [Fact]
    public void Trailing_comment_suppresses_the_finding_on_its_line()
    {
        var result = Lint.Files(Files(WithOkta("  baseUrl: https://app.strongdm.com/provisioning/okta/v2 # scimlint: ignore[SL102] cut-over in May")));

        Assert.Empty(result.Of("SL102"));
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal("SL102", suppressed.Finding.Rule.Id);
        Assert.Equal("cut-over in May", suppressed.Reason);
        Assert.Empty(result.Of("SL005"));
    }

    [Fact]
    public void Whole_line_comment_suppresses_the_next_line_by_rule_name()
    {
        var result = Lint.Files(Files(WithOkta("  # scimlint: ignore[base-url-path]\n  # another comment\n  baseUrl: https://app.strongdm.com/provisioning/okta/v2")));

        Assert.Empty(result.Of("SL102"));
        Assert.Single(result.Suppressed);
    }

    [Fact]
    public void Suppression_does_not_reach_other_lines_or_other_rules()
    {
        var result = Lint.Files(Files(WithOkta("  # scimlint: ignore[SL101] wrong rule\n  baseUrl: https://app.strongdm.com/provisioning/okta/v2")));

        Assert.Single(result.Of("SL102"));
        Assert.Empty(result.Suppressed);
        Assert.Single(result.Of("SL005"));
    }

    [Fact]
    public void Unused_suppression_of_a_rule_turned_off_is_not_reported()
    {
        var config = new ScimLintConfig { Severities = new Dictionary<string, Severity>(StringComparer.Ordinal) { ["SL102"] = Severity.None } };

        var result = Lint.Files(Files(WithOkta("  baseUrl: https://app.strongdm.com/provisioning/generic/v2 # scimlint: ignore[SL102] old")), config);

        Assert.Empty(result.Of("SL005"));
    }

    [Fact]
    public void Parse_errors_cannot_be_suppressed()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = "application:\n  name: [strongdm # scimlint: ignore[SL001] no\n" });

        Assert.NotEmpty(result.Of("SL001"));
        Assert.Empty(result.Suppressed);
    }

    [Fact]
    public void Csharp_line_comment_suppresses_a_finding()
    {
        const string source = """
            var app = new Application { Name = "strongdm", DisplayLabel = "StrongDM", SsoUrl = "https://app.strongdm.com/app/login" };
            var im = new IdentityManagement
            {
                ApiType = "SCIM API",
                BaseUrl = "https://app.strongdm.com/provisioning/generic/v2",
                Token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
                GroupManagementEnabled = false, // scimlint: ignore[SL201] groups come from the legacy sync until May
                Status = "active",
            };
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["Config.cs"] = source, ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        Assert.Empty(result.Of("SL201"));
        Assert.Equal("SL201", Assert.Single(result.Suppressed).Finding.Rule.Id);
    }

    [Fact]
    public void Suppressed_findings_are_counted_in_text_and_json_and_left_out_of_sarif()
    {
        var fs = new System.IO.Abstractions.TestingHelpers.MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new(WithOkta("  baseUrl: https://app.strongdm.com/provisioning/okta/v2 # scimlint: ignore[SL102] cut-over")));
        fs.AddFile("/repo/strongdm.yaml", new(SampleDocs.StrongDmUs));

        var text = CliRunner.Run(fs, "/repo");
        var json = CliRunner.Run(fs, "/repo", "--format", "json");
        var sarif = CliRunner.Run(fs, "/repo", "--format", "sarif");

        Assert.EndsWith("(1 suppressed).\n", text.Out, StringComparison.Ordinal);
        Assert.Contains("\"suppressed\": 1", json.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ruleId\": \"SL102\"", sarif.Out, StringComparison.Ordinal);
        Assert.Equal(0, text.ExitCode);
    }
}
