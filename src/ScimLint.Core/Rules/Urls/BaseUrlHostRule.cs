using ScimLint.Model;

namespace ScimLint.Rules.Urls;

/// <summary>SL101: the Base URL's host is not one of StrongDM's three control planes.</summary>
internal sealed class BaseUrlHostRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL101",
        "base-url-host",
        "Base URL host is not a StrongDM control plane",
        "Base URL (identityManagement.baseUrl) {0}",
        Severity.Error,
        "JumpCloud sends every SCIM request to the Base URL's host. It must be the organisation's control plane: app.strongdm.com (US), app.uk.strongdm.com (UK) or app.eu.strongdm.com (EU). Case does not matter and an explicit :443 is the same host.",
        ["correctness", "url"]);

    private const string KnownHosts = "app.strongdm.com, app.uk.strongdm.com and app.eu.strongdm.com";

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var field = context.App.BaseUrl;
        if (!context.App.IdentityManagement.IsPresent || UrlRules.IsBlank(field) || field.Scalar is null)
        {
            return;
        }

        var url = UrlAnalysis.Analyze(field.Text!);
        var authority = url.Authority?.Trim() ?? string.Empty;
        if (ControlPlanes.RegionOfHost(authority) is not null)
        {
            return;
        }

        var region = UrlRules.KnownRegion(context);
        var fix = region is { } r ? Fix.ReplaceValue(field, ControlPlanes.BaseUrl(r)) : null;
        context.Report(field, Rule.Format(Describe(authority, region)), fix);
    }

    private static string Describe(string authority, Region? region)
    {
        var use = region is { } r
            ? $"use '{ControlPlanes.Host(r)}', the {r} control plane"
            : "use the host of the organisation's control plane (controlPlane in the StrongDM settings is inconsistent, see SL106)";
        if (authority.Length == 0)
        {
            return $"has no host; {use}";
        }

        var colon = authority.LastIndexOf(':');
        if (colon > 0 && ControlPlanes.RegionOfHost(authority[..colon]) is { } portRegion)
        {
            var port = authority[(colon + 1)..];
            var target = region is { } r2 && r2 != portRegion ? $"; {use}" : string.Empty;
            return $"host '{authority}' has port '{port}'; remove ':{port}' (the vendor's Base URLs use the default https port){target}";
        }

        var host = authority.ToLowerInvariant().TrimEnd('.');
        if (host == "app.us.strongdm.com")
        {
            return $"host '{authority}' is not a StrongDM control plane: the US control plane has no region label ('app.strongdm.com'); {use}";
        }

        return $"host '{authority}' is not a StrongDM control plane (those are {KnownHosts}); {use}";
    }
}
