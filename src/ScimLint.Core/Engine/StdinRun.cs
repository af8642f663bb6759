using ScimLint.Documents;
using ScimLint.Loading;

namespace ScimLint.Engine;

/// <summary>
/// The document read from stdin (<c>-</c> among the paths): where it is linted, in which format, and how
/// <see cref="LintOptions.Fix"/> fixes it in memory only, never on disk.
/// </summary>
internal static class StdinRun
{
    /// <summary>The stdin document as the workspace sees it; without a name, JSON when it starts with <c>{</c> or <c>[</c>, else YAML.</summary>
    public static StdinFile? FileOf(Workspace workspace, StdinDocument? stdin)
    {
        if (stdin is null)
        {
            return null;
        }

        var name = string.IsNullOrEmpty(stdin.FileName) ? StdinDocument.DefaultName : stdin.FileName;
        var first = stdin.Content.Select(b => (char)b).FirstOrDefault(c => !char.IsWhiteSpace(c) && c != '\uFEFF' && c != '\u00EF' && c != '\u00BB' && c != '\u00BF');
        var format = string.IsNullOrEmpty(stdin.FileName) ? (first is '{' or '[' ? DocumentFormat.Json : DocumentFormat.Yaml) : DocumentLoader.FormatOf(name);
        return new StdinFile(workspace.Resolve(name), stdin.Content, format);
    }

    /// <summary>
    /// Applies the stdin document's fixes in memory and lints the fixed text with <paramref name="relint"/>; other
    /// files' fixes are only shown.
    /// </summary>
    public static LintResult Fix(Workspace workspace, LintRequest request, LintResult result, Action<FixOutcome>? told, Func<LintRequest, LintResult> relint)
    {
        var stdin = request.Stdin!;
        var display = workspace.Display(stdin.FullPath);
        var (text, fixes) = FixApplier.FixText(result, display);
        var others = result.Findings.Where(f => f.Fix is { Replacements.Count: > 0 } && f.Path != display).Select(f => f.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        told?.Invoke(new FixOutcome(fixes, text is null ? [] : [display], [.. others.Select(p => $"{p}: not the document read from stdin; its fix is shown, not applied")]));
        if (text is not null)
        {
            result = relint(request with { Stdin = stdin with { Bytes = System.Text.Encoding.UTF8.GetBytes(text) } });
        }

        var bomMark = stdin.Bytes is [0xEF, 0xBB, 0xBF, ..] ? "\uFEFF" : string.Empty;
        return result.WithFixedStdin(text is null ? System.Text.Encoding.UTF8.GetString(stdin.Bytes) : bomMark + text);
    }
}
