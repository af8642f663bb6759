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

    // The lists above as arrays, searched for every key of every document without an enumerator or a closure.
    private static readonly string[] SecretKeyArray = [.. SecretKeys];
    private static readonly string[] SecretSuffixArray = [.. SecretSuffixes];
    private static readonly string[] UrlLikeKeyArray = [.. UrlLikeKeys];

    // Keys up to this length are normalised on the stack; longer ones (rare) in arrays.
    private const int StackKeyLength = 128;

    /// <summary>Whether a key names a secret (see <see cref="SecretKeys"/>).</summary>
    public static bool IsSecretKey(string key, bool belowToken = false) => FactsOf(key, belowToken).Secret;

    /// <summary>Whether a key is one of <see cref="UrlLikeKeys"/>.</summary>
    public static bool IsUrlLikeKey(string key) => FactsOf(key, false).UrlLike;

    /// <summary>
    /// What a key says, from its normalised form (<see cref="Normalize(string)"/>), computed once: whether it names a
    /// secret, expects a URL, host or region, and mentions a token (what is below it is then <c>belowToken</c>).
    /// </summary>
    private static (bool Secret, bool UrlLike, bool Token) FactsOf(string key, bool belowToken)
    {
        Span<char> kept = key.Length <= StackKeyLength ? stackalloc char[StackKeyLength] : new char[key.Length];
        Span<char> lower = key.Length <= StackKeyLength ? stackalloc char[StackKeyLength] : new char[key.Length];
        return FactsOfNormal(Normalize(key, kept, lower), belowToken);
    }

    private static (bool Secret, bool UrlLike, bool Token) FactsOfNormal(ReadOnlySpan<char> normal, bool belowToken)
    {
        var secret = In(normal, SecretKeyArray)
            || (belowToken && (normal.SequenceEqual("current") || normal.SequenceEqual("previous") || normal.SequenceEqual("value") || normal.SequenceEqual("old") || normal.SequenceEqual("new")));
        foreach (var suffix in SecretSuffixArray)
        {
            secret |= normal.EndsWith(suffix, StringComparison.Ordinal);
        }

        return (secret, In(normal, UrlLikeKeyArray), normal.Contains("token", StringComparison.Ordinal));
    }

    private static bool In(ReadOnlySpan<char> value, string[] list)
    {
        foreach (var item in list)
        {
            if (value.SequenceEqual(item))
            {
                return true;
            }
        }

        return false;
    }

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
                var properties = mapping.Properties;
                for (var i = 0; i < properties.Count; i++)
                {
                    var property = properties[i];
                    var key = FactsOf(property.Key.Value, belowToken);
                    var isSecret = secret || key.Secret;
                    if (!isSecret && key.UrlLike && property.Value is DocScalar { Value: { } candidate } valueScalar && LooksLikeSecret(candidate))
                    {
                        scalars.Add(valueScalar);
                        inUrlFields?.Add(property);
                        continue;
                    }

                    Walk(property.Value, isSecret, belowToken || key.Token, scalars, values, inUrlFields);
                }

                break;
            case DocSequence sequence:
                var items = sequence.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    Walk(items[i], secret, belowToken, scalars, values, inUrlFields);
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
    public static IEnumerable<string> UrlCredentials(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.Contains('=', StringComparison.Ordinal) ? CredentialsIn(text) : [];

    // Every scalar of every document is asked; the iterator is built only for one that can hold a credential.
    private static IEnumerable<string> CredentialsIn(string text)
    {
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
        if (text.Length < 20 || HasWhiteSpace(text) || text.Contains("://", StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        if (text.StartsWith('/'))
        {
            return text.Split('/', '?', '&', '=', '#').Any(LooksLikeSecret);
        }

        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in text)
        {
            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            digit |= char.IsAsciiDigit(c);
            other |= !char.IsAsciiLetterOrDigit(c);
        }

        var classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return classes >= 3 && Entropy(text) >= 3.5;
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
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

    private static string Normalize(string key) => new(Normalize(key, new char[key.Length], new char[key.Length]));

    // The key without '_' and '-', in lower case (how keys are compared with the lists above), written to lower
    // through kept (both at least as long as the key).
    private static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> key, Span<char> kept, Span<char> lower)
    {
        var length = 0;
        foreach (var c in key)
        {
            if (c is not ('_' or '-'))
            {
                kept[length++] = c;
            }
        }

        return lower[..kept[..length].ToLowerInvariant(lower)];
    }

    [GeneratedRegex(@"://(?<info>[^/@\s?#]+)@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"[?&;](?<key>[A-Za-z_][A-Za-z0-9_.-]*)=(?<value>[^&;#\s]+)")]
    private static partial Regex Parameter();
}
