using System.Text.Encodings.Web;
using System.Text.Json;
using ScimLint.Engine;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run, every enabled rule, repo-relative URIs under <c>%SRCROOT%</c>,
/// full regions, line-independent fingerprints and fixes. Deterministic: no timestamps, no absolute paths.
/// </summary>
internal sealed class SarifReporter : IReporter
{
    /// <summary>The SARIF schema URI written in <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The fingerprint key.</summary>
    public const string FingerprintKey = "scimlint/v1";

    private const string SrcRoot = "%SRCROOT%";

    /// <inheritdoc/>
    public void Write(LintResult result, TextWriter writer, ReportOptions options)
    {
        var json = JsonSerializer.Serialize(Build(result, options), Context.SarifLog);
        writer.Write(json.Replace("\r\n", "\n", StringComparison.Ordinal));
        writer.Write('\n');
    }

    private static ScimLintJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    /// <summary>Builds the SARIF object model.</summary>
    public static SarifLog Build(LintResult result, ReportOptions options)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<SarifRule>();
        foreach (var rule in result.Rules)
        {
            index[rule.Descriptor.Id] = rules.Count;
            rules.Add(result.Catalog.Custom.TryGetValue(rule.Descriptor.Id, out var custom) ? ToCustomRule(rule, custom) : ToRule(rule));
        }

