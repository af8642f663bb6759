namespace ScimLint.Text;

/// <summary>Decoded file text with a line map. Lines end at LF, CRLF or a lone CR.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    /// <summary>Creates the text of the file at <paramref name="path"/> (a display path, forward slashes).</summary>
    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>The display path: relative to the working directory, forward slashes.</summary>
    public string Path { get; }

    /// <summary>The decoded text.</summary>
    public string Text { get; }

    /// <summary>The number of lines.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Returns the 1-based line and column of a character offset.</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        if (offset > 0 && offset < Text.Length && Text[offset] == '\n' && Text[offset - 1] == '\r')
        {
            // Between the two characters of a CRLF (Roslyn reports an unterminated literal there): the line's end.
            offset--;
        }

        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>Returns the character offset of a 1-based line and column.</summary>
    public int GetOffset(int line, int column)
    {
        line = Math.Clamp(line, 1, _lineStarts.Length);
        return Math.Clamp(_lineStarts[line - 1] + column - 1, 0, Text.Length);
    }

    /// <summary>Builds a span between two character offsets.</summary>
    public SourceSpan Span(int start, int end)
    {
        if (end < start)
        {
            end = start;
        }

        var (sl, sc) = GetPosition(start);
        var (el, ec) = GetPosition(end);
        return new SourceSpan(Path, sl, sc, el, ec, start, end);
    }

    /// <summary>Returns the text of a 1-based line without its line break.</summary>
    public string GetLine(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }
}
