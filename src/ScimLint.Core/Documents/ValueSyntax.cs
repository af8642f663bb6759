using System.Text.Encodings.Web;
using System.Text.Json;
using ScimLint.Text;

namespace ScimLint.Documents;

/// <summary>
/// How one document's format writes a scalar value: quoting and escaping for a fix, and where a value's characters sit
/// in the source. Each loader supplies its own, so that no rule and no fix looks at quote characters or file names.
/// </summary>
internal abstract class ValueSyntax
{
    /// <summary>For scalars built outside a loader: nothing can be written.</summary>
    public static readonly ValueSyntax None = new NoSyntax();

    /// <summary>The syntax of a format, over the document's text.</summary>
    public static ValueSyntax For(DocumentFormat format, SourceText text) => format switch
    {
        DocumentFormat.Yaml => new YamlSyntax(text),
        DocumentFormat.Json => new JsonSyntax(text),
        DocumentFormat.CSharp => new CSharpSyntax(text),
        _ => None,
    };

    /// <summary>Gives every scalar of a tree this syntax.</summary>
    public void Attach(DocNode? node)
    {
        switch (node)
        {
            case DocScalar scalar:
                scalar.Syntax = this;
                break;
            case DocMapping mapping:
                var properties = mapping.Properties;
                for (var i = 0; i < properties.Count; i++)
                {
                    Attach(properties[i].Value);
                }

                break;
            case DocSequence sequence:
                var items = sequence.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    Attach(items[i]);
                }

                break;
        }
    }

    /// <summary>Where a fix of the scalar writes: its own span, or, for a C# constant of one use, the declaration's literal.</summary>
    public virtual SourceSpan FixSpan(DocScalar scalar) => scalar.Span;

    /// <summary>The text that replaces the scalar's span so that it holds <paramref name="value"/>; null when no fix can be written there.</summary>
    public abstract string? Encode(DocScalar scalar, string value);

    /// <summary>
    /// The spans that delete the value's characters before <paramref name="keepStart"/> and from
    /// <paramref name="keepEnd"/> on, leaving a scalar that reads as the kept characters; null when the source does
    /// not hold the value verbatim (escapes, folded lines, an expression) or the rest would read differently.
    /// </summary>
    public SourceSpan[]? TrimSpans(DocScalar scalar, int keepStart, int keepEnd)
    {
        if (keepEnd <= keepStart || keepEnd > scalar.Value.Length || VerbatimStart(scalar) is not { } start
            || !StaysString(scalar, scalar.Value[keepStart..keepEnd]))
        {
            return null;
        }

        var spans = new List<SourceSpan>();
        if (keepStart > 0)
        {
            spans.Add(Text!.Span(start, start + keepStart));
        }

        if (keepEnd < scalar.Value.Length)
        {
            spans.Add(Text!.Span(start + keepEnd, start + scalar.Value.Length));
        }

        return [.. spans];
    }

    /// <summary>The document's text.</summary>
    protected abstract SourceText? Text { get; }

    /// <summary>Whether an unquoted scalar holding only <paramref name="rest"/> still reads as that string.</summary>
    protected virtual bool StaysString(DocScalar scalar, string rest) => true;

    /// <summary>
    /// The source offset where the value starts, when the source between the quotes (or the unquoted source) is
    /// exactly the value: no escapes, no folded lines, no block scalar, no tag.
    /// </summary>
    protected virtual int? VerbatimStart(DocScalar scalar)
    {
        var span = scalar.Span;
        if (Text is null || !scalar.IsKnown || span.StartOffset < 0 || span.EndOffset > Text.Text.Length || span.Length == 0)
        {
            return null;
        }

        var raw = Text.Text.AsSpan(span.StartOffset, span.Length);
        if (raw.Length >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[^1] == raw[0])
        {
            return raw[1..^1].SequenceEqual(scalar.Value) ? span.StartOffset + 1 : null;
        }

        return !scalar.Quoted && raw.SequenceEqual(scalar.Value) ? span.StartOffset : null;
    }

    /// <summary>A double-quoted string with backslash escapes for <c>\</c> and <c>"</c> (YAML and C# agree on these).</summary>
    protected static string DoubleQuoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private sealed class NoSyntax : ValueSyntax
    {
        protected override SourceText? Text => null;

        public override string? Encode(DocScalar scalar, string value) => null;
    }

    private sealed class YamlSyntax(SourceText text) : ValueSyntax
    {
        protected override SourceText Text => text;

        // Quoted YAML stays double-quoted; a plain scalar stays plain.
        public override string? Encode(DocScalar scalar, string value) => scalar.Quoted ? DoubleQuoted(value) : value;

        // A plain scalar must not start with an indicator, or become null or a boolean.
        protected override bool StaysString(DocScalar scalar, string rest) =>
            scalar.Quoted || !("-?:,[]{}#&*!|>'\"%@`".Contains(rest[0], StringComparison.Ordinal) || rest is "~"
                || rest.Equals("null", StringComparison.OrdinalIgnoreCase) || rest.Equals("true", StringComparison.OrdinalIgnoreCase) || rest.Equals("false", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class JsonSyntax(SourceText text) : ValueSyntax
    {
        protected override SourceText Text => text;

        // Always a string, even where the value was null, a number or a boolean.
        public override string? Encode(DocScalar scalar, string value) =>
            "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value + "\"";
    }

    private sealed class CSharpSyntax(SourceText text) : ValueSyntax
    {
        protected override SourceText Text => text;

        // Only a regular string literal is the value itself; a constant is fixed at its declaration when that is its one
        // use (DeclaredAt); any other constant or expression is left to the author.
        public override string? Encode(DocScalar scalar, string value) =>
            (scalar.Origin == ValueOrigin.Literal && scalar.Quoted) || (scalar.Origin == ValueOrigin.Constant && scalar.DeclaredAt is not null) ? DoubleQuoted(value) : null;

        public override SourceSpan FixSpan(DocScalar scalar) => scalar.Origin == ValueOrigin.Constant && scalar.DeclaredAt is { } declared ? declared : scalar.Span;

        protected override int? VerbatimStart(DocScalar scalar) => scalar.Origin == ValueOrigin.Literal ? base.VerbatimStart(scalar) : null;
    }
}
