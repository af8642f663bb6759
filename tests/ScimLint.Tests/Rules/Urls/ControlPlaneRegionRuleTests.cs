using ScimLint.Tests.Infrastructure;
using static ScimLint.Tests.Rules.Urls.UrlDocuments;

namespace ScimLint.Tests.Rules.Urls;

public sealed class ControlPlaneRegionRuleTests
{
    [Theory]
    [InlineData("  region: APAC\n", "controlPlane.region is 'APAC'")]
    [InlineData("  region: \"\"\n", "controlPlane.region is blank")]
    [InlineData("  region: [EU]\n", "controlPlane.region is not a string")]
    public void Reports_SL106_for_a_region_that_is_not_US_UK_or_EU(string line, string expected)
    {
        var finding = Assert.Single(Lint.Files(Pair(Export("  baseUrl: https://app.strongdm.com/provisioning/generic/v2\n"), Settings(line))).Of("SL106"));

        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void Invalid_region_with_a_control_plane_host_is_fixed_to_the_region_of_the_host()
    {
        var finding = Assert.Single(Lint.Files(Pair(Export("  baseUrl: https://app.strongdm.com/provisioning/generic/v2\n"), Settings("  region: eu-west-1\n  host: app.eu.strongdm.com\n"))).Of("SL106"));

        Assert.Contains("(controlPlane.host 'app.eu.strongdm.com' is the EU control plane)", finding.Message, StringComparison.Ordinal);
        Assert.Equal("EU", Assert.Single(finding.Fix!.Replacements).Text);
    }

    [Fact]
    public void Host_of_another_region_is_reported_without_a_fix_because_either_side_may_be_wrong()
    {
        var finding = Assert.Single(Lint.Files(Pair(Export("  baseUrl: https://app.strongdm.com/provisioning/generic/v2\n"), Settings("  region: UK\n  host: app.eu.strongdm.com\n"))).Of("SL106"));

        Assert.Equal("controlPlane.host 'app.eu.strongdm.com' is the EU control plane, but controlPlane.region is UK; make them agree (host 'app.uk.strongdm.com', or region EU)", finding.Message);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("  region: UK\n  host: app.uk.strongdm.co\n", "is not a StrongDM control plane")]
    [InlineData("  region: UK\n  host: https://app.uk.strongdm.com/\n", "is a URL, not a host name")]
    public void Host_that_is_not_a_control_plane_is_fixed_to_the_host_of_the_region(string lines, string expected)
    {
        var finding = Assert.Single(Lint.Files(Pair(Export("  baseUrl: https://app.uk.strongdm.com/provisioning/generic/v2\n", "https://app.uk.strongdm.com/app/login"), Settings(lines))).Of("SL106"));

        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
        Assert.Equal("app.uk.strongdm.com", Assert.Single(finding.Fix!.Replacements).Text);
    }

    [Theory]
    [InlineData("  region: eu\n  host: App.EU.StrongDM.com:443\n")]
    [InlineData("  region: EU\n  host: \"\"\n")]
    [InlineData("  region: EU\n  host:\n")]
    [InlineData("  host: app.strongdm.com\n")]
    public void Does_not_report_SL106_for_a_consistent_control_plane(string lines)
    {
        Assert.Empty(Lint.Files(Pair(Export("  baseUrl: https://app.strongdm.com/provisioning/generic/v2\n"), Settings(lines))).Of("SL106"));
    }
}
