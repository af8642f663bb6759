using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScimLint.Documents;
using ScimLint.Text;

namespace ScimLint.Loading;

/// <summary>Reads JSON (comments allowed, trailing commas not) with <see cref="Utf8JsonReader"/> into a <see cref="DocNode"/> tree.</summary>
internal static partial class JsonDocumentLoader
{
    public static SourceDocument Load(SourceText text, LoadLimits limits)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Text);
        var comments = new List<SourceComment>();
        var diagnostics = new List<LoadDiagnostic>();
        var offsets = new ByteToCharMap(bytes);
        DocNode? root = null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Allow,
            AllowTrailingCommas = false,
            MaxDepth = limits.MaxDepth,
        });
        try
        {
            if (!Read(ref reader, comments, text, offsets))
            {
                var end = text.Text.Length;
                diagnostics.Add(new LoadDiagnostic(text.Span(end, end), "JSON syntax error: the file holds no value"));
            }
            else
            {
                var nodes = 0;
                root = ParseValue(ref reader, string.Empty, text, offsets, comments, diagnostics, limits, ref nodes);
                if (Read(ref reader, comments, text, offsets))
                {
                    var at = offsets.CharOffset((int)reader.TokenStartIndex);
                    diagnostics.Add(new LoadDiagnostic(text.Span(at, at), "JSON syntax error: unexpected content after the root value"));
                }
            }
        }
        catch (JsonException ex)
        {
            var at = ErrorOffset(bytes, ex, offsets);
            diagnostics.Add(new LoadDiagnostic(text.Span(at, at), Clean(ex.Message, limits)));
            root = null;
        }
        catch (LimitException ex)
        {
            diagnostics.Add(new LoadDiagnostic(ex.Span, ex.Message));
            root = null;
        }

        return new SourceDocument(text, DocumentFormat.Json, root, comments, diagnostics);
    }

    private static bool Read(ref Utf8JsonReader reader, List<SourceComment> comments, SourceText text, ByteToCharMap offsets)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.Comment)
            {
                return true;
            }

            var start = offsets.CharOffset((int)reader.TokenStartIndex);
            var end = offsets.CharOffset((int)reader.BytesConsumed);
            while (end > start && text.Text[end - 1] is '\n' or '\r')
            {
                // A // comment ends at its line break; the break belongs to the next line, not the comment.
                end--;
            }

            comments.Add(new SourceComment(text.Span(start, end), reader.GetComment()));
        }

        return false;
    }

    private static DocNode ParseValue(
        ref Utf8JsonReader reader,
        string path,
        SourceText text,
        ByteToCharMap offsets,
        List<SourceComment> comments,
        List<LoadDiagnostic> diagnostics,
        LoadLimits limits,
        ref int nodes)
    {
        if (++nodes > limits.MaxNodes)
        {
            var at = offsets.CharOffset((int)reader.TokenStartIndex);
            throw new LimitException(text.Span(at, at), $"more than {limits.MaxNodes} values; the file was not parsed");
        }

        var start = offsets.CharOffset((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ParseObject(ref reader, path, text, offsets, comments, diagnostics, limits, ref nodes, start);

            case JsonTokenType.StartArray:
            {
                var items = new List<DocNode>();
                while (Read(ref reader, comments, text, offsets) && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ParseValue(ref reader, SharedStrings.Child(path, items.Count.ToString(CultureInfo.InvariantCulture)), text, offsets, comments, diagnostics, limits, ref nodes));
                }

                var end = offsets.CharOffset((int)reader.TokenStartIndex + 1);
                return new DocSequence(text.Span(start, end), path, items);
            }

            case JsonTokenType.String:
            {
                var end = offsets.CharOffset((int)reader.TokenStartIndex + reader.ValueSpan.Length + 2);
                var span = text.Span(start, end);
                return new DocScalar(span, path, GetString(ref reader, span), ScalarKind.String, quoted: true);
            }

            case JsonTokenType.Number:
            {
                var end = offsets.CharOffset((int)reader.TokenStartIndex + reader.ValueSpan.Length);
                return new DocScalar(text.Span(start, end), path, Encoding.UTF8.GetString(reader.ValueSpan), ScalarKind.Number, quoted: false);
            }

            case JsonTokenType.True or JsonTokenType.False:
            {
                var end = offsets.CharOffset((int)reader.TokenStartIndex + reader.ValueSpan.Length);
                return new DocScalar(text.Span(start, end), path, reader.TokenType == JsonTokenType.True ? "true" : "false", ScalarKind.Boolean, quoted: false);
            }

            default:
            {
                var end = offsets.CharOffset((int)reader.TokenStartIndex + reader.ValueSpan.Length);
                return new DocScalar(text.Span(start, end), path, string.Empty, ScalarKind.Null, quoted: false);
            }
        }
    }

    private static DocMapping ParseObject(
        ref Utf8JsonReader reader,
        string path,
        SourceText text,
        ByteToCharMap offsets,
        List<SourceComment> comments,
        List<LoadDiagnostic> diagnostics,
        LoadLimits limits,
        ref int nodes,
        int start)
    {
        var properties = new List<DocProperty>();
        var seen = new Dictionary<string, DocScalar>(StringComparer.Ordinal);
        while (Read(ref reader, comments, text, offsets) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyStart = offsets.CharOffset((int)reader.TokenStartIndex);
            var keyEnd = offsets.CharOffset((int)reader.TokenStartIndex + reader.ValueSpan.Length + 2);
            var name = GetString(ref reader, text.Span(keyStart, keyEnd));
            var key = new DocScalar(text.Span(keyStart, keyEnd), SharedStrings.Child(path, DocNode.Escape(name)), name, ScalarKind.String, quoted: true);
            Read(ref reader, comments, text, offsets);
            var value = ParseValue(ref reader, key.Path, text, offsets, comments, diagnostics, limits, ref nodes);
            if (seen.TryGetValue(name, out var first))
            {
                diagnostics.Add(new LoadDiagnostic(key.Span, $"duplicate key '{name}' (first defined at line {first.Span.StartLine})"));
                continue;
            }

            seen.Add(name, key);
            value.Key ??= key;
            properties.Add(new DocProperty(key, value));
        }

        var end = offsets.CharOffset((int)reader.TokenStartIndex + 1);
        return new DocMapping(text.Span(start, end), path, properties);
    }

    private static string GetString(ref Utf8JsonReader reader, SourceSpan span)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // A \u escape of a lone UTF-16 surrogate: valid JSON syntax, but not text.
            throw new LimitException(span, "JSON syntax error: this string has a \\u escape of a lone UTF-16 surrogate, which is not a character");
        }
    }

    private static int ErrorOffset(byte[] bytes, JsonException ex, ByteToCharMap offsets)
    {
        if (ex.LineNumber is not { } line || ex.BytePositionInLine is not { } column)
        {
            return 0;
        }

        // Utf8JsonReader counts lines at LF only, and columns in bytes.
        var lineStart = 0;
        for (long l = 0; l < line && lineStart < bytes.Length; l++)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', lineStart);
            if (next < 0)
            {
                break;
            }

            lineStart = next + 1;
        }

        var byteOffset = (int)Math.Min(bytes.Length, lineStart + column);
        return offsets.CharOffsetAnywhere(byteOffset);
    }

    private static string Clean(string message, LoadLimits limits)
    {
        message = Suffix().Replace(message, string.Empty).Trim().TrimEnd('.');
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"nesting deeper than {limits.MaxDepth} levels; the file was not parsed";
        }

        // Utf8JsonReader's wording speaks to the programmer ("change the reader options", "isFinalBlock").
        if (message.Contains("trailing comma", StringComparison.Ordinal))
        {
            return "JSON syntax error: trailing comma before the closing bracket; JSON allows none";
        }

        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "JSON syntax error: the file holds no value";
        }

        return message.Length == 0 ? "JSON syntax error" : "JSON syntax error: " + message;
    }

    [GeneratedRegex(@"\s*(LineNumber: \d+ \| BytePositionInLine: \d+\.?|Path: \$[^ ]*)\s*", RegexOptions.None)]
    private static partial Regex Suffix();

    private sealed class LimitException(SourceSpan span, string message) : Exception(message)
    {
        public SourceSpan Span { get; } = span;
    }

    /// <summary>Converts UTF-8 byte offsets to UTF-16 offsets; optimised for ascending queries.</summary>
    private sealed class ByteToCharMap(byte[] bytes)
    {
        private int _byte;
        private int _char;

        public int CharOffset(int byteOffset)
        {
            byteOffset = Math.Clamp(byteOffset, 0, bytes.Length);
            if (byteOffset < _byte)
            {
                _byte = 0;
                _char = 0;
            }

            _char += Encoding.UTF8.GetCharCount(bytes, _byte, byteOffset - _byte);
            _byte = byteOffset;
            return _char;
        }

        public int CharOffsetAnywhere(int byteOffset)
        {
            // An error may sit inside a multi-byte character; back off to its first byte.
            while (byteOffset > 0 && byteOffset < bytes.Length && (bytes[byteOffset] & 0xC0) == 0x80)
            {
                byteOffset--;
            }

            return CharOffset(byteOffset);
        }
    }
}
