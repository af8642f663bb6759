using System.IO.Abstractions;
using ScimLint.Configuration;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Redaction;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// Runs the pipeline by composing its stages (docs/architecture.md draws them): input discovery
/// (<see cref="InputDiscovery"/>, <see cref="OwnershipCheck"/>), loading (<see cref="DocumentStore"/>), binding
/// (<see cref="DocumentBinder"/>), sidecars (<see cref="Sidecars"/>), pairing (<see cref="Pairing"/>), rule dispatch (<see cref="RuleDispatch"/>) and the
/// finding pipeline (<see cref="FindingPipeline"/>). Loading, binding and the document rules run for all inputs in
/// parallel, a batch at a time (<see cref="DocumentPhase"/>); pairing and the cross-document rules follow for the inputs that are
/// ready (<see cref="CrossDocumentPhase"/>), and documents nothing needs any more leave memory; then the pipeline sorts. It takes its file system as a parameter; only
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
        var request = new LintRequest(options.Paths, config) { CustomRules = setup.Custom, NoIgnore = options.NoIgnore, Stdin = StdinRun.FileOf(_workspace, options.Stdin), WholeTexts = options.Fix };
        var result = Run(request);
        if (options.Fix && request.Stdin is not null)
        {
            result = StdinRun.Fix(_workspace, request, result, options.FixesApplied, Run);
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

        var baselines = new BaselineFiles(_workspace);
        if (!options.NoBaseline && !options.NoIgnore && baselines.Of(options, config) is { } baseline)
        {
            result = FindingPipeline.ApplyBaseline(result, baseline, baselines.Key(baseline.Directory));
        }

        return result.WithFailLevel(options.FailLevel ?? config.FailLevel ?? Severity.Error);
    }

    /// <summary>
    /// The text of a baseline accepting a result's findings, its paths relative to the file's directory
    /// (<paramref name="path"/>; null or '-': the working directory).
    /// </summary>
    internal string BaselineText(LintResult result, string? path) => new BaselineFiles(_workspace).Text(result, path);

    /// <summary>The configuration a run would use: the file named, else the one found from the working directory up.</summary>
    public ScimLintConfig LoadConfig(string? path) => new ConfigDiscovery(_workspace, _catalog).Load(path);

    /// <summary>
    /// The configuration and the rules a run would use: the built-in rules plus the custom rules of the repository or
    /// configuration (compiled, or taken from <paramref name="cacheDirectory"/>).
    /// </summary>
    internal RunSetup Setup(string? configPath, string? cacheDirectory, Action<string>? log) =>
        new ConfigDiscovery(_workspace, _catalog).Setup(configPath, cacheDirectory, log);

    /// <summary>Reads a baseline file; throws <see cref="LintUsageException"/> when it is missing or malformed.</summary>
    internal BaselineFile ReadBaseline(string path) => new BaselineFiles(_workspace).Read(path);

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
        var sidecars = new Sidecars(workspace, store, ownership);
        var raw = new CrossDocumentPhase(workspace, store, phase, sidecars, dispatch, pairing) { WholeTexts = request.WholeTexts }.Run(files);
        var inputs = phase.Inputs;
        raw.AddRange(discovery.SkippedLinks.Select(l => SkippedLink(l.FullPath, l.Reason)));
        raw.AddRange(request.CustomRules?.Findings ?? []);

        // What the run kept of every loaded document (the documents themselves are gone): redaction, suppressions.
        var digests = store.Digests.ToList();
        var redactor = Redactor.For(digests.Select(d => d.Redaction).OfType<RedactionFacts>());
        var suppressions = digests.Where(d => d.Suppressions is not null).DistinctBy(d => d.Path, StringComparer.Ordinal)
            .ToDictionary(d => d.Path, d => d.Suppressions!, StringComparer.Ordinal);
        var linted = inputs.Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        var ignores = new ConfigIgnores(config, _workspace);
        var (kept, suppressed) = new FindingPipeline(config, redactor, catalog) { NoIgnore = request.NoIgnore }.Run(raw, suppressions, ignores, linted, dispatch.CheckUnusedSuppressions);

        var enabled = catalog.Rules.Select(r => new EnabledRule(r.Descriptor, config.SeverityOf(r.Descriptor))).Where(r => r.Severity != Severity.None).ToList();

        // The lines the reporters show, of the files with findings only (whole texts for fixes); every file's name for the reporters that list them.
        var sources = store.Texts(ShownLines(raw, kept, suppressed), request.WholeTexts);
        var failedTexts = request.CustomRules is { CompileFailed: true } failed ? failed.Texts : new Dictionary<string, Text.SourceText>();
        foreach (var (path, text) in failedTexts)
        {
            sources.TryAdd(path, text);
        }

        var result = new LintResult(kept, enabled, inputs.Count, sources, redactor)
        {
            Files = [.. digests.Select(d => d.Path).Concat(failedTexts.Keys).Distinct(StringComparer.Ordinal)],
            Suppressed = suppressed,
            ConfigInputs = inputs.Count(i => i.Kind != DocumentKind.Unknown || i.LooksLikeConfig),
            Unresolved = [.. inputs.DistinctBy(i => i.Path).OrderBy(i => i.Path, StringComparer.Ordinal).SelectMany(i => i.Unresolved)],
            Inputs = InputListing.Build(workspace, inputs.SelectMany(i => i.Entries), phase.Skipped.Concat(discovery.SkippedLinks).Concat(discovery.Excluded), discovery.SkippedDirectories),
            Catalog = catalog,
            RuleFailures = dispatch.Failures,
            FailLevel = config.FailLevel ?? Severity.Error,
        };
        return request.Baseline is null ? result : FindingPipeline.ApplyBaseline(result, request.Baseline);
    }

    /// <summary>The lines the reporters may show, by file: where each finding starts, suppressed ones included.</summary>
    private static Dictionary<string, HashSet<int>> ShownLines(List<RawFinding> raw, List<Finding> kept, List<SuppressedFinding> suppressed)
    {
        var lines = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        raw.ForEach(f => CrossDocumentPhase.AddLine(lines, f.Span));
        kept.ForEach(f => CrossDocumentPhase.AddLine(lines, f.Span));
        suppressed.ForEach(s => CrossDocumentPhase.AddLine(lines, s.Finding.Span));
        return lines;
    }

    /// <summary>The SL004 note for a file link the run did not follow (never its target: that could be a secret path).</summary>
    private RawFinding SkippedLink(string fullPath, string reason)
    {
        var display = _workspace.Display(fullPath);
        var span = new Text.SourceText(display, string.Empty).Span(0, 0);
        return new RawFinding(Rules.Input.NotAConfigRule.Rule, span, string.Empty, Finding.HashValue(reason, false), Rules.Input.NotAConfigRule.Rule.Format(display, reason), null);
    }
}
