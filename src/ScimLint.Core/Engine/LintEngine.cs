using System.IO.Abstractions;
using ScimLint.Configuration;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Redaction;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>What to lint, with the configuration already read.</summary>
public sealed record LintRequest(IReadOnlyList<string> Paths, ScimLintConfig Config)
{
    /// <summary>Apply no suppression: inline comments and the configuration's <c>ignore:</c> entries are shown as active findings.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>Findings this baseline accepts move to <see cref="LintResult.Baselined"/>; null: no baseline.</summary>
    internal BaselineFile? Baseline { get; init; }

    /// <summary>The custom rules found with the configuration (their catalogue, and their compile errors as findings); null: none.</summary>
    internal CustomRuleSet? CustomRules { get; init; }

    /// <summary>The document <c>-</c> stands for; null: stdin is not read.</summary>
    internal StdinFile? Stdin { get; init; }
}

/// <summary>
/// One document read from stdin, linted where <see cref="FileName"/> says it is (for messages, pairing and the
/// loader); <c>-</c> among the paths stands for it. Without a name it is <c>&lt;stdin&gt;</c> in the working directory,
/// read as JSON when it starts with <c>{</c> or <c>[</c>, else as YAML.
/// </summary>
public sealed record StdinDocument(string? FileName, byte[] Content)
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "<stdin>";
}

/// <summary>What to lint as a command line says it: paths, and files for the configuration and the baseline.</summary>
/// <param name="Paths">Files and directories; none means the working directory.</param>
public sealed record LintOptions(IReadOnlyList<string> Paths)
{
    /// <summary>The configuration file; null: <c>.scimlint.yaml</c> in the working directory or an ancestor up to the repository root.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>A baseline file written by <c>scimlint --write-baseline</c>; null: the configuration's <c>baseline</c>, if any.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Apply no baseline, not even the configuration's (<c>--write-baseline</c> records every finding).</summary>
    public bool NoBaseline { get; init; }

    /// <summary>
    /// Show every suppressed finding as active: inline comments, the configuration's <c>ignore:</c> entries and the
    /// baseline (<c>--no-ignore</c>).
    /// </summary>
    public bool NoIgnore { get; init; }

    /// <summary>The lowest severity that fails the run; null: the configuration's <c>failLevel</c>, else error.</summary>
    public Severity? FailLevel { get; init; }

    /// <summary>The clock for "today" (suppression expiry, token age); null: the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Apply the machine-applicable fixes, then lint again and report what remains.</summary>
    public bool Fix { get; init; }

    /// <summary>Told what the fixes changed, after they were written and before the second lint.</summary>
    public Action<FixOutcome>? FixesApplied { get; init; }

    /// <summary>
    /// Where compiled custom rules are cached (the CLI uses <c>$XDG_CACHE_HOME/scimlint</c>, else
    /// <c>~/.cache/scimlint</c>); null: custom rules are compiled on every run.
    /// </summary>
    public string? CustomRulesCache { get; init; }

    /// <summary>Told, one line at a time, how the custom rules were found, compiled or taken from the cache (<c>--verbose</c>).</summary>
    internal Action<string>? Log { get; init; }

    /// <summary>The document <c>-</c> stands for among <see cref="Paths"/>; with <see cref="Fix"/> it is fixed in memory
    /// only (<see cref="LintResult.FixedStdin"/>), never on disk.</summary>
    public StdinDocument? Stdin { get; init; }
}

/// <summary>
/// Runs the pipeline by composing its stages (docs/architecture.md draws them): input discovery
/// (<see cref="InputDiscovery"/>, <see cref="OwnershipCheck"/>), loading (<see cref="DocumentStore"/>), binding
/// (<see cref="DocumentBinder"/>), sidecars (<see cref="Sidecars"/>), pairing (<see cref="Pairing"/>), rule dispatch (<see cref="RuleDispatch"/>) and the
/// finding pipeline (<see cref="FindingPipeline"/>). Loading, binding and the document rules run for all inputs in
/// parallel (<see cref="DocumentPhase"/>); pairing and the cross-document rules follow, then the pipeline sorts. It takes its file system as a parameter; only
/// <see cref="LintOptions.Fix"/> writes.
/// </summary>
public sealed class LintEngine
{
    private readonly Workspace _workspace;
    private readonly RuleCatalog _catalog;
    private readonly LoadLimits _limits;

