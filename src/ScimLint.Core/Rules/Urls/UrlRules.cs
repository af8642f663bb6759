using ScimLint.Model;

namespace ScimLint.Rules.Urls;

/// <summary>Helpers shared by the URL rules (SL101-SL105).</summary>
internal static class UrlRules
{
    /// <summary>
    /// The region the URLs should use: the paired control plane's (US when absent); unpaired, the region of the
    /// URLs when they agree; else US.
    /// </summary>
    public static Region ExpectedRegion(JumpCloudContext context)
    {
        if (context.Settings is { } settings)
        {
            return settings.Region ?? Region.US;
        }

        var base_ = ControlPlanes.RegionOfUrl(context.App.BaseUrl.Text);
        var bookmark = ControlPlanes.RegionOfUrl(context.App.SsoUrl.Text);
        return base_ ?? bookmark ?? Region.US;
    }

    /// <summary>The canonical bookmark URL for a region.</summary>
    public static string CanonicalBookmark(UrlAnalysis url, Region region) => ControlPlanes.BookmarkUrl(region);

    /// <summary>The canonical Base URL for a region.</summary>
    public static string CanonicalBaseUrl(Region region) => ControlPlanes.BaseUrl(region);
}
