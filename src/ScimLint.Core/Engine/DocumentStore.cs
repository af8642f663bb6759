using System.Collections.Concurrent;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Redaction;

namespace ScimLint.Engine;

/// <summary>
/// Stage 2, document loading: reads each file once per run while its document is needed, and keeps a digest of every
/// document it loaded (<see cref="DocumentDigest"/>: what redaction, suppressions and the reporters need). Bytes read
/// by a pre-check (<see cref="Peek"/>) are handed to the load that follows; a file that will not be loaded has its
/// bytes dropped (<see cref="Forget"/>). Loaded documents go through <see cref="DocumentBinder"/> and are cached bound;
/// the cache is bounded (<see cref="Trim"/>), so memory stays flat in the number of documents: a document dropped and
/// needed again by a later search is loaded again, which gives the same document.
/// </summary>
internal sealed class DocumentStore(Workspace workspace, LoadLimits limits)
{
    // How much of a file too large to parse is read to decide whether it is ours.
    private const int HeadBytes = 64 * 1024;

    private readonly Dictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    // What the run keeps of every document it loaded, by full path, in the order they were first loaded; the
    // documents themselves are dropped (Trim) once nothing needs them.
    private readonly Dictionary<string, DocumentDigest> _digests = new(StringComparer.Ordinal);
    private long _clock;

    // Written by the parallel document phase (one file per thread), so concurrent; the cache is filled in input order
    // after it (Add), so that everything derived from it is in the same order whatever the number of threads.
    private readonly ConcurrentDictionary<string, string> _undecoded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _peeked = new(StringComparer.Ordinal);

    /// <summary>The load limits of this run.</summary>
    public LoadLimits Limits => limits;

    /// <summary>What the run keeps of every document it loaded (files that could not be read are left out), in first-load order.</summary>
    public IEnumerable<DocumentDigest> Digests => _digests.Values;

    /// <summary>How many documents are in memory now (for tests of the cache).</summary>
    internal int CachedCount => _cache.Count;

    /// <summary>
    /// Whether a file was loaded (or failed to read) already, even if its document has since been dropped from memory;
    /// <paramref name="digest"/> is then what the run kept of it (null: it could not be read).
    /// </summary>
    public bool TryGetLoaded(string fullPath, out DocumentDigest? digest) =>
        _digests.TryGetValue(fullPath, out digest) || _unreadable.Contains(fullPath);

    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

    /// <summary>
    /// The text of a document for judging whether it is ours: a leniently decoded copy when the file could not be
    /// decoded (too large, UTF-16, invalid UTF-8), else its text.
    /// </summary>
    public string SniffedText(string fullPath, BoundDocument bound) =>
        _undecoded.TryGetValue(fullPath, out var sniffed) ? sniffed : bound.Document.Text.Text;

