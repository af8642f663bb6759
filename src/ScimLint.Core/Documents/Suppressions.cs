using System.Text.RegularExpressions;
using ScimLint.Text;

namespace ScimLint.Documents;

/// <summary>
/// One inline suppression: <c># scimlint: ignore[SL104,SL105] reason</c> (or <c>//</c> in JSON and C#). A comment at
/// the end of a line applies to that line; a comment alone on its line applies to the next line that holds anything
/// but comments.
/// </summary>
/// <param name="Span">The comment.</param>
/// <param name="Rules">The rule IDs or names as written.</param>
/// <param name="Reason">Why, as written (may be empty).</param>
/// <param name="Line">The 1-based line whose findings it suppresses.</param>
public sealed record Suppression(SourceSpan Span, IReadOnlyList<string> Rules, string Reason, int Line);

/// <summary>Finds the suppressions among a document's comments.</summary>
internal static partial class Suppressions
{
    /// <summary>The suppressions of a document, in source order.</summary>
    public static IReadOnlyList<Suppression> Parse(SourceDocument document)
    {
        var result = new List<Suppression>();
        foreach (var comment in document.Comments)
        {
            var match = Directive().Match(comment.Text);
            if (!match.Success)
            {
                continue;
            }

            var rules = match.Groups["rules"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var line = comment.Span.StartLine;
            var before = document.Text.GetLine(line)[..Math.Min(comment.Span.StartColumn - 1, document.Text.GetLine(line).Length)];
            if (string.IsNullOrWhiteSpace(before))
            {
                line = NextContentLine(document, comment.Span.EndLine);
            }

            result.Add(new Suppression(comment.Span, rules, match.Groups["reason"].Value.Trim(), line));
        }

        return result;
    }

    private static int NextContentLine(SourceDocument document, int afterLine)
    {
        var commentLines = document.Comments.Select(c => c.Span.StartLine).ToHashSet();
        for (var line = afterLine + 1; line <= document.Text.LineCount; line++)
        {
            var text = document.Text.GetLine(line).Trim();
            if (text.Length > 0 && !(commentLines.Contains(line) && (text.StartsWith('#') || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("/*", StringComparison.Ordinal))))
            {
                return line;
            }
        }

        return afterLine + 1;
    }

    [GeneratedRegex(@"^\s*scimlint:\s*ignore\[(?<rules>[^\]]*)\](?<reason>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();
}
