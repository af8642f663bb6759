using System.Text;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.CSharp;

public sealed class CSharpLoaderTests
{
    private const string Export = """
        using JumpCloud.SDK.V1.Models;

        public static class Config
        {
            private const string Host = "app.strongdm.com";

            public static JumpCloudExport Export { get; } = new()
            {
                Application = new JumpCloud.SDK.V1.Models.Application
                {
                    Id = "65a1f0c2e4b0a1b2c3d4e5f6",
                    Name = "strongdm",
                    DisplayLabel = @"StrongDM (prod)",
                    SsoUrl = "https://" + Host + "/app/login",
                    Active = true,
                    SsoType = "bookmark",
                },
                IdentityManagement = new IdentityManagement
                {
                    BaseUrl = "https://app.strongdm.com/provisioning/generic/v2",
                    Token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
                    GroupManagementEnabled = true,
                    Status = settings.Status,
                },
                Associations = [new Association { To = new AssociationTarget { Id = "6026da081f24755306c2ee0d", Type = "user_group" } }],
                UserGroups = new[] { new UserGroup { Id = "6026da081f24755306c2ee0d", Name = "sdm-engineering", MemberCount = 12 } },
            };
        }
        """;

    private static SourceDocument Load(string source, Func<IReadOnlyList<string>>? companions = null) =>
        DocumentLoader.Load("Config.cs", Encoding.UTF8.GetBytes(source), companions: companions is null ? null : () => CSharpCompanions.FromTexts(companions()));