    /// <summary>
    /// Loads and binds a file, once while it is in memory (again after <see cref="Trim"/> dropped it: the same text
    /// gives the same document). A read error throws <see cref="LintUsageException"/> when <paramref name="mustRead"/>
    /// (an input), else yields null (a pairing candidate); a file that could not be read is not tried again.
    /// </summary>
    public BoundDocument? Load(string fullPath, bool mustRead)
    {
        if (_cache.TryGetValue(fullPath, out var cached))
        {
            cached.LastUse = ++_clock;
            return cached.Bound;
        }

        if (_unreadable.Contains(fullPath))
        {
            return null;
        }

        var bound = LoadUncached(fullPath, mustRead);
        Add(fullPath, bound);
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

    /// <summary>
    /// Caches a document loaded by <see cref="LoadUncached"/> (null: it could not be read), and records its digest the
    /// first time. <paramref name="pin"/> keeps it in memory until <see cref="Unpin"/>.
    /// </summary>
    public void Add(string fullPath, BoundDocument? bound, bool pin = false)
    {
        if (bound is null)
        {
            _cache.Remove(fullPath);
            _unreadable.Add(fullPath);
            return;
        }

        _cache[fullPath] = new Entry(bound) { LastUse = ++_clock, Pins = pin ? 1 : 0 };
        if (!_digests.ContainsKey(fullPath))
        {
            _digests[fullPath] = DocumentDigest.Of(bound);
        }
    }

    /// <summary>
    /// Keeps a cached document in memory until as many <see cref="Unpin"/> calls (an input waiting for its
    /// cross-document rules, an export merged with sidecars for good).
    /// </summary>
    public void Pin(string fullPath)
    {
        if (_cache.TryGetValue(fullPath, out var entry))
        {
            entry.Pins++;
        }
    }

    /// <summary>Undoes one <see cref="Pin"/>.</summary>
    public void Unpin(string fullPath)
    {
        if (_cache.TryGetValue(fullPath, out var entry) && entry.Pins > 0)
        {
            entry.Pins--;
        }
    }

    /// <summary>One copy for the run of the strings that repeat across its findings and excerpts.</summary>
    public RunStrings Strings { get; } = new();

    /// <summary>
    /// Drops the least recently used documents that are not pinned, once more than twice
    /// <see cref="LoadLimits.MaxCachedDocuments"/> are cached, down to that number. A dropped document with findings
    /// so far (<paramref name="findingLines"/>: the lines they start on, by display path; a dropped document's entry is
    /// taken out, as its digest now holds them) or with inline suppressions keeps those lines in its digest (an
    /// excerpt, for code frames and regions, with the lines an earlier excerpt held), or its whole text when
    /// <paramref name="wholeTexts"/> (fixes are to be applied).
    /// </summary>
    public void Trim(Dictionary<string, HashSet<int>> findingLines, bool wholeTexts)
    {
        // Paths, not the cache's key-value pairs: LINQ over those (a struct) would be JIT-compiled at start-up.
        var evictable = new List<string>();
        foreach (var (path, entry) in _cache)
        {
            if (entry.Pins == 0)
            {
                evictable.Add(path);
            }
        }

        if (evictable.Count <= 2 * limits.MaxCachedDocuments)
        {
            return;
        }

        foreach (var path in evictable.OrderBy(p => _cache[p].LastUse).Take(evictable.Count - limits.MaxCachedDocuments))
        {
            var entry = _cache[path];
            _cache.Remove(path);
            var digest = _digests[path];
            if (findingLines.Remove(digest.Path, out var lines) || digest.Suppressions is not null || digest.Text is not null)
            {
                var text = entry.Bound.Document.Text;
                var kept = (lines ?? []).Concat(digest.Suppressions?.Select(s => s.Span.StartLine) ?? []).Concat(digest.Text?.ExcerptLines ?? []);
                digest.Text = wholeTexts ? text : text.Excerpt(kept, Strings.Get);
            }
        }
    }

    /// <summary>
    /// The texts of the documents with these display paths, by display path, holding at least the lines given (an
    /// excerpt of them, or the whole text when <paramref name="wholeTexts"/>): kept by <see cref="Trim"/>, still
    /// cached, or else loaded again.
    /// </summary>
    public Dictionary<string, Text.SourceText> Texts(IReadOnlyDictionary<string, HashSet<int>> lines, bool wholeTexts)
    {
        var texts = new Dictionary<string, Text.SourceText>(StringComparer.Ordinal);
        foreach (var (fullPath, digest) in _digests)
        {
            if (!lines.TryGetValue(digest.Path, out var wanted) || texts.ContainsKey(digest.Path))
            {
                continue;
            }

            var text = digest.Text is { } kept && (wholeTexts ? !kept.IsExcerpt : kept.Holds(wanted))
                ? kept
                : (_cache.TryGetValue(fullPath, out var e) ? e.Bound : LoadUncached(fullPath, mustRead: false))?.Document.Text;
            if (text is not null)
            {
                texts[digest.Path] = wholeTexts || text.IsExcerpt ? text : text.Excerpt(wanted, Strings.Get);
            }
        }

        return texts;
    }

    private sealed class Entry(BoundDocument bound)
    {
        public BoundDocument Bound { get; } = bound;

        public long LastUse { get; set; }

        public int Pins { get; set; }
    }

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
            return DocumentLoader.Load(display, workspace.Stdin!.Bytes, limits, () => CSharpCompanionsOf(fullPath, readFromFile: false), workspace.Stdin.Format);
        }

        byte[] bytes;
        if (_peeked.TryRemove(fullPath, out var peeked))
        {
            bytes = peeked;
            if (bytes.Length > limits.MaxFileBytes)
            {
                _undecoded[fullPath] = Sniff(bytes[..Math.Min(HeadBytes, bytes.Length)]);
                return DocumentLoader.Oversized(display, bytes.Length, limits);
            }
        }
        else
        {
            // One open per file: its length from the open handle, then its bytes (no lstat of its own).
            using var stream = workspace.FileSystem.FileStream.New(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var length = stream.Length;
            if (length > limits.MaxFileBytes)
            {
                _undecoded[fullPath] = Sniff(ReadHead(stream));
                return DocumentLoader.Oversized(display, length, limits);
            }

            bytes = ReadAll(stream, length);
        }

        var document = DocumentLoader.Load(display, bytes, limits, () => CSharpCompanionsOf(fullPath, readFromFile: true));
        if (document.Root is null && document.Diagnostics.Count > 0)
        {
            // Perhaps not decoded (UTF-16, invalid UTF-8): keep a lenient decoding to judge whether it is ours.
            _undecoded[fullPath] = Sniff(bytes);
        }

        return document;
    }

