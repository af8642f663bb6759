using System.Text;
using System.Text.RegularExpressions;
using ScimLint.Engine;
using ScimLint.Model;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Reporting;

/// <summary>
/// Compiler-style text: <c>path:line:col: error SL104: message [name]</c>, a code frame with carets, a fix line, and a
/// one-line summary. Problem matchers and editors pick up the first line of each finding.
/// </summary>
public sealed partial class TextReporter : IReporter
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
                result.SensitiveSpans.TryGetValue(finding.Path, out var secrets);
                WriteFrame(writer, source, span, secrets ?? [], color, reset, dim);
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

    private static void WriteFrame(TextWriter writer, SourceText source, SourceSpan span, IReadOnlyList<SourceSpan> secrets, string color, string reset, string dim)
    {
        var lineText = Mask(source, span.StartLine, secrets);
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

    /// <summary>The line with every secret masked: known token spans, and token-like keys in files that did not parse.</summary>
    internal static string Mask(SourceText source, int line, IReadOnlyList<SourceSpan> secrets)
    {
        var text = source.GetLine(line);
        var chars = text.ToCharArray();
        var lineStart = source.GetOffset(line, 1);
        foreach (var secret in secrets)
        {
            for (var offset = Math.Max(secret.StartOffset, lineStart); offset < Math.Min(secret.EndOffset, lineStart + chars.Length); offset++)
            {
                chars[offset - lineStart] = '*';
            }
        }

        var masked = new string(chars);
        var match = TokenLine().Match(masked);
        if (match.Success && !TokenValues.IsReference(match.Groups["value"].Value.Trim().Trim('"', '\'', ',').Trim()))
        {
            var value = match.Groups["value"];
            masked = masked[..value.Index] + new string('*', value.Length) + masked[(value.Index + value.Length)..];
        }

        // Token-like keys inside a line too: minified JSON and YAML flow mappings that did not parse, or whose
        // duplicate key kept the value out of the model.
        return InlineToken().Replace(masked, m =>
        {
            var value = m.Groups["value"];
            return TokenValues.IsReference(value.Value.Trim().Trim('"', '\'').Trim())
                ? m.Value
                : m.Value[..(value.Index - m.Index)] + new string('*', value.Length) + m.Value[(value.Index - m.Index + value.Length)..];
        });
    }

    private static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31m",
        Severity.Warning => "\u001b[33m",
        _ => "\u001b[36m",
    };

    [GeneratedRegex(@"^\s*(-\s*)?[""']?(token|value|scimToken|secret)[""']?\s*:\s*(?<value>.*?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TokenLine();

    [GeneratedRegex(@"(token|value|scimToken|secret)[""']?\s*:\s*(?<value>""(?:[^""\\]|\\.)*""?|'[^']*'?|\$\{\{[^}]*\}\}|\$\{[^}]*\}|[^\s,{}\[\]#""'][^,{}\[\]#]*)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineToken();
}
