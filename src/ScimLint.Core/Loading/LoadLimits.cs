namespace ScimLint.Loading;

/// <summary>Caps that keep hostile input from exhausting memory or the stack.</summary>
internal sealed record LoadLimits
{
    /// <summary>The default limits.</summary>
    public static LoadLimits Default { get; } = new();

    /// <summary>The largest file read, in bytes. Real exports are a few kilobytes.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>
    /// The deepest nesting of parentheses, brackets and braces in C# source, checked before Roslyn parses it (its parser
    /// recurses per level). Real configuration classes nest a dozen levels.
    /// </summary>
    public int MaxCSharpNesting { get; init; } = 256;

    /// <summary>The most nodes a document may have once YAML aliases are expanded.</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>
    /// How many loaded documents a run keeps in memory beyond those it still needs (inputs waiting for the
    /// cross-document rules, exports merged with sidecars). The least recently used are dropped and loaded again if a
    /// later search needs them, so that memory does not grow with the number of documents.
    /// </summary>
    public int MaxCachedDocuments { get; init; } = 512;

    /// <summary>How many walked files the document phase loads, binds and checks at a time (in parallel) before the
    /// cross-document rules run on the inputs that are ready.</summary>
    public int DocumentBatch { get; init; } = 256;
}
