using ScimLint.Model;

namespace ScimLint.Rules.Urls;

/// <summary>Helpers shared by the URL rules (SL101-SL105).</summary>
internal static class UrlRules
{
    /// <summary>
    /// The region whose canonical Base URL a fix may write, or null when it is not known. Paired: the settings' region
    /// when it is valid and <c>controlPlane.host</c> (if written) agrees with it, else null (SL106 reports the
    /// conflict, and a fix would only guess). Unpaired: the region of the Base URL or the bookmark URL, else a region
    /// label in a near-miss Base URL host (<c>app.eu.strongdm.co</c> is EU), else the vendor's default, US.
    /// </summary>
    public static Region? KnownRegion(JumpCloudContext context)
    {
        if (context.Settings is { } settings)
        {
            return SettledRegion(settings);
        }

        return ControlPlanes.RegionOfUrl(context.App.BaseUrl.Text)
            ?? ControlPlanes.RegionOfUrl(context.App.SsoUrl.Text)
            ?? RegionLabelOf(context.App.BaseUrl.Text is { } text ? UrlAnalysis.Analyze(text).Authority : null)
            ?? Region.US;
    }

    /// <summary>
    /// The region of a settings document when it is consistent: a valid <c>controlPlane.region</c> (US when absent)
    /// and no <c>controlPlane.host</c>, a blank one, or one on that region's control plane. Null otherwise.
    /// </summary>
    public static Region? SettledRegion(StrongDmSettings settings)
    {
        if (settings.Region is not { } region)
        {
            return null;
        }

        var host = settings.Host;
        if (!host.HasValue || (host.Scalar is { } s && string.IsNullOrWhiteSpace(s.Value)))
        {
            return region;
        }

        return ControlPlanes.RegionOfHost(host.Text) == region ? region : null;
    }

    /// <summary>
    /// The region named by a label of a host that is not a control plane (<c>eu</c>; <c>uk</c> or <c>gb</c>), or null.
    /// Only used to guess the intended region of a mistyped host.
    /// </summary>
    public static Region? RegionLabelOf(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var labels = host.Split(':')[0].Split('.', StringSplitOptions.TrimEntries);
        return labels.Any(l => l.Equals("eu", StringComparison.OrdinalIgnoreCase)) ? Region.EU
            : labels.Any(l => l.Equals("uk", StringComparison.OrdinalIgnoreCase) || l.Equals("gb", StringComparison.OrdinalIgnoreCase)) ? Region.UK
            : null;
    }

    /// <summary>
    /// Whether a field is missing, null or a blank scalar (a mapping or a list is not blank), or holds a value that is
    /// not known statically (a finding on it would be dropped, as no rule judges such a value).
    /// </summary>
    public static bool IsBlank(ModelField field) => !field.HasValue || !field.IsKnown || (field.Scalar is { } s && string.IsNullOrWhiteSpace(s.Value));

    /// <summary>What to set the Base URL to: the canonical URL of a known region, else its pattern.</summary>
    public static string BaseUrlAdvice(Region? region) => region is { } r
        ? ControlPlanes.BaseUrl(r)
        : $"https://<control-plane host>{ControlPlanes.GenericScimPath} for the organisation's region (controlPlane in the StrongDM settings is inconsistent, see SL106)";
}
