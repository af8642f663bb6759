using System.IO.Abstractions;
using ScimLint.Configuration;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Engine;

/// <summary>What to lint.</summary>
public sealed record LintRequest(IReadOnlyList<string> Paths, ScimLintConfig Config);

/// <summary>
/// Runs the pipeline: resolve inputs, load and bind documents, pair JumpCloud exports with StrongDM settings, run
/// rules, apply configuration, redact secrets and sort. It takes its file system as a parameter and writes nothing.
/// </summary>
public sealed class LintEngine
{
    // How much of a file too large to parse is read to decide whether it is ours.
    private const int HeadBytes = 64 * 1024;

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "node_modules", "bin", "obj", "TestResults" };

    private readonly IFileSystem _fs;
    private readonly string _cwd;
    private readonly RuleCatalog _catalog;
    private readonly LoadLimits _limits;
    private readonly Dictionary<string, BoundDocument?> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pairing> _pairings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _undecoded = new(StringComparer.Ordinal);

    // Bytes read by a pre-check, handed to the load that follows so that no file is read twice.
    private readonly Dictionary<string, byte[]> _peeked = new(StringComparer.Ordinal);

    /// <summary>Creates an engine over a file system, rooted at a working directory.</summary>
    public LintEngine(IFileSystem fileSystem, string workingDirectory, RuleCatalog? catalog = null, LoadLimits? limits = null)
    {
        _fs = fileSystem;
        _cwd = _fs.Path.GetFullPath(workingDirectory);
        _catalog = catalog ?? RuleCatalog.Default;
        _limits = limits ?? LoadLimits.Default;
    }

    /// <summary>Lints the request. Throws <see cref="LintUsageException"/> for a missing or unreadable path.</summary>
    public LintResult Run(LintRequest request)
    {
        var inputs = ResolveInputs(request.Paths.Count == 0 ? ["."] : request.Paths);
        var config = request.Config;
        var enabled = _catalog.Rules.Select(r => new EnabledRule(r.Descriptor, config.SeverityOf(r.Descriptor))).Where(r => r.Severity != Severity.None).ToList();
        var active = _catalog.Rules.Where(r => config.SeverityOf(r.Descriptor) != Severity.None).ToList();
        var raw = new List<RawFinding>();
        var inSet = new HashSet<string>(StringComparer.Ordinal);
        var documents = new List<(BoundDocument Doc, bool Explicit, string FullPath)>();

        foreach (var (fullPath, isExplicit) in inputs)
        {
            var bound = LoadInput(fullPath, isExplicit);
            if (bound is null)
            {
                continue;
            }

            inSet.Add(fullPath);
            documents.Add((bound, isExplicit, fullPath));
            if (bound.Kind != DocumentKind.Unknown && bound.Document.Root is not null)
            {
                Schema.SchemaValidator.Prewarm(bound.Kind);
            }
        }

        var counterpartApps = new Dictionary<string, BoundDocument>(StringComparer.Ordinal);
        foreach (var (doc, _, fullPath) in documents)
        {
            foreach (var app in doc.Apps)
            {
                var pairing = PairJumpCloud(fullPath);
                foreach (var rule in active)
                {
                    Guard(rule, app.Document, raw, () => rule.CheckApp(new JumpCloudContext(rule.Descriptor, config.Policy, raw.Add, app, pairing.Settings?.Settings, pairing.Status, pairing.Candidates)));
                }
            }

            if (doc.Settings is { } settings)
            {
                var apps = FindJumpCloudFor(fullPath, out var ambiguous);
                var status = apps.Count > 0 ? PairingStatus.Paired : ambiguous ? PairingStatus.Ambiguous : PairingStatus.Missing;
                var appModels = apps.SelectMany(a => a.Doc.Apps).ToList();
                foreach (var rule in active)
                {
                    Guard(rule, settings.Document, raw, () => rule.CheckSettings(new StrongDmContext(rule.Descriptor, config.Policy, raw.Add, settings, appModels, status)));
                }

                foreach (var (other, otherPath) in apps.Where(a => !inSet.Contains(a.FullPath)))
                {
                    counterpartApps.TryAdd(otherPath, other);
                }
            }
        }

        foreach (var (otherPath, other) in counterpartApps.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pairing = PairJumpCloud(otherPath);
            foreach (var app in other.Apps)
            {
                foreach (var rule in active.Where(r => r.CrossFile))
                {
                    Guard(rule, app.Document, raw, () => rule.CheckApp(new JumpCloudContext(rule.Descriptor, config.Policy, raw.Add, app, pairing.Settings?.Settings, pairing.Status, pairing.Candidates)));
                }
            }
        }

        // Document rules run last: schema validation (SL002) then finds its schema loaded in the background while the
        // app and settings rules ran. Findings are sorted below, so the order of rules does not show.
        foreach (var (doc, isExplicit, fullPath) in documents)
        {
            var looksLikeConfig = LooksLikeConfig(doc, fullPath);
            foreach (var rule in active)
            {
                Guard(rule, doc.Document, raw, () => rule.CheckDocument(new DocumentContext(rule.Descriptor, config.Policy, raw.Add, doc, isExplicit, looksLikeConfig) { Catalog = _catalog }));
            }
        }

        var secrets = _cache.Values.Where(d => d is not null).SelectMany(d => d!.SensitiveValues).Where(v => v.Trim().Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length).ToList();
        var findings = raw
            .Select(r => new Finding(r.Rule, config.SeverityOf(r.Rule, r.Severity), Redact(r.Message, secrets), r.Span, r.LogicalPath, r.ValueHash, RedactFix(r.Fix, secrets)))
            .Where(f => f.Severity != Severity.None)
            .DistinctBy(f => (f.Rule.Id, f.Span, f.Message))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.StartLine)
            .ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();

        var (kept, suppressed) = ApplySuppressions(findings, documents.Select(d => d.Doc.Document.Path).ToHashSet(StringComparer.Ordinal), config);
        findings = kept;

        var loaded = _cache.Values.Where(d => d is not null).Select(d => d!).ToList();
        var sources = loaded.GroupBy(d => d.Document.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Document.Text, StringComparer.Ordinal);
        var sensitive = loaded.GroupBy(d => d.Document.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<SourceSpan>)[.. g.First().SensitiveSpans], StringComparer.Ordinal);
        return new LintResult(findings, enabled, documents.Count, sources, sensitive) { Suppressed = suppressed };
    }

    /// <summary>
    /// Drops the findings an inline <c>scimlint: ignore[...]</c> comment covers, and reports (SL005) the suppressions in
    /// the linted files that covered nothing although every rule they name is enabled.
    /// </summary>
    private (List<Finding> Kept, List<SuppressedFinding> Suppressed) ApplySuppressions(List<Finding> findings, HashSet<string> linted, ScimLintConfig config)
    {
        var byPath = _cache.Values
            .Where(d => d is not null && d.Document.Comments.Count > 0)
            .GroupBy(d => d!.Document.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Suppressions.Parse(g.First()!.Document), StringComparer.Ordinal);
        var used = new HashSet<Suppression>();
        var kept = new List<Finding>();
        var suppressed = new List<SuppressedFinding>();
        foreach (var finding in findings)
        {
            var match = finding.Rule.Id is "SL001" or "SL005" || !byPath.TryGetValue(finding.Path, out var candidates)
                ? null
                : candidates.FirstOrDefault(s => s.Line == finding.Span.StartLine && s.Rules.Any(r =>
                    string.Equals(r, finding.Rule.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(r, finding.Rule.Name, StringComparison.OrdinalIgnoreCase)));
            if (match is null)
            {
                kept.Add(finding);
                continue;
            }

            used.Add(match);
            suppressed.Add(new SuppressedFinding(finding, match.Reason));
        }

        var unusedRule = Rules.Input.InvalidSuppressionRule.Rule;
        var severity = config.SeverityOf(unusedRule);
        if (severity != Severity.None)
        {
            foreach (var (path, list) in byPath.Where(p => linted.Contains(p.Key)))
            {
                foreach (var s in list.Where(s => !used.Contains(s) && s.Rules.Count > 0))
                {
                    var rules = s.Rules.Select(r => _catalog.Find(r)).ToList();
                    if (rules.All(r => r is not null && config.SeverityOf(r.Descriptor) != Severity.None))
                    {
                        kept.Add(new Finding(unusedRule, severity, Rules.Input.InvalidSuppressionRule.Unused(s), s.Span, string.Empty, Finding.HashValue(string.Join(',', s.Rules), false), null));
                    }
                }
            }
        }

        return ([.. kept.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Span.StartLine).ThenBy(f => f.Span.StartColumn).ThenBy(f => f.Rule.Id, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)], suppressed);
    }

    /// <summary>
    /// Runs one rule on one document. A defect in a rule becomes a finding of that rule, never a stack trace; the
    /// exception's message is left out because it may quote input (and so a token).
    /// </summary>
    private static void Guard(Rule rule, Documents.SourceDocument document, List<RawFinding> raw, Action check)
    {
        try
        {
            check();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var span = document.Root is Documents.DocMapping { Properties.Count: > 0 } map ? map.Properties[0].Key.Span : document.Text.Span(0, 0);
            raw.Add(new RawFinding(rule.Descriptor, span, string.Empty, Finding.HashValue(ex.GetType().Name, false), $"internal error: {rule.Descriptor.Id} failed on this file ({ex.GetType().Name}); the file was not fully checked; please report this", null, Severity.Error));
        }
    }

    /// <summary>Replaces every occurrence of a known secret value.</summary>
    internal static string Redact(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
            var trimmed = secret.Trim();
            if (trimmed.Length >= 4 && trimmed != secret)
            {
                text = text.Replace(trimmed, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static Fix? RedactFix(Fix? fix, IReadOnlyList<string> secrets)
    {
        if (fix is null)
        {
            return null;
        }

        // A fix that would write a secret is dropped, never rendered.
        return fix.Replacements.Any(r => Redact(r.Text, secrets) != r.Text) ? null : fix with { Description = Redact(fix.Description, secrets) };
    }

    private List<(string FullPath, bool Explicit)> ResolveInputs(IReadOnlyList<string> paths)
    {
        var result = new List<(string, bool)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = _fs.Path.GetFullPath(path, _cwd);
            if (_fs.File.Exists(full))
            {
                if (seen.TryGetValue(full, out var index))
                {
                    // Named after its directory was walked ('scimlint . notes.yaml'): it is still named.
                    result[index] = (full, true);
                }
                else
                {
                    seen.Add(full, result.Count);
                    result.Add((full, true));
                }
            }
            else if (_fs.Directory.Exists(full))
            {
                foreach (var file in Walk(full, int.MaxValue))
                {
                    if (seen.TryAdd(file, result.Count))
                    {
                        result.Add((file, false));
                    }
                }
            }
            else
            {
                throw new LintUsageException($"{path}: no such file or directory");
            }
        }

        return result;
    }

    private IEnumerable<string> Walk(string directory, int maxFiles)
    {
        var stack = new Stack<string>();
        stack.Push(directory);
        var count = 0;
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            string[] files;
            string[] dirs;
            try
            {
                files = _fs.Directory.GetFiles(dir);
                dirs = _fs.Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new LintUsageException($"{Display(dir)}: cannot read directory: {ex.Message}");
            }

            foreach (var file in files.Where(DocumentLoader.IsSupportedExtension).Order(StringComparer.Ordinal))
            {
                if (++count > maxFiles)
                {
                    yield break;
                }

                yield return file;
            }

            foreach (var sub in dirs.OrderDescending(StringComparer.Ordinal))
            {
                var name = _fs.Path.GetFileName(sub);
                if (!name.StartsWith('.') && !SkippedDirectories.Contains(name) && !IsLink(sub))
                {
                    stack.Push(sub);
                }
            }
        }
    }

    /// <summary>
    /// Whether a directory is a symbolic link (or junction). The walk does not follow them: a link to '.' or '..'
    /// would loop, and one to '/' would walk the whole disk. A linked directory can still be named explicitly.
    /// </summary>
    private bool IsLink(string directory)
    {
        try
        {
            var info = _fs.DirectoryInfo.New(directory);
            return info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private BoundDocument? LoadInput(string fullPath, bool isExplicit)
    {
        if (!isExplicit && !WorthLoading(fullPath))
        {
            return null;
        }

        var bound = Load(fullPath, mustRead: true);
        if (bound is null)
        {
            return null;
        }

        if (isExplicit || bound.Kind != DocumentKind.Unknown)
        {
            return bound;
        }

        // A walked file that failed to load is ours only when it looks like ours.
        return bound.Document.Diagnostics.Count > 0 && LooksLikeConfig(bound, fullPath) ? bound : null;
    }

    /// <summary>
    /// Whether a document is ours: recognised, or, when it did not load, mentioning our keys. A file that was not
    /// decoded (too large, UTF-16, invalid UTF-8) is judged by its leniently decoded bytes.
    /// </summary>
    private bool LooksLikeConfig(BoundDocument bound, string fullPath) =>
        bound.Kind != DocumentKind.Unknown
        || NamedLikeOurs(_fs.Path.GetFileName(fullPath))
        || LooksLikeOurs(_undecoded.TryGetValue(fullPath, out var sniffed) ? sniffed : bound.Document.Text.Text);

    private static bool NamedLikeOurs(string fileName) =>
        fileName.Contains("jumpcloud", StringComparison.OrdinalIgnoreCase)
        || fileName.Contains("strongdm", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeOurs(string text) =>
        text.Contains("identityManagement", StringComparison.Ordinal)
        || text.Contains("controlPlane", StringComparison.Ordinal)
        || text.Contains("scimProvider", StringComparison.Ordinal)
        || (text.Contains("strongdm", StringComparison.OrdinalIgnoreCase)
            && (text.Contains("ssoUrl", StringComparison.Ordinal) || text.Contains("application", StringComparison.Ordinal) || text.Contains("provisioning", StringComparison.Ordinal)));

    private BoundDocument? Load(string fullPath, bool mustRead)
    {
        if (_cache.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        BoundDocument? bound = null;
        try
        {
            var length = _fs.FileInfo.New(fullPath).Length;
            SourceDocument document;
            if (length > _limits.MaxFileBytes)
            {
                document = DocumentLoader.Oversized(Display(fullPath), length, _limits);
                _undecoded[fullPath] = Sniff(ReadHead(fullPath));
            }
            else
            {
                var bytes = _peeked.Remove(fullPath, out var peeked) ? peeked : _fs.File.ReadAllBytes(fullPath);
                document = DocumentLoader.Load(Display(fullPath), bytes, _limits, () => CSharpSiblings(fullPath));
                if (document.Root is null && document.Diagnostics.Count > 0)
                {
                    // Perhaps not decoded (UTF-16, invalid UTF-8): keep a lenient decoding to judge whether it is ours.
                    _undecoded[fullPath] = Sniff(bytes);
                }
            }

            bound = ModelBinder.Bind(document);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (mustRead)
            {
                throw new LintUsageException($"{Display(fullPath)}: cannot read file: {ex.Message}");
            }
        }

        _cache[fullPath] = bound;
        return bound;
    }

    /// <summary>The other C# files beside a C# file, for constants declared across files (bounded in count and size).</summary>
    private List<string> CSharpSiblings(string fullPath)
    {
        var dir = _fs.Path.GetDirectoryName(fullPath)!;
        return [.. _fs.Directory.GetFiles(dir, "*.cs")
            .Where(f => !string.Equals(f, fullPath, StringComparison.Ordinal) && _fs.FileInfo.New(f).Length <= _limits.MaxFileBytes)
            .Order(StringComparer.Ordinal)
            .Take(64)
            .Select(f => _fs.File.ReadAllText(f))];
    }

    private byte[] ReadHead(string fullPath)
    {
        using var stream = _fs.File.OpenRead(fullPath);
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

    private string Display(string fullPath)
    {
        var relative = _fs.Path.GetRelativePath(_cwd, fullPath);
        return relative.Replace('\\', '/');
    }

    private sealed record Pairing(PairingStatus Status, BoundDocument? Settings, IReadOnlyList<string> Candidates);

    private Pairing PairJumpCloud(string jumpCloudPath)
    {
        if (_pairings.TryGetValue(jumpCloudPath, out var cached))
        {
            return cached;
        }

        var stop = StopDirectory(jumpCloudPath);
        var dir = _fs.Path.GetDirectoryName(jumpCloudPath);
        var result = new Pairing(PairingStatus.Missing, null, []);
        while (dir is not null)
        {
            var candidates = _fs.Directory.GetFiles(dir)
                .Where(f => DocumentLoader.IsSupportedExtension(f) && !string.Equals(f, jumpCloudPath, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Where(f => MayBe(f, DocumentKind.StrongDm))
                .Select(f => (Path: f, Doc: Load(f, mustRead: false)))
                .Where(c => c.Doc?.Kind == DocumentKind.StrongDm)
                .ToList();
            if (candidates.Count == 1)
            {
                result = new Pairing(PairingStatus.Paired, candidates[0].Doc, [Display(candidates[0].Path)]);
                break;
            }

            if (candidates.Count > 1)
            {
                result = new Pairing(PairingStatus.Ambiguous, null, [.. candidates.Select(c => Display(c.Path))]);
                break;
            }

            if (string.Equals(dir, stop, StringComparison.Ordinal))
            {
                break;
            }

            dir = _fs.Path.GetDirectoryName(dir);
        }

        _pairings[jumpCloudPath] = result;
        return result;
    }

    /// <summary>
    /// The JumpCloud exports that pair with a settings document; <paramref name="ambiguous"/> tells whether an export
    /// has it among several candidates (the export reports that, so the settings are not "missing" an export).
    /// </summary>
    private List<(BoundDocument Doc, string FullPath)> FindJumpCloudFor(string settingsPath, out bool ambiguous)
    {
        var dir = _fs.Path.GetDirectoryName(settingsPath)!;
        var display = Display(settingsPath);
        var result = new List<(BoundDocument, string)>();
        ambiguous = false;
        foreach (var file in Walk(dir, 5000))
        {
            if (!MayBe(file, DocumentKind.JumpCloud))
            {
                continue;
            }

            var doc = Load(file, mustRead: false);
            if (doc?.Kind == DocumentKind.JumpCloud && doc.Apps.Count > 0)
            {
                var pairing = PairJumpCloud(file);
                if (pairing.Settings is not null && ReferenceEquals(pairing.Settings, Load(settingsPath, mustRead: false)))
                {
                    result.Add((doc, file));
                }
                else if (pairing.Status == PairingStatus.Ambiguous && pairing.Candidates.Contains(display, StringComparer.Ordinal))
                {
                    ambiguous = true;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A cheap test before a counterpart candidate is parsed: every StrongDM app in a JumpCloud export names
    /// "strongdm", and every StrongDM settings document has a control plane or a provisioning block. Pairing walks
    /// whole directory trees, so this keeps a settings file at the root of a large repository from parsing every
    /// YAML, JSON and C# file below it.
    /// </summary>
    private bool MayBe(string path, DocumentKind kind)
    {
        if (_cache.TryGetValue(path, out var cached))
        {
            return cached?.Kind == kind;
        }

        try
        {
            if (_fs.FileInfo.New(path).Length > _limits.MaxFileBytes)
            {
                return false;
            }

            var text = System.Text.Encoding.Latin1.GetString(Peek(path));
            var maybe = kind == DocumentKind.JumpCloud
                ? text.Contains("strongdm", StringComparison.OrdinalIgnoreCase)
                : text.Contains("controlPlane", StringComparison.OrdinalIgnoreCase) || text.Contains("provisioning", StringComparison.OrdinalIgnoreCase);
            return maybe || Forget(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether a walked file can be ours, without parsing it. Every JumpCloud export that matters names "strongdm",
    /// and every StrongDM settings document has a control plane or a provisioning block, so a file that mentions none
    /// of these is neither kind and is skipped as walking skips it anyway, only sooner. Files that are not plain
    /// 8-bit text (UTF-16, binary), too large, or named like ours are always loaded, so that they still get SL001.
    /// </summary>
    private bool WorthLoading(string path)
    {
        if (NamedLikeOurs(_fs.Path.GetFileName(path)))
        {
            return true;
        }

        try
        {
            if (_fs.FileInfo.New(path).Length > _limits.MaxFileBytes)
            {
                return true;
            }

            var bytes = Peek(path);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                return true;
            }

            var text = System.Text.Encoding.Latin1.GetString(bytes);
            return text.Contains("strongdm", StringComparison.OrdinalIgnoreCase)
                || text.Contains("controlPlane", StringComparison.OrdinalIgnoreCase)
                || text.Contains("provisioning", StringComparison.OrdinalIgnoreCase)
                || LooksLikeOurs(text)
                || Forget(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Let the real load report it.
            return true;
        }
    }

    /// <summary>Drops the bytes of a file that will not be loaded; returns false for use in a condition.</summary>
    private bool Forget(string path)
    {
        _peeked.Remove(path);
        return false;
    }

    private byte[] Peek(string path)
    {
        if (!_peeked.TryGetValue(path, out var bytes))
        {
            bytes = _fs.File.ReadAllBytes(path);
            _peeked[path] = bytes;
        }

        return bytes;
    }

    /// <summary>The repository root (a directory holding .git), else the working directory when it contains the file.</summary>
    private string? StopDirectory(string filePath)
    {
        var dir = _fs.Path.GetDirectoryName(filePath);
        while (dir is not null)
        {
            if (_fs.Directory.Exists(_fs.Path.Combine(dir, ".git")) || _fs.File.Exists(_fs.Path.Combine(dir, ".git")))
            {
                return dir;
            }

            dir = _fs.Path.GetDirectoryName(dir);
        }

        var fileDir = _fs.Path.GetDirectoryName(filePath)!;
        return IsWithin(fileDir, _cwd) ? _cwd : fileDir;
    }

    /// <summary>Whether a directory is <paramref name="ancestor"/> or below it (not merely a string prefix: /repo2 is not in /repo).</summary>
    private bool IsWithin(string directory, string ancestor)
    {
        var separator = _fs.Path.DirectorySeparatorChar;
        var prefix = ancestor.EndsWith(separator) ? ancestor : ancestor + separator;
        return string.Equals(directory, ancestor, StringComparison.Ordinal) || directory.StartsWith(prefix, StringComparison.Ordinal);
    }
}
