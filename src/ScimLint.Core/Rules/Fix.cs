using ScimLint.Model;
using ScimLint.Text;

namespace ScimLint.Rules;

/// <summary>Replace the exact text of <see cref="Span"/> with <see cref="Text"/>.</summary>
public sealed record Replacement(SourceSpan Span, string Text);

/// <summary>A machine-applicable fix: one or more non-overlapping replacements in one file.</summary>
public sealed record Fix(string Description, IReadOnlyList<Replacement> Replacements)
{
    /// <summary>
    /// Replaces a scalar value, written the way the document's format writes it (the loader decides: JSON strings and
    /// quoted YAML stay quoted, a C# string literal stays a C# string literal). Returns null for a sensitive node (a fix
    /// never writes a token) and where the format cannot write the value at that spot (a C# constant or expression is
    /// fixed where it is declared).
    /// </summary>
    public static Fix? ReplaceValue(ModelField field, string newValue, string? description = null)
    {
        if (field.IsSensitive || field.Scalar is not { } scalar || scalar.Span.Length == 0 || scalar.Syntax.Encode(scalar, newValue) is not { } text)
        {
            return null;
        }

        return new Fix(description ?? $"Replace the value with '{newValue}'", [new Replacement(scalar.Syntax.FixSpan(scalar), text)]);
    }

    /// <summary>
    /// Keeps only the characters <c>[keepStart, keepEnd)</c> of a scalar's value by deleting the rest in place (for
    /// example a <c>Bearer </c> prefix and surrounding whitespace). Nothing is written, so this is allowed on a secret.
    /// Returns null when the source does not hold the value verbatim or the rest would read differently.
    /// </summary>
    public static Fix? Trim(ModelField field, int keepStart, int keepEnd, string description) =>
        field.Scalar is { } scalar && scalar.Syntax.TrimSpans(scalar, keepStart, keepEnd) is { } spans ? Delete(description, spans) : null;

    /// <summary>Deletes spans (for example a <c>Bearer </c> prefix) without writing the rest of the value.</summary>
    public static Fix Delete(string description, params SourceSpan[] spans) =>
        new(description, [.. spans.Select(s => new Replacement(s, string.Empty))]);

    /// <summary>Applies the replacements of fixes to a text; overlapping replacements after the first are skipped.</summary>
    internal static string Apply(string text, IEnumerable<Replacement> replacements)
    {
        var ordered = replacements.OrderByDescending(r => r.Span.StartOffset).ToList();
        var builder = new System.Text.StringBuilder(text);
        var floor = int.MaxValue;
        foreach (var r in ordered)
        {
            if (r.Span.EndOffset > floor)
            {
                continue;
            }

            builder.Remove(r.Span.StartOffset, r.Span.Length).Insert(r.Span.StartOffset, r.Text);
            floor = r.Span.StartOffset;
        }

        return builder.ToString();
    }
}