        var results = Results(result, index, options.ReportSuppressed);
        var run = new SarifRun(
            new SarifTool(new SarifDriver(ToolInfo.Name, options.ToolVersion, ToolInfo.InformationUri, rules)),
            new Dictionary<string, SarifArtifactLocation>(StringComparer.Ordinal)
            {
                [SrcRoot] = new(null, null, new SarifMessage("The directory scimlint ran in; result paths are relative to it.")),
            },
            results,
            "utf16CodeUnits",
            Provenance(options.Repository),
            Invocations(result, index));
        return new SarifLog(SchemaUri, "2.1.0", [run]);
    }

    /// <summary>
    /// The results in report order. With a baseline, every result is <c>baselineState: new</c>; without one, no
    /// result has a baseline state. The findings the baseline accepts stay out by default, like every suppressed
    /// finding: GitHub code scanning honours neither <c>baselineState</c> nor <c>suppressions</c> by itself, so an
    /// uploaded accepted finding would open an alert. With <c>--report-suppressed</c>
    /// (<paramref name="withSuppressed"/>) they are listed as <c>unchanged</c>, and the findings inline comments and
    /// <c>ignore:</c> entries suppressed are listed too, all carrying <c>suppressions</c>.
    /// </summary>
    private static List<SarifResult> Results(LintResult result, Dictionary<string, int> index, bool withSuppressed)
    {
        var state = result.BaselineUsed ? "new" : null;
        var accepted = new SarifSuppression("external", "accepted", "Accepted by the baseline.");
        var all = result.Findings.Select(f => new Listed(f, state, null))
            .Concat(withSuppressed ? result.Baselined.Select(f => new Listed(f, "unchanged", accepted)) : [])
            .Concat(withSuppressed ? result.Suppressed.Select(s => new Listed(s.Finding, state, Suppression(s, result))) : [])
            .Where(r => index.ContainsKey(r.Finding.Rule.Id))
            .OrderBy(r => r.Finding.Path, StringComparer.Ordinal)
            .ThenBy(r => r.Finding.Span.StartLine)
            .ThenBy(r => r.Finding.Span.StartColumn)
            .ThenBy(r => r.Finding.Rule.Id, StringComparer.Ordinal)
            .ThenBy(r => r.Finding.Message, StringComparer.Ordinal);
        return [.. all.Select(r => ToResult(r.Finding, index[r.Finding.Rule.Id], result) with { BaselineState = r.State, Suppressions = r.Suppression is null ? null : [r.Suppression] })];
    }

    /// <summary>A result to list (a class: LINQ over a tuple would be JIT-compiled at run time, a ReadyToRun image cannot hold it).</summary>
    private sealed record Listed(Finding Finding, string? State, SarifSuppression? Suppression);

    /// <summary>An inline comment is <c>inSource</c>, an <c>ignore:</c> entry <c>external</c>; the justification is the reason given.</summary>
    private static SarifSuppression Suppression(SuppressedFinding suppressed, LintResult result) => new(
        suppressed.Kind == SuppressionKind.InSource ? "inSource" : "external",
        "accepted",
        Justify(result.Redactor.Redact(suppressed.Reason), suppressed.Kind == SuppressionKind.InSource ? "inline comment" : $"ignore entry at {suppressed.Source}"));

    private static string Justify(string reason, string where) => reason.Length == 0 ? $"No reason given ({where})." : Sentence($"{reason} ({where})");

    private static IReadOnlyList<SarifVersionControlDetails>? Provenance(RepositoryInfo? repository) =>
        repository is null
            ? null
            : [new SarifVersionControlDetails(repository.RepositoryUri, repository.RevisionId, repository.Branch, repository.MappedToWorkingDirectory ? new SarifArtifactLocation(null, SrcRoot) : null)];

    /// <summary>
    /// A rule that threw is a tool execution notification (GitHub's tool status page shows them), besides its
    /// internal-error result; the run itself went on, so it still executed successfully. None: no invocations.
    /// </summary>
    private static IReadOnlyList<SarifInvocation>? Invocations(LintResult result, Dictionary<string, int> index)
    {
        if (result.RuleFailures.Count == 0)
        {
            return null;
        }

        var notifications = result.RuleFailures.Select(f =>
        {
            result.Sources.TryGetValue(f.Span.Path, out var source);
            var location = new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(EscapeUri(f.Span.Path), SrcRoot), RegionOf(f.Span, source, normalize: true)), null);
            return new SarifNotification(new SarifMessage(Sentence(f.Message)), "error", [location], new SarifDescriptorReference(f.Rule.Id, index.GetValueOrDefault(f.Rule.Id, -1)), new SarifException(f.ExceptionType));
        }).ToList();
        return [new SarifInvocation(true, notifications)];
    }

    /// <summary>
    /// A custom rule in <c>tool.driver.rules</c> (GitHub code scanning shows a driver rule's help and tags; it does not
    /// show extensions' rules as well): its page as help, no help URI (its docs live in the repository, not at
    /// ScimLint's), and the tag <c>custom-rule</c>.
    /// </summary>
    private static SarifRule ToCustomRule(EnabledRule rule, CustomRuleInfo custom)
    {
        var d = rule.Descriptor;
        return ToRule(rule) with
        {
            Help = new SarifMultiformatMessage($"{Sentence(d.Description)} A custom rule of this repository ({custom.Source}).", custom.Page.TrimEnd()),
            HelpUri = null,
            Properties = new SarifRuleProperties(
                [.. d.Tags, "custom-rule"],
                "very-high",
                rule.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "recommendation" },
                d.SecuritySeverity?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    private static SarifRule ToRule(EnabledRule rule)
    {
        var d = rule.Descriptor;
        var help = $"{Sentence(d.Description)} See {d.HelpUri}";
        var markdown = Engine.RuleDocs.Get(d.Id)?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() ?? $"**{d.Id} {d.Name}**: {Sentence(d.Description)}\n\n[Documentation]({d.HelpUri})";
        return new SarifRule(
            d.Id,
            d.Name,
            new SarifMessage(Sentence(d.Title)),
            new SarifMessage(Sentence(d.Description)),
            new SarifMultiformatMessage(help, markdown),
            d.HelpUri.ToString(),
            new SarifConfiguration(Level(rule.Severity)),
            new SarifRuleProperties(
                [.. d.Tags],
                "very-high",
                rule.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "recommendation" },
                d.SecuritySeverity?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static SarifResult ToResult(Finding finding, int ruleIndex, LintResult result)
    {
        result.Sources.TryGetValue(finding.Path, out var source);
        var location = new SarifArtifactLocation(EscapeUri(finding.Path), SrcRoot);
        var logical = finding.LogicalPath.Length == 0 ? null : new[] { new SarifLogicalLocation(finding.LogicalPath, "member") };
        IReadOnlyList<SarifFix>? fixes = finding.Fix is { Replacements.Count: > 0 } fix
            ? [new SarifFix(new SarifMessage(Sentence(fix.Description)), [new SarifArtifactChange(location, [.. fix.Replacements.Select(r => new SarifReplacement(RegionOf(r.Span, null, normalize: false), new SarifInsertedContent(r.Text)))])])]
            : null;
        return new SarifResult(
            finding.Rule.Id,
            ruleIndex,
            Level(finding.Severity),
            new SarifMessage(Sentence(finding.Message)),
            [new SarifLocation(new SarifPhysicalLocation(location, RegionOf(finding.Span, source, normalize: true)), logical)],
            new Dictionary<string, string>(StringComparer.Ordinal) { [FingerprintKey] = finding.Fingerprint },
            fixes);
    }

    private static SarifRegion RegionOf(SourceSpan span, SourceText? source, bool normalize)
    {
        var s = normalize ? Regions.Normalize(span, source) : span;
        return new SarifRegion(Math.Max(1, s.StartLine), Math.Max(1, s.StartColumn), Math.Max(1, s.EndLine), Math.Max(1, s.EndColumn));
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";

    private static string EscapeUri(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
