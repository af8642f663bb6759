using System.Collections.Concurrent;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;

namespace ScimLint.Engine;

/// <summary>
/// Stage 2, document loading: reads each file at most once per run and keeps what it loaded. Bytes read by a
/// pre-check (<see cref="Peek"/>) are handed to the load that follows; a file that will not be loaded has its bytes
/// dropped (<see cref="Forget"/>). Loaded documents go through <see cref="DocumentBinder"/> and are cached bound.
/// </summary>
internal sealed class DocumentStore(Workspace workspace, LoadLimits limits)
{
    // How much of a file too large to parse is read to decide whether it is ours.
    private const int HeadBytes = 64 * 1024;

    private readonly Dictionary<string, BoundDocument?> _cache = new(StringComparer.Ordinal);
    // Written by the parallel document phase (one file per thread), so concurrent; the cache is filled in input order
    // after it (Add), so that everything derived from it is in the same order whatever the number of threads.
    private readonly ConcurrentDictionary<string, string> _undecoded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _peeked = new(StringComparer.Ordinal);

    /// <summary>The load limits of this run.</summary>
    public LoadLimits Limits => limits;

    /// <summary>Every document loaded so far (files that could not be read are left out).</summary>
    public IEnumerable<BoundDocument> Loaded => _cache.Values.OfType<BoundDocument>();

    /// <summary>Whether a file was loaded (or failed to read) already; <paramref name="bound"/> is then its document.</summary>
    public bool TryGetLoaded(string fullPath, out BoundDocument? bound) => _cache.TryGetValue(fullPath, out bound);

    /// <summary>
    /// The text of a document for judging whether it is ours: a leniently decoded copy when the file could not be
    /// decoded (too large, UTF-16, invalid UTF-8), else its text.
    /// </summary>
    public string SniffedText(string fullPath, BoundDocument bound) =>
        _undecoded.TryGetValue(fullPath, out var sniffed) ? sniffed : bound.Document.Text.Text;

    /// <summary>
    /// Loads and binds a file, once. A read error throws <see cref="LintUsageException"/> when
    /// <paramref name="mustRead"/> (an input), else yields null (a pairing candidate).
    /// </summary>
    public BoundDocument? Load(string fullPath, bool mustRead)
    {
        if (_cache.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        var bound = LoadUncached(fullPath, mustRead);
        _cache[fullPath] = bound;
        return bound;
    }

    /// <summary>
    /// Loads and binds a file without caching it; safe to call for different files at once. The caller hands the
    /// result to <see cref="Add"/>.
    /// </summary>
    public BoundDocument? LoadUncached(string fullPath, bool mustRead)
    {
        try
        {
            return DocumentBinder.Bind(Read(fullPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return mustRead ? throw new LintUsageException($"{workspace.Display(fullPath)}: cannot read file: {ex.Message}") : null;
        }
    }

    /// <summary>Caches a document loaded by <see cref="LoadUncached"/>.</summary>
    public void Add(string fullPath, BoundDocument? bound) => _cache[fullPath] = bound;

    /// <summary>The bytes of a file, read once and kept for its load.</summary>
    public byte[] Peek(string fullPath)
    {
        if (!_peeked.TryGetValue(fullPath, out var bytes))
        {
            bytes = workspace.IsStdin(fullPath) ? workspace.Stdin!.Bytes : workspace.FileSystem.File.ReadAllBytes(fullPath);
            _peeked[fullPath] = bytes;
        }

        return bytes;
    }

    /// <summary>Drops the bytes of a file that will not be loaded; returns false for use in a condition.</summary>
    public bool Forget(string fullPath)
    {
        _peeked.TryRemove(fullPath, out _);
        return false;
    }

    /// <summary>The length of a file in bytes.</summary>
    public long Length(string fullPath) => workspace.IsStdin(fullPath) ? workspace.Stdin!.Bytes.Length : workspace.FileSystem.FileInfo.New(fullPath).Length;

    private SourceDocument Read(string fullPath)
    {
        var display = workspace.Display(fullPath);
        if (workspace.IsStdin(fullPath))
        {
            return DocumentLoader.Load(display, workspace.Stdin!.Bytes, limits, () => CSharpSiblings(fullPath), workspace.Stdin.Format);
        }

        var length = Length(fullPath);
        if (length > limits.MaxFileBytes)
        {
            _undecoded[fullPath] = Sniff(ReadHead(fullPath));
            return DocumentLoader.Oversized(display, length, limits);
        }

        var bytes = _peeked.TryRemove(fullPath, out var peeked) ? peeked : workspace.FileSystem.File.ReadAllBytes(fullPath);
        var document = DocumentLoader.Load(display, bytes, limits, () => CSharpSiblings(fullPath));
        if (document.Root is null && document.Diagnostics.Count > 0)
        {
            // Perhaps not decoded (UTF-16, invalid UTF-8): keep a lenient decoding to judge whether it is ours.
            _undecoded[fullPath] = Sniff(bytes);
        }

        return document;
    }

    // C# values may refer to constants, enums and records declared in any C# file of the run.
    private const int MaxCSharpCompanions = 1024;
    private readonly ConcurrentDictionary<string, string?> _csharpTexts = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _runCSharp = [];

    /// <summary>The C# files of this run (inputs named or walked), whose declarations every C# document may use.</summary>
    public void UseCSharpFilesOfRun(IEnumerable<string> fullPaths) =>
        _runCSharp = [.. fullPaths.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// The other C# files beside a C# file and of the run, for declarations used across files (bounded in count and
    /// size; read once per run, and only when a value needs them).
    /// </summary>
    private List<string> CSharpSiblings(string fullPath)
    {
        var fs = workspace.FileSystem;
        var dir = fs.Path.GetDirectoryName(fullPath)!;
        return [.. fs.Directory.GetFiles(dir, "*.cs").Order(StringComparer.Ordinal).Concat(_runCSharp)
            .Where(f => !string.Equals(f, fullPath, StringComparison.Ordinal) && LinkPolicy.MayRead(workspace, f))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxCSharpCompanions)
            .Select(CSharpText)
            .OfType<string>()];
    }

    // Concurrent: C# documents of the parallel document phase share it.
    private string? CSharpText(string fullPath) => _csharpTexts.GetOrAdd(fullPath, ReadCSharp);

    private string? ReadCSharp(string fullPath)
    {
        var fs = workspace.FileSystem;
        try
        {
            // Decoded here, leniently (a BOM is honoured, invalid UTF-8 replaced), not by the file system: a sibling
            // with invalid bytes must not throw (the fuzz campaign found that an IFileSystem may decode strictly).
            if (fs.FileInfo.New(fullPath).Length > limits.MaxFileBytes)
            {
                return null;
            }

            using var reader = new StreamReader(new MemoryStream(fs.File.ReadAllBytes(fullPath)), new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private byte[] ReadHead(string fullPath)
    {
        using var stream = workspace.FileSystem.File.OpenRead(fullPath);
        var buffer = new byte[HeadBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    /// <summary>Decodes bytes leniently (UTF-16 by its byte order mark, else UTF-8 with replacement), without NULs.</summary>
    private static string Sniff(byte[] bytes)
    {
        var text = bytes switch
        {
            [0xFF, 0xFE, ..] => System.Text.Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2),
            [0xFE, 0xFF, ..] => System.Text.Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2),
            _ => System.Text.Encoding.UTF8.GetString(bytes),
        };
        return text.Replace("\0", string.Empty, StringComparison.Ordinal);
    }
}
