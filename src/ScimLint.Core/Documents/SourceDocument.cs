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
}
