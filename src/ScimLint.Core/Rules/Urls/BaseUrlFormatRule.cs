using ScimLint.Model;

namespace ScimLint.Rules.Urls;

/// <summary>
/// SL103: the Base URL is missing or malformed: not https, a trailing or doubled slash, whitespace, a query or
/// fragment, or user info. One finding per problem.
/// </summary>
internal sealed class BaseUrlFormatRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL103",
        "base-url-format",
        "Base URL is malformed",
        "Base URL (identityManagement.baseUrl) {0}",
        Severity.Error,
        "The Base URL must be written exactly as https://<control-plane host>/provisioning/generic/v2: https, no trailing or doubled '/', no whitespace, query, fragment or user info. JumpCloud's troubleshooting says to remove a trailing '/', and StrongDM's own client builds request URLs as base + \"/\" + path.",
        ["correctness", "url"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        if (!context.App.IdentityManagement.IsPresent)
        {
            return;
        }

        var field = context.App.BaseUrl;
        var region = UrlRules.KnownRegion(context);
        var fix = region is { } r ? Fix.ReplaceValue(field, ControlPlanes.BaseUrl(r)) : null;
        if (field.Node is Documents.DocMapping or Documents.DocSequence)
        {
            context.Report(field, Rule.Format($"is a {(field.Node is Documents.DocMapping ? "mapping" : "list")}, not a URL; set it to {UrlRules.BaseUrlAdvice(region)}"));
            return;
        }

        if (UrlRules.IsBlank(field))
        {
            var state = !field.IsPresent ? "is missing" : field.HasValue ? "is blank" : "is empty (null)";

            // A null is not fixed: written in JSON, the URL would need quotes that a value replacement does not add.
            context.Report(field, Rule.Format($"{state}; set it to {UrlRules.BaseUrlAdvice(region)}"), field.HasValue ? fix : null);
            return;
        }

        foreach (var problem in UrlAnalysis.Analyze(field.Text!).Problems)
        {
            context.Report(field, Rule.Format(Describe(problem)), fix);
        }
    }

    private static string Describe(UrlProblem problem) => problem.Code switch
    {
        "surrounding-whitespace" => "has leading or trailing whitespace; remove it",
        "inner-whitespace" => "contains whitespace; remove it",
        "scheme" when problem.Message.StartsWith("uses", StringComparison.Ordinal) => $"{problem.Message}; use https so that the SCIM token never travels in clear text",
        "scheme" => "has no 'https://' scheme; start it with 'https://'",
        "fragment" => "has a fragment ('#...'); remove it",
        "query" => "has a query string ('?...'); remove it, or it ends up in the middle of every request path",
        "userinfo" => "contains user info ('user@'); remove it: credentials never belong in the URL, and JumpCloud authenticates with the token",
        "trailing-slash" => "ends with a trailing '/'; remove it (JumpCloud: \"Remove the trailing '/' from the Base URL value\")",
        "empty-segment" => "has an empty path segment ('//'); remove the extra '/'",
        _ => problem.Message,
    };
}
