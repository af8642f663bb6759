using ScimLint.Configuration;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>What to lint, with the configuration already read.</summary>
public sealed record LintRequest(IReadOnlyList<string> Paths, ScimLintConfig Config)
{
    /// <summary>Apply no suppression: inline comments and the configuration's <c>ignore:</c> entries are shown as active findings.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>Findings this baseline accepts move to <see cref="LintResult.Baselined"/>; null: no baseline.</summary>
    internal BaselineFile? Baseline { get; init; }

    /// <summary>The custom rules found with the configuration (their catalogue, and their compile errors as findings); null: none.</summary>
    internal CustomRuleSet? CustomRules { get; init; }

    /// <summary>The document <c>-</c> stands for; null: stdin is not read.</summary>
    internal StdinFile? Stdin { get; init; }

    /// <summary>
    /// Keep the whole text of every file with findings in <see cref="LintResult.Sources"/> (fixes are applied from it);
    /// otherwise only the lines the reporters show.
    /// </summary>
    internal bool WholeTexts { get; init; }
}

/// <summary>
/// One document read from stdin, linted where <see cref="FileName"/> says it is (for messages, pairing and the
/// loader); <c>-</c> among the paths stands for it. Without a name it is <c>&lt;stdin&gt;</c> in the working directory,
/// read as JSON when it starts with <c>{</c> or <c>[</c>, else as YAML.
/// </summary>
public sealed record StdinDocument(string? FileName, byte[] Content)
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "<stdin>";
}

/// <summary>What to lint as a command line says it: paths, and files for the configuration and the baseline.</summary>
/// <param name="Paths">Files and directories; none means the working directory.</param>
public sealed record LintOptions(IReadOnlyList<string> Paths)
{
    /// <summary>The configuration file; null: <c>.scimlint.yaml</c> in the working directory or an ancestor up to the repository root.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>A baseline file written by <c>scimlint --write-baseline</c>; null: the configuration's <c>baseline</c>, if any.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Apply no baseline, not even the configuration's (<c>--write-baseline</c> records every finding).</summary>
    public bool NoBaseline { get; init; }

    /// <summary>
    /// Show every suppressed finding as active: inline comments, the configuration's <c>ignore:</c> entries and the
    /// baseline (<c>--no-ignore</c>).
    /// </summary>
    public bool NoIgnore { get; init; }

    /// <summary>The lowest severity that fails the run; null: the configuration's <c>failLevel</c>, else error.</summary>
    public Severity? FailLevel { get; init; }

    /// <summary>The clock for "today" (suppression expiry, token age); null: the system clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Apply the machine-applicable fixes, then lint again and report what remains.</summary>
    public bool Fix { get; init; }

    /// <summary>Told what the fixes changed, after they were written and before the second lint.</summary>
    public Action<FixOutcome>? FixesApplied { get; init; }

    /// <summary>
    /// Where compiled custom rules are cached (the CLI uses <c>$XDG_CACHE_HOME/scimlint</c>, else
    /// <c>~/.cache/scimlint</c>); null: custom rules are compiled on every run.
    /// </summary>
    public string? CustomRulesCache { get; init; }

    /// <summary>Told, one line at a time, how the custom rules were found, compiled or taken from the cache (<c>--verbose</c>).</summary>
    internal Action<string>? Log { get; init; }

    /// <summary>The document <c>-</c> stands for among <see cref="Paths"/>; with <see cref="Fix"/> it is fixed in memory
    /// only (<see cref="LintResult.FixedStdin"/>), never on disk.</summary>
    public StdinDocument? Stdin { get; init; }
}
