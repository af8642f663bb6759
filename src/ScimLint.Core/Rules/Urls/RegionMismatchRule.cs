using ScimLint.Model;

namespace ScimLint.Rules.Urls;

/// <summary>SL105: the bookmark or Base URL host points at another region than the control plane.</summary>
internal sealed class RegionMismatchRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL105",
        "region-mismatch",
        "URLs point at a different region than the control plane",
        "{0} points at the {1} control plane, but {2}: bookmark says {3}, Base URL says {4}, StrongDM control plane is {5}",
        Severity.Error,
        "The organisation's control-plane region decides which host JumpCloud must use, not the admin's location. The default region is US. A URL on another region's host provisions nobody, or the wrong tenant.",
        ["correctness", "region"]);

    public override RuleDescriptor Descriptor => Rule;

    public override bool CrossFile => true;

    public override void CheckApp(JumpCloudContext context)
    {
        var bookmark = ControlPlanes.RegionOfUrl(context.App.SsoUrl.Text);
        var baseUrl = ControlPlanes.RegionOfUrl(context.App.BaseUrl.Text);
        var controlPlane = context.Settings?.Region;
        string Say(Region? r) => r?.ToString() ?? "unknown";
        var summary = (Say(bookmark), Say(baseUrl), context.Settings is null ? "not known (no StrongDM settings paired)" : controlPlane is null ? "invalid" : Say(controlPlane));

        if (context.Settings is not null)
        {
            if (controlPlane is not { } expected)
            {
                return;
            }

            // A fix is only safe when the settings agree with themselves (SL106 reports it otherwise).
            var settled = UrlRules.SettledRegion(context.Settings) is not null;

            if (bookmark is { } b && b != expected)
            {
                context.Report(context.App.SsoUrl, Rule.Format("the bookmark URL", b, $"the organisation's control plane is {expected}", summary.Item1, summary.Item2, summary.Item3), settled ? Fix.ReplaceValue(context.App.SsoUrl, ControlPlanes.BookmarkUrl(expected)) : null);
            }

            if (baseUrl is { } u && u != expected)
            {
                context.Report(context.App.BaseUrl, Rule.Format("the Base URL", u, $"the organisation's control plane is {expected}", summary.Item1, summary.Item2, summary.Item3), settled ? Fix.ReplaceValue(context.App.BaseUrl, ControlPlanes.BaseUrl(expected)) : null);
            }

            return;
        }

        if (bookmark is { } bm && baseUrl is { } bu && bm != bu)
        {
            context.Report(context.App.SsoUrl, Rule.Format("the bookmark URL", bm, $"the Base URL points at {bu}", summary.Item1, summary.Item2, summary.Item3));
            context.Report(context.App.BaseUrl, Rule.Format("the Base URL", bu, $"the bookmark URL points at {bm}", summary.Item1, summary.Item2, summary.Item3));
        }
    }
}
