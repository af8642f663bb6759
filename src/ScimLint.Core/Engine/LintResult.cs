using ScimLint.Redaction;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Engine;

/// <summary>A rule as configured for a run.</summary>
public sealed record EnabledRule(RuleDescriptor Descriptor, Severity Severity);

/// <summary>A finding an inline comment suppressed, with the comment's reason.</summary>
public sealed record SuppressedFinding(Finding Finding, string Reason);

/// <summary>The outcome of a lint run.</summary>
public sealed class LintResult
{
    /// <summary>Creates a result.</summary>
    internal LintResult(IReadOnlyList<Finding> findings, IReadOnlyList<EnabledRule> rules, int filesChecked, IReadOnlyDictionary<string, SourceText> sources, Redactor redactor)
    {
        Findings = findings;
        Rules = rules;
        FilesChecked = filesChecked;
        Sources = sources;
        Redactor = redactor;
    }

    /// <summary>Findings, sorted by path, line, column and rule.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The enabled rules in catalogue order.</summary>
    public IReadOnlyList<EnabledRule> Rules { get; }

    /// <summary>How many files were checked.</summary>
    public int FilesChecked { get; }

    /// <summary>The source texts by display path (for code frames).</summary>
    internal IReadOnlyDictionary<string, SourceText> Sources { get; }

    /// <summary>The run's redaction service: every reporter that shows source masks it through this.</summary>
    internal Redactor Redactor { get; }

    /// <summary>
    /// How many inputs were JumpCloud exports or StrongDM settings (or files that look like them but did not load).
    /// Zero means the run checked nothing: the CLI exits 2 unless <c>--allow-empty</c> is given.
    /// </summary>
    public int ConfigInputs { get; init; }

    /// <summary>Findings suppressed by inline comments; reported nowhere but in the summary counts.</summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>Findings the baseline accepts; reported nowhere but in the summary counts.</summary>
    public IReadOnlyList<Finding> Baselined { get; init; } = [];

    /// <summary>This result with the findings a baseline accepts moved out of <see cref="Findings"/>.</summary>
    internal LintResult With(IReadOnlyList<Finding> findings, IReadOnlyList<Finding> baselined) =>
        new(findings, Rules, FilesChecked, Sources, Redactor) { Suppressed = Suppressed, Baselined = baselined, ConfigInputs = ConfigInputs };

    /// <summary>The number of findings at or above a severity.</summary>
    public int CountAtOrAbove(Severity level) => level == Severity.None ? 0 : Findings.Count(f => f.Severity >= level);
}

/// <summary>A problem that stops the run (exit code 2): a missing path, an unreadable file, a bad configuration.</summary>
public sealed class LintUsageException(string message) : Exception(message);
