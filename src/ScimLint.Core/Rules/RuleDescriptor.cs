namespace ScimLint.Rules;

/// <summary>How serious a finding is. Matches SARIF's levels; <see cref="None"/> turns a rule off.</summary>
public enum Severity
{
    /// <summary>Off.</summary>
    None = 0,

    /// <summary>Informational.</summary>
    Note = 1,

    /// <summary>Likely wrong.</summary>
    Warning = 2,

    /// <summary>Provisioning will fail or a secret is exposed.</summary>
    Error = 3,
}

/// <summary>Severity names as written in configuration, on the command line and in outputs.</summary>
public static class SeverityNames
{
    /// <summary>The lower-case name (error, warning, note, none).</summary>
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Note => "note",
        _ => "none",
    };

    /// <summary>Parses error, warning, note, none or off (case-insensitive).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error":
                severity = Severity.Error;
                return true;
            case "warning":
                severity = Severity.Warning;
                return true;
            case "note":
                severity = Severity.Note;
                return true;
            case "none" or "off":
                severity = Severity.None;
                return true;
            default:
                severity = Severity.None;
                return false;
        }
    }
}

/// <summary>
/// The identity of a rule: stable ID (never reused), kebab-case name, title, message template, default severity,
/// full description and tags. The help URI is derived from the ID.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    string MessageFormat,
    Severity DefaultSeverity,
    string Description,
    IReadOnlyList<string> Tags,
    double? SecuritySeverity = null)
{
    /// <summary>Where rule pages live.</summary>
    public const string DocsBaseUri = "https://github.com/scimlint/scimlint/blob/main/docs/rules/";

    /// <summary>The rule's documentation page.</summary>
    public Uri HelpUri => new(DocsBaseUri + Id + ".md");

    /// <summary>Formats <see cref="MessageFormat"/> with arguments.</summary>
    public string Format(params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}
