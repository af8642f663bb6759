using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;
using static ScimLint.Tests.Rules.Token.TokenDocuments;

namespace ScimLint.Tests.Rules.Token;

public sealed class TokenLiteralRuleTests
{
    [Fact]
    public void SL304_is_a_security_error_with_security_severity_8_5()
    {
        var d = RuleCatalog.Default.Find("SL304")!.Descriptor;

        Assert.Equal(Severity.Error, d.DefaultSeverity);
        Assert.Contains("security", d.Tags);
        Assert.Equal(8.5, d.SecuritySeverity);
    }

    [Fact]
    public void Reports_literal_tokens_in_both_files_at_their_values_without_the_value_in_the_message()
    {
        var result = Lint.Files(Pair(Export($"  token: {FakeToken}\n"), Settings($"    value: '{FakeToken}'\n")));

        Assert.Equal(["SL304 jumpcloud.yaml:10:10-10:31", "SL304 strongdm.yaml:7:12-7:35"], result.Of("SL304").Select(f => f.Brief()));
        Assert.All(result.Findings, f => Assert.DoesNotContain(FakeToken, f.Message, StringComparison.Ordinal));
        Assert.All(result.Of("SL304"), f => Assert.Equal("sensitive", f.ValueHash));
    }

    [Theory]
    [InlineData("${env:SDM_SCIM_TOKEN}")]
    [InlineData("${SDM_SCIM_TOKEN}")]
    [InlineData("env:SDM_SCIM_TOKEN")]
    [InlineData("file:/run/secrets/sdm-scim-token")]
    [InlineData("\"${{ secrets.SDM_SCIM_TOKEN }}\"")]
    [InlineData("\"****\"")]
    [InlineData("\"••••••••\"")]
    [InlineData("\"Bearer ${env:SDM_SCIM_TOKEN}\"")]
    [InlineData("\"  env:SDM_SCIM_TOKEN \"")]
    [InlineData("aabb12fjfl445...jkhksjhf98345un")]
    [InlineData("\"<token>\"")]
    [InlineData("\"\"")]
    [InlineData("\"Bearer \"")]
    [InlineData("null")]
    public void Does_not_report_references_masks_placeholders_or_blanks(string value)
    {
        var result = Lint.Files(Pair(Export($"  token: {value}\n"), Settings($"    value: {value}\n")));

        Assert.Empty(result.Of("SL304"));
    }

    [Fact]
    public void Reports_a_literal_with_a_Bearer_prefix_and_a_numeric_literal()
    {
        var result = Lint.Files(Pair(Export($"  token: Bearer {FakeToken}\n"), Settings("    value: 123456789012\n")));

        Assert.Equal(["SL304 jumpcloud.yaml:10:10-10:38", "SL304 strongdm.yaml:7:12-7:24"], result.Of("SL304").Select(f => f.Brief()));
    }

    [Fact]
    public void Literal_in_the_settings_value_is_reported_even_without_a_JumpCloud_export()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["strongdm.yaml"] = Settings($"    value: {FakeToken}\n") });

        Assert.Equal(["SL304 strongdm.yaml:7:12-7:33"], result.Of("SL304").Select(f => f.Brief()));
        Assert.StartsWith("provisioning.token.value holds a literal SCIM token;", result.Of("SL304").Single().Message, StringComparison.Ordinal);
    }
}
