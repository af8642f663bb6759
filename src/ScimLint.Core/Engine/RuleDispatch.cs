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
/// Stage 5, rule dispatch: runs every active rule on every input document (<see cref="CheckDocument"/>, per document,
/// in parallel from <see cref="DocumentPhase"/>), then on every app and settings document with its pairing, and the
/// cross-file rules on counterparts found on disk (<see cref="RunCrossDocument"/>). A rule that throws becomes a
/// finding of that rule, never a stack trace, and a <see cref="RuleFailure"/> (SARIF's tool execution notifications). The order of the raw findings is fixed (the pipeline sorts them, and its
/// dedupe keeps the first): cross-document findings first, then each input's document findings in input order.
/// </summary>
internal sealed class RuleDispatch(IReadOnlyList<Rule> active, LintPolicy policy, RuleCatalog catalog, Pairing pairing)
{
    private readonly List<RawFinding> _raw = [];
    private readonly ConcurrentQueue<RuleFailure> _failures = new();

    /// <summary>The rules that threw, in file, position and rule order.</summary>
    public IReadOnlyList<RuleFailure> Failures =>
        [.. _failures.DistinctBy(f => (f.Rule.Id, f.Span.Path, f.Span.StartOffset)).OrderBy(f => f.Span.Path, StringComparer.Ordinal).ThenBy(f => f.Span.StartOffset).ThenBy(f => f.Rule.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Runs the cross-document half on the inputs: app rules with their paired settings, settings rules with their
    /// exports, and the cross-file rules on counterparts found on disk. Returns what they reported.
    /// </summary>
    public List<RawFinding> RunCrossDocument(IReadOnlyList<InputDocument> inputs)
    {
        var inSet = inputs.Select(i => i.FullPath).ToHashSet(StringComparer.Ordinal);
        var counterparts = new Dictionary<string, BoundDocument>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            CheckApps(input.Bound, input.FullPath, active);

            // A pulled document drifts from the hand-kept one beside it: the drift is reported on the hand-kept one,
            // so it is checked too when only the pulled one was named.
            if (input.Bound.Apps.Any(a => a.IsObserved))
            {
                foreach (var (sibling, siblingPath) in pairing.Siblings(input.FullPath).Where(s => !s.App.IsObserved && !inSet.Contains(s.FullPath)))
                {
                    counterparts.TryAdd(siblingPath, DocumentOf(sibling, siblingPath));
                }
            }

            foreach (var settings in input.Bound.AllSettings)
            {
                var exports = pairing.ForSettings(input.FullPath, settings);
                var apps = exports.Exports.Select(a => a.App).ToList();
                Each(active, settings.Document, rule => rule.CheckSettings(new StrongDmContext(rule.Descriptor, policy, _raw.Add, settings, apps, exports.Status)));
                foreach (var (_, other, otherPath) in exports.Exports.Where(a => !inSet.Contains(a.FullPath)))
                {
                    counterparts.TryAdd(otherPath, other);
                }
            }
        }

        var crossFile = active.Where(r => r.CrossFile).ToList();
        foreach (var (otherPath, other) in counterparts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            CheckApps(other, otherPath, crossFile);
        }

        return _raw;
    }

    /// <summary>
    /// Runs the document rules on one input. Safe to call for several inputs at once: it touches nothing shared, and
    /// its findings go to a list of their own (the caller appends them after the cross-document ones, in input order).
    /// </summary>
    public List<RawFinding> CheckDocument(InputDocument input)
    {
        var raw = new List<RawFinding>();
        var document = input.Bound.Document;
        Each(active, raw, () => FirstKeySpan(document), rule => rule.CheckDocument(new DocumentContext(rule.Descriptor, policy, raw.Add, input.Bound, input.Explicit, input.LooksLikeConfig) { Catalog = catalog }));
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
            var siblings = pairing.Siblings(fullPath).Select(s => s.App).ToList();
            Each(rules, app.Document, rule => rule.CheckApp(new JumpCloudContext(rule.Descriptor, policy, _raw.Add, app, paired.Settings, paired.Status, paired.Candidates) { Siblings = siblings }));
        }
    }

    private BoundDocument DocumentOf(JumpCloudApp app, string fullPath) => pairing.Document(fullPath) ?? throw new InvalidOperationException(app.Document.Path);

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
}
