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
}
