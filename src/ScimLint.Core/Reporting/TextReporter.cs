using System.Text;
using ScimLint.Engine;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Reporting;

/// <summary>
/// Compiler-style text: <c>path:line:col: error SL104: message [name]</c>, a code frame with carets, a fix line, and a
/// one-line summary. Problem matchers and editors pick up the first line of each finding.
/// </summary>
internal sealed class TextReporter : IReporter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    /// <inheritdoc/>
    public void Write(LintResult result, TextWriter writer, ReportOptions options)
    {
        foreach (var finding in result.Findings)
        {
            result.Sources.TryGetValue(finding.Path, out var source);
            var span = Regions.Normalize(finding.Span, source);
            var level = finding.Severity.Name();
            var color = options.Color ? ColorOf(finding.Severity) : string.Empty;
            var reset = options.Color ? Reset : string.Empty;
            var bold = options.Color ? Bold : string.Empty;
            var dim = options.Color ? Dim : string.Empty;
            writer.Write($"{bold}{finding.Path}:{span.StartLine}:{span.StartColumn}:{reset} {color}{level} {finding.Rule.Id}{reset}: {finding.Message} {dim}[{finding.Rule.Name}]{reset}\n");
            if (options.Quiet)
            {
                continue;
            }

            if (source is not null && span.StartLine <= source.LineCount)
            {
                WriteFrame(writer, result.Redactor.MaskLine(finding.Path, source, span.StartLine), span, color, reset, dim);
            }

            if (finding.Fix is { } fix)
            {
                var gutter = new string(' ', span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
                writer.Write($"{dim}  {gutter} = fix: {FixText(fix)}{reset}\n");
            }
        }

        if (!options.Quiet)
        {
            writer.Write(Summary(result) + "\n");
        }
    }

    /// <summary>The one-line summary.</summary>
    public static string Summary(LintResult result)
    {
        var errors = result.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = result.Findings.Count(f => f.Severity == Severity.Warning);
        var notes = result.Findings.Count(f => f.Severity == Severity.Note);
        var files = result.FilesChecked == 1 ? "1 file" : $"{result.FilesChecked} files";
        var hidden = new List<string>();
        if (result.Suppressed.Count > 0)
        {
            hidden.Add($"{result.Suppressed.Count} suppressed");
        }

        if (result.Baselined.Count > 0)
        {
            hidden.Add($"{result.Baselined.Count} in the baseline");
        }

        var suppressed = hidden.Count == 0 ? string.Empty : $" ({string.Join(", ", hidden)})";
        if (result.Findings.Count == 0)
        {
            return $"No problems found in {files}{suppressed}.";
        }

        var problems = result.Findings.Count == 1 ? "1 problem" : $"{result.Findings.Count} problems";
        return $"{problems} ({Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(notes, "note")}) in {files}{suppressed}.";
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private static string FixText(Fix fix)
    {
        if (fix.Replacements.Count == 1 && fix.Replacements[0].Text.Length > 0)
        {
            return $"replace with {fix.Replacements[0].Text}";
        }

        return fix.Description;
    }

    /// <summary>Writes a code frame of one line, already masked by the run's redactor (never the raw line).</summary>
    private static void WriteFrame(TextWriter writer, string lineText, SourceSpan span, string color, string reset, string dim)
    {
        var gutter = span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pad = new string(' ', gutter.Length);
        writer.Write($"{dim}  {gutter} |{reset} {lineText}\n");
        var caretStart = Math.Min(span.StartColumn - 1, lineText.Length);
        var caretEnd = span.EndLine == span.StartLine ? Math.Min(span.EndColumn - 1, lineText.Length) : lineText.Length;
        var caretCount = Math.Max(1, caretEnd - caretStart);
        var prefix = new StringBuilder();
        for (var i = 0; i < caretStart; i++)
        {
            prefix.Append(lineText[i] == '\t' ? '\t' : ' ');
        }

        writer.Write($"{dim}  {pad} |{reset} {prefix}{color}{new string('^', caretCount)}{reset}\n");
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31m",
        Severity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
