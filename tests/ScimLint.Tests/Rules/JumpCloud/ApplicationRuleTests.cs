using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Rules.JumpCloud;

/// <summary>SL202-SL206: the application object and the Identity Management tab.</summary>
public sealed class ApplicationRuleTests
{
    private const string Settings = """
        controlPlane:
          region: US
        provisioning:
          scimProvider: generic
          scimActive: true
        """;

    [Theory]
    [InlineData("  status: inactive\n", "identityManagement.status is 'inactive'")]
    [InlineData("  status: \"\"\n", "identityManagement.status is ''")]
    [InlineData("", "identityManagement.status is missing")]
    public void Reports_SL202_when_the_status_is_not_active(string statusLine, string expected)
    {
        var finding = Assert.Single(Lint(Export(statusLine: statusLine)).Of("SL202"));

        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  status: active\n")]
    [InlineData("  status: Active\n")]
    public void Does_not_report_SL202_for_an_active_status_in_any_case(string statusLine)
    {
        Assert.Empty(Lint(Export(statusLine: statusLine)).Of("SL202"));
    }

    [Fact]
    public void A_missing_block_is_a_SL006_note_not_SL202_and_the_block_rules_are_skipped()
    {
        const string App = """
            source:
              consoleHost: console.jumpcloud.com
            application:
              name: strongdm
              displayLabel: StrongDM
              ssoUrl: https://app.strongdm.com/app/login
              config: {}
            """;

        var findings = Lint(App).Findings;

        var finding = Assert.Single(findings, f => f.Rule.Id == "SL006");
        Assert.Equal("SL006 jumpcloud.yaml:3:1-3:12", finding.Brief());
        Assert.Equal(Severity.Note, finding.Severity);
        Assert.StartsWith("not supplied: identityManagement and associations, so the base URL, token, group management", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Rule.Id is "SL202" or "SL501" or "SL101" or "SL102" or "SL103" or "SL203" or "SL301");
    }

    [Theory]
    [InlineData("\"2.0\"")]
    [InlineData("2.0")]
    [InlineData("\"2\"")]
    [InlineData("2")]
    [InlineData("2.00")]
    public void Does_not_report_SL203_for_scim_version_2_written_in_any_form(string version)
    {
        Assert.Empty(Lint(Export(versionLines: $"  apiType: SCIM API\n  scimVersion: {version}\n")).Of("SL203"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  apiType:\n  scimVersion:\n")]
    [InlineData("  apiType: \"\"\n  scimVersion: \"\"\n")]
    public void Does_not_report_SL203_when_the_dropdowns_are_missing_or_empty_because_JumpCloud_preselects_them(string lines)
    {
        Assert.Empty(Lint(Export(versionLines: lines)).Of("SL203"));
    }

    [Theory]
    [InlineData("  scimVersion: \"1.1\"\n", "\"2.0\"")]
    [InlineData("  scimVersion: 1\n", "2.0")]
    [InlineData("  scimVersion: v2\n", "2.0")]
    [InlineData("  scimVersion: true\n", "2.0")]
    public void Reports_SL203_for_a_scim_version_other_than_2_with_a_fix(string line, string replacement)
    {
        var finding = Assert.Single(Lint(Export(versionLines: line)).Of("SL203"));

        Assert.StartsWith("identityManagement.scimVersion is", finding.Message, StringComparison.Ordinal);
        Assert.Equal(replacement, Assert.Single(finding.Fix!.Replacements).Text);
    }

    [Fact]
    public void Reports_SL203_for_an_api_type_other_than_scim_api_with_a_fix()
    {
        var finding = Assert.Single(Lint(Export(versionLines: "  apiType: REST API\n")).Of("SL203"));

        Assert.StartsWith("identityManagement.apiType is 'REST API'", finding.Message, StringComparison.Ordinal);
        Assert.Equal("SCIM API", Assert.Single(finding.Fix!.Replacements).Text);
    }

    [Theory]
    [InlineData("  active: false\n", true)]
    [InlineData("  active: true\n", false)]
    [InlineData("", false)]
    [InlineData("  active: \"false\"\n", false)]
    public void Reports_SL204_as_a_warning_only_for_active_false(string line, bool fires)
    {
        var findings = Lint(Export(activeLine: line)).Of("SL204").ToList();

        Assert.Equal(fires ? 1 : 0, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
    }

    [Theory]
    [InlineData("", "application.displayLabel is missing")]
    [InlineData("  displayLabel:\n", "application.displayLabel is null")]
    [InlineData("  displayLabel: \" \"\n", "application.displayLabel is blank")]
    public void Reports_SL205_as_a_warning_for_a_missing_or_blank_display_label(string line, string expected)
    {
        var finding = Assert.Single(Lint(Export(labelLine: line)).Of("SL205"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("saml", true)]
    [InlineData("SAML", true)]
    [InlineData("Oidc", true)]
    [InlineData("bookmark", false)]
    [InlineData("saml2", false)]
    public void Reports_SL206_as_a_note_for_saml_or_oidc_in_any_case(string type, bool fires)
    {
        var findings = Lint(Export(ssoLines: $"  sso:\n    type: {type}\n")).Of("SL206").ToList();

        Assert.Equal(fires ? 1 : 0, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Note, f.Severity));
    }

    private static ScimLint.Engine.LintResult Lint(string export) =>
        Infrastructure.Lint.Files(new Dictionary<string, string>(StringComparer.Ordinal) { ["jumpcloud.yaml"] = export, ["strongdm.yaml"] = Settings });

    private static string Export(
        string labelLine = "  displayLabel: StrongDM\n",
        string activeLine = "  active: true\n",
        string ssoLines = "  sso:\n    type: bookmark\n",
        string versionLines = "  apiType: SCIM API\n  scimVersion: \"2.0\"\n",
        string statusLine = "  status: active\n") =>
        "application:\n" +
        "  name: strongdm\n" +
        labelLine +
        "  ssoUrl: https://app.strongdm.com/app/login\n" +
        activeLine +
        ssoLines +
        "  config: {}\n" +
        "identityManagement:\n" +
        versionLines +
        "  baseUrl: https://app.strongdm.com/provisioning/generic/v2\n" +
        "  token: ${env:SDM_SCIM_TOKEN}\n" +
        "  groupManagementEnabled: true\n" +
        statusLine;
}
