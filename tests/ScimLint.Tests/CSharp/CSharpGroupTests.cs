using System.Text;
using ScimLint.Documents;
using ScimLint.Engine;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.CSharp;

/// <summary>
/// Issue 10: "group values per object, and pair them with StrongDM settings by the usual rules, or within the same
/// file". Every configuration object of a C# file is checked, and a file holding both kinds pairs them itself.
/// </summary>
public sealed class CSharpGroupTests
{
    // Two exports, one per method, as anonymous objects; the second points at the US control plane.
    private const string TwoApps = """
        public static class Connectors
        {
            public static object Berlin() => new
            {
                application = new { name = "strongdm", displayLabel = "StrongDM (Berlin)", ssoUrl = "https://app.eu.strongdm.com/app/login", active = true },
                identityManagement = new { apiType = "SCIM API", scimVersion = "2.0", baseUrl = "https://app.eu.strongdm.com/provisioning/generic/v2", token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"), groupManagementEnabled = true, status = "active" },
            };

            public static object Paris() => new
            {
                application = new { name = "strongdm", displayLabel = "StrongDM (Paris)", ssoUrl = "https://app.strongdm.com/app/login", active = true },
                identityManagement = new { apiType = "SCIM API", scimVersion = "2.0", baseUrl = "https://app.eu.strongdm.com/provisioning/generic/v2", token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"), groupManagementEnabled = false, status = "active" },
            };
        }
        """;

    private static string Settings(string region, string host) => $$"""new StrongDmSettings { ControlPlane = new ControlPlane { Region = "{{region}}", Host = "{{host}}" }, Provisioning = new Provisioning { ScimProvider = "generic", ScimActive = true, Token = new { Ref = "env:SDM_SCIM_TOKEN" } } }""";

    private static string App(string label, string host, string token = "Environment.GetEnvironmentVariable(\"SDM_SCIM_TOKEN\")") =>
        $$"""new { application = new { name = "strongdm", displayLabel = "{{label}}", ssoUrl = "https://{{host}}/app/login", active = true }, identityManagement = new { apiType = "SCIM API", scimVersion = "2.0", baseUrl = "https://{{host}}/provisioning/generic/v2", token = {{token}}, groupManagementEnabled = true, status = "active" } }""";

    private static string[] Briefs(LintResult result, params string[] rules) =>
        [.. result.Findings.Where(f => rules.Contains(f.Rule.Id)).Select(f => f.Brief())];

