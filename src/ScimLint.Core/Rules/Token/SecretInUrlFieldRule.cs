using ScimLint.Model;

namespace ScimLint.Rules.Token;

/// <summary>
/// SL306: a field that expects a URL, host or region holds what looks like a secret (a token pasted into
/// <c>baseUrl</c>, the URL into <c>token</c>). The value is masked in every output like any secret; this rule says so.
/// </summary>
internal sealed class SecretInUrlFieldRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL306",
        "secret-in-url-field",
        "A URL, host or region field holds what looks like a secret",
        "looks like a secret in `{0}`, where {1} belongs; if fields were swapped, put {1} back, keep the secret out of the file (a reference such as ${{env:SDM_SCIM_TOKEN}} in the token field) and rekey it in StrongDM, because it stays in the repository's history",
        Severity.Error,
        "A high-entropy string (20 or more characters without spaces, dots or '://', three kinds of characters, at least 3.5 bits of entropy per character) sits in a field that expects a URL, host or region: baseUrl, ssoUrl, url, host, region, bookmarkUrl, loginUrl. This is what a token pasted into the wrong field looks like. ScimLint masks the value in every output; the token is still committed.",
        ["security", "token"],
        8.5);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckDocument(DocumentContext context)
    {
        var doc = context.Document;
        if (doc.Kind == DocumentKind.Unknown || doc.Document.Root is null)
        {
            return;
        }

        foreach (var property in SecretValues.InUrlFields(doc.Document.Root))
        {
            if (property.Value is Documents.DocScalar { IsKnown: true } value)
            {
                context.ReportSecret(value, Rule.Format(property.Key.Value, Expected(property.Key.Value)));
            }
        }
    }

    private static string Expected(string key) => key.ToLowerInvariant() switch
    {
        "region" => "a region",
        "host" => "a host name",
        _ => "a URL",
    };
}
