using ScimLint.Engine;

namespace ScimLint.Reporting;

/// <summary>How a report is rendered.</summary>
public sealed record ReportOptions
{
    /// <summary>The version printed in outputs (tests pin it to <c>0.0.0-test</c>).</summary>
    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>ANSI colour in text output.</summary>
    public bool Color { get; init; }

    /// <summary>Text output: only findings, no code frames and no summary.</summary>
    public bool Quiet { get; init; }

    /// <summary>The repository and commit SARIF records as <c>versionControlProvenance</c>; null: left out.</summary>
    public RepositoryInfo? Repository { get; init; }

    /// <summary>
    /// SARIF: also write the suppressed findings, and give them and the baselined ones <c>suppressions</c> (<c>inSource</c> for an
    /// inline comment, <c>external</c> for a configuration <c>ignore:</c> entry or the baseline). Off by default, since
    /// GitHub code scanning does not honour SARIF suppressions by itself and would open them as alerts.
    /// </summary>
    public bool ReportSuppressed { get; init; }
}

/// <summary>Renders a lint result in one format.</summary>
public interface IReporter
{
    /// <summary>Writes the report.</summary>
    void Write(LintResult result, TextWriter writer, ReportOptions options);
}

/// <summary>Facts about the tool itself.</summary>
public static class ToolInfo
{
    /// <summary>The tool name.</summary>
    public const string Name = "ScimLint";

    /// <summary>Where users read about it.</summary>
    public const string InformationUri = "https://github.com/scimlint/scimlint";

    /// <summary>The semantic version of this build.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The output formats, in the order help lists them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["text", "sarif", "json", "github", "junit"];

    /// <summary>The reporters by format name (any letter case).</summary>
    public static IReporter ReporterFor(string format) => format.ToLowerInvariant() switch
    {
        "sarif" => new SarifReporter(),
        "json" => new JsonReporter(),
        "github" => new GitHubReporter(),
        "junit" => new JunitReporter(),
        _ => new TextReporter(),
    };

    /// <summary>
    /// The commit this build was made from (the part after <c>+</c> of the informational version, which SourceLink's
    /// git reader fills in), or null when the build had no git repository, such as a source tarball.
    /// </summary>
    public static string? Commit { get; } = ReadCommit();

    private static string Informational() =>
        typeof(ToolInfo).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "0.0.0";

    private static string ReadVersion()
    {
        var version = Informational();
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }

    private static string? ReadCommit()
    {
        var version = Informational();
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var commit = plus >= 0 ? version[(plus + 1)..] : string.Empty;
        return commit.Length >= 7 && commit.All(char.IsAsciiHexDigit) ? commit.ToLowerInvariant() : null;
    }
}
