namespace ScimLint.Text;

/// <summary>Decoded file text with a line map. Lines end at LF, CRLF or a lone CR.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    // An excerpt (internal: what a run keeps of a file with findings for the reporters) holds only some lines, each
    // with the offset where it starts; its Text is empty, and GetLine answers only for the lines it holds.
    private readonly Dictionary<int, (int Start, string Text)>? _excerpt;
    private readonly int _excerptLineCount;
    private readonly int _excerptLength;

    /// <summary>Creates the text of the file at <paramref name="path"/> (a display path, forward slashes).</summary>
    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;

        // Counted first, so that the map is one exact array (no growing list and copy for every file of a run).
        _lineStarts = new int[LineStarts(text, null) + 1];
        LineStarts(text, _lineStarts);
    }

    // The start of every line after the first (LF, CRLF, lone CR), written from starts[1] when starts is given; returns their number.
    private static int LineStarts(string text, int[]? starts)
    {
        var count = 0;
        var i = 0;
        while (text.AsSpan(i).IndexOfAny('\r', '\n') is var next and >= 0)
        {
            i += next;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            i++;
            count++;
            if (starts is not null)
            {
                starts[count] = i;
            }
        }

        return count;
    }

    /// <summary>The display path: relative to the working directory, forward slashes.</summary>
    public string Path { get; }

    /// <summary>The decoded text.</summary>
    public string Text { get; }

    /// <summary>The number of lines.</summary>
    public int LineCount => _excerpt is null ? _lineStarts.Length : _excerptLineCount;

    // The line map of every excerpt (it answers from its own lines): one array for all of them.
    private static readonly int[] ExcerptLineStarts = [0];

    private SourceText(string path, Dictionary<int, (int Start, string Text)> excerpt, int lineCount, int length)
    {
        Path = path;
        Text = string.Empty;
        _lineStarts = ExcerptLineStarts;
        _excerpt = excerpt;
        _excerptLineCount = lineCount;
        _excerptLength = length;
    }

    /// <summary>Whether this is an excerpt (<see cref="Excerpt"/>): only some lines, no <see cref="Text"/>.</summary>
    internal bool IsExcerpt => _excerpt is not null;

    /// <summary>
    /// An excerpt holding only <paramref name="lines"/> (1-based; others are ignored): <see cref="LineCount"/>,
    /// <see cref="GetLine"/> and <see cref="GetOffset"/> at column 1 answer as the whole text does for those lines,
    /// which is all a code frame and a region need. <see cref="Text"/> is empty. <paramref name="share"/> gives the
    /// copy of a line to keep (a run keeps one copy of lines that repeat across files).
    /// </summary>
    internal SourceText Excerpt(IEnumerable<int> lines, Func<string, string>? share = null)
    {
        var kept = new Dictionary<int, (int Start, string Text)>();
        foreach (var line in lines)
        {
            if (line >= 1 && line <= LineCount && !kept.ContainsKey(line))
            {
                var text = GetLine(line);
                kept[line] = (GetOffset(line, 1), share is null ? text : share(text));
            }
        }

        return new SourceText(Path, kept, LineCount, IsExcerpt ? _excerptLength : Text.Length);
    }

    /// <summary>The lines an excerpt holds (none for a whole text).</summary>
    internal IEnumerable<int> ExcerptLines => _excerpt?.Keys ?? Enumerable.Empty<int>();

    /// <summary>Whether this text can answer for every one of <paramref name="lines"/> (a whole text always can).</summary>
    internal bool Holds(IEnumerable<int> lines) => _excerpt is null || lines.All(l => l < 1 || l > LineCount || _excerpt.ContainsKey(l));

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
        if (_excerpt is not null)
        {
            return _excerpt.TryGetValue(line, out var kept) ? Math.Clamp(kept.Start + column - 1, 0, _excerptLength) : 0;
        }

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
        if (_excerpt is not null)
        {
            return _excerpt.TryGetValue(line, out var kept) ? kept.Text : string.Empty;
        }

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
