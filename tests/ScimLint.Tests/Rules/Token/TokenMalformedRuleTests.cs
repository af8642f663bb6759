using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;
using static ScimLint.Tests.Rules.Token.TokenDocuments;

namespace ScimLint.Tests.Rules.Token;

/// <summary>SL303 and its fix: the fix deletes the prefix and trailing whitespace and never writes the token.</summary>
public sealed class TokenMalformedRuleTests
{
    public static TheoryData<string, string, string> FixableCases() => new()
    {
        { "jumpcloud.yaml", Export($"  token: Bearer {FakeToken}\n"), FakeToken },
        { "jumpcloud.yaml", Export($"  token: bearer\t  {FakeToken}\n"), FakeToken },
        { "jumpcloud.yaml", Export($"  token: \"  Bearer {FakeToken} \"\n"), FakeToken },
        { "jumpcloud.yaml", Export($"  token: '\t{FakeToken}  '\n"), FakeToken },
        { "jumpcloud.yaml", Export("  token: \"BEARER ${env:SDM_SCIM_TOKEN}\"\n"), "${env:SDM_SCIM_TOKEN}" },
        { "jumpcloud.json", ExportJson($"\" Bearer {FakeToken}  \""), FakeToken },
        { "jumpcloud.json", ExportJson($"\"Bearer {FakeToken}\""), FakeToken },
        { "jumpcloud.json", ExportJson("\"  ${{ secrets.SDM_SCIM_TOKEN }}\""), "${{ secrets.SDM_SCIM_TOKEN }}" },
    };

    [Theory]
    [MemberData(nameof(FixableCases))]
    public void Applying_the_SL303_fix_removes_the_finding_and_keeps_the_bare_token(string file, string content, string bareToken)
    {
        var finding = Assert.Single(Lint.Files(Files(file, content)).Of("SL303"));
        var fix = Assert.IsType<Fix>(finding.Fix);

        Assert.All(fix.Replacements, r => Assert.Equal(string.Empty, r.Text));
        Assert.DoesNotContain(FakeToken, fix.Description, StringComparison.Ordinal);
        var fixedContent = Fix.Apply(content, fix.Replacements);

        Assert.Empty(Lint.Files(Files(file, fixedContent)).Of("SL303"));
        Assert.Equal(bareToken, TokenOf(file, fixedContent));
        Assert.Equal(content.Length - fix.Replacements.Sum(r => r.Span.Length), fixedContent.Length);
    }

    [Fact]
    public void Fix_for_a_Bearer_prefix_in_settings_deletes_it_from_provisioning_token_value()
    {
        var settings = Settings($"    value: \"Bearer {FakeToken}\"\n");
        var finding = Assert.Single(Lint.Files(Pair(Export(), settings)).Of("SL303"));

        Assert.Equal("SL303 strongdm.yaml:7:12-7:42", finding.Brief());
        Assert.Equal($"    value: \"{FakeToken}\"\n", Fix.Apply(settings, finding.Fix!.Replacements).Split("\n")[6] + "\n");
    }

    public static TheoryData<string, string, string> UnfixableCases() => new()
    {
        { "jumpcloud.yaml", Export($"  token: \"{FakeToken} d0-n0t\"\n"), "contains whitespace inside the token" },
        { "jumpcloud.yaml", Export($"  token: \"{FakeToken}\\n\"\n"), "has trailing whitespace (including a line break)" },
        { "jumpcloud.yaml", Export($"  token: \"\\x20{FakeToken}\"\n"), "has leading whitespace" },
        { "jumpcloud.yaml", Export($"  token: 'Bearer ''{FakeToken}'\n"), "starts with 'Bearer '" },
        { "jumpcloud.yaml", Export($"  token: |\n    {FakeToken}\n"), "has trailing whitespace (including a line break)" },
        { "jumpcloud.yaml", Export($"  token: \"Bearer\n    {FakeToken}\"\n"), "starts with 'Bearer '" },
        { "jumpcloud.yaml", Export($"  token: !!str Bearer {FakeToken}\n"), "starts with 'Bearer '" },
        { "jumpcloud.yaml", Export($"  token: Bearer *{FakeToken}\n"), "starts with 'Bearer '" },
        { "jumpcloud.yaml", Export("  token: Bearer null\n"), "starts with 'Bearer '" },
        { "jumpcloud.json", ExportJson($"\"\\u0020{FakeToken}\""), "has leading whitespace" },
        { "jumpcloud.json", ExportJson($"\"Bearer {FakeToken}\\t\""), "starts with 'Bearer ' and has trailing whitespace" },
    };

    [Theory]
    [MemberData(nameof(UnfixableCases))]
    public void Reports_SL303_without_a_fix_when_the_sub_span_cannot_be_determined_safely(string file, string content, string problem)
    {
        var finding = Assert.Single(Lint.Files(Files(file, content)).Of("SL303"));

        Assert.Null(finding.Fix);
        Assert.StartsWith($"identityManagement.token {problem};", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_lists_every_problem_and_never_the_token()
    {
        var finding = Assert.Single(Lint.Files(Files("jumpcloud.yaml", Export($"  token: \" Bearer {FakeToken} x \"\n"))).Of("SL303"));

        Assert.StartsWith("identityManagement.token starts with 'Bearer ', has leading and trailing whitespace and contains whitespace inside the token;", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeToken, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  token: bearer-f4k3-t0k3n\n")]
    [InlineData("  token: Bearer\n")]
    [InlineData("  token: \"${{ secrets.SDM_SCIM_TOKEN }}\"\n")]
    [InlineData("  token:    f4k3-t0k3n   # YAML trims a plain scalar\n")]
    [InlineData("  token: \"   \"\n")]
    public void Does_not_report_SL303_for_near_misses(string tokenLine)
    {
        Assert.Empty(Lint.Files(Files("jumpcloud.yaml", Export(tokenLine))).Of("SL303"));
    }

    private static Dictionary<string, string> Files(string file, string content) =>
        new(StringComparer.Ordinal) { [file] = content, ["strongdm.yaml"] = Settings() };

    private static string? TokenOf(string file, string content) =>
        ModelBinder.Bind(DocumentLoader.LoadText(file, content)).Apps.Single().Token.Text;

    private static string ExportJson(string tokenJson) => $$"""
        {
          "application": { "name": "strongdm", "ssoUrl": "https://app.strongdm.com/app/login", "config": {} },
          "identityManagement": {
            "baseUrl": "https://app.strongdm.com/provisioning/generic/v2",
            "token": {{tokenJson}},
            "groupManagementEnabled": true
          },
          "associations": [{ "to": { "id": "6026da081f24755306c2ee0d", "type": "user_group" } }]
        }
        """;
}
