namespace ScimLint.Text;

/// <summary>
/// An exact region of a source file. Lines and columns are 1-based; <see cref="EndColumn"/> is exclusive,
/// as in SARIF. Columns count UTF-16 code units. Offsets index the decoded text (without a byte order mark).
/// </summary>
public readonly record struct SourceSpan(
    string Path,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    int StartOffset,
    int EndOffset)
{
    /// <summary>The number of characters covered.</summary>
    public int Length => EndOffset - StartOffset;

    /// <summary>Formats the start as <c>path:line:column</c>.</summary>
    public override string ToString() => $"{Path}:{StartLine}:{StartColumn}";
}
