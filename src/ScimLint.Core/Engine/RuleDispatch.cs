using System.Collections.Concurrent;
using System.Diagnostics;
using ScimLint.Documents;
using ScimLint.Model;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Engine;

/// <summary>An input after loading: the bound document, whether it was named, and whether it looks like ours.</summary>
internal sealed record InputDocument(BoundDocument Bound, string FullPath, bool Explicit, bool LooksLikeConfig);

/// <summary>
/// What the run keeps of an input once its document rules have run (its document may then leave memory): its paths,
/// its kind, its unresolved values, and its <c>--list-files</c> entries once its cross-document rules have run.
/// </summary>
internal sealed record InputFacts(string FullPath, string Path, DocumentKind Kind, bool Explicit, bool LooksLikeConfig)
{
    /// <summary>Its values that could not be resolved statically, in source order.</summary>
    public IReadOnlyList<UnresolvedValue> Unresolved { get; init; } = [];

    /// <summary>What <c>--list-files</c> says of it (<see cref="InputListing.EntriesOf"/>), set after its cross-document rules.</summary>
    public IReadOnlyList<InputEntry> Entries { get; set; } = [];

    /// <summary>The facts of an input.</summary>
    public static InputFacts Of(InputDocument input)
    {
        var bound = input.Bound;
        var unresolved = UnresolvedValue.Of(bound);
        return new InputFacts(input.FullPath, bound.Document.Path, bound.Kind, input.Explicit, input.LooksLikeConfig) { Unresolved = unresolved.Count == 0 ? [] : unresolved };
    }
}

/// <summary>
/// Stage 5, rule dispatch: runs every active rule on every input document (<see cref="CheckDocument"/>, per document,
/// in parallel from <see cref="DocumentPhase"/>), then on every app and settings document with its pairing, and the
/// cross-file rules on counterparts found on disk (<see cref="RunCrossDocument"/>). A rule that throws becomes a
/// finding of that rule, never a stack trace, and a <see cref="RuleFailure"/> (SARIF's tool execution notifications). The order of the raw findings is fixed (the pipeline sorts them, and its
/// dedupe keeps the first): cross-document findings first, then each input's document findings in input order.
/// </summary>
internal sealed class RuleDispatch(IReadOnlyList<Rule> active, LintPolicy policy, RuleCatalog catalog, Pairing pairing)
{
    private readonly List<RawFinding> _raw = [];

    // One delegate for every rule's context, not one per rule and document.
    private Action<RawFinding> Report => field ??= _raw.Add;
    private readonly ConcurrentQueue<RuleFailure> _failures = new();