    private static DocScalar Scalar(SourceDocument doc, string pointer)
    {
        DocNode node = doc.Root!;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node switch
            {
                DocMapping m => m.Get(segment) ?? throw new KeyNotFoundException(pointer),
                DocSequence s => s.Items[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)],
                _ => throw new KeyNotFoundException(pointer),
            };
        }

        return Assert.IsType<DocScalar>(node);
    }

    [Fact]
    public void Export_initializer_becomes_a_JumpCloud_document_with_camel_case_keys()
    {
        var doc = Load(Export);

        Assert.Empty(doc.Diagnostics);
        Assert.Equal(DocumentFormat.CSharp, doc.Format);
        Assert.Equal(DocumentKind.JumpCloud, ModelBinder.Classify(doc.Root));
        Assert.Equal("strongdm", Scalar(doc, "/application/name").Value);
        Assert.Equal("65a1f0c2e4b0a1b2c3d4e5f6", Scalar(doc, "/application/_id").Value);
        Assert.Equal("bookmark", Scalar(doc, "/application/sso/type").Value);
        Assert.Equal("StrongDM (prod)", Scalar(doc, "/application/displayLabel").Value);
        Assert.Equal(ScalarKind.Boolean, Scalar(doc, "/identityManagement/groupManagementEnabled").Kind);
        Assert.Equal("user_group", Scalar(doc, "/associations/0/to/type").Value);
        Assert.Equal("12", Scalar(doc, "/userGroups/0/memberCount").Value);
        Assert.Equal(ScalarKind.Number, Scalar(doc, "/userGroups/0/memberCount").Kind);
    }

    [Fact]
    public void String_literal_span_covers_the_literal_and_key_span_covers_the_member_name()
    {
        var doc = Load(Export);
        var baseUrl = Scalar(doc, "/identityManagement/baseUrl");

        Assert.Equal((20, 23, 20, 73), (baseUrl.Span.StartLine, baseUrl.Span.StartColumn, baseUrl.Span.EndLine, baseUrl.Span.EndColumn));
        Assert.Equal("\"https://app.strongdm.com/provisioning/generic/v2\"", doc.Text.Text[baseUrl.Span.StartOffset..baseUrl.Span.EndOffset]);
        Assert.True(baseUrl.Quoted);
        Assert.Equal("BaseUrl", doc.Text.Text[baseUrl.Key!.Span.StartOffset..baseUrl.Key.Span.EndOffset]);
    }

    [Fact]
    public void Constant_expressions_are_folded_and_keep_the_expression_span()
    {
        var doc = Load(Export);
        var ssoUrl = Scalar(doc, "/application/ssoUrl");

        Assert.Equal("https://app.strongdm.com/app/login", ssoUrl.Value);
        Assert.False(ssoUrl.Quoted);
        Assert.Equal("\"https://\" + Host + \"/app/login\"", doc.Text.Text[ssoUrl.Span.StartOffset..ssoUrl.Span.EndOffset]);
    }

    [Fact]
    public void Constants_declared_in_a_sibling_file_are_folded()
    {
        const string source = """
            public static class Config
            {
                public static Application App => new() { Name = "strongdm", SsoUrl = Hosts.Login };
            }
            """;
        var companions = new[] { "public static class Hosts { public const string Login = \"https://app.eu.strongdm.com/app/login\"; }" };

        var doc = Load(source, () => companions);

        Assert.Equal("https://app.eu.strongdm.com/app/login", Scalar(doc, "/application/ssoUrl").Value);
    }

    [Fact]
    public void Environment_variable_becomes_a_reference_and_run_time_values_become_expression_references()
    {
        var doc = Load(Export);

        var token = Scalar(doc, "/identityManagement/token");
        var status = Scalar(doc, "/identityManagement/status");

        Assert.Equal(ValueOrigin.Reference, token.Origin);
        Assert.Equal("Environment.GetEnvironmentVariable(\"SDM_SCIM_TOKEN\")", token.Value);
        Assert.False(token.IsKnown);
        Assert.Equal(ValueOrigin.Expression, status.Origin);
        Assert.Equal("settings.Status", status.Value);
        Assert.False(status.IsKnown);
        Assert.Equal(ValueOrigin.Constant, Scalar(doc, "/application/ssoUrl").Origin);
        Assert.Equal(ValueOrigin.Literal, Scalar(doc, "/identityManagement/baseUrl").Origin);
    }

    [Fact]
    public void Separate_application_and_identity_management_initializers_form_one_export()
    {
        const string source = """
            var app = new Application { Name = "StrongDM", SsoUrl = "https://app.strongdm.com/app/login" };
            IdentityManagement im = new() { BaseUrl = "https://app.strongdm.com/provisioning/generic/v2", GroupManagementEnabled = false };
            """;

        var doc = Load(source);

        Assert.Equal(DocumentKind.JumpCloud, ModelBinder.Classify(doc.Root));
        Assert.Equal("false", Scalar(doc, "/identityManagement/groupManagementEnabled").Value);
        Assert.Equal(2, Scalar(doc, "/identityManagement/groupManagementEnabled").Span.StartLine);
    }

    [Fact]
    public void StrongDm_settings_initializer_becomes_a_StrongDm_document()
    {
        const string source = """
            var settings = new StrongDmSettings
            {
                ControlPlane = new ControlPlane { Region = "EU", Host = "app.eu.strongdm.com" },
                Provisioning = new Provisioning { ScimProvider = "generic", ScimActive = true },
            };
            """;

        var doc = Load(source);

        Assert.Equal(DocumentKind.StrongDm, ModelBinder.Classify(doc.Root));
        Assert.Equal("EU", Scalar(doc, "/controlPlane/region").Value);
    }

    [Fact]
    public void Syntax_error_is_reported_with_its_position()
    {
        var doc = Load("var app = new Application { Name = \"strongdm\", SsoUrl = \"https://app.strongdm.com/app/login\" ");

        var diagnostic = doc.Diagnostics[0];
        Assert.StartsWith("C# syntax error CS", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((1, 94), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void Source_without_configuration_types_is_not_a_document()
    {
        var doc = Load("public static class Program { public static void Main() { } }");

        Assert.Null(doc.Root);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void Literal_token_in_CSharp_is_reported_at_its_exact_span_and_never_printed()
    {
        const string canary = "CANARY-cs-5d1e77aa-do-not-leak";
        var files = new Dictionary<string, string>
        {
            ["Config.cs"] = Export.Replace("Environment.GetEnvironmentVariable(\"SDM_SCIM_TOKEN\")", $"\"{canary}\"", StringComparison.Ordinal),
            ["strongdm.yaml"] = File.ReadAllText(Repo.Path_("examples", "us-correct", "strongdm.yaml")),
        };

        var result = Lint.Files(files);
        var finding = Assert.Single(result.Of("SL304"));

        Assert.Equal("SL304 Config.cs:21:21-21:53", finding.Brief());
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains(canary, StringComparison.Ordinal));
        var text = new StringWriter();
        new ScimLint.Reporting.TextReporter().Write(result, text, new ScimLint.Reporting.ReportOptions());
        Assert.DoesNotContain(canary, text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_of_a_CSharp_literal_writes_a_CSharp_string_and_a_constant_gets_no_fix()
    {
        var files = new Dictionary<string, string>
        {
            ["Config.cs"] = Export.Replace("generic/v2\"", "generic/v2/\"", StringComparison.Ordinal).Replace("\"/app/login\"", "\"/app/login/\"", StringComparison.Ordinal),
            ["strongdm.yaml"] = File.ReadAllText(Repo.Path_("examples", "us-correct", "strongdm.yaml")),
        };

        var result = Lint.Files(files);
        var baseUrl = Assert.Single(result.Of("SL103"));
        var bookmark = Assert.Single(result.Of("SL104"));

        Assert.Equal("\"https://app.strongdm.com/provisioning/generic/v2\"", Assert.Single(baseUrl.Fix!.Replacements).Text);
        Assert.Null(bookmark.Fix);
    }
}

public sealed class CSharpRunTimeValueTests
{
    [Fact]
    public void Values_computed_at_run_time_are_not_judged_by_any_rule()
    {
        const string source = """
            var app = new Application { Name = "strongdm", DisplayLabel = "StrongDM", SsoUrl = urls.Login, Active = true };
            var im = new IdentityManagement
            {
                ApiType = "SCIM API",
                ScimVersion = "2.0",
                BaseUrl = urls.Scim,
                Token = vault.Read("scim"),
                GroupManagementEnabled = flags.Groups,
                Status = "active",
            };
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["Config.cs"] = source, ["strongdm.yaml"] = "controlPlane: { region: US }\n" }, null, "Config.cs");

        Assert.Empty(result.Findings.Where(f => f.Rule.Id is not "SL006").Select(f => f.Brief() + " " + f.Message));
        Assert.Contains("not supplied: associations", Assert.Single(result.Of("SL006")).Message, StringComparison.Ordinal);
    }
}

public sealed class CSharpConstantFoldingTests
{
    private static string Fold(string declarations, string expression)
    {
        var source = $$"""
            {{declarations}}
            public static class Config
            {
                public static Application App => new() { Name = "strongdm", SsoUrl = {{expression}} };
            }
            """;
        var doc = DocumentLoader.Load("Config.cs", Encoding.UTF8.GetBytes(source));
        var scalar = (DocScalar)((DocMapping)((DocMapping)doc.Root!).Get("application")!).Get("ssoUrl")!;
        return scalar.IsKnown ? scalar.Value : "unknown: " + scalar.Value;
    }

    [Theory]
    [InlineData("public static class H { public const string Host = \"app.eu.strongdm.com\"; }", "$\"https://{H.Host}/app/login\"", "https://app.eu.strongdm.com/app/login")]
    [InlineData("public static class H { public const string Path = \"/app/login\"; }", "\"https://app.strongdm.com\" + (H.Path)", "https://app.strongdm.com/app/login")]
    [InlineData("", "nameof(Config)", "Config")]
    [InlineData("public static class A { public const string Url = \"https://app.strongdm.com/app/login\"; } public static class B { public const string Url = \"https://app.uk.strongdm.com/app/login\"; }", "B.Url", "https://app.uk.strongdm.com/app/login")]
    [InlineData("", "int.MaxValue", "2147483647")]
    [InlineData("public static class A { public const string Url = B.Url; } public static class B { public const string Url = A.Url; }", "A.Url", "unknown: A.Url")]
    public void Constants_fold_from_syntax_and_ambiguous_names_fall_back_to_the_compilation(string declarations, string expression, string expected)
    {
        Assert.Equal(expected, Fold(declarations, expression));
    }
}
