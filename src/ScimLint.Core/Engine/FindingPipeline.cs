using ScimLint.Configuration;
using ScimLint.Documents;
using ScimLint.Redaction;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// Stage 6, the finding pipeline. Raw findings pass, in this order:
/// <list type="number">
/// <item>severity: the configured severity of the rule wins over the one reported; findings turned off leave;</item>
/// <item>redaction: messages and fixes through the run's <see cref="Redactor"/>;</item>
/// <item>dedupe and sort: one finding per rule, span and message, by path, line, column, rule and message;</item>
/// <item>suppressions: findings an inline comment covers move to <see cref="LintResult.Suppressed"/>, then the rules
/// hear which suppressions matched nothing (<see cref="Rule.CheckUnusedSuppressions"/>);</item>
/// <item>baseline: findings a baseline accepts move to <see cref="LintResult.Baselined"/> (<see cref="ApplyBaseline"/>).</item>
/// </list>
/// </summary>
internal sealed class FindingPipeline(ScimLintConfig config, Redactor redactor, RuleCatalog catalog)
{
    private readonly HashSet<RuleDescriptor> _unsuppressible = catalog.Rules.Where(r => !r.Suppressible).Select(r => r.Descriptor).ToHashSet();

    /// <summary>Runs severity, redaction, dedupe and sort, and suppressions.</summary>
    /// <param name="raw">What the rules reported.</param>
    /// <param name="suppressions">The suppressions of every loaded document, by display path.</param>
    /// <param name="linted">The display paths of the inputs (only their unused suppressions are reported).</param>
    /// <param name="unusedHook">Runs the rules' <see cref="Rule.CheckUnusedSuppressions"/> on unused suppressions.</param>
    public (List<Finding> Kept, List<SuppressedFinding> Suppressed) Run(
        IEnumerable<RawFinding> raw,
        IReadOnlyDictionary<string, IReadOnlyList<Suppression>> suppressions,
        IReadOnlySet<string> linted,
        Func<IReadOnlyList<Suppression>, Func<string, bool>, IEnumerable<RawFinding>> unusedHook)
    {
        var findings = DedupeAndSort(Configure(raw));
        var (kept, suppressed, used) = Suppress(findings, suppressions);
        var unused = suppressions
            .Where(p => linted.Contains(p.Key))
            .SelectMany(p => p.Value.Where(s => !used.Contains(s) && s.Rules.Count > 0))
            .ToList();
        if (unused.Count > 0)
        {
            kept.AddRange(Configure(unusedHook(unused, IsEnabled)));
        }

        return (Sort(kept), suppressed);
    }

    /// <summary>The last stage: moves the findings a baseline accepts out of a result.</summary>
    public static LintResult ApplyBaseline(LintResult result, BaselineFile baseline)
    {
        var (fresh, accepted) = Baseline.Apply(result.Findings, baseline);
        return result.With(fresh, accepted);
    }

    /// <summary>Severity, then redaction.</summary>
    private IEnumerable<Finding> Configure(IEnumerable<RawFinding> raw) => raw
        .Select(r => new Finding(r.Rule, config.SeverityOf(r.Rule, r.Severity), redactor.Redact(r.Message), r.Span, redactor.Redact(r.LogicalPath), r.ValueHash, redactor.Redact(r.Fix)))
        .Where(f => f.Severity != Severity.None);

    private static List<Finding> DedupeAndSort(IEnumerable<Finding> findings) => Sort(findings.DistinctBy(f => (f.Rule.Id, f.Span, f.Message)));

    private static List<Finding> Sort(IEnumerable<Finding> findings) =>
        [.. findings
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.StartLine)
            .ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)];

    private (List<Finding> Kept, List<SuppressedFinding> Suppressed, HashSet<Suppression> Used) Suppress(List<Finding> findings, IReadOnlyDictionary<string, IReadOnlyList<Suppression>> suppressions)
    {
        var used = new HashSet<Suppression>();
        var kept = new List<Finding>();
        var suppressed = new List<SuppressedFinding>();

        // Indexed by line: a file of 100,000 suppression comments must not compare each finding with each comment.
        var byLine = suppressions.ToDictionary(p => p.Key, p => Suppressions.ByLine(p.Value), StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var match = _unsuppressible.Contains(finding.Rule) || !byLine.TryGetValue(finding.Path, out var candidates)
                ? null
                : candidates[finding.Span.StartLine].FirstOrDefault(s => s.Rules.Any(r =>
                    string.Equals(r, finding.Rule.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(r, finding.Rule.Name, StringComparison.OrdinalIgnoreCase)));
            if (match is null)
            {
                kept.Add(finding);
                continue;
            }

            used.Add(match);
            suppressed.Add(new SuppressedFinding(finding, match.Reason));
        }

        return (kept, suppressed, used);
    }

    private bool IsEnabled(string idOrName) => catalog.Find(idOrName) is { } rule && config.SeverityOf(rule.Descriptor) != Severity.None;
}
