using System.Text.RegularExpressions;
using ScimLint.Documents;
using ScimLint.Model;

namespace ScimLint.Rules.Token;

/// <summary>
/// What a token value looks like, shared by SL302-SL304. Nothing here returns or formats the value itself: callers
/// get booleans, lengths and spans only.
/// </summary>
internal static partial class TokenText
{
    /// <summary>The documentation's example token (StrongDM, Provisioning With JumpCloud).</summary>
    public const string DocsExample = "aabb12fjfl445...jkhksjhf98345un";

    // Whole values (compared lower-case, with '-', '_', ' ' and '.' removed) that are obviously not a token.
    private static readonly HashSet<string> Placeholders = new(StringComparer.Ordinal)
    {
        "token", "scimtoken", "yourtoken", "yourscimtoken", "yourtokenhere", "yourscimtokenhere", "tokenhere",
        "inserttoken", "inserttokenhere", "pastetoken", "pastetokenhere", "puttokenhere", "changeme", "changeit",
        "replaceme", "todo", "tbd", "fixme", "placeholder", "dummy", "example", "secret", "redacted",
    };

    /// <summary>The scalar's text, when the field holds a known string or number scalar (not null, not a boolean, not a reference or expression).</summary>
    public static string? ValueOf(ModelField field) =>
        field.Scalar is { Kind: ScalarKind.String or ScalarKind.Number, IsKnown: true } s ? s.Value : null;

    /// <summary>The token without surrounding whitespace and without a leading <c>Bearer </c>.</summary>
    public static string Core(string value)
    {
        var shape = Analyze(value);
        return value[shape.CoreStart..shape.CoreEnd];
    }

    /// <summary>Whether the value (after trimming and dropping a <c>Bearer </c> prefix) is a reference or masked value.</summary>
    public static bool IsReference(string value) => TokenValues.IsReference(Core(value));

    /// <summary>
    /// Whether the value is the documentation's example or an obvious placeholder. Checked on <see cref="Core"/>:
    /// a value containing <c>...</c> or <c>…</c> (a truncated example), a fragment of the documentation's example, a
    /// value wrapped in angle brackets (<c>&lt;token&gt;</c>), a value made only of <c>x</c> (3 or more, separators
    /// allowed), one of a short list of words (<c>changeme</c>, <c>TODO</c>, <c>your-token-here</c>, ...), or a value
    /// starting with <c>TODO</c>, <c>FIXME</c> or <c>TBD</c> as a word. Case-insensitive.
    /// </summary>
    public static bool IsPlaceholder(string value)
    {
        var core = Core(value);
        if (core.Length == 0 || TokenValues.IsReference(core))
        {
            return false;
        }

        if (core.Contains("...", StringComparison.Ordinal) || core.Contains('…', StringComparison.Ordinal)
            || ContainsDocsExample(core)
            || AngleBracketed().IsMatch(core) || TodoPrefix().IsMatch(core))
        {
            return true;
        }

        var normalized = Separators().Replace(Wrappers().Replace(core.ToLowerInvariant(), string.Empty), string.Empty);
        return Placeholders.Contains(normalized) || AllX().IsMatch(normalized);
    }

    /// <summary>Whether the text holds the documentation's example token or one of its two halves.</summary>
    public static bool ContainsDocsExample(string text) =>
        text.Contains("aabb12fjfl445", StringComparison.OrdinalIgnoreCase) || text.Contains("jkhksjhf98345un", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the bare token sits inside a value: whitespace, a <c>Bearer </c> prefix, whitespace inside.</summary>
    public static TokenShape Analyze(string value)
    {
        var start = 0;
        while (start < value.Length && char.IsWhiteSpace(value[start]))
        {
            start++;
        }

        var leading = start;
        var bearer = BearerPrefix().Match(value, start);
        var hasBearer = bearer.Success && bearer.Index == start;
        if (hasBearer)
        {
            start += bearer.Length;
        }

        var end = value.Length;
        while (end > start && char.IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        // A reference may contain spaces by its own syntax (${{ secrets.NAME }}).
        var inner = false;
        for (var i = start; i < end; i++)
        {
            if (char.IsWhiteSpace(value[i]))
            {
                inner = !TokenValues.IsReference(value[start..end]);
                break;
            }
        }

        var trailingText = value.AsSpan(end);
        return new TokenShape(
            leading,
            hasBearer,
            start,
            end,
            value.Length - end,
            inner,
            trailingText.ContainsAny('\n', '\r') || value.AsSpan(0, leading).ContainsAny('\n', '\r'));
    }

    [GeneratedRegex(@"\Gbearer\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPrefix();

    [GeneratedRegex(@"^<[^<>]*>$")]
    private static partial Regex AngleBracketed();

    [GeneratedRegex(@"^(todo|fixme|tbd)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TodoPrefix();

    [GeneratedRegex(@"^[<\[{(""']+|[>\]})""']+$")]
    private static partial Regex Wrappers();

    [GeneratedRegex(@"[-_ .]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^x{3,}$")]
    private static partial Regex AllX();
}

/// <summary>
/// The layout of a token value: <c>[leading whitespace][Bearer + whitespace][core][trailing whitespace]</c>, as
/// offsets into the value.
/// </summary>
internal readonly record struct TokenShape(int Leading, bool Bearer, int CoreStart, int CoreEnd, int Trailing, bool InnerWhitespace, bool LineBreakOutside)
{
    /// <summary>Whether anything is wrong.</summary>
    public bool IsMalformed => Leading > 0 || Bearer || Trailing > 0 || InnerWhitespace;

    /// <summary>Whether deleting the prefix and the trailing whitespace leaves a clean token.</summary>
    public bool IsFixableByDeletion => IsMalformed && !InnerWhitespace && CoreEnd > CoreStart;
}
