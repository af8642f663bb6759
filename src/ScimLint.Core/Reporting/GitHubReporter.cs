using ScimLint.Engine;
using ScimLint.Rules;

namespace ScimLint.Reporting;

/// <summary>GitHub Actions workflow commands (<c>::error file=…::message</c>), one annotation per finding.</summary>
internal sealed class GitHubReporter : IReporter
{
    /// <inheritdoc/>
    public void Write(LintResult result, TextWriter writer, ReportOptions options)
    {
        foreach (var f in result.Findings)
        {
            result.Sources.TryGetValue(f.Path, out var source);
            var s = Regions.Normalize(f.Span, source);
            var command = f.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var endColumn = s.EndLine == s.StartLine ? $",endColumn={s.EndColumn}" : string.Empty;
            writer.Write($"::{command} file={Property(f.Path)},line={s.StartLine},col={s.StartColumn},endLine={s.EndLine}{endColumn},title={Property($"{f.Rule.Id} {f.Rule.Name}")}::{Data(f.Message)}\n");
        }
    }

    private static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
