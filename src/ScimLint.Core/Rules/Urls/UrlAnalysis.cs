namespace ScimLint.Rules.Urls;

/// <summary>One format problem of a URL, with its own message.</summary>
internal sealed record UrlProblem(string Code, string Message);

/// <summary>
/// Splits a URL as typed into a JumpCloud field and lists its format problems. Parsing is lenient on purpose so
/// that each mistake gets a precise message rather than "invalid URL".
/// </summary>
internal sealed class UrlAnalysis
{
    private UrlAnalysis(string raw)
    {
        Raw = raw;
    }

    /// <summary>The value as written.</summary>
    public string Raw { get; }

    /// <summary>The scheme (lower case), or null.</summary>
    public string? Scheme { get; private set; }

    /// <summary>The host with any port, as written.</summary>
    public string? Authority { get; private set; }

    /// <summary>The path, as written (empty when none).</summary>
    public string Path { get; private set; } = string.Empty;

    /// <summary>Format problems in a stable order.</summary>
    public IReadOnlyList<UrlProblem> Problems { get; private set; } = [];

    /// <summary>The path without trailing slashes and with empty segments collapsed.</summary>
    public string NormalizedPath
    {
        get
        {
            var segments = Path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return segments.Length == 0 ? "/" : "/" + string.Join('/', segments);
        }
    }

    /// <summary>Analyses a URL.</summary>
    public static UrlAnalysis Analyze(string raw)
    {
        var result = new UrlAnalysis(raw);
        var problems = new List<UrlProblem>();
        if (raw.Length > 0 && (char.IsWhiteSpace(raw[0]) || char.IsWhiteSpace(raw[^1])))
        {
            problems.Add(new UrlProblem("surrounding-whitespace", "has leading or trailing whitespace"));
        }

        var text = raw.Trim();
        if (text.Any(char.IsWhiteSpace))
        {
            problems.Add(new UrlProblem("inner-whitespace", "contains whitespace"));
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        string rest;
        if (schemeEnd > 0)
        {
            result.Scheme = text[..schemeEnd].ToLowerInvariant();
            rest = text[(schemeEnd + 3)..];
            if (result.Scheme != "https")
            {
                problems.Add(new UrlProblem("scheme", $"uses '{result.Scheme}://' instead of 'https://'"));
            }
        }
        else
        {
            rest = text;
            problems.Add(new UrlProblem("scheme", "has no 'https://' scheme"));
        }

        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            problems.Add(new UrlProblem("fragment", "has a fragment ('#...')"));
            rest = rest[..fragment];
        }

        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            problems.Add(new UrlProblem("query", "has a query string ('?...')"));
            rest = rest[..query];
        }

        result.SplitAuthorityAndPath(rest, problems);
        result.Problems = problems;
        return result;
    }

    /// <summary>Reads the authority and path of what follows the scheme, without query and fragment.</summary>
    private void SplitAuthorityAndPath(string rest, List<UrlProblem> problems)
    {
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        Path = slash >= 0 ? rest[slash..] : string.Empty;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            problems.Add(new UrlProblem("userinfo", "contains user info ('user@'); credentials never belong in the URL"));
            authority = authority[(at + 1)..];
        }

        Authority = authority;
        if (Path.Length > 1 && Path.EndsWith('/'))
        {
            problems.Add(new UrlProblem("trailing-slash", "ends with a trailing '/'"));
        }
        else if (Path == "/")
        {
            problems.Add(new UrlProblem("trailing-slash", "ends with a trailing '/'"));
        }

        if (Path.TrimEnd('/').Contains("//", StringComparison.Ordinal))
        {
            problems.Add(new UrlProblem("empty-segment", "has an empty path segment ('//')"));
        }
    }
}
