using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Rules;
using ScimLint.Schema;
using ScimLint.Text;

namespace ScimLint.Configuration;

/// <summary>Configuration problems, each located in the configuration file as <c>file:line:column: message</c>.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>One problem.</summary>
    public ConfigException(string message)
        : this([message])
    {
    }

    /// <summary>Every problem found, in file order.</summary>
    public ConfigException(IReadOnlyList<string> errors)
        : base(string.Join('\n', errors))
    {
        Errors = errors;
    }

    /// <summary>The problems, one line each.</summary>
    public IReadOnlyList<string> Errors { get; }
}

/// <summary>
/// The contents of <c>.scimlint.yaml</c> (docs/usage.md, "Configuration", has every key):
/// <code>
/// rules:
///   SL205: off        # error | warning | note | off
///   SL305: { severity: warning, maxAgeDays: 60 }
/// include: ["config/**"]
/// exclude: ["config/legacy/**"]
/// failLevel: warning
/// baseline: .scimlint-baseline.json
/// customRules: tools/scimlint-rules   # default: .scimlint/rules beside this file
/// ignore:
///   - { rule: SL201, path: "config/jumpcloud.json", pointer: /identityManagement/groupManagementEnabled, reason: "legacy sync owns groups", until: 2027-03-31 }
/// </code>
/// </summary>
public sealed record ScimLintConfig
{
    /// <summary>The file name looked up in the working directory and then at the repository root.</summary>
    public const string FileName = ".scimlint.yaml";

    /// <summary>The file names looked up in each directory, in this order of precedence.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [FileName, ".scimlint.yml", ".scimlint.json"];

    /// <summary>No configuration.</summary>
    public static ScimLintConfig Empty { get; } = new();

    /// <summary>Per-rule severity overrides.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Policy knobs (and per-rule options such as SL305's <c>maxAgeDays</c>).</summary>
    public LintPolicy Policy { get; init; } = LintPolicy.Default;

    /// <summary>Globs a walked file must match one of (none: every supported file), relative to <see cref="Directory"/>.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of walked files to skip, relative to <see cref="Directory"/>. Files named on the command line are always linted.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The lowest severity that fails the run (exit code 1); null: error. The command line's <c>--fail-level</c> wins.</summary>
    public Severity? FailLevel { get; init; }

    /// <summary>The baseline file as written, relative to <see cref="Directory"/>; null: none. The command line's <c>--baseline</c> wins.</summary>
    public string? Baseline { get; init; }

    /// <summary>Findings silenced by rule, path glob and optionally JSON Pointer, each with a reason.</summary>
    public IReadOnlyList<IgnoreEntry> Ignores { get; init; } = [];

    /// <summary>
    /// The folder of custom rules (<c>*.cs</c>) as written under <c>customRules</c>, relative to the configuration
    /// file's directory; null: <c>.scimlint/rules</c> beside the configuration file (or at the repository root).
    /// </summary>
    public string? CustomRules { get; init; }

    /// <summary>The directory of the configuration file (full path): globs and the baseline are relative to it. Null: the working directory.</summary>
    public string? Directory { get; init; }

    /// <summary>The configuration file's display path, for messages; null when there is none.</summary>
    public string? Source { get; init; }

    /// <summary>The effective severity of a rule.</summary>
    public Severity SeverityOf(RuleDescriptor rule) => Severities.TryGetValue(rule.Id, out var s) ? s : rule.DefaultSeverity;

    /// <summary>
    /// The effective severity of one finding: the severity set for the rule in configuration when there is one (it
    /// applies to all the rule's findings), else the severity the rule reported the finding with, else the rule's
    /// default.
    /// </summary>
    public Severity SeverityOf(RuleDescriptor rule, Severity? reported) =>
        Severities.TryGetValue(rule.Id, out var s) ? s : reported ?? rule.DefaultSeverity;

    /// <summary>
    /// Parses a configuration file. Every problem (syntax, the configuration schema, unknown rules) is collected and
    /// thrown at once as a <see cref="ConfigException"/>, each with <c>file:line:column</c>.
    /// </summary>
    public static ScimLintConfig Parse(string displayPath, ReadOnlySpan<byte> bytes, RuleCatalog catalog) => Parse(displayPath, bytes, catalog, null);

