using ScimLint.Redaction;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Engine;

/// <summary>A rule as configured for a run.</summary>
public sealed record EnabledRule(RuleDescriptor Descriptor, Severity Severity);

/// <summary>A rule that threw on a file: where (the file's first key), the exception's type, and the finding's message.</summary>
internal sealed record RuleFailure(RuleDescriptor Rule, SourceSpan Span, string ExceptionType, string Message);

/// <summary>Where a suppression is written (the names are SARIF's <c>suppression.kind</c>).</summary>
public enum SuppressionKind
{
    /// <summary>An inline <c>scimlint: ignore[...]</c> comment in the file.</summary>
    InSource,

    /// <summary>Outside the file: an <c>ignore:</c> entry of the configuration (the baseline's findings are in <see cref="LintResult.Baselined"/>).</summary>
    External,
}

/// <summary>A finding an inline comment or a configuration <c>ignore:</c> entry suppressed, with the reason given.</summary>
public sealed record SuppressedFinding(Finding Finding, string Reason)
{
    /// <summary>Where the suppression is written.</summary>
    public SuppressionKind Kind { get; init; }

    /// <summary>For an <see cref="SuppressionKind.External"/> one, the configuration entry's <c>file:line:column</c>.</summary>
    public string? Source { get; init; }
}

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

    /// <summary>
    /// The source texts by display path, of the files with findings (for code frames, regions and fixes); the run
    /// does not keep the texts of the other files.
    /// </summary>
    internal IReadOnlyDictionary<string, SourceText> Sources { get; }

    /// <summary>The display path of every file the run read (the JUnit report lists each); null: the keys of <see cref="Sources"/>.</summary>
    internal IReadOnlyList<string>? Files
    {
        get => _files ?? [.. Sources.Keys];
        init => _files = value;
    }

    private readonly IReadOnlyList<string>? _files;

    /// <summary>The run's redaction service: every reporter that shows source masks it through this.</summary>
    internal Redactor Redactor { get; }

    /// <summary>
    /// How many inputs were JumpCloud exports or StrongDM settings (or files that look like them but did not load).
    /// Zero means the run checked nothing: the CLI exits 2 unless <c>--allow-empty</c> is given.
    /// </summary>
    public int ConfigInputs { get; init; }

    /// <summary>
    /// Findings suppressed by inline comments or the configuration's <c>ignore:</c> entries; reported nowhere but in the
    /// summary counts, unless SARIF is asked for them (<c>--report-suppressed</c>).
    /// </summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>Findings the baseline accepts: counted in the summaries, and listed only in SARIF (<c>baselineState: unchanged</c>).</summary>
    public IReadOnlyList<Finding> Baselined { get; init; } = [];

    /// <summary>Whether a baseline was applied (SARIF then marks each result <c>new</c> or <c>unchanged</c>).</summary>
    public bool BaselineUsed { get; init; }

    /// <summary>
    /// Values of the inputs that could not be resolved statically (C# expressions computed at run time): the rules that
    /// need them stayed silent. In source order per file; <c>--verbose</c> lists them.
    /// </summary>
    public IReadOnlyList<UnresolvedValue> Unresolved { get; init; } = [];

    /// <summary>The catalogue of the run, with its custom rules (their pages, for SARIF).</summary>
    internal RuleCatalog Catalog { get; init; } = RuleCatalog.Default;

    /// <summary>The rules that threw, once per rule and file (SARIF <c>toolExecutionNotifications</c>), in file order.</summary>
    internal IReadOnlyList<RuleFailure> RuleFailures { get; init; } = [];

    /// <summary>
    /// Every file the run was given or its walks found, and every directory a walk did not enter, with what the run
    /// took each for and how it paired (<c>--list-files</c>), sorted by path.
    /// </summary>
    public IReadOnlyList<InputEntry> Inputs { get; init; } = [];

    /// <summary>
    /// With <see cref="LintOptions.Fix"/> and <see cref="LintOptions.Stdin"/>: the document read from stdin with its
    /// fixes applied (unchanged when none applied), for the caller to write to stdout; null otherwise.
    /// </summary>
    public string? FixedStdin { get; init; }

    /// <summary>
    /// The lowest severity that fails the run: <c>--fail-level</c> (<see cref="LintOptions.FailLevel"/>), else the
    /// configuration's <c>failLevel</c>, else error. <see cref="Severity.None"/>: nothing fails it.
    /// </summary>
    public Severity FailLevel { get; init; } = Severity.Error;

    /// <summary>Whether a finding is at or above <see cref="FailLevel"/> (the command line then exits 1).</summary>
    public bool Failed => CountAtOrAbove(FailLevel) > 0;

    /// <summary>This result with the findings a baseline accepts moved out of <see cref="Findings"/>.</summary>
    internal LintResult With(IReadOnlyList<Finding> findings, IReadOnlyList<Finding> baselined) => Copy(findings, baselined, FailLevel, baselineUsed: true);

    /// <summary>This result with another fail level.</summary>
    internal LintResult WithFailLevel(Severity level) => Copy(Findings, Baselined, level, BaselineUsed);

    /// <summary>This result with the fixed stdin document.</summary>
    internal LintResult WithFixedStdin(string text) => Copy(Findings, Baselined, FailLevel, BaselineUsed, text);

    private LintResult Copy(IReadOnlyList<Finding> findings, IReadOnlyList<Finding> baselined, Severity failLevel, bool baselineUsed, string? fixedStdin = null) =>
        new(findings, Rules, FilesChecked, Sources, Redactor) { Files = _files, Suppressed = Suppressed, Baselined = baselined, BaselineUsed = baselineUsed, ConfigInputs = ConfigInputs, Unresolved = Unresolved, Inputs = Inputs, Catalog = Catalog, RuleFailures = RuleFailures, FailLevel = failLevel, FixedStdin = fixedStdin ?? FixedStdin };

    /// <summary>The number of findings at or above a severity.</summary>
    public int CountAtOrAbove(Severity level) => level == Severity.None ? 0 : Findings.Count(f => f.Severity >= level);
}

