namespace ScimLint.Rules;

/// <summary>
/// Findings on an observed document (pulled from the JumpCloud API by <c>scimlint pull</c>) speak of the live console,
/// not of a file: the message says so, and a fix becomes an instruction for the console with nothing to apply, so
/// <c>--fix</c> never edits a pulled document (the next pull would overwrite it anyway).
/// </summary>
internal static class ObservedState
{
    /// <summary>Where the console shows each field a rule may fix, by logical path.</summary>
    private static readonly Dictionary<string, string> ConsoleFields = new(StringComparer.Ordinal)
    {
        ["/application/ssoUrl"] = "the app's Bookmark tab, URL",
        ["/application/displayLabel"] = "the app's General Info tab, Display Label",
        ["/application/active"] = "the app's active switch",
    };

    public static Action<RawFinding> Sink(Action<RawFinding> sink) => raw => sink(raw with
    {
        Message = "live JumpCloud console: " + raw.Message.Replace("export again", "pull again", StringComparison.Ordinal),
        Fix = raw.Fix is null ? null : ConsoleFix(raw.Fix, raw.LogicalPath),
    });

    private static Fix ConsoleFix(Fix fix, string logicalPath)
    {
        var where = ConsoleFields.GetValueOrDefault(logicalPath, logicalPath.TrimStart('/').Replace('/', '.'));
        var value = fix.Replacements is [{ Text.Length: > 0 } only] ? only.Text.Trim('"', '\'') : null;
        var action = value is null ? $"{Lower(fix.Description)} at {where}" : $"set {where} to {value}";
        return new Fix($"in the JumpCloud console, {action}, then pull again (this file was pulled, so --fix leaves it alone)", []);
    }

    private static string Lower(string text) => text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