    // C# values may refer to constants, enums and records declared in any C# file of the run.
    private const int MaxCSharpCompanions = 1024;
    private IReadOnlyList<string> _runCSharp = [];

    /// <summary>The C# files of this run (inputs named or walked), whose declarations every C# document may use.</summary>
    public void UseCSharpFilesOfRun(IEnumerable<string> fullPaths) =>
        _runCSharp = [.. fullPaths.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))];

    private CSharpRun? _csharpRun;
    private readonly ConcurrentDictionary<string, string[]> _csharpInDirectory = new(StringComparer.Ordinal);

    /// <summary>
    /// What a C# file may use beyond itself: the C# files of the run (read, parsed and indexed once per run, shared by
    /// every document) and the other C# files of its directory (bounded in count and size; read only when a value
    /// needs them). Called only while a C# file loads, so that no Roslyn type is touched otherwise.
    /// <paramref name="readFromFile"/>: the document's text was just read from the file (the run need not read it again).
    /// </summary>
    private CSharpCompanions CSharpCompanionsOf(string fullPath, bool readFromFile)
    {
        var run = LazyInitializer.EnsureInitialized(ref _csharpRun, () => new CSharpRun(ReadCSharp, [.. _runCSharp.Where(f => LinkPolicy.MayRead(workspace, f)).Distinct(StringComparer.Ordinal).Take(MaxCSharpCompanions)], limits.MaxCSharpNesting));
        var fs = workspace.FileSystem;
        var dir = fs.Path.GetDirectoryName(fullPath)!;
        var siblings = _csharpInDirectory.GetOrAdd(dir, d => [.. fs.Directory.GetFiles(d, "*.cs").Order(StringComparer.Ordinal)])
            .Where(f => !string.Equals(f, fullPath, StringComparison.Ordinal) && !run.Holds(f) && LinkPolicy.MayRead(workspace, f))
            .Take(MaxCSharpCompanions)
            .ToList();
        return CSharpCompanions.OfRun(run, fullPath, siblings, readFromFile);
    }

    // Concurrent: C# documents of the parallel document phase share it (the run keeps the texts of its own files).
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

    private static byte[] ReadHead(Stream stream)
    {
        var buffer = new byte[HeadBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }

    // The rest of an open file, as File.ReadAllBytes reads it: its length's worth, or to the end when the length is
    // unknown (0, as for special files).
    private static byte[] ReadAll(Stream stream, long length)
    {
        if (length == 0)
        {
            using var rest = new MemoryStream();
            stream.CopyTo(rest);
            return rest.ToArray();
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
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

/// <summary>
/// What a run keeps of a loaded document once the document itself is dropped: its display path and kind, what it
/// contributes to redaction, its inline suppressions, and its text when a finding needs it (code frames, fixes).
/// </summary>
internal sealed class DocumentDigest
{
    private readonly bool _holdsJumpCloud;
    private readonly bool _holdsStrongDm;

    private DocumentDigest(BoundDocument bound, RedactionFacts? redaction, IReadOnlyList<Suppression>? suppressions)
    {
        Path = bound.Document.Path;
        Kind = bound.Kind;
        _holdsJumpCloud = bound.Holds(DocumentKind.JumpCloud);
        _holdsStrongDm = bound.Holds(DocumentKind.StrongDm);
        Redaction = redaction;
        Suppressions = suppressions;
    }

    /// <summary>The display path.</summary>
    public string Path { get; }

    /// <summary>The kind.</summary>
    public DocumentKind Kind { get; }

    /// <summary>What the document contributes to the run's redactor; null when nothing (most documents: kept per file, so not kept empty).</summary>
    public RedactionFacts? Redaction { get; }

    /// <summary>Its inline suppressions; null when it has no comment.</summary>
    public IReadOnlyList<Suppression>? Suppressions { get; }

    /// <summary>Its text, kept when it was dropped from memory with findings.</summary>
    public Text.SourceText? Text { get; set; }

    /// <summary>The digest of a bound document.</summary>
    public static DocumentDigest Of(BoundDocument bound)
    {
        var document = bound.Document;
        var suppressions = document.Comments.Count > 0 ? Documents.Suppressions.Parse(document) : null;
        var redaction = RedactionFacts.Of(bound);
        return new DocumentDigest(bound, redaction.Contributes ? redaction : null, suppressions);
    }

    /// <summary>Whether the document holds configuration of a kind, as <see cref="BoundDocument.Holds"/> said.</summary>
    public bool Holds(DocumentKind kind) => kind switch
    {
        DocumentKind.JumpCloud => _holdsJumpCloud,
        DocumentKind.StrongDm => _holdsStrongDm,
        _ => Kind == kind,
    };
}