    /// <summary>Creates an engine over a file system, rooted at a working directory, with the built-in rules or a catalogue of your own.</summary>
    public LintEngine(IFileSystem fileSystem, string workingDirectory, RuleCatalog? catalog = null)
        : this(fileSystem, workingDirectory, catalog, null)
    {
    }

    /// <summary>Creates an engine with loader limits other than the defaults (tests of the limits).</summary>
    internal LintEngine(IFileSystem fileSystem, string workingDirectory, RuleCatalog? catalog, LoadLimits? limits)
    {
        _workspace = new Workspace(fileSystem, workingDirectory);
        _catalog = catalog ?? RuleCatalog.Default;
        _limits = limits ?? LoadLimits.Default;
    }

    /// <summary>
    /// Lints as the command line does: finds and reads the configuration, lints, applies fixes and lints again when
    /// asked, then applies the baseline. Throws <see cref="LintUsageException"/> for a missing or unreadable path,
    /// configuration or baseline, and <see cref="ConfigException"/> for a malformed configuration.
    /// </summary>
    public LintResult Run(LintOptions options)
    {
        var setup = Setup(options.ConfigPath, options.CustomRulesCache, options.Log);
        var config = options.Clock is { } clock ? setup.Config with { Policy = setup.Config.Policy with { Clock = clock } } : setup.Config;
        var request = new LintRequest(options.Paths, config) { CustomRules = setup.Custom, NoIgnore = options.NoIgnore, Stdin = StdinFileOf(options.Stdin) };
        var result = Run(request);
        if (options.Fix && request.Stdin is not null)
        {
            result = FixStdin(request, result, options.FixesApplied);
        }
        else if (options.Fix)
        {
            var outcome = FixApplier.Apply(_workspace.FileSystem, _workspace.WorkingDirectory, result, options.Paths);
            options.FixesApplied?.Invoke(outcome);
            if (outcome.Files.Count > 0)
            {
                result = Run(request);
            }
        }

        if (!options.NoBaseline && !options.NoIgnore && BaselineOf(options, config) is { } baseline)
        {
            result = FindingPipeline.ApplyBaseline(result, baseline, BaselineKey(baseline.Directory));
        }

        return result.WithFailLevel(options.FailLevel ?? config.FailLevel ?? Severity.Error);
    }

    /// <summary>The baseline of a run: <see cref="LintOptions.BaselinePath"/>, else the configuration's, relative to the configuration file.</summary>
    private BaselineFile? BaselineOf(LintOptions options, ScimLintConfig config)
    {
        if (options.BaselinePath is { } named)
        {
            return ReadBaseline(named);
        }

        if (config.Baseline is not { } configured)
        {
            return null;
        }

        var full = _workspace.FileSystem.Path.GetFullPath(configured, config.Directory ?? _workspace.WorkingDirectory);
        var display = _workspace.Display(full);
        if (!_workspace.FileSystem.File.Exists(full))
        {
            throw new LintUsageException($"{display}: baseline file not found (named by 'baseline' in {config.Source}); write it with --write-baseline {display}");
        }

        return Baseline.Read(display, _workspace.FileSystem.File.ReadAllBytes(full)) with { Directory = _workspace.FileSystem.Path.GetDirectoryName(full) };
    }

    /// <summary>
    /// The text of a baseline accepting a result's findings, its paths relative to the file's directory
    /// (<paramref name="path"/>; null or '-': the working directory).
    /// </summary>
    internal string BaselineText(LintResult result, string? path) =>
        Baseline.Write(result, BaselineKey(path is null or "-" ? null : _workspace.FileSystem.Path.GetDirectoryName(_workspace.Resolve(path))));

