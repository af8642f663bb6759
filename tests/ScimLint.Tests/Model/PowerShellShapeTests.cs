using ScimLint.Loading;
using ScimLint.Model;

namespace ScimLint.Tests.Model;

/// <summary>PowerShell's <c>Get-JcSdkApplication | ConvertTo-Json</c>: PascalCase, flattened SDK properties.</summary>
public sealed class PowerShellShapeTests
{
    private const string ConvertToJson = """
        {
          "Active": false,
          "DisplayLabel": "StrongDM (prod)",
          "Id": "65a1f0c2e4b0a1b2c3d4e5f6",
          "Name": "strongdm",
          "SsoType": "bookmark",
          "SsoUrl": "https://app.strongdm.com/app/login"
        }
        """;

    [Fact]
    public void PascalCase_keys_bind_to_the_model_fields_at_their_own_keys()
    {
        var bound = ModelBinder.Bind(DocumentLoader.LoadText("jumpcloud.json", ConvertToJson));

        Assert.Equal(DocumentKind.JumpCloud, bound.Kind);
        var app = Assert.Single(bound.Apps);
        Assert.Equal("https://app.strongdm.com/app/login", app.SsoUrl.Text);
        Assert.Equal("/SsoUrl", app.SsoUrl.LogicalPath);
        Assert.Equal(7, app.SsoUrl.Span.StartLine);
        Assert.Equal("bookmark", app.SsoType.Text);
        Assert.Equal("/SsoType", app.SsoType.LogicalPath);
        Assert.Equal("StrongDM (prod)", app.DisplayLabel.Text);
        Assert.False(app.Active.Boolean);
        Assert.Equal("id:65a1f0c2e4b0a1b2c3d4e5f6", app.Identity);
    }

    [Fact]
    public void Camel_case_documents_do_not_read_PascalCase_keys()
    {
        var bound = ModelBinder.Bind(DocumentLoader.LoadText("jumpcloud.json", """{ "name": "strongdm", "ssoUrl": "https://app.strongdm.com/app/login", "Active": false }"""));

        Assert.False(Assert.Single(bound.Apps).Active.IsPresent);
    }

    [Fact]
    public void A_PascalCase_token_is_a_secret_like_its_camelCase_twin()
    {
        var json = """{ "Name": "strongdm", "SsoUrl": "https://app.strongdm.com/app/login", "IdentityManagement": { "Token": "pascal-secret-value" } }""";
        var bound = ModelBinder.Bind(DocumentLoader.LoadText("jumpcloud.json", json));

        Assert.True(Assert.Single(bound.Apps).Token.IsSensitive);
        Assert.Equal(["pascal-secret-value"], bound.SensitiveValues);
    }
}
