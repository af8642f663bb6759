using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Rules.Token;

public sealed class SecretInUrlFieldRuleTests
{
    private const string Secret = "aB3xK9mQ2pL7vR4tY8wZ1cN6hJ5fD0sG-Qx7";

    [Fact]
    public void Swapped_base_url_and_token_name_the_field_and_never_the_value()
    {
        var export = TokenDocuments.Export(tokenLine: "  token: https://app.strongdm.com/provisioning/generic/v2\n")
            .Replace("  baseUrl: https://app.strongdm.com/provisioning/generic/v2", "  baseUrl: " + Secret, StringComparison.Ordinal);

        var result = Lint.Files(TokenDocuments.Pair(export, TokenDocuments.Settings()));

        var finding = Assert.Single(result.Of("SL306"));
        Assert.Equal("SL306 jumpcloud.yaml:9:12-9:48", finding.Brief());
        Assert.StartsWith("looks like a secret in `baseUrl`, where a URL belongs; if fields were swapped, put a URL back", finding.Message, StringComparison.Ordinal);
        Assert.Equal("sensitive", finding.ValueHash);
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains(Secret[..8], StringComparison.Ordinal) || f.LogicalPath.Contains(Secret[..8], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("region", "Zq8+Lm3/Wx7Tk2Rv9Np4Hs6J", "looks like a secret in `region`, where a region belongs")]
    [InlineData("host", Secret, "looks like a secret in `host`, where a host name belongs")]
    public void Control_plane_fields_name_what_belongs_there(string key, string value, string start)
    {
        var settings = "controlPlane:\n  " + key + ": " + value + "\nprovisioning:\n  scimProvider: generic\n";

        var result = Lint.Files(new Dictionary<string, string> { ["strongdm.yaml"] = settings });

        Assert.StartsWith(start, Assert.Single(result.Of("SL306")).Message, StringComparison.Ordinal);
    }

    // One predicate: what SL306 reports is exactly what the binder hands to redaction from URL fields.
    [Fact]
    public void Every_reported_value_is_one_the_redaction_service_masks()
    {
        var text = "identityManagement:\n  baseUrl: " + Secret + "\n  token: ${env:T}\nlinks:\n  - url: Zq8+Lm3/Wx7Tk2Rv9Np4Hs6J\n  - url: https://example.com/a\n";
        var doc = DocumentLoader.Load("jumpcloud.yaml", System.Text.Encoding.UTF8.GetBytes(text));

        var reported = SecretValues.InUrlFields(doc.Root).Select(p => ((DocScalar)p.Value).Value).ToList();
        var bound = ModelBinder.Bind(doc);

        Assert.Equal([Secret, "Zq8+Lm3/Wx7Tk2Rv9Np4Hs6J"], reported);
        Assert.All(reported, v => Assert.Contains(v, bound.SensitiveValues));
    }
}
