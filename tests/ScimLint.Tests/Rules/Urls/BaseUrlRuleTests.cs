using ScimLint.Configuration;
using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;
using static ScimLint.Tests.Rules.Urls.UrlDocuments;

namespace ScimLint.Tests.Rules.Urls;

public sealed class BaseUrlRuleTests
{
    private static readonly string[] BaseUrlRules = ["SL101", "SL102", "SL103"];

    [Theory]
    [InlineData("okta", "Okta")]
    [InlineData("azure", "Azure")]
    public void Reports_SL102_as_a_warning_with_the_generic_url_fix_for_the_okta_and_azure_paths(string provider, string name)
    {
        var findings = Lint.Files(Pair(Export($"  baseUrl: https://app.eu.strongdm.com/provisioning/{provider}/v2\n", "https://app.eu.strongdm.com/app/login"), Settings("  region: EU\n"))).Of("SL102").ToList();

        var finding = Assert.Single(findings);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains($"StrongDM's {name} endpoint", finding.Message, StringComparison.Ordinal);
        Assert.Equal("https://app.eu.strongdm.com/provisioning/generic/v2", Assert.Single(finding.Fix!.Replacements).Text);
    }

    [Theory]
    [InlineData(Severity.Error)]
    [InlineData(Severity.Note)]
    public void Severity_configured_for_SL102_applies_to_the_okta_path_too(Severity configured)
    {
        var config = new ScimLintConfig { Severities = new Dictionary<string, Severity>(StringComparer.Ordinal) { ["SL102"] = configured } };

        var finding = Assert.Single(Lint.Files(Pair(Export("  baseUrl: https://app.strongdm.com/provisioning/okta/v2\n"), Settings()), config).Of("SL102"));

        Assert.Equal(configured, finding.Severity);
    }

