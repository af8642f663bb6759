using System.IO.Abstractions.TestingHelpers;
using ScimLint.Configuration;
using ScimLint.Documents;
using ScimLint.Engine;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;

namespace ScimLint.Tests.Model;

public sealed class ModelOwnsSecretsAndFormatsTests
{
    private const string Canary = "CANARY-model-8c1f2b7e-do-not-leak";

    private static string Export(string token) => $"""
        application:
          name: strongdm
          ssoUrl: https://app.strongdm.com/app/login
        identityManagement:
          baseUrl: https://app.strongdm.com/provisioning/generic/v2
          token: {token}
          groupManagementEnabled: true
          status: active
        """;

    /// <summary>A custom rule that does not say the token is secret, and reports the raw field.</summary>
    private sealed class NaiveTokenRule : Rule
    {
        public static readonly RuleDescriptor Naive = new("XX001", "naive-token", "Naive token rule", "token is '{0}'", Severity.Warning, "Test rule.", ["test"]);

        public override RuleDescriptor Descriptor => Naive;

        public override void CheckApp(JumpCloudContext context)
        {
            var field = context.App.IdentityManagement.Field("token");
            context.Report(field, Naive.Format(field.Text ?? string.Empty), Fix.ReplaceValue(field, "replacement"));
        }
    }

    [Fact]
    public void A_custom_rule_asking_for_the_token_by_name_gets_the_secret_view()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(Export(Canary)));
        var catalog = new RuleCatalog([.. RuleCatalog.Default.Rules, new NaiveTokenRule()]);

        var result = new LintEngine(fs, "/repo", catalog).Run(new LintRequest(["."], ScimLintConfig.Empty));
        var finding = Assert.Single(result.Findings, f => f.Rule.Id == "XX001");

        Assert.Equal(Finding.HashValue(Canary, sensitive: true), finding.ValueHash);
        Assert.DoesNotContain(Canary, finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.Fix);
    }

    [Theory]
    [InlineData("identityManagement/token", true)]
    [InlineData("provisioning/token/value", true)]
    [InlineData("provisioning/token/ref", true)]
    [InlineData("identityManagement/baseUrl", false)]
    [InlineData("token", false)]
    public void Secrets_are_declared_once_in_the_model(string path, bool secret) =>
        Assert.Equal(secret, ModelSecrets.IsSecret(path));

    [Fact]
    public void The_bound_document_lists_its_secrets_for_redaction_even_in_apps_that_are_not_StrongDM()
    {
        const string list = """
            totalCount: 2
            results:
              - name: strongdm
                ssoUrl: https://app.strongdm.com/app/login
                identityManagement: { token: first-secret-value }
              - name: other
                ssoUrl: https://example.com
                identityManagement: { token: second-secret-value }
            """;
        var bound = ModelBinder.Bind(DocumentLoader.LoadText("jumpcloud.yaml", list));

        Assert.Equal(["first-secret-value", "second-secret-value"], bound.SensitiveValues);
        Assert.Equal(2, bound.Secrets.Count);
        Assert.True(bound.Apps.Single().Token.IsSensitive);
    }

    [Theory]
    [InlineData("jumpcloud.yaml", "  ssoUrl: https://old\n", "https://new", "https://new")]
    [InlineData("jumpcloud.yaml", "  ssoUrl: 'https://old'\n", "https://new", "\"https://new\"")]
    [InlineData("jumpcloud.yaml", "  ssoUrl: \"https://old\"\n", "a\"b\\c", "\"a\\\"b\\\\c\"")]
    public void Each_format_writes_a_replacement_value_its_own_way(string path, string line, string value, string expected)
    {
        var doc = DocumentLoader.LoadText(path, "application:\n  name: strongdm\n" + line);
        var app = ModelBinder.Bind(doc).Apps.Single();

        Assert.Equal(expected, Assert.Single(Fix.ReplaceValue(app.SsoUrl, value)!.Replacements).Text);
    }

    [Fact]
    public void Json_writes_a_string_and_CSharp_writes_a_literal_only_where_the_value_is_a_literal()
    {
        var json = ModelBinder.Bind(DocumentLoader.LoadText("jumpcloud.json", """{ "application": { "name": "strongdm", "ssoUrl": 1 } }""")).Apps.Single();
        const string cs = """
            public static class C
            {
                private const string Url = "https://old";
                public static Application A => new() { Name = "strongdm", SsoUrl = "https://old", DisplayLabel = Url, Description = Url };
            }
            """;
        var csharp = ModelBinder.Bind(DocumentLoader.LoadText("Config.cs", cs)).Apps.Single();

        Assert.Equal("\"a\\\"b\"", Assert.Single(Fix.ReplaceValue(json.SsoUrl, "a\"b")!.Replacements).Text);
        Assert.Equal("\"https://new\"", Assert.Single(Fix.ReplaceValue(csharp.SsoUrl, "https://new")!.Replacements).Text);
        Assert.Equal(ValueOrigin.Constant, csharp.DisplayLabel.Origin);
        // Url has two uses: writing one would change the other (a constant of one use is fixed at its declaration: CSharpConstantFixTests).
        Assert.Null(Fix.ReplaceValue(csharp.DisplayLabel, "x"));
    }

    [Fact]
    public void A_reference_read_in_CSharp_is_present_but_unknown_and_never_a_literal_token()
    {
        const string cs = """
            var app = new Application { Name = "strongdm", SsoUrl = "https://app.strongdm.com/app/login" };
            var im = new IdentityManagement { Token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"), BaseUrl = Environment.GetEnvironmentVariable("SCIM_URL") };
            """;
        var app = ModelBinder.Bind(DocumentLoader.LoadText("Config.cs", cs)).Apps.Single();

        Assert.True(app.Token.IsReference);
        Assert.True(app.Token.IsPresent);
        Assert.Null(app.Token.Text);
        Assert.False(app.BaseUrl.IsKnown);
    }
}