    [Fact]
    public void Every_export_of_a_file_is_checked_at_its_own_spans()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["Connectors.cs"] = TwoApps, ["strongdm.yaml"] = SampleDocs.StrongDmEu });

        // The first app is correct; the second's bookmark is on the US control plane and its group management is off.
        Assert.Equal(["SL105 Connectors.cs:11:92-11:128", "SL201 Connectors.cs:12:231-12:236"], Briefs(result, "SL105", "SL201"));
    }

    [Fact]
    public void Every_settings_object_of_a_file_is_checked()
    {
        var source = $$"""
            public static class Regions
            {
                public static StrongDmSettings Eu { get; } = {{Settings("EU", "app.eu.strongdm.com")}};
                public static StrongDmSettings Us { get; } = {{Settings("EU", "app.strongdm.com")}};
            }
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["Regions.cs"] = source });

        // Only the second contradicts its host; neither has an export, and each says so.
        Assert.Equal(["SL106 Regions.cs:4:129-4:147"], Briefs(result, "SL106"));
        Assert.Equal(2, result.Of("SL003").Count());
    }

    [Fact]
    public void An_export_and_settings_in_one_file_pair_with_each_other()
    {
        var source = $$"""
            public static class Connector
            {
                public static object Export => {{App("StrongDM", "app.strongdm.com")}};
                public static StrongDmSettings Settings => {{Settings("EU", "app.eu.strongdm.com")}};
            }
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["Connector.cs"] = source });

        Assert.Empty(result.Of("SL003"));
        Assert.Equal(["SL105 Connector.cs:3:117-3:153", "SL105 Connector.cs:3:252-3:302"], Briefs(result, "SL105"));
        var listed = result.Inputs.Select(i => i.Describe()).ToList();
        Assert.Contains("Connector.cs:3:36: JumpCloud export (desired state, C#), paired with Connector.cs:4:48", listed);
        Assert.Contains("Connector.cs:4:48: StrongDM settings (C#), paired with Connector.cs:3:36", listed);
    }

    [Fact]
    public void Several_of_each_pair_by_the_innermost_type_that_holds_both()
    {
        var source = $$"""
            public static class Berlin
            {
                public static object Export => {{App("StrongDM (Berlin)", "app.eu.strongdm.com")}};
                public static StrongDmSettings Settings => {{Settings("EU", "app.eu.strongdm.com")}};
            }

            public static class Chicago
            {
                public static object Export => {{App("StrongDM (Chicago)", "app.eu.strongdm.com")}};
                public static StrongDmSettings Settings => {{Settings("US", "app.strongdm.com")}};
            }
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["Connectors.cs"] = source });

        // Berlin is right; Chicago's app points at the EU control plane while its settings say US.
        Assert.Empty(result.Of("SL003"));
        Assert.Equal(["SL105 Connectors.cs:9:127-9:166", "SL105 Connectors.cs:9:265-9:318"], Briefs(result, "SL105"));
        Assert.Contains("Connectors.cs:9:36: JumpCloud export (desired state, C#), paired with Connectors.cs:10:48", result.Inputs.Select(i => i.Describe()));
    }

    [Fact]
    public void Several_settings_equally_close_to_an_export_are_ambiguous_and_named_by_position()
    {
        var source = $$"""
            public static class Connector
            {
                public static object Export => {{App("StrongDM", "app.eu.strongdm.com")}};
                public static StrongDmSettings Eu => {{Settings("EU", "app.eu.strongdm.com")}};
                public static StrongDmSettings Us => {{Settings("US", "app.strongdm.com")}};
            }
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["Connector.cs"] = source });

        Assert.Empty(result.Of("SL105"));
        var ambiguous = Assert.Single(result.Of("SL003"), f => f.Span.StartLine == 3);
        Assert.Contains("Connector.cs:4:42, Connector.cs:5:42", ambiguous.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_in_a_file_of_their_own_pair_with_every_export_of_another_file()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["Connectors.cs"] = TwoApps, ["Settings.cs"] = "public static class S { public static StrongDmSettings Eu => " + Settings("EU", "app.eu.strongdm.com") + "; }" });

        Assert.Equal(["SL105 Connectors.cs:11:92-11:128"], Briefs(result, "SL105"));
        Assert.Contains("Settings.cs: StrongDM settings (C#), paired with Connectors.cs:3:38, Connectors.cs:9:37", result.Inputs.Select(i => i.Describe()));
    }

    [Fact]
    public void A_literal_token_in_the_second_object_is_SL304_and_redacted()
    {
        const string canary = "CANARY-group-7f3e19c2-never-printed";
        var source = $$"""
            public static class Connectors
            {
                public static object Eu => {{App("StrongDM (EU)", "app.eu.strongdm.com")}};
                public static object Eu2 => {{App("StrongDM (EU 2)", "app.eu.strongdm.com", "\"" + canary + "\"")}};
            }
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["Connectors.cs"] = source, ["strongdm.yaml"] = SampleDocs.StrongDmEu });

        var finding = Assert.Single(result.Of("SL304"));
        Assert.Equal(4, finding.Span.StartLine);
        var text = new StringWriter();
        new ScimLint.Reporting.TextReporter().Write(result, text, new ScimLint.Reporting.ReportOptions());
        Assert.DoesNotContain(canary, text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains(canary, StringComparison.Ordinal));
    }

    [Fact]
    public void Parts_written_one_per_member_in_repeating_order_group_in_that_order()
    {
        const string source = """
            public static class Parts
            {
                public static Application BerlinApp => new() { Name = "strongdm", SsoUrl = "https://app.eu.strongdm.com/app/login" };
                public static IdentityManagement BerlinScim => new() { BaseUrl = "https://app.eu.strongdm.com/provisioning/generic/v2", Token = Secrets.Get("b") };
                public static Application ParisApp => new() { Name = "strongdm", SsoUrl = "https://app.eu.strongdm.com/app/login" };
                public static IdentityManagement ParisScim => new() { BaseUrl = "https://app.eu.strongdm.com/provisioning/generic/v2", Token = Secrets.Get("p") };
            }
            """;

        var doc = DocumentLoader.Load("Parts.cs", Encoding.UTF8.GetBytes(source));
        var bound = ModelBinder.Bind(doc);

        Assert.Equal(2, doc.Groups.Count);
        Assert.Equal([3, 5], bound.Apps.Select(a => a.SsoUrl.Span.StartLine));
        Assert.Equal([4, 6], bound.Apps.Select(a => a.IdentityManagement.Field("baseUrl").Span.StartLine));
        Assert.Equal(["/0/application/ssoUrl", "/1/application/ssoUrl"], bound.Apps.Select(a => a.SsoUrl.LogicalPath));
    }

    [Fact]
    public void A_file_with_one_object_keeps_its_single_tree_and_paths()
    {
        var doc = DocumentLoader.Load("One.cs", Encoding.UTF8.GetBytes("public static class C { public static object E => " + App("StrongDM", "app.eu.strongdm.com") + "; }"));

        Assert.Empty(doc.Groups);
        Assert.IsType<DocMapping>(doc.Root);
        Assert.Equal("/application/ssoUrl", ModelBinder.Bind(doc).Apps[0].SsoUrl.LogicalPath);
    }
}

/// <summary>
/// Issue 10: "A fix is offered only where the value is a literal at that spot, and never in a file that only declares
/// a constant used elsewhere, unless the constant has exactly one use."
/// </summary>
public sealed class CSharpConstantFixTests
{
    private const string EuSettings = "controlPlane:\n  region: EU\n  host: app.eu.strongdm.com\nprovisioning:\n  scimProvider: generic\n  scimActive: true\n  token:\n    ref: env:SDM_SCIM_TOKEN\n";

    private static string Config(string extra = "") => $$"""
        public static class Connector
        {
            private const string Login = "https://app.strongdm.com/app/login";

            public static object App => new { name = "strongdm", ssoUrl = Login, active = true };{{extra}}
        }
        """;

    [Fact]
    public void A_constant_of_this_file_with_one_use_is_fixed_at_its_declaration()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["Connector.cs"] = Config(), ["strongdm.yaml"] = EuSettings });

        var finding = Assert.Single(result.Of("SL105"));
        Assert.Equal("SL105 Connector.cs:5:67-5:72", finding.Brief());
        var replacement = Assert.Single(finding.Fix!.Replacements);
        Assert.Equal((3, 34), (replacement.Span.StartLine, replacement.Span.StartColumn));
        Assert.Equal("\"https://app.eu.strongdm.com/app/login\"", replacement.Text);
        var fixedText = ScimLint.Rules.Fix.Apply(Config(), finding.Fix.Replacements);
        Assert.Contains("private const string Login = \"https://app.eu.strongdm.com/app/login\";", fixedText, StringComparison.Ordinal);
        Assert.Contains("ssoUrl = Login,", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constant_with_a_second_use_gets_no_fix()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["Connector.cs"] = Config("\n    public static string Again => Login;"), ["strongdm.yaml"] = EuSettings });

        Assert.Null(Assert.Single(result.Of("SL105")).Fix);
    }

    [Fact]
    public void A_constant_declared_in_another_file_gets_no_fix()
    {
        var files = new Dictionary<string, string>
        {
            ["Hosts.cs"] = "public static class Hosts { public const string Login = \"https://app.strongdm.com/app/login\"; }",
            ["Connector.cs"] = "public static class Connector { public static object App => new { name = \"strongdm\", ssoUrl = Hosts.Login, active = true }; }",
            ["strongdm.yaml"] = EuSettings,
        };

        var result = Lint.Files(files);

        Assert.Null(Assert.Single(result.Of("SL105")).Fix);
    }
}