    /// <summary>
    /// Parses a configuration file; rule IDs for which <paramref name="tolerate"/> says yes may be unknown (the custom
    /// rules did not compile, so their IDs cannot be checked).
    /// </summary>
    internal static ScimLintConfig Parse(string displayPath, ReadOnlySpan<byte> bytes, RuleCatalog catalog, Func<string, bool>? tolerate)
    {
        var document = DocumentLoader.Load(displayPath, bytes);
        var errors = new ConfigErrors(displayPath);
        if (document.Diagnostics.Count > 0)
        {
            foreach (var d in document.Diagnostics)
            {
                errors.Add(d.Span, string.Empty, d.Message);
            }

            throw errors.ToException();
        }

        if (document.Root is null || document.Root is DocScalar { Kind: ScalarKind.Null })
        {
            return Empty with { Source = displayPath };
        }

        if (document.Root is not DocMapping root)
        {
            errors.Add(document.Root, $"the configuration must be a mapping with {ConfigReader.KnownKeys}");
            throw errors.ToException();
        }

        var config = new ConfigReader(catalog, errors, tolerate).Read(root) with { Source = displayPath };

        // The schema is what editors check with; anything it finds that the checks above did not say is added.
        errors.AddSchemaErrors(SchemaValidator.ValidateConfig(root));
        return errors.Count > 0 ? throw errors.ToException() : config;
    }

    /// <summary>
    /// The <c>customRules</c> value of a configuration file, read before the file is parsed (the custom rules must be
    /// loaded first, so that the file can set their severities); null when it has none or does not load.
    /// </summary>
    internal static DocScalar? ReadCustomRules(string displayPath, ReadOnlySpan<byte> bytes)
    {
        var document = DocumentLoader.Load(displayPath, bytes);
        if (document.Diagnostics.Count > 0 || document.Root is not DocMapping root)
        {
            return null;
        }

        var value = root.Properties.FirstOrDefault(p => p.Key.Value == CustomRulesKey)?.Value as DocScalar;
        return value is { Kind: ScalarKind.String } && value.Value.Trim().Length > 0 ? value : null;
    }

    /// <summary>The key that names the folder of custom rules.</summary>
    internal const string CustomRulesKey = ConfigReader.CustomRulesKey;
}

/// <summary>Collects every problem of one configuration file, each at <c>file:line:column</c>.</summary>
internal sealed class ConfigErrors(string displayPath)
{
    private readonly List<(SourceSpan Span, string Message)> _errors = [];
    private readonly List<string> _located = [];

    public int Count => _errors.Count;

    /// <summary>Where a node is, <c>file:line:column</c>.</summary>
    public string Locate(DocNode node) => $"{displayPath}:{node.Span.StartLine}:{node.Span.StartColumn}";

    public void Add(DocNode node, string message) => Add(node.Span, node.Path, message);

    public void Add(SourceSpan span, string path, string message)
    {
        _errors.Add((span, message));
        _located.Add(path);
    }

    /// <summary>Adds the schema's errors about nodes that no error above already covers.</summary>
    public void AddSchemaErrors(IEnumerable<SchemaError> errors)
    {
        foreach (var error in errors.ToList())
        {
            // A schema error at a node ScimLint's own checks already located, below one, or above one (such as "does
            // not match any allowed form" for a rule whose options were already named) says nothing more.
            if (!_located.Any(path => error.Path == path || error.Path.StartsWith(path + "/", StringComparison.Ordinal)
                || (error.Path.Length > 0 && path.StartsWith(error.Path + "/", StringComparison.Ordinal))))
            {
                _errors.Add((error.Span, error.Message));
            }
        }
    }

    public ConfigException ToException() =>
        new([.. _errors.OrderBy(e => e.Span.StartLine).ThenBy(e => e.Span.StartColumn).Select(e => $"{displayPath}:{e.Span.StartLine}:{e.Span.StartColumn}: {e.Message}").Distinct(StringComparer.Ordinal)]);
}
