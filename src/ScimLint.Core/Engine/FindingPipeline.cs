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
/// <item>suppressions: findings an inline comment or an <c>ignore:</c> entry of the configuration covers move to
/// <see cref="LintResult.Suppressed"/> (an expired one leaves the finding, which says so), then the rules hear which
/// inline suppressions matched nothing (<see cref="Rule.CheckUnusedSuppressions"/>); with
/// <see cref="NoIgnore"/>, nothing is suppressed;</item>
/// <item>baseline: findings a baseline accepts move to <see cref="LintResult.Baselined"/> (<see cref="ApplyBaseline"/>).</item>
/// </list>
/// </summary>
internal sealed class FindingPipeline(ScimLintConfig config, Redactor redactor, RuleCatalog catalog)
{
    // A handful of rules, so a list: a set would hash every descriptor (a record of enum and double? fields) at start-up.
    private readonly List<RuleDescriptor> _unsuppressible = [.. catalog.Rules.Where(r => !r.Suppressible).Select(r => r.Descriptor)];
    private readonly DateOnly _today = DateOnly.FromDateTime(config.Policy.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Suppress nothing (<c>--no-ignore</c>): every finding stays, and no suppression is reported unused.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>Runs severity, redaction, dedupe and sort, and suppressions.</summary>
    /// <param name="raw">What the rules reported.</param>
    /// <param name="suppressions">The suppressions of every loaded document, by display path.</param>
    /// <param name="ignores">The configuration's <c>ignore:</c> entries.</param>
    /// <param name="linted">The display paths of the inputs (only their unused suppressions are reported).</param>
    /// <param name="unusedHook">Runs the rules' <see cref="Rule.CheckUnusedSuppressions"/> on unused suppressions.</param>
    public (List<Finding> Kept, List<SuppressedFinding> Suppressed) Run(
        IEnumerable<RawFinding> raw,
        IReadOnlyDictionary<string, IReadOnlyList<Suppression>> suppressions,
        ConfigIgnores ignores,
        IReadOnlySet<string> linted,
        Func<IReadOnlyList<Suppression>, Func<string, bool>, IEnumerable<RawFinding>> unusedHook)
    {
        var findings = DedupeAndSort(Configure(raw));
        if (NoIgnore)
        {
            return (findings, []);
        }

        var (kept, suppressed, used) = Suppress(findings, suppressions, ignores);
        var unused = new List<Suppression>();
        foreach (var (path, ofFile) in suppressions)
        {
            if (linted.Contains(path))
            {
                unused.AddRange(ofFile.Where(s => !used.Contains(s) && s.Rules.Count > 0));
            }
        }

        if (unused.Count > 0)
        {
            kept.AddRange(Configure(unusedHook(unused, IsEnabled)));
        }

        return (Sort(kept), suppressed);
    }

    /// <summary>The last stage: moves the findings a baseline accepts out of a result.</summary>
    public static LintResult ApplyBaseline(LintResult result, BaselineFile baseline, Func<string, string>? pathKey = null)
    {
        var (fresh, accepted) = Baseline.Apply(result.Findings, baseline, pathKey);
        return result.With(fresh, accepted);
    }

    /// <summary>Severity, then redaction.</summary>
    private IEnumerable<Finding> Configure(IEnumerable<RawFinding> raw) => raw
        .Select(r => new Finding(r.Rule, config.SeverityOf(r.Rule, r.Severity), redactor.Redact(r.Message), r.Span, redactor.Redact(r.LogicalPath), r.ValueHash, redactor.Redact(r.Fix)))
        .Where(f => f.Severity != Severity.None);

    private static List<Finding> DedupeAndSort(IEnumerable<Finding> findings) => Sort(findings.DistinctBy(f => new DedupeKey(f.Rule.Id, f.Span, f.Message)));

    private static List<Finding> Sort(IEnumerable<Finding> findings) =>
        [.. findings
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Span.StartLine)
            .ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)];

    private (List<Finding> Kept, List<SuppressedFinding> Suppressed, HashSet<Suppression> Used) Suppress(
        List<Finding> findings, IReadOnlyDictionary<string, IReadOnlyList<Suppression>> suppressions, ConfigIgnores ignores)
    {
        var used = new HashSet<Suppression>();
        var kept = new List<Finding>();
        var suppressed = new List<SuppressedFinding>();

        // Indexed by line: a file of 100,000 suppression comments must not compare each finding with each comment.
        // A file's index is built when a finding of it is first looked up (a clean run builds none).
        var byLine = new Dictionary<string, ILookup<int, Suppression>>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (_unsuppressible.Contains(finding.Rule))
            {
                kept.Add(finding);
                continue;
            }

            var (inline, expired) = Inline(finding, suppressions, byLine);
            if (inline is not null)
            {
                used.Add(inline);
                suppressed.Add(new SuppressedFinding(finding, inline.Reason) { Kind = SuppressionKind.InSource });
                continue;
            }

            var (entry, expiredEntry) = ignores.Any ? ignores.Match(finding, _today) : (null, null);
            if (entry is not null)
            {
                suppressed.Add(new SuppressedFinding(finding, entry.Reason) { Kind = SuppressionKind.External, Source = entry.Location });
                continue;
            }

            if (expired is not null)
            {
                // It matched: an expired suppression is not also an unused one.
                used.Add(expired);
            }

            kept.Add(Expired(finding, expired, expiredEntry));
        }

        return (kept, suppressed, used);
    }

    /// <summary>The inline suppression covering a finding: one in force, else an expired one.</summary>
    private (Suppression? Active, Suppression? Expired) Inline(
        Finding finding, IReadOnlyDictionary<string, IReadOnlyList<Suppression>> suppressions, Dictionary<string, ILookup<int, Suppression>> byLine)
    {
        if (!byLine.TryGetValue(finding.Path, out var candidates))
        {
            if (!suppressions.TryGetValue(finding.Path, out var ofFile))
            {
                return (null, null);
            }

            byLine[finding.Path] = candidates = Suppressions.ByLine(ofFile);
        }

        var matching = candidates[finding.Span.StartLine].Where(s => s.Rules.Any(r =>
            string.Equals(r, finding.Rule.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(r, finding.Rule.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        return (matching.FirstOrDefault(s => s.Until is not { } until || until >= _today), matching.FirstOrDefault());
    }

    /// <summary>A finding whose suppression has expired says so, so that nobody wonders why it is back.</summary>
    private static Finding Expired(Finding finding, Suppression? inline, Configuration.IgnoreEntry? entry)
    {
        if (inline is { Until: { } until })
        {
            return finding with { Message = $"{finding.Message} (the suppression on line {inline.Span.StartLine} expired after {Format(until)}: fix the finding, or renew the date with a reason)" };
        }

        if (entry is { Until: { } ignoredUntil })
        {
            return finding with { Message = $"{finding.Message} (the ignore entry at {entry.Location} expired after {Format(ignoredUntil)}: fix the finding, or renew the date with a reason)" };
        }

        return finding;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private bool IsEnabled(string idOrName) => catalog.Find(idOrName) is { } rule && config.SeverityOf(rule.Descriptor) != Severity.None;

    // What makes two findings the same. A class, not a tuple: DistinctBy over a reference-type key shares the
    // framework's precompiled code, so a ReadyToRun build does not JIT-compile it at start-up.
    // Its equality is written out: the generated members compare the span through EqualityComparer<SourceSpan>,
    // which a ReadyToRun image cannot hold either (5 methods). The same comparison: ordinal strings, the span's own.
    private sealed record DedupeKey(string RuleId, Text.SourceSpan Span, string Message)
    {
        public bool Equals(DedupeKey? other) =>
            other is not null && string.Equals(RuleId, other.RuleId, StringComparison.Ordinal) && Span.Equals(other.Span) && string.Equals(Message, other.Message, StringComparison.Ordinal);

        public override int GetHashCode() => unchecked((((RuleId.GetHashCode(StringComparison.Ordinal) * 31) + Span.GetHashCode()) * 31) + Message.GetHashCode(StringComparison.Ordinal));
    }
}