    [Theory]
    [InlineData("https://app.strongdm.com/provisioning/generic/v2/Users", "'/Users'")]
    [InlineData("https://app.strongdm.com/provisioning/okta/v2/Groups", "'/Groups'")]
    [InlineData("https://app.strongdm.com/scim/v2", "'/scim/...'")]
    [InlineData("https://app.strongdm.com", "has no path")]
    [InlineData("https://app.strongdm.com/provisioning/generic", "lacks the SCIM version")]
    [InlineData("https://app.strongdm.com/provisioning/Generic/v2", "letter case")]
    [InlineData("https://app.strongdm.com/provisioning/sailpoint/v2", "not StrongDM's generic SCIM endpoint")]
    public void Reports_SL102_as_an_error_for_other_paths(string url, string expected)
    {
        var finding = Assert.Single(Lint.Files(Pair(Export($"  baseUrl: {url}\n"), Settings())).Of("SL102"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://app.strongdm.com/provisioning/generic/v2/", "trailing '/'")]
    [InlineData("https://app.strongdm.com/provisioning//generic/v2", "empty path segment")]
    [InlineData("https://app.strongdm.com//provisioning/generic/v2//", "trailing '/'")]
    public void Slash_mistakes_are_reported_by_SL103_only(string url, string expected)
    {
        var findings = Lint.Files(Pair(Export($"  baseUrl: {url}\n"), Settings())).Findings.Where(f => BaseUrlRules.Contains(f.Rule.Id)).ToList();

        Assert.All(findings, f => Assert.Equal("SL103", f.Rule.Id));
        Assert.Contains(findings, f => f.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_one_SL103_finding_per_problem_each_with_its_own_message()
    {
        var findings = Lint.Files(Pair(Export("  baseUrl: \" http://admin@app.strongdm.com//provisioning/generic/v2/?x=1#top\"\n"), Settings())).Of("SL103").ToList();

        Assert.Equal(7, findings.Count);
        Assert.Equal(7, findings.Select(f => f.Message).Distinct(StringComparer.Ordinal).Count());
        Assert.All(findings, f => Assert.Equal((7, 12), (f.Span.StartLine, f.Span.StartColumn)));
        string[] fragments = ["leading or trailing whitespace", "'http://'", "user info", "query string", "fragment", "trailing '/'", "empty path segment"];
        Assert.All(fragments, x => Assert.Contains(findings, f => f.Message.Contains(x, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", "is missing", 6, 1)]
    [InlineData("  baseUrl:\n", "is empty (null)", 7, 3)]
    [InlineData("  baseUrl: \"  \"\n", "is blank", 7, 12)]
    public void Reports_a_missing_or_blank_base_url_as_SL103_only(string line, string state, int lineNo, int column)
    {
        var findings = Lint.Files(Pair(Export(line), Settings())).Findings.Where(f => BaseUrlRules.Contains(f.Rule.Id)).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("SL103", finding.Rule.Id);
        Assert.Equal($"Base URL (identityManagement.baseUrl) {state}; set it to https://app.strongdm.com/provisioning/generic/v2", finding.Message);
        Assert.Equal((lineNo, column), (finding.Span.StartLine, finding.Span.StartColumn));
    }

    [Theory]
    [InlineData("https://app.us.strongdm.com/provisioning/generic/v2", "no region label")]
    [InlineData("https://api.strongdm.com/provisioning/generic/v2", "'api.strongdm.com' is not a StrongDM control plane")]
    [InlineData("https://app.eu.strongdm.com:8443/provisioning/generic/v2", "remove ':8443'")]
    [InlineData("https:///provisioning/generic/v2", "has no host")]
    public void Reports_SL101_for_hosts_that_are_not_a_control_plane(string url, string expected)
    {
        var finding = Assert.Single(Lint.Files(Pair(Export($"  baseUrl: {url}\n", "https://app.eu.strongdm.com/app/login"), Settings("  region: EU\n"))).Of("SL101"));

        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
        Assert.Equal("https://app.eu.strongdm.com/provisioning/generic/v2", Assert.Single(finding.Fix!.Replacements).Text);
    }

    [Theory]
    [InlineData("https://APP.UK.STRONGDM.COM/provisioning/generic/v2")]
    [InlineData("https://app.uk.strongdm.com:443/provisioning/generic/v2")]
    [InlineData("https://app.uk.strongdm.com./provisioning/generic/v2")]
    public void Does_not_report_SL101_for_a_control_plane_host_in_another_spelling(string url)
    {
        Assert.Empty(Lint.Files(Pair(Export($"  baseUrl: {url}\n", "https://app.uk.strongdm.com/app/login"), Settings("  region: UK\n"))).Of("SL101"));
    }

    [Fact]
    public void SL101_suggests_the_host_of_the_paired_region_for_a_mistyped_host()
    {
        var finding = Assert.Single(Lint.Files(Pair(Export("  baseUrl: https://app.strongdm.co/provisioning/generic/v2\n", "https://app.uk.strongdm.com/app/login"), Settings("  region: UK\n"))).Of("SL101"));

        Assert.EndsWith("use 'app.uk.strongdm.com', the UK control plane", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://app.eu.strongdm.co/provisioning/generic/v2", "app.eu.strongdm.com")]
    [InlineData("https://app.uk.strongdmm.com/provisioning/generic/v2", "app.uk.strongdm.com")]
    [InlineData("https://app.strongdm.co/provisioning/generic/v2", "app.strongdm.com")]
    public void Unpaired_and_without_a_bookmark_region_SL101_takes_the_region_label_of_the_mistyped_host(string url, string host)
    {
        var finding = Assert.Single(Lint.Files(Alone(Export($"  baseUrl: {url}\n", "https://sso.example.com/"))).Of("SL101"));

        Assert.Equal($"https://{host}/provisioning/generic/v2", Assert.Single(finding.Fix!.Replacements).Text);
    }

    [Fact]
    public void Url_rules_attach_no_fix_when_the_settings_region_contradicts_its_host()
    {
        var findings = Lint.Files(Pair(Export("  baseUrl: http://app.strongdm.co/provisioning/okta/v2\n"), Settings("  region: EU\n  host: app.strongdm.com\n"))).Findings.Where(f => BaseUrlRules.Contains(f.Rule.Id)).ToList();

        Assert.Equal(["SL101", "SL102", "SL103"], findings.Select(f => f.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Null(f.Fix));
        Assert.Contains("see SL106", Assert.Single(findings, f => f.Rule.Id == "SL101").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_url_rules_do_not_run_without_an_identity_management_block()
    {
        const string App = """
            application:
              name: strongdm
              displayLabel: StrongDM
              ssoUrl: https://app.strongdm.com/app/login
              config: {}
            """;

        Assert.DoesNotContain(Lint.Files(Pair(App, Settings())).Findings, f => BaseUrlRules.Contains(f.Rule.Id));
    }
}
