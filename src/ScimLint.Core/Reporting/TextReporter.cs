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
            var path = ControlCharacters.PathAtLineStart(finding.Path);
            writer.Write($"{bold}{path}:{span.StartLine}:{span.StartColumn}:{reset} {color}{level} {finding.Rule.Id}{reset}: {ControlCharacters.Escape(finding.Message)} {dim}[{finding.Rule.Name}]{reset}\n");
            if (options.Quiet)
            {
                continue;
            }

            // A file that did not parse shows the position only: none of its lines could be classified.
            if (source is not null && span.StartLine <= source.LineCount && result.Redactor.MayShowSource(finding.Path))
            {
                WriteFrame(writer, result.Redactor.MaskLine(finding.Path, source, span.StartLine), span, color, reset, dim);
            }

            if (finding.Fix is { } fix)
            {
                var gutter = new string(' ', span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
                writer.Write($"{dim}  {gutter} = fix: {ControlCharacters.Escape(Cut(FixText(fix)))}{reset}\n");
            }
        }

        if (!options.Quiet)
        {
            writer.Write(Summary(result) + "\n");
            var fixable = result.Findings.Count(f => f.Fix is not null);
            if (fixable > 0)
            {
                writer.Write($"{(fixable == 1 ? "1 finding" : $"{fixable} findings")} can be fixed with `scimlint --fix`.\n");
            }
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

    /// <summary>The widest code frame, in source columns: a 1 MB line must not print a 1 MB frame.</summary>
    internal const int FrameWidth = 200;

    private static string Cut(string text) => text.Length <= FrameWidth ? text : text[..FrameWidth] + "...";

    /// <summary>Writes a code frame of one line, already masked by the run's redactor (never the raw line).</summary>
    private static void WriteFrame(TextWriter writer, string maskedLine, SourceSpan span, string color, string reset, string dim)
    {
        var (lineText, prefix, carets) = Frame(maskedLine, span);
        var gutter = span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pad = new string(' ', gutter.Length);
        writer.Write($"{dim}  {gutter} |{reset} {lineText}\n");
        writer.Write($"{dim}  {pad} |{reset} {prefix}{color}{new string('^', carets)}{reset}\n");
    }

    /// <summary>
    /// The visible part of a (masked) line, at most <see cref="FrameWidth"/> source columns around the span's start,
    /// with control characters escaped, and the caret line's indent and width to match.
    /// </summary>
    internal static (string Line, string CaretIndent, int Carets) Frame(string line, SourceSpan span)
    {
        var caretStart = Math.Clamp(span.StartColumn - 1, 0, line.Length);
        var caretEnd = span.EndLine == span.StartLine ? Math.Clamp(span.EndColumn - 1, caretStart, line.Length) : line.Length;
        var from = 0;
        var to = line.Length;
        if (line.Length > FrameWidth)
        {
            from = Math.Clamp(caretStart - (FrameWidth / 4), 0, line.Length - FrameWidth);
            to = from + FrameWidth;
            if (from > 0 && char.IsLowSurrogate(line[from]))
            {
                from++;
            }

            if (to < line.Length && char.IsLowSurrogate(line[to]))
            {
                to--;
            }
        }

        var shown = new StringBuilder();
        var indent = new StringBuilder();
        var carets = 0;
        if (from > 0)
        {
            shown.Append("...");
            indent.Append("   ");
        }

        for (var i = from; i < to; i++)
        {
            var before = shown.Length;
            ControlCharacters.Append(shown, line[i], keepTab: true);
            var width = shown.Length - before;
            if (i < caretStart)
            {
                indent.Append(line[i] == '\t' ? "\t" : new string(' ', width));
            }
            else if (i < caretEnd)
            {
                carets += width;
            }
        }

        if (to < line.Length)
        {
            shown.Append("...");
        }

        return (shown.ToString(), indent.ToString(), Math.Max(1, carets));
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31m",
        Severity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };
}
