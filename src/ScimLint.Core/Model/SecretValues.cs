using System.Text.RegularExpressions;
using ScimLint.Documents;

namespace ScimLint.Model;

/// <summary>
/// Finds secret values beyond the declared secret fields (<see cref="ModelSecrets"/>), so that redaction can work by
/// value: every scalar under a secret-looking key (<see cref="IsSecretKey"/>), whatever the shape below it;
/// credentials inside URLs (user-info, and query or matrix parameters such as <c>?token=</c> or <c>;token=</c>); and a
/// high-entropy string sitting in a field that expects a URL, host or region (a token pasted into <c>baseUrl</c>).
/// </summary>
internal static partial class SecretValues
{
    /// <summary>
    /// Key names (compared without case, <c>_</c> or <c>-</c>) whose values are secret. Also every key ending in one of
    /// <see cref="SecretSuffixes"/>. <c>current</c> and <c>previous</c> are StrongDM's two token slots and count only
    /// below a token-like key.
    /// </summary>
    public static IReadOnlyList<string> SecretKeys { get; } =
    [
        "token", "tokne", "toekn", "tokn", "scimtoken", "apitoken", "accesstoken", "bearertoken", "bearer", "apikey",
        "xapikey", "secret", "clientsecret", "password", "passwd", "pwd", "passphrase", "authorization", "auth",
        "credential", "credentials", "privatekey", "sig", "signature",
    ];

    /// <summary>Key endings that make a key secret (<c>sdmScimToken</c>, <c>jcApiKey</c>, <c>adminPassword</c>).</summary>
    public static IReadOnlyList<string> SecretSuffixes { get; } = ["token", "tokne", "secret", "password", "apikey", "credential", "credentials"];

    /// <summary>Fields that expect a URL, host or region; a high-entropy value there is treated as a secret.</summary>
    public static IReadOnlyList<string> UrlLikeKeys { get; } = ["baseurl", "ssourl", "url", "host", "region", "bookmarkurl", "loginurl"];

    /// <summary>Whether a key names a secret (see <see cref="SecretKeys"/>).</summary>
    public static bool IsSecretKey(string key, bool belowToken = false)
    {
        var normal = Normalize(key);
        return SecretKeys.Contains(normal) || SecretSuffixes.Any(s => normal.EndsWith(s, StringComparison.Ordinal))
            || (belowToken && normal is "current" or "previous" or "value" or "old" or "new");
    }

    /// <summary>Whether a key is one of <see cref="UrlLikeKeys"/>.</summary>
    public static bool IsUrlLikeKey(string key) => UrlLikeKeys.Contains(Normalize(key));

    /// <summary>Collects the secret scalars of a tree (by key and shape) and the secret parts of URL values.</summary>
    public static void Collect(DocNode? root, List<DocScalar> scalars, List<string> values) => Walk(root, false, false, scalars, values, null);

    /// <summary>
    /// The properties of a tree whose key expects a URL, host or region (<see cref="UrlLikeKeys"/>) and whose value
    /// looks like a secret (<see cref="LooksLikeSecret"/>): the same values <see cref="Collect"/> hands to redaction,
    /// in document order. SL306 reports each.
    /// </summary>
    public static IReadOnlyList<DocProperty> InUrlFields(DocNode? root)
    {
        var found = new List<DocProperty>();
        Walk(root, false, false, [], [], found);
        return found;
    }

    private static void Walk(DocNode? node, bool secret, bool belowToken, List<DocScalar> scalars, List<string> values, List<DocProperty>? inUrlFields)
    {
        switch (node)
        {
            case DocScalar scalar:
                if (secret && !IsMetadata(scalar.Value))
                {
                    scalars.Add(scalar);
                }
                else if (scalar.Value is { Length: > 0 } text)
                {
                    values.AddRange(UrlCredentials(text));
                }

                break;
            case DocMapping mapping:
                foreach (var property in mapping.Properties)
                {
                    var key = property.Key.Value;
                    var isSecret = secret || IsSecretKey(key, belowToken);
                    if (!isSecret && IsUrlLikeKey(key) && property.Value is DocScalar { Value: { } candidate } valueScalar && LooksLikeSecret(candidate))
                    {
                        scalars.Add(valueScalar);
                        inUrlFields?.Add(property);
                        continue;
                    }

                    Walk(property.Value, isSecret, belowToken || Normalize(key).Contains("token", StringComparison.Ordinal), scalars, values, inUrlFields);
                }

                break;
            case DocSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Walk(item, secret, belowToken, scalars, values, inUrlFields);
                }

                break;
        }
    }

    /// <summary>
    /// A date, time, number or boolean below a secret key (a token block's <c>createdAt</c>, <c>rotatedAt</c>) is
    /// metadata, not a secret: masking it would also mask every other date that shares eight characters with it.
    /// </summary>
    private static bool IsMetadata(string? value) =>
        value is null
        || bool.TryParse(value, out _)
        || double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        || DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    /// <summary>The credentials inside a URL-like string: user-info, and values of secret-looking parameters.</summary>
    public static IEnumerable<string> UrlCredentials(string text)
    {
        if (!text.Contains("://", StringComparison.Ordinal) && !text.Contains('=', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match match in UserInfo().Matches(text))
        {
            foreach (var part in match.Groups["info"].Value.Split(':'))
            {
                if (part.Length >= 4)
                {
                    yield return Uri.UnescapeDataString(part);
                    yield return part;
                }
            }
        }

        foreach (Match match in Parameter().Matches(text))
        {
            if (IsSecretKey(match.Groups["key"].Value) || Normalize(match.Groups["key"].Value) is "key" or "code" or "accesstoken")
            {
                var value = match.Groups["value"].Value;
                if (value.Length >= 4)
                {
                    yield return value;
                    yield return Uri.UnescapeDataString(value);
                }
            }
        }

        foreach (var segment in text.Split('/', '?', '&', ';', '#', '=', '@', ':'))
        {
            if (LooksLikeSecret(segment))
            {
                yield return segment;
            }
        }
    }

    /// <summary>
    /// Whether a string looks like a secret: at least 20 characters, no spaces, at least three of lower case, upper
    /// case, digits and symbols, and a Shannon entropy of at least 3.5 bits per character. Host names, paths, regions
    /// and words fail at least one of these. A relative URL (<c>/provisioning/generic/v2/Users?filter=userName</c>)
    /// is judged by its path segments and query parts, so that only a secret inside it counts.
    /// </summary>
    public static bool LooksLikeSecret(string value)
    {
        var text = value.Trim();
        if (text.Length < 20 || text.Any(char.IsWhiteSpace) || text.Contains("://", StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        if (text.StartsWith('/'))
        {
            return text.Split('/', '?', '&', '=', '#').Any(LooksLikeSecret);
        }

        var classes = (text.Any(char.IsAsciiLetterLower) ? 1 : 0) + (text.Any(char.IsAsciiLetterUpper) ? 1 : 0) + (text.Any(char.IsAsciiDigit) ? 1 : 0) + (text.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
        return classes >= 3 && Entropy(text) >= 3.5;
    }

    private static double Entropy(string text)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in text)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        return -counts.Values.Sum(n => (double)n / text.Length * Math.Log2((double)n / text.Length));
    }

    private static string Normalize(string key) => key.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    [GeneratedRegex(@"://(?<info>[^/@\s?#]+)@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"[?&;](?<key>[A-Za-z_][A-Za-z0-9_.-]*)=(?<value>[^&;#\s]+)")]
    private static partial Regex Parameter();
}