    /// <summary>The rules that threw, in file, position and rule order.</summary>
    public IReadOnlyList<RuleFailure> Failures =>
        [.. _failures.DistinctBy(f => new FailureKey(f.Rule.Id, f.Span.Path, f.Span.StartOffset)).OrderBy(f => f.Span.Path, StringComparer.Ordinal).ThenBy(f => f.Span.StartOffset).ThenBy(f => f.Rule.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The raw findings of the cross-document rules so far, in the order they were reported (the run replaces them by
    /// equal findings that share their strings: <see cref="RunStrings.Share(List{RawFinding}, int)"/>).
    /// </summary>
    public List<RawFinding> CrossDocumentFindings => _raw;

    private readonly HashSet<string> _counterparts = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs the cross-document half on one input (the engine calls it for each input in input order, once the
    /// documents it may search are loaded and merged): app rules with the paired settings, settings rules with their
    /// exports. Counterparts found on disk are noted for <see cref="CheckCounterparts"/>.
    /// </summary>
    public void RunCrossDocument(InputFacts input, BoundDocument bound)
    {
        CheckApps(bound, input.FullPath, active);

        // A pulled document drifts from the hand-kept one beside it: the drift is reported on the hand-kept one,
        // so it is checked too when only the pulled one was named.
        if (bound.Apps.Any(a => a.IsObserved))
        {
            foreach (var (_, siblingPath) in pairing.Siblings(input.FullPath).Where(s => !s.App.IsObserved))
            {
                _counterparts.Add(siblingPath);
            }
        }

        foreach (var settings in bound.AllSettings)
        {
            var exports = pairing.ForSettings(input.FullPath, settings);
            var apps = pairing.Apps(exports);
            Each(active, settings.Document, rule => rule.CheckSettings(new StrongDmContext(rule.Descriptor, policy, Report, settings, apps, exports.Status)));
            _counterparts.UnionWith(exports.Exports.Select(e => e.FullPath));
        }
    }

    /// <summary>
    /// The cross-file rules on the counterparts found on disk that were not inputs (<paramref name="inputs"/>: every
    /// input's full path), in path order, after every input's cross-document rules.
    /// </summary>
    public void CheckCounterparts(IReadOnlySet<string> inputs)
    {
        var crossFile = active.Where(r => r.CrossFile).ToList();
        foreach (var otherPath in _counterparts.Where(p => !inputs.Contains(p)).Order(StringComparer.Ordinal))
        {
            if (pairing.Document(otherPath) is { } other)
            {
                CheckApps(other, otherPath, crossFile);
            }
        }
    }

    /// <summary>
    /// Runs the document rules on one input. Safe to call for several inputs at once: it touches nothing shared, and
    /// its findings go to a list of their own (the caller appends them after the cross-document ones, in input order).
    /// </summary>
    public List<RawFinding> CheckDocument(InputDocument input)
    {
        var raw = new List<RawFinding>();
        var document = input.Bound.Document;
        Action<RawFinding> report = raw.Add;
        Each(active, raw, () => FirstKeySpan(document), rule => rule.CheckDocument(new DocumentContext(rule.Descriptor, policy, report, input.Bound, input.Explicit, input.LooksLikeConfig) { Catalog = catalog }));
        return raw;
    }

    /// <summary>The hook of the finding pipeline: the rules hear which suppressions matched no finding.</summary>
    public List<RawFinding> CheckUnusedSuppressions(IReadOnlyList<Suppression> unused, Func<string, bool> isEnabled)
    {
        var raw = new List<RawFinding>();
        Each(active, raw, () => unused[0].Span, rule => rule.CheckUnusedSuppressions(new SuppressionContext(rule.Descriptor, policy, raw.Add, unused, isEnabled)));
        return raw;
    }

    private void CheckApps(BoundDocument doc, string fullPath, IReadOnlyList<Rule> rules)
    {
        for (var i = 0; i < doc.Apps.Count; i++)
        {
            var app = doc.Apps[i];
            var paired = pairing.ForApp(fullPath, i);
            var settings = pairing.Settings(paired.Settings);
            var siblings = pairing.Siblings(fullPath).Select(s => s.App).ToList();
            Each(rules, app.Document, rule => rule.CheckApp(new JumpCloudContext(rule.Descriptor, policy, Report, app, settings, paired.Status, paired.Candidates) { Siblings = siblings }));
        }
    }

    /// <summary>
    /// Runs each rule on one document. A defect in a rule becomes a finding of that rule; the exception's message is
    /// left out because it may quote input (and so a token).
    /// </summary>
    private void Each(IReadOnlyList<Rule> rules, SourceDocument document, Action<Rule> check) =>
        Each(rules, _raw, () => FirstKeySpan(document), check);

    /// <summary>
    /// The message of a rule's failure. A custom rule's names its own file and line (the frame of the rule's code,
    /// from the embedded debug information), and asks for the rule to be fixed rather than reported to ScimLint.
    /// </summary>
    private string FailureMessage(Rule rule, Exception ex)
    {
        var id = rule.Descriptor.Id;
        if (!catalog.Custom.TryGetValue(id, out var custom))
        {
            return $"internal error: {id} failed on this file ({ex.GetType().Name}); the file was not fully checked; please report this";
        }

        var file = Path.GetFileName(custom.Source);
        var frame = new StackTrace(ex, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => string.Equals(f.GetFileName(), file, StringComparison.Ordinal));
        var at = frame is null ? string.Empty : $" at {custom.Source}:{frame.GetFileLineNumber()}";
        return $"internal error: custom rule {id} threw {ex.GetType().Name}{at}; this file was not fully checked by it; fix the rule (the exception's message is not shown, as it could quote a secret)";
    }

    private static SourceSpan FirstKeySpan(SourceDocument document) =>
        document.Root is DocMapping { Properties.Count: > 0 } map ? map.Properties[0].Key.Span : document.Text.Span(0, 0);

    private void Each(IReadOnlyList<Rule> rules, List<RawFinding> sink, Func<SourceSpan> where, Action<Rule> check)
    {
        foreach (var rule in rules)
        {
            try
            {
                check(rule);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var span = where();
                var message = FailureMessage(rule, ex);
                sink.Add(new RawFinding(rule.Descriptor, span, string.Empty, Finding.HashValue(ex.GetType().Name, false), message, null, Severity.Error));
                _failures.Enqueue(new RuleFailure(rule.Descriptor, span, ex.GetType().Name, message));
            }
        }
    }

    // What makes two rule failures the same. A class, not a tuple: DistinctBy over a reference-type key shares the
    // framework's precompiled code, so a ReadyToRun build does not JIT-compile it at start-up.
    private sealed record FailureKey(string RuleId, string Path, int Offset);
}