/// <summary>A problem that stops the run (exit code 2): a missing path, an unreadable file, a bad configuration.</summary>
/// <summary>
/// A value that could not be resolved statically: where it is, its logical path, and the expression (null for a secret
/// field, whose expression is never shown).
/// </summary>
public sealed record UnresolvedValue(Text.SourceSpan Span, string LogicalPath, string? Expression)
{
    /// <summary>Lists the unresolved values of bound documents, in order of path and position.</summary>
    internal static IReadOnlyList<UnresolvedValue> Of(IEnumerable<Model.BoundDocument> documents)
    {
        var result = new List<UnresolvedValue>();
        foreach (var bound in documents.DistinctBy(d => d.Document.Path).OrderBy(d => d.Document.Path, StringComparer.Ordinal))
        {
            Collect(bound, result);
        }

        return result;
    }

    /// <summary>The unresolved values of one bound document (the list of documents holding only it gives the same).</summary>
    internal static IReadOnlyList<UnresolvedValue> Of(Model.BoundDocument bound)
    {
        var result = new List<UnresolvedValue>();
        Collect(bound, result);
        return result;
    }

    // The document's secrets are put in a set only when it has an unresolved value (never in YAML or JSON).
    private static void Collect(Model.BoundDocument bound, List<UnresolvedValue> result)
    {
        HashSet<Documents.DocScalar>? secrets = null;
        Collect(bound.Document.Root, bound, ref secrets, result);
    }

    private static void Collect(Documents.DocNode? node, Model.BoundDocument bound, ref HashSet<Documents.DocScalar>? secrets, List<UnresolvedValue> result)
    {
        switch (node)
        {
            case Documents.DocScalar { Origin: Documents.ValueOrigin.Expression } scalar:
                secrets ??= bound.Secrets.ToHashSet();
                result.Add(new UnresolvedValue(scalar.Span, scalar.Path, secrets.Contains(scalar) ? null : scalar.Value));
                break;
            case Documents.DocMapping mapping:
                var properties = mapping.Properties;
                for (var i = 0; i < properties.Count; i++)
                {
                    Collect(properties[i].Value, bound, ref secrets, result);
                }

                break;
            case Documents.DocSequence sequence:
                var items = sequence.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    Collect(items[i], bound, ref secrets, result);
                }

                break;
        }
    }
}

public sealed class LintUsageException(string message) : Exception(message);