    /// <summary>A finding's path as a baseline in <paramref name="directory"/> keys it: relative to it, with '/'.</summary>
    private Func<string, string>? BaselineKey(string? directory) => directory is null || directory == _workspace.WorkingDirectory
        ? null
        : display => _workspace.FileSystem.Path.GetRelativePath(directory, _workspace.Resolve(display)).Replace('\\', '/');

    private StdinFile? StdinFileOf(StdinDocument? stdin)
    {
        if (stdin is null)
        {
            return null;
        }

        var name = string.IsNullOrEmpty(stdin.FileName) ? StdinDocument.DefaultName : stdin.FileName;
        var first = stdin.Content.Select(b => (char)b).FirstOrDefault(c => !char.IsWhiteSpace(c) && c != '\uFEFF' && c != '\u00EF' && c != '\u00BB' && c != '\u00BF');
        var format = string.IsNullOrEmpty(stdin.FileName) ? (first is '{' or '[' ? DocumentFormat.Json : DocumentFormat.Yaml) : DocumentLoader.FormatOf(name);
        return new StdinFile(_workspace.Resolve(name), stdin.Content, format);
    }

    /// <summary>Applies the stdin document's fixes in memory and lints the fixed text; other files' fixes are only shown.</summary>
    private LintResult FixStdin(LintRequest request, LintResult result, Action<FixOutcome>? told)
    {
        var stdin = request.Stdin!;
        var display = _workspace.Display(stdin.FullPath);
        var (text, fixes) = FixApplier.FixText(result, display);
        var others = result.Findings.Where(f => f.Fix is { Replacements.Count: > 0 } && f.Path != display).Select(f => f.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        told?.Invoke(new FixOutcome(fixes, text is null ? [] : [display], [.. others.Select(p => $"{p}: not the document read from stdin; its fix is shown, not applied")]));
        if (text is not null)
        {
            result = Run(request with { Stdin = stdin with { Bytes = System.Text.Encoding.UTF8.GetBytes(text) } });
        }

        var bomMark = stdin.Bytes is [0xEF, 0xBB, 0xBF, ..] ? "\uFEFF" : string.Empty;
        return result.WithFixedStdin(text is null ? System.Text.Encoding.UTF8.GetString(stdin.Bytes) : bomMark + text);
    }

    /// <summary>The configuration a run would use: the file named, else the one found from the working directory up.</summary>
    public ScimLintConfig LoadConfig(string? path) => new ConfigDiscovery(_workspace, _catalog).Load(path);

    /// <summary>
    /// The configuration and the rules a run would use: the built-in rules plus the custom rules of the repository or
    /// configuration (compiled, or taken from <paramref name="cacheDirectory"/>).
    /// </summary>
    internal RunSetup Setup(string? configPath, string? cacheDirectory, Action<string>? log) =>
        new ConfigDiscovery(_workspace, _catalog).Setup(configPath, cacheDirectory, log);

    /// <summary>Reads a baseline file; throws <see cref="LintUsageException"/> when it is missing or malformed.</summary>
    internal BaselineFile ReadBaseline(string path)
    {
        var full = _workspace.Resolve(path);
        if (!_workspace.FileSystem.File.Exists(full))
        {
            throw new LintUsageException($"{path}: baseline file not found");
        }

        return Baseline.Read(path, _workspace.FileSystem.File.ReadAllBytes(full)) with { Directory = _workspace.FileSystem.Path.GetDirectoryName(full) };
    }

    /// <summary>Lints the request. Throws <see cref="LintUsageException"/> for a missing or unreadable path.</summary>
    public LintResult Run(LintRequest request)
    {
        var config = request.Config;
        var catalog = request.CustomRules?.Extend(_catalog) ?? _catalog;
        var workspace = _workspace.For(request.Stdin);
        var store = new DocumentStore(workspace, _limits);
        var ownership = new OwnershipCheck(workspace, store);
        var discovery = new InputDiscovery(workspace, WalkFilter.For(config, workspace));
        var files = discovery.Resolve(request.Paths.Count == 0 ? ["."] : request.Paths);

        // The custom rules' own files are code, not configuration (pre-commit names them when they are staged).
        files.RemoveAll(f => request.CustomRules?.Sources.Contains(f.FullPath) == true);
        store.UseCSharpFilesOfRun(files.Select(f => f.FullPath));

        var active = catalog.Rules.Where(r => config.SeverityOf(r.Descriptor) != Severity.None).ToList();
        var pairing = new Pairing(workspace, store, ownership, discovery);
        var dispatch = new RuleDispatch(active, config.Policy, catalog, pairing);
        var phase = new DocumentPhase(store, ownership, dispatch);
        var (inputs, documentFindings) = phase.Run(files);
        var sidecars = new Sidecars(workspace, store, ownership);
        var sidecarNotes = sidecars.Merge(inputs);
        var raw = dispatch.RunCrossDocument(inputs);
        raw.AddRange(sidecarNotes);
        raw.AddRange(documentFindings);
        raw.AddRange(discovery.SkippedLinks.Select(l => SkippedLink(l.FullPath, l.Reason)));
        raw.AddRange(request.CustomRules?.Findings ?? []);

        var loaded = store.Loaded.GroupBy(d => d.Document.Path, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var redactor = Redactor.For(store.Loaded);
        var suppressions = loaded.Where(d => d.Document.Comments.Count > 0)
            .ToDictionary(d => d.Document.Path, d => Suppressions.Parse(d.Document), StringComparer.Ordinal);
        var linted = inputs.Select(i => i.Bound.Document.Path).ToHashSet(StringComparer.Ordinal);
        var ignores = new ConfigIgnores(config, _workspace);
        var (kept, suppressed) = new FindingPipeline(config, redactor, catalog) { NoIgnore = request.NoIgnore }.Run(raw, suppressions, ignores, linted, dispatch.CheckUnusedSuppressions);

        var enabled = catalog.Rules.Select(r => new EnabledRule(r.Descriptor, config.SeverityOf(r.Descriptor))).Where(r => r.Severity != Severity.None).ToList();
        var sources = loaded.ToDictionary(d => d.Document.Path, d => d.Document.Text, StringComparer.Ordinal);
        foreach (var (path, text) in request.CustomRules is { CompileFailed: true } failed ? failed.Texts : new Dictionary<string, Text.SourceText>())
        {
            sources.TryAdd(path, text);
        }

        var result = new LintResult(kept, enabled, inputs.Count, sources, redactor)
        {
            Suppressed = suppressed,
            ConfigInputs = inputs.Count(i => i.Bound.Kind != DocumentKind.Unknown || i.LooksLikeConfig),
            Unresolved = UnresolvedValue.Of(inputs.Select(i => i.Bound)),
            Inputs = InputListing.Build(workspace, pairing, sidecars, inputs, phase.Skipped.Concat(discovery.SkippedLinks).Concat(discovery.Excluded), discovery.SkippedDirectories),
            Catalog = catalog,
            RuleFailures = dispatch.Failures,
            FailLevel = config.FailLevel ?? Severity.Error,
        };
        return request.Baseline is null ? result : FindingPipeline.ApplyBaseline(result, request.Baseline);
    }

    /// <summary>The SL004 note for a file link the run did not follow (never its target: that could be a secret path).</summary>
    private RawFinding SkippedLink(string fullPath, string reason)
    {
        var display = _workspace.Display(fullPath);
        var span = new Text.SourceText(display, string.Empty).Span(0, 0);
        return new RawFinding(Rules.Input.NotAConfigRule.Rule, span, string.Empty, Finding.HashValue(reason, false), Rules.Input.NotAConfigRule.Rule.Format(display, reason), null);
    }
}
