using System.Buffers;
using System.Text;
using System.Text.Unicode;
using ScimLint.Documents;
using ScimLint.Text;

namespace ScimLint.Loading;

/// <summary>Turns file bytes into a <see cref="SourceDocument"/>: checks size and encoding, then dispatches on the extension.</summary>
internal static class DocumentLoader
{
    /// <summary>The file extensions ScimLint reads.</summary>
    public static bool IsSupportedExtension(string path)
    {
        var ext = System.IO.Path.GetExtension(path);
        return ext.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".json", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".jsonc", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".cs", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The format implied by a file's extension.</summary>
    public static DocumentFormat FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" or ".jsonc" => DocumentFormat.Json,
        ".cs" => DocumentFormat.CSharp,
        _ => DocumentFormat.Yaml,
    };

    /// <summary>Loads a document from its bytes. Never throws for bad input: problems become diagnostics.</summary>
    /// <param name="displayPath">The path shown in findings (relative, forward slashes).</param>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="limits">Caps for hostile input.</param>
    /// <param name="companions">For C#: the declarations of the run's other C# files, asked for only when a value needs them.</param>
    /// <param name="format">The format, when not the one the path's extension implies (a document read from stdin).</param>
    public static SourceDocument Load(string displayPath, ReadOnlySpan<byte> bytes, LoadLimits? limits = null, Func<CSharpCompanions>? companions = null, DocumentFormat? format = null)
    {
        limits ??= LoadLimits.Default;
        var chosen = format ?? FormatOf(displayPath);

        if (bytes.Length > limits.MaxFileBytes)
        {
            return Oversized(displayPath, bytes.Length, limits);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return Failed(displayPath, string.Empty, chosen, "file is UTF-16 encoded; save it as UTF-8");
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        // Decoded into a pooled buffer: the document's string is then the only allocation.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        string decoded;
        try
        {
            var status = Utf8.ToUtf16(bytes, chars.AsSpan(0, bytes.Length), out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var prefix = new string(chars, 0, charsWritten);
                var badByte = bytesRead < bytes.Length ? bytes[bytesRead] : (byte)0;
                var text = new SourceText(displayPath, prefix);
                var span = text.Span(prefix.Length, prefix.Length);
                return new SourceDocument(text, chosen, null, [], [new LoadDiagnostic(span, $"invalid UTF-8: byte 0x{badByte:X2} at offset {bytesRead}; save the file as UTF-8")]);
            }

            decoded = new string(chars, 0, charsWritten);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        var nul = decoded.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var text = new SourceText(displayPath, decoded);
            return new SourceDocument(text, chosen, null, [], [new LoadDiagnostic(text.Span(nul, nul + 1), "file contains a NUL character; it is binary, not YAML or JSON")]);
        }

        var source = new SourceText(displayPath, decoded);
        return chosen switch
        {
            DocumentFormat.Json => JsonDocumentLoader.Load(source, limits),
            DocumentFormat.CSharp => LoadCSharp(source, limits, companions),
            _ => YamlDocumentLoader.Load(source, limits),
        };
    }

    // A separate method so that the JIT resolves Roslyn only when a C# file is actually read.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SourceDocument LoadCSharp(SourceText source, LoadLimits limits, Func<CSharpCompanions>? companions) =>
        CSharpGuard.Load(source, limits, () => CSharpDocumentLoader.Load(source, limits, companions));

    /// <summary>The document of a file too large to read: one diagnostic, no tree.</summary>
    public static SourceDocument Oversized(string displayPath, long length, LoadLimits limits) =>
        Failed(displayPath, string.Empty, FormatOf(displayPath), $"file is {length} bytes, more than the {limits.MaxFileBytes}-byte limit; it was not parsed");

    /// <summary>Loads a document from text (tests and C# callers).</summary>
    public static SourceDocument LoadText(string displayPath, string text, LoadLimits? limits = null) =>
        Load(displayPath, Encoding.UTF8.GetBytes(text), limits);

    private static SourceDocument Failed(string path, string text, DocumentFormat format, string message)
    {
        var source = new SourceText(path, text);
        return new SourceDocument(source, format, null, [], [new LoadDiagnostic(source.Span(0, 0), message)]);
    }
}
