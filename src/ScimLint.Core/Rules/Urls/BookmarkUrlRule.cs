using ScimLint.Model;

namespace ScimLint.Rules.Urls;

/// <summary>SL104: the Bookmark URL must be exactly <c>https://&lt;control-plane host&gt;/app/login</c>.</summary>
internal sealed class BookmarkUrlRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL104",
        "bookmark-url",
        "Bookmark URL is not the StrongDM login URL",
        "Bookmark URL (application.ssoUrl) {0}",
        Severity.Error,
        "The Bookmark tab's URL must be https://<host>/app/login on the organisation's control plane (app.strongdm.com, app.uk.strongdm.com or app.eu.strongdm.com).",
        ["correctness", "url"]);

    // Format slips: the URL still opens the right login page. A wrong host, region, scheme or path stays an error.
    private static readonly HashSet<string> FormatSlips = new(StringComparer.Ordinal) { "trailing-slash", "empty-segment", "surrounding-whitespace" };

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var field = context.App.SsoUrl;
        var region = UrlRules.KnownRegion(context);
        if (!field.HasValue || string.IsNullOrWhiteSpace(field.Text))
        {
            context.Report(field, Rule.Format(region is { } r
                ? $"is missing; set it to {ControlPlanes.BookmarkUrl(r)}"
                : "is missing; set it to https://<your control plane's host>/app/login"));
            return;
        }

        var url = UrlAnalysis.Analyze(field.Text!);
        var fix = region is { } known ? Fix.ReplaceValue(field, ControlPlanes.BookmarkUrl(known)) : null;
        foreach (var problem in url.Problems)
        {
            // The bookmark only opens the login page; a slip that still reaches it does not affect provisioning.
            context.Report(field, Rule.Format(problem.Message), fix, FormatSlips.Contains(problem.Code) ? Severity.Warning : null);
        }

        if (ControlPlanes.RegionOfHost(url.Authority) is null)
        {
            context.Report(field, Rule.Format($"host '{url.Authority}' is not a StrongDM control plane (app.strongdm.com, app.uk.strongdm.com, app.eu.strongdm.com)"), fix);
        }

        if (string.Equals(url.NormalizedPath, ControlPlanes.BookmarkPath, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(url.NormalizedPath, ControlPlanes.BookmarkPath, StringComparison.Ordinal))
        {
            context.Report(field, Rule.Format($"path '{url.Path}' differs from '{ControlPlanes.BookmarkPath}' only in letter case"), fix, Severity.Warning);
        }
        else if (!string.Equals(url.NormalizedPath, ControlPlanes.BookmarkPath, StringComparison.Ordinal))
        {
            context.Report(field, Rule.Format($"path is '{url.Path}', not '{ControlPlanes.BookmarkPath}'"), fix);
        }
    }
}
