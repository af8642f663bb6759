using System.Text.Encodings.Web;
using System.Text.Json;
using ScimLint.Engine;
using ScimLint.Rules;

namespace ScimLint.Reporting;

#pragma warning disable CS1591 // The JSON report's shape is documented in the README.

internal sealed record JsonReport(string Tool, string Version, JsonSummary Summary, IReadOnlyList<JsonFinding> Findings);

internal sealed record JsonSummary(int Files, int Errors, int Warnings, int Notes, int Suppressed, int Baselined);

internal sealed record JsonFinding(
    string RuleId,
    string Rule,
    string Severity,
    string Message,
    string Path,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    string LogicalPath,
    string Fingerprint,
    string? HelpUri,
    JsonFix? Fix);

internal sealed record JsonFix(string Description, IReadOnlyList<JsonReplacement> Replacements);

internal sealed record JsonReplacement(int StartLine, int StartColumn, int EndLine, int EndColumn, string Text);

#pragma warning restore CS1591

/// <summary>A stable, documented JSON report for scripts.</summary>
internal sealed class JsonReporter : IReporter
{
    private static readonly ScimLintJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    /// <inheritdoc/>
    public void Write(LintResult result, TextWriter writer, ReportOptions options)
    {
        var findings = result.Findings.Select(f =>
        {
            result.Sources.TryGetValue(f.Path, out var source);
            var s = Regions.Normalize(f.Span, source);
            var fix = f.Fix is null ? null : new JsonFix(f.Fix.Description, [.. f.Fix.Replacements.Select(r => new JsonReplacement(r.Span.StartLine, r.Span.StartColumn, r.Span.EndLine, r.Span.EndColumn, r.Text))]);
            return new JsonFinding(f.Rule.Id, f.Rule.Name, f.Severity.Name(), f.Message, f.Path, s.StartLine, s.StartColumn, s.EndLine, s.EndColumn, f.LogicalPath, f.Fingerprint, result.Catalog.Custom.ContainsKey(f.Rule.Id) ? null : f.Rule.HelpUri.ToString(), fix);
        }).ToList();
        var summary = new JsonSummary(
            result.FilesChecked,
            result.Findings.Count(f => f.Severity == Severity.Error),
            result.Findings.Count(f => f.Severity == Severity.Warning),
            result.Findings.Count(f => f.Severity == Severity.Note),
            result.Suppressed.Count,
            result.Baselined.Count);
        writer.Write(JsonSerializer.Serialize(new JsonReport("scimlint", options.ToolVersion, summary, findings), Context.JsonReport));
        writer.Write('\n');
    }
}
