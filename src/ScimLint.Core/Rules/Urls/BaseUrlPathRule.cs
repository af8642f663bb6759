using ScimLint.Model;

namespace ScimLint.Rules.Urls;

/// <summary>
/// SL102: the Base URL's path is not <c>/provisioning/generic/v2</c>. StrongDM's Okta and Azure endpoints behave the
/// same today, so they are reported as warnings; any other path is an error.
/// </summary>
internal sealed class BaseUrlPathRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL102",
        "base-url-path",
        "Base URL path is not the generic SCIM endpoint",
        "Base URL (identityManagement.baseUrl) {0}",
        Severity.Error,
        "JumpCloud must call StrongDM's generic SCIM endpoint, /provisioning/generic/v2. The Okta and Azure endpoints (/provisioning/okta/v2, /provisioning/azure/v2) behave identically today and are reported as warnings; any other path (a legacy /scim/... path, a resource path such as .../v2/Users) is an error.",
        ["correctness", "url"]);

    private const string Generic = ControlPlanes.GenericScimPath;

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var field = context.App.BaseUrl;
        if (!context.App.IdentityManagement.IsPresent || UrlRules.IsBlank(field) || field.Scalar is null)
        {
            return;
        }

        var url = UrlAnalysis.Analyze(field.Text!);
        var path = url.NormalizedPath;
        if (string.Equals(path, Generic, StringComparison.Ordinal))
        {
            return;
        }

        var region = UrlRules.KnownRegion(context);
        var fix = region is { } r ? Fix.ReplaceValue(field, ControlPlanes.BaseUrl(r)) : null;
        var (message, severity) = Describe(path);
        context.Report(field, Rule.Format(message), fix, severity);
    }

    private static (string Message, Severity? Severity) Describe(string path)
    {
        if (path == "/")
        {
            return ($"has no path; append '{Generic}'", null);
        }

        foreach (var (provider, name) in new[] { ("okta", "Okta"), ("azure", "Azure") })
        {
            var endpoint = $"/provisioning/{provider}/v2";
            if (string.Equals(path, endpoint, StringComparison.Ordinal))
            {
                return ($"path is '{endpoint}', StrongDM's {name} endpoint; it behaves like '{Generic}' only \"currently\", and the vendor guide gives '{Generic}' for JumpCloud, so use that", Severity.Warning);
            }
        }

        foreach (var endpoint in new[] { Generic, "/provisioning/okta/v2", "/provisioning/azure/v2" })
        {
            if (path.StartsWith(endpoint + "/", StringComparison.OrdinalIgnoreCase))
            {
                return ($"path '{path}' goes past the SCIM endpoint with '{path[endpoint.Length..]}'; the SCIM client appends resource paths such as '/Users' and '/Groups' itself, so end the Base URL at '{Generic}'", null);
            }
        }

        if (string.Equals(path, Generic, StringComparison.OrdinalIgnoreCase))
        {
            return ($"path '{path}' differs from '{Generic}' in letter case; URL paths are case-sensitive, use '{Generic}'", null);
        }

        if (string.Equals(path, "/provisioning/generic", StringComparison.OrdinalIgnoreCase))
        {
            return ($"path '{path}' lacks the SCIM version; use '{Generic}'", null);
        }

        if (path.Equals("/scim", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/scim/", StringComparison.OrdinalIgnoreCase))
        {
            return ($"path '{path}' is not a StrongDM SCIM endpoint (StrongDM serves SCIM under '/provisioning/...', not '/scim/...'); use '{Generic}'", null);
        }

        return ($"path '{path}' is not StrongDM's generic SCIM endpoint; use '{Generic}'", null);
    }
}
