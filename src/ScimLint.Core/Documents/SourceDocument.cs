using ScimLint.Text;

namespace ScimLint.Documents;

/// <summary>The format a document was read from.</summary>
public enum DocumentFormat
{
    /// <summary>YAML 1.2.</summary>
    Yaml,

    /// <summary>JSON (comments allowed).</summary>
    Json,

    /// <summary>C# source: object initializers, read with Roslyn.</summary>
    CSharp,
}

/// <summary>A comment kept by a loader, for inline suppressions.</summary>
public sealed record SourceComment(SourceSpan Span, string Text);

/// <summary>A problem the loader found: a syntax error, an encoding error, a duplicate key or a limit.</summary>
public sealed record LoadDiagnostic(SourceSpan Span, string Message);

/// <summary>
/// One configuration object of a C# file that holds several (<see cref="SourceDocument.Groups"/>): its tree, whether it
/// is StrongDM settings (else a JumpCloud export), and the index among the file's groups of the settings it pairs
/// with in the same file (<see cref="NoPartner"/> when the file holds no settings, <see cref="AmbiguousPartner"/>
/// when several are equally close).
/// </summary>
internal sealed record DocumentGroup(DocMapping Root, bool IsSettings, int Partner)
{
    /// <summary>The file holds no StrongDM settings: the usual directory rules pair the export.</summary>
    public const int NoPartner = -2;

    /// <summary>The file holds several StrongDM settings and none is closer to the export than the others.</summary>
    public const int AmbiguousPartner = -1;
}

/// <summary>A loaded input file: its text, tree, comments and load problems.</summary>
public sealed class SourceDocument
{
    /// <summary>Creates a document.</summary>
    public SourceDocument(SourceText text, DocumentFormat format, DocNode? root, IReadOnlyList<SourceComment> comments, IReadOnlyList<LoadDiagnostic> diagnostics)
    {
        Text = text;
        Format = format;
        Root = root;
        Comments = comments;
        Diagnostics = diagnostics;

        // The loader's format decides how a value is written back (quoting, escaping) for fixes.
        ValueSyntax.For(format, text).Attach(root);
    }

    /// <summary>The display path.</summary>
    public string Path => Text.Path;

    /// <summary>The decoded text and line map.</summary>
    public SourceText Text { get; }

    /// <summary>The format.</summary>
    public DocumentFormat Format { get; }

    /// <summary>The root node, or null when the file did not parse.</summary>
    public DocNode? Root { get; }

    /// <summary>The comments, in source order.</summary>
    public IReadOnlyList<SourceComment> Comments { get; }

    /// <summary>Load problems (SL001).</summary>
    public IReadOnlyList<LoadDiagnostic> Diagnostics { get; }

    /// <summary>
    /// The configuration objects of a C# file that holds more than one (each a JumpCloud export or StrongDM
    /// settings, in source order; <see cref="Root"/> is then a sequence of their roots); empty otherwise.
    /// </summary>
    internal IReadOnlyList<DocumentGroup> Groups { get; init; } = [];

    /// <summary>
    /// Where a finding about the whole document points: from the start of the root value to the end of its first line
    /// (an empty span at the start of the file when there is no root).
    /// </summary>
    public SourceSpan FirstLineSpan
    {
        get
        {
            var line = Root?.Span.StartLine ?? 1;
            var start = Root?.Span.StartOffset ?? 0;
            var end = Math.Max(start, Text.GetOffset(line, 1) + Text.GetLine(line).Length);
            return Text.Span(start, end);
        }
    }
}
