using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Rules.StrongDm;

/// <summary>SL401-SL403: the StrongDM provisioning settings.</summary>
public sealed class StrongDmSettingsRuleTests
{
    [Theory]
    [InlineData("  scimProvider: okta\n", "SL401 strongdm.yaml:4:17-4:21", "provisioning.scimProvider is 'okta', not 'generic':")]
    [InlineData("  scimProvider: azure\n", "SL401 strongdm.yaml:4:17-4:22", "provisioning.scimProvider is 'azure', not 'generic':")]
    [InlineData("  scimProvider: \"\"\n", "SL401 strongdm.yaml:4:17-4:19", "provisioning.scimProvider is empty, so SCIM is not configured in StrongDM:")]
    [InlineData("  scimProvider:\n", "SL401 strongdm.yaml:4:3-4:15", "provisioning.scimProvider is null, so SCIM is not configured in StrongDM:")]
    [InlineData("", "SL401 strongdm.yaml:3:1-3:13", "provisioning.scimProvider is missing, so SCIM is not configured in StrongDM:")]
    [InlineData("  scimProvider: [generic]\n", "SL401 strongdm.yaml:4:17-4:26", "provisioning.scimProvider is not a string;")]
    public void Reports_SL401_when_the_provider_is_not_generic(string providerLine, string expected, string message)
    {
        var finding = Assert.Single(Lint.Files(Settings(providerLine: providerLine)).Of("SL401"));

        Assert.Equal(expected, finding.Brief());
        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  scimProvider: generic\n")]
    [InlineData("  scimProvider: Generic\n")]
    public void Does_not_report_SL401_for_generic_in_any_letter_case(string providerLine)
    {
        Assert.Empty(Lint.Files(Settings(providerLine: providerLine)).Of("SL401"));
    }

    [Fact]
    public void Reports_SL401_at_the_first_key_when_the_provisioning_block_is_missing()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["strongdm.yaml"] = "controlPlane:\n  region: US\n" });

        Assert.Equal(["SL401 strongdm.yaml:1:1-1:13"], result.Of("SL401").Select(f => f.Brief()));
        Assert.Equal(["SL402 strongdm.yaml:1:1-1:13"], result.Of("SL402").Select(f => f.Brief()));
    }

    [Theory]
    [InlineData("  scimActive: false\n", "SL402 strongdm.yaml:5:15-5:20", "false")]
    [InlineData("  scimActive: \"true\"\n", "SL402 strongdm.yaml:5:15-5:21", "not a boolean")]
    [InlineData("  scimActive: ~\n", "SL402 strongdm.yaml:5:3-5:13", "null")]
    [InlineData("", "SL402 strongdm.yaml:3:1-3:13", "missing")]
    public void Reports_SL402_when_SCIM_is_not_active(string activeLine, string expected, string state)
    {
        var finding = Assert.Single(Lint.Files(Settings(activeLine: activeLine)).Of("SL402"));

        Assert.Equal(expected, finding.Brief());
        Assert.StartsWith($"provisioning.scimActive is {state}; click Activate SCIM", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_report_SL402_when_SCIM_is_active()
    {
        Assert.Empty(Lint.Files(Settings()).Of("SL402"));
    }

    [Theory]
    [InlineData("  scimActive: true\n", "  legacyApiSyncEnabled: true\n", true)]
    [InlineData("  scimActive: true\n", "  legacyApiSyncEnabled: false\n", false)]
    [InlineData("  scimActive: true\n", "", false)]
    [InlineData("  scimActive: false\n", "  legacyApiSyncEnabled: true\n", false)]
    [InlineData("", "  legacyApiSyncEnabled: true\n", false)]
    [InlineData("  scimActive: true\n", "  legacyApiSyncEnabled: \"true\"\n", false)]
    public void Reports_SL403_only_when_legacy_sync_is_on_while_SCIM_is_active(string activeLine, string legacyLine, bool expected)
    {
        var findings = Lint.Files(Settings(activeLine: activeLine, legacyLine: legacyLine)).Of("SL403").ToList();

        Assert.Equal(expected ? 1 : 0, findings.Count);
        if (expected)
        {
            Assert.Equal("SL403 strongdm.yaml:8:25-8:29", findings[0].Brief());
        }
    }

    private static Dictionary<string, string> Settings(
        string providerLine = "  scimProvider: generic\n",
        string activeLine = "  scimActive: true\n",
        string legacyLine = "  legacyApiSyncEnabled: false\n") =>
        new(StringComparer.Ordinal)
        {
            ["strongdm.yaml"] =
                "controlPlane:\n" +
                "  region: US\n" +
                "provisioning:\n" +
                providerLine +
                activeLine +
                "  token:\n" +
                "    ref: env:SDM_SCIM_TOKEN\n" +
                legacyLine,
        };
}
