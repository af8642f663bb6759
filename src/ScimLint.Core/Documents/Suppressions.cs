using System.Globalization;
using System.Text.RegularExpressions;
using ScimLint.Text;

namespace ScimLint.Documents;

/// <summary>
/// One inline suppression: <c># scimlint: ignore[SL104,SL105 until 2027-03-31] reason</c> (or <c>//</c> in JSON and
/// C#). A comment at the end of a line applies to that line; a comment alone on its line applies to the next line that
/// holds anything but comments.
/// </summary>
/// <param name="Span">The comment.</param>
/// <param name="Rules">The rule IDs or names as written.</param>
/// <param name="Reason">Why, as written (may be empty: SL008 then reports it, and it still applies).</param>
/// <param name="Line">The 1-based line whose findings it suppresses.</param>
public sealed record Suppression(SourceSpan Span, IReadOnlyList<string> Rules, string Reason, int Line)
{
    /// <summary>The last day (UTC) the suppression applies, from <c>until YYYY-MM-DD</c>; null: no expiry (or not a date, see <see cref="UntilText"/>).</summary>
    public DateOnly? Until { get; init; }

    /// <summary>The text after <c>until</c> as written; null when there is none. Not a date when <see cref="Until"/> is null (SL005).</summary>
    public string? UntilText { get; init; }
}

/// <summary>Finds the suppressions among a document's comments.</summary>
internal static partial class Suppressions
{
    /// <summary>The suppressions of a document, in source order. Linear in the number of lines and comments.</summary>
    public static IReadOnlyList<Suppression> Parse(SourceDocument document)
    {
        var result = new List<Suppression>();
        int[]? nextContent = null;
        foreach (var comment in document.Comments)
        {
            var match = Directive().Match(comment.Text);
            if (!match.Success)
            {
                continue;
            }

            var inside = match.Groups["rules"].Value;
            var until = UntilClause().Match(inside);
            var rules = (until.Success ? until.Groups["rules"].Value : inside).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var line = comment.Span.StartLine;
            var lineText = document.Text.GetLine(line);
            var before = lineText.AsSpan(0, Math.Clamp(comment.Span.StartColumn - 1, 0, lineText.Length));
            if (before.IsWhiteSpace())
            {
                // Computed once per document: a file of 100,000 comment lines must not rescan the rest of the file
                // for each of them.
                nextContent ??= NextContentLines(document);
                var after = comment.Span.EndLine + 1;
                line = after < nextContent.Length && nextContent[after] > 0 ? nextContent[after] : comment.Span.EndLine + 1;
            }

            result.Add(new Suppression(comment.Span, rules, match.Groups["reason"].Value.Trim(), line) with
            {
                UntilText = until.Success ? until.Groups["date"].Value : null,
                Until = until.Success && DateOnly.TryParseExact(until.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            });
        }

        return result;
    }

    /// <summary>
    /// For each 1-based line, the first line at or after it that holds anything but comments (0 when there is none).
    /// One backward pass over the lines.
    /// </summary>
    private static int[] NextContentLines(SourceDocument document)
    {
        var count = document.Text.LineCount;
        var commentLines = new bool[count + 2];
        foreach (var comment in document.Comments)
        {
            if (comment.Span.StartLine >= 1 && comment.Span.StartLine <= count)
            {
                commentLines[comment.Span.StartLine] = true;
            }
        }

        var next = new int[count + 2];
        for (var line = count; line >= 1; line--)
        {
            var text = document.Text.GetLine(line).AsSpan().Trim();
            var content = text.Length > 0 && !(commentLines[line] && (text.StartsWith('#') || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("/*", StringComparison.Ordinal)));
            next[line] = content ? line : next[line + 1];
        }

        return next;
    }

    /// <summary>The suppressions of one file indexed by the line they cover, for a constant-time lookup per finding.</summary>
    public static ILookup<int, Suppression> ByLine(IReadOnlyList<Suppression> suppressions) => suppressions.ToLookup(s => s.Line);

    [GeneratedRegex(@"^\s*scimlint:\s*ignore\[(?<rules>[^\]]*)\](?<reason>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();

    /// <summary><c>SL205, SL104 until 2027-03-31</c>: the rules, then the last day.</summary>
    [GeneratedRegex(@"^(?<rules>.*?)\s*\buntil\b\s*(?<date>\S*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UntilClause();
}
