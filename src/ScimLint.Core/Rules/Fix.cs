using ScimLint.Model;
using ScimLint.Text;

namespace ScimLint.Rules;

/// <summary>Replace the exact text of <see cref="Span"/> with <see cref="Text"/>.</summary>
public sealed record Replacement(SourceSpan Span, string Text);

/// <summary>A machine-applicable fix: one or more non-overlapping replacements in one file.</summary>
public sealed record Fix(string Description, IReadOnlyList<Replacement> Replacements)
{
    /// <summary>
    /// Replaces a scalar value, keeping its quoting style (JSON strings and quoted YAML stay quoted).
    /// Returns null for a sensitive node: a fix never writes a token.
    /// </summary>
    public static Fix? ReplaceValue(ModelField field, string newValue, string? description = null)
    {
        if (field.IsSensitive || field.Scalar is not { } scalar || scalar.Span.Length == 0)
        {
            return null;
        }

        // In C#, only a string literal is the value itself; a constant or expression is fixed where it is declared.
        if (scalar.Span.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !scalar.Quoted)
        {
            return null;
        }

        var text = newValue;
        if (scalar.Span.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // JSON: always a string, even where the value was null, a number or a boolean.
            text = "\"" + System.Text.Json.JsonEncodedText.Encode(newValue, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";
        }
        else if (scalar.Quoted)
        {
            // Quoted YAML stays quoted (plain stays plain); a C# string literal stays a C# string literal.
            text = "\"" + newValue.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }

        return new Fix(description ?? $"Replace the value with '{newValue}'", [new Replacement(scalar.Span, text)]);
    }

    /// <summary>Deletes spans (for example a <c>Bearer </c> prefix) without writing the rest of the value.</summary>
    public static Fix Delete(string description, params SourceSpan[] spans) =>
        new(description, [.. spans.Select(s => new Replacement(s, string.Empty))]);

    /// <summary>Applies the replacements of fixes to a text; overlapping replacements after the first are skipped.</summary>
    public static string Apply(string text, IEnumerable<Replacement> replacements)
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
