using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScimLint.Loading;

/// <summary>
/// The C# files of one run whose declarations every C# document may use, shared by all of them. Each file is read and
/// parsed once, by whichever document needs it first, and the declarations of the run's files are indexed once; both
/// are safe for documents loading in parallel. Before, each document parsed every companion file and indexed them
/// again, which made a run quadratic in its number of C# files.
/// </summary>
internal sealed class CSharpRun
{
    private readonly Func<string, string?> _read;
    private readonly int _maxNesting;

    // The run's files: their texts (null: unreadable or nested past the cap) and trees are kept for the run, as the
    // shared index and compilation hold them anyway. Other files (a document's siblings outside the run) keep only
    // their trees, and only the last MaxOtherTrees of them: before, every one stayed in memory until the run ended.
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<SyntaxTree?>> _trees = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<SyntaxTree?>> _otherTrees = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _otherOrder = new();

    /// <summary>How many trees of files outside the run are kept (first in, first out), so that siblings shared by many documents are parsed once.</summary>
    internal const int MaxOtherTrees = 1024;
    private readonly Lazy<CSharpSymbols> _symbols;
    private readonly HashSet<string> _fileSet;

    /// <summary>Creates the run's C# context over its files (full paths), read through <paramref name="read"/> (null: unreadable).</summary>
    public CSharpRun(Func<string, string?> read, IReadOnlyList<string> files, int maxNesting)
    {
        _read = read;
        _maxNesting = maxNesting;
        Files = files;
        _fileSet = new HashSet<string>(files, StringComparer.Ordinal);

        // Built by the first document that needs it; the others wait for it.
        _symbols = new Lazy<CSharpSymbols>(() => new CSharpSymbols(Trees()), LazyThreadSafetyMode.ExecutionAndPublication);
        _compilation = new Lazy<CSharpCompilation>(() => CSharpDocumentLoader.Compile(Trees()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The run's C# files, in a fixed order.</summary>
    public IReadOnlyList<string> Files { get; }

    private readonly Lazy<CSharpCompilation> _compilation;

    /// <summary>
    /// One compilation of all the run's files, for the values syntax cannot fold (built once, when first needed;
    /// Roslyn answers queries on it from several threads).
    /// </summary>
    public CSharpCompilation Compilation => _compilation.Value;

    private Dictionary<string, int>? _uses;

    /// <summary>How often each simple name is referred to in the run's files (built once, when first asked).</summary>
    public IReadOnlyDictionary<string, int> Uses => LazyInitializer.EnsureInitialized(ref _uses, () => CSharpCompanions.CountUses(Trees()));

    /// <summary>Whether a file is one of the run's.</summary>
    public bool Holds(string fullPath) => _fileSet.Contains(fullPath);

    /// <summary>The declarations of all the run's files, indexed once.</summary>
    public CSharpSymbols Symbols => _symbols.Value;

    /// <summary>
    /// The tree of a run's file for the document loading it, when the run read the same text: then the document and
    /// the run share one parse (and the run's compilation). <paramref name="readFromFile"/>: the document's text is
    /// what the file holds now (read from it for this document), so the run takes it instead of reading the file again
    /// (the same text: a document that loads is valid UTF-8, which the run's lenient read decodes alike).
    /// </summary>
    public SyntaxTree? Own(string fullPath, string text, bool readFromFile = false)
    {
        if (!Holds(fullPath))
        {
            // Outside the run, a document read from its file is parsed as the file (kept with the other trees), so a
            // document of its directory that needs it as a sibling reuses the parse, and the other way round.
            return readFromFile && Other(fullPath, () => Checked(text)) is { } tree && string.Equals(tree.GetText().ToString(), text, StringComparison.Ordinal) ? tree : null;
        }

        var runText = readFromFile ? _texts.GetOrAdd(fullPath, (_, t) => Checked(t), text) : Text(fullPath);
        return string.Equals(runText, text, StringComparison.Ordinal) ? Tree(fullPath) : null;
    }

    // On the asking document's thread, which the C# guard gave a large stack (a hostile file of the run is parsed there).
    private List<SyntaxTree> Trees() => [.. Files.Select(Tree).OfType<SyntaxTree>()];

    // A file nested past the cap is not parsed (as a document would not be): it declares nothing usable.
    private string? Checked(string? text) => text is not null && CSharpGuard.NestingDepth(text, _maxNesting).Depth <= _maxNesting ? text : null;

    private string? Text(string fullPath) => Holds(fullPath) ? _texts.GetOrAdd(fullPath, p => Checked(_read(p))) : Checked(_read(fullPath));

    /// <summary>
    /// A file's syntax tree (null when it cannot be read): a run's file parsed once per run; any other file parsed
    /// again once it has left the last <see cref="MaxOtherTrees"/> kept (the same text gives the same tree).
    /// </summary>
    public SyntaxTree? Tree(string fullPath)
    {
        if (Holds(fullPath))
        {
            return _trees.GetOrAdd(fullPath, p => new Lazy<SyntaxTree?>(() => Parse(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        }

        return Other(fullPath, () => Text(fullPath));
    }

    // A tree of a file outside the run, from the text given (read, or a document's), kept among the last MaxOtherTrees.
    private SyntaxTree? Other(string fullPath, Func<string?> text)
    {
        var parse = new Lazy<SyntaxTree?>(() => text() is { } t ? CSharpSyntaxTree.ParseText(t, CSharpDocumentLoader.ParseOptions, fullPath) : null, LazyThreadSafetyMode.ExecutionAndPublication);
        var kept = _otherTrees.GetOrAdd(fullPath, parse);
        if (ReferenceEquals(kept, parse))
        {
            _otherOrder.Enqueue(fullPath);
            while (_otherOrder.Count > MaxOtherTrees && _otherOrder.TryDequeue(out var oldest))
            {
                _otherTrees.TryRemove(oldest, out _);
            }
        }

        return kept.Value;
    }

    private SyntaxTree? Parse(string fullPath) => Text(fullPath) is { } text ? CSharpSyntaxTree.ParseText(text, CSharpDocumentLoader.ParseOptions, fullPath) : null;
}

/// <summary>
/// What one C# document may refer to beyond itself: the run's files (<see cref="CSharpRun"/>, shared) and the other
/// files of its directory that are not inputs of the run; or, for tests and library callers, a list of source texts.
/// </summary>
internal sealed class CSharpCompanions
{
    private readonly CSharpRun? _run;
    private readonly string? _self;
    private readonly Func<IReadOnlyList<SyntaxTree>> _extra;
    private IReadOnlyList<SyntaxTree>? _extraTrees;

    private readonly bool _readFromFile;

    private CSharpCompanions(CSharpRun? run, string? self, Func<IReadOnlyList<SyntaxTree>> extra, bool readFromFile = false)
    {
        _run = run;
        _self = self;
        _extra = extra;
        _readFromFile = readFromFile;
    }

    /// <summary>
    /// Companions of the file <paramref name="self"/> in a run: the run's files and <paramref name="siblings"/> (full
    /// paths outside the run). <paramref name="readFromFile"/>: the document's text was read from <paramref name="self"/>
    /// for this load (not stdin), so the run may take it as the file's text.
    /// </summary>
    public static CSharpCompanions OfRun(CSharpRun run, string self, IReadOnlyList<string> siblings, bool readFromFile = false) =>
        new(run, self, () => [.. siblings.Select(run.Tree).OfType<SyntaxTree>()], readFromFile);

    // Whether the tree is the run's parse of the document's own file (then the run's index and compilation hold it).
    private bool IsRunTree(SyntaxTree own) => _run is not null && _self is not null && _run.Holds(_self) && ReferenceEquals(_run.Tree(_self), own);

    /// <summary>Companions given as source texts.</summary>
    public static CSharpCompanions FromTexts(IReadOnlyList<string> sources) =>
        new(null, null, () => [.. sources.Select(s => CSharpSyntaxTree.ParseText(s, CSharpDocumentLoader.ParseOptions))]);

    private IReadOnlyList<SyntaxTree> Extra => _extraTrees ??= _extra();

    /// <summary>
    /// The declarations a document may use: its own and its directory's, on top of the run's index. (The document's own
    /// file is in the run's index too; a constant found twice with one value folds as before.)
    /// </summary>
    public CSharpSymbols Symbols(SyntaxTree own)
    {
        // The run's index already holds the document's own file when the document uses the run's parse of it.
        var isRunTree = IsRunTree(own);
        return isRunTree && Extra.Count == 0 ? _run!.Symbols : new([.. isRunTree ? [] : new[] { own }, .. Extra], _run?.Symbols);
    }

    /// <summary>How often a simple name is referred to in the document and every file it may use.</summary>
    public int Uses(SyntaxTree own, string name)
    {
        var isRunTree = IsRunTree(own);
        var local = CountUses([.. isRunTree ? [] : new[] { own }, .. Extra]);
        return local.GetValueOrDefault(name) + (_run?.Uses.GetValueOrDefault(name) ?? 0);
    }

    /// <summary>Counts the identifiers of the trees by name (a declaration is not a use; <c>nameof(X)</c> is).</summary>
    internal static Dictionary<string, int> CountUses(IEnumerable<SyntaxTree> trees)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in trees.SelectMany(t => t.GetRoot().DescendantNodes()).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>())
        {
            counts[name.Identifier.ValueText] = counts.GetValueOrDefault(name.Identifier.ValueText) + 1;
        }

        return counts;
    }

    /// <summary>The run's parse of the document's own file, when it read the same text (else the loader parses it).</summary>
    public SyntaxTree? Own(string text) => _run is not null && _self is not null ? _run.Own(_self, text, _readFromFile) : null;

    /// <summary>
    /// The semantic model of the document's tree for values syntax cannot fold: from the run's one compilation when the
    /// tree is the run's own and no file outside the run is involved, else from a compilation of its own.
    /// </summary>
    public SemanticModel Model(SyntaxTree own)
    {
        if (_run is not null && Extra.Count == 0 && IsRunTree(own))
        {
            return _run.Compilation.GetSemanticModel(own);
        }

        var others = _run is null ? [] : _run.Files.Where(f => !string.Equals(f, _self, StringComparison.Ordinal)).Select(_run.Tree).OfType<SyntaxTree>();
        return CSharpDocumentLoader.Compile([own, .. Extra, .. others]).GetSemanticModel(own);
    }
}
