using ScimLint.Rules.Token;
using ScimLint.Tests.Infrastructure;
using static ScimLint.Tests.Rules.Token.TokenDocuments;

namespace ScimLint.Tests.Rules.Token;

public sealed class TokenPlaceholderRuleTests
{
    [Theory]
    [InlineData("aabb12fjfl445...jkhksjhf98345un")]
    [InlineData("AABB12FJFL445...JKHKSJHF98345UN")]
    [InlineData("aabb12fjfl445jkhksjhf98345un")]
    [InlineData("Bearer aabb12...")]
    [InlineData("f4k3…t0k3n")]
    [InlineData("<token>")]
    [InlineData("<your SCIM token>")]
    [InlineData("changeme")]
    [InlineData("CHANGE_ME")]
    [InlineData("TODO")]
    [InlineData("todo: paste the token")]
    [InlineData("FIXME")]
    [InlineData("[TODO]")]
    [InlineData("xxxx")]
    [InlineData("XXX")]
    [InlineData("xxxx-xxxx-xxxx")]
    [InlineData("your-token-here")]
    [InlineData("YOUR_TOKEN_HERE")]
    [InlineData("{your-token}")]
    [InlineData("  placeholder  ")]
    [InlineData("REDACTED")]
    public void Recognises_placeholders(string value) => Assert.True(TokenText.IsPlaceholder(value));

    [Theory]
    [InlineData("f4k3-t0k3n-d0-n0t-us3")]
    [InlineData("f4k3-todo-t0k3n")]
    [InlineData("todotoken-f4k3")]
    [InlineData("xx")]
    [InlineData("x1xx")]
    [InlineData("tokens-f4k3")]
    [InlineData("${env:SDM_SCIM_TOKEN}")]
    [InlineData("${{ secrets.SDM_SCIM_TOKEN }}")]
    [InlineData("********")]
    [InlineData("••••")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bearer ")]
    public void Does_not_take_tokens_references_or_blanks_for_placeholders(string value) => Assert.False(TokenText.IsPlaceholder(value));

    [Fact]
    public void Reports_SL302_at_the_token_value_naming_the_documentation_example()
    {
        var result = Lint.Files(Pair(Export("  token: aabb12fjfl445...jkhksjhf98345un\n"), Settings()));

        var finding = Assert.Single(result.Of("SL302"));
        Assert.Equal("SL302 jumpcloud.yaml:10:10-10:41", finding.Brief());
        Assert.StartsWith("identityManagement.token is the documentation's example token, not a token;", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("aabb12", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_SL302_for_a_placeholder_in_the_settings_token_value()
    {
        var result = Lint.Files(Pair(Export(), Settings("    value: \"<paste token>\"\n")));

        Assert.Equal(["SL302 strongdm.yaml:7:12-7:27"], result.Of("SL302").Select(f => f.Brief()));
        Assert.Contains("provisioning.token.value is a placeholder", result.Of("SL302").Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_is_reported_by_SL302_and_not_as_a_literal_by_SL304()
    {
        var result = Lint.Files(Pair(Export("  token: changeme\n"), Settings("    value: xxxx\n")));

        Assert.Equal(2, result.Of("SL302").Count());
        Assert.Empty(result.Of("SL304"));
    }

    [Fact]
    public void Truncated_token_gets_its_own_wording()
    {
        var result = Lint.Files(Pair(Export("  token: f4k3t0k3n...us3\n"), Settings()));

        Assert.Contains("is truncated (it contains '...')", Assert.Single(result.Of("SL302")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_report_SL302_for_a_null_or_boolean_token()
    {
        var result = Lint.Files(Pair(Export("  token: null\n", "  tokenUpdatedAt: true\n"), Settings()));

        Assert.Empty(result.Of("SL302"));
    }
}
