using ScimLint.Text;

namespace ScimLint.Reporting;

/// <summary>Normalises spans for renderers: never line 0, never an empty region where a character exists.</summary>
internal static class Regions
{
    public static SourceSpan Normalize(SourceSpan span, SourceText? text)
    {
        var startLine = Math.Max(1, span.StartLine);
        var startColumn = Math.Max(1, span.StartColumn);
        var endLine = Math.Max(startLine, span.EndLine);
        var endColumn = endLine == startLine ? Math.Max(startColumn, span.EndColumn) : Math.Max(1, span.EndColumn);
        if (endLine == startLine && endColumn == startColumn)
        {
            var lineLength = text?.GetLine(startLine).Length ?? 0;
            if (startColumn <= lineLength)
            {
                endColumn = startColumn + 1;
            }
        }

        return span with { StartLine = startLine, StartColumn = startColumn, EndLine = endLine, EndColumn = endColumn };
    }
}
