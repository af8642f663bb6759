using System.Globalization;
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
/// The contents of <c>.scimlint.yaml</c>:
/// <code>
/// rules:
///   SL205: off        # error | warning | note | off
/// policy:
///   tokenMaxAgeDays: 90
/// customRules: tools/scimlint-rules   # default: .scimlint/rules beside this file
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

    /// <summary>Policy knobs.</summary>
    public LintPolicy Policy { get; init; } = LintPolicy.Default;

    /// <summary>
    /// The folder of custom rules (<c>*.cs</c>) as written under <c>customRules</c>, relative to the configuration
    /// file's directory; null: <c>.scimlint/rules</c> beside the configuration file (or at the repository root).
    /// </summary>
    public string? CustomRules { get; init; }

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
            return Empty;
        }

        if (document.Root is not DocMapping root)
        {
            errors.Add(document.Root, "the configuration must be a mapping with 'rules' and 'policy'");
            throw errors.ToException();
        }

        var config = ParseRoot(root, catalog, tolerate, errors);

        // The schema is what editors check with; anything it finds that the checks above did not say is added.
        errors.AddSchemaErrors(SchemaValidator.ValidateConfig(root));
        return errors.Count > 0 ? throw errors.ToException() : config;
    }

    private static ScimLintConfig ParseRoot(DocMapping root, RuleCatalog catalog, Func<string, bool>? tolerate, ConfigErrors errors)
    {
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var policy = LintPolicy.Default;
        string? customRules = null;
        foreach (var property in root.Properties)
        {
            switch (property.Key.Value)
            {
                case "$schema":
                    break;
                case "rules":
                    ParseRules(property.Value, catalog, tolerate, severities, errors);
                    break;
                case "policy":
                    policy = ParsePolicy(property.Value, policy, errors);
                    break;
                case CustomRulesKey:
                    customRules = CustomRulesFolder(property.Value, errors);
                    break;
                default:
                    errors.Add(property.Key, $"unknown key '{property.Key.Value}'; known: rules, policy, {CustomRulesKey}");
                    break;
            }
        }

        return new ScimLintConfig { Severities = severities, Policy = policy, CustomRules = customRules };
    }

    private static void ParseRules(DocNode value, RuleCatalog catalog, Func<string, bool>? tolerate, Dictionary<string, Severity> severities, ConfigErrors errors)
    {
        if (value is DocScalar { Kind: ScalarKind.Null })
        {
            // 'rules:' with every entry commented out.
            return;
        }

        if (value is not DocMapping rules)
        {
            errors.Add(value, "'rules' must map rule IDs to error, warning, note or off");
            return;
        }

        foreach (var rule in rules.Properties)
        {
            // A rule is named by ID (any case) or by name; severities are kept by ID.
            if (catalog.Find(rule.Key.Value) is not { } found)
            {
                if (tolerate?.Invoke(rule.Key.Value) == true)
                {
                    continue;
                }

                var suggestion = SchemaValidator.Suggest(rule.Key.Value, [.. catalog.Rules.Select(r => r.Descriptor.Id), .. catalog.Rules.Select(r => r.Descriptor.Name)]);
                errors.Add(rule.Key, $"unknown rule '{rule.Key.Value}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}; run 'scimlint rules' for the list");
                continue;
            }

            var id = found.Descriptor.Id;
            var text = rule.Value is DocScalar { Kind: ScalarKind.Boolean } b ? (b.AsBoolean == true ? null : "off") : (rule.Value as DocScalar)?.Value;
            if (!SeverityNames.TryParse(text, out var severity))
            {
                errors.Add(rule.Value, $"severity of {id} must be error, warning, note or off");
                continue;
            }

            severities[id] = severity;
        }
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
    internal const string CustomRulesKey = "customRules";

    private static string? CustomRulesFolder(DocNode value, ConfigErrors errors)
    {
        if (value is not DocScalar { Kind: ScalarKind.String } folder || folder.Value.Trim().Length == 0)
        {
            errors.Add(value, $"'{CustomRulesKey}' must name a folder of *.cs rule files, relative to this file");
            return null;
        }

        return folder.Value.Trim();
    }

    private static LintPolicy ParsePolicy(DocNode value, LintPolicy policy, ConfigErrors errors)
    {
        if (value is DocScalar { Kind: ScalarKind.Null })
        {
            return policy;
        }

        if (value is not DocMapping policyMap)
        {
            errors.Add(value, "'policy' must be a mapping");
            return policy;
        }

        foreach (var knob in policyMap.Properties)
        {
            switch (knob.Key.Value)
            {
                case "tokenMaxAgeDays":
                    if (knob.Value is not DocScalar { Kind: ScalarKind.Number } n || !int.TryParse(n.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < 1)
                    {
                        errors.Add(knob.Value, "tokenMaxAgeDays must be a whole number of days, 1 or more");
                        break;
                    }

                    policy = policy with { TokenMaxAgeDays = days };
                    break;
                default:
                    errors.Add(knob.Key, $"unknown policy '{knob.Key.Value}'; known: tokenMaxAgeDays");
                    break;
            }
        }

        return policy;
    }
}

/// <summary>Collects every problem of one configuration file, each at <c>file:line:column</c>.</summary>
internal sealed class ConfigErrors(string displayPath)
{
    private readonly List<(SourceSpan Span, string Message)> _errors = [];
    private readonly List<string> _located = [];

    public int Count => _errors.Count;

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
            if (!_located.Any(path => error.Path == path || error.Path.StartsWith(path + "/", StringComparison.Ordinal)))
            {
                _errors.Add((error.Span, error.Message));
            }
        }
    }

    public ConfigException ToException() =>
        new([.. _errors.OrderBy(e => e.Span.StartLine).ThenBy(e => e.Span.StartColumn).Select(e => $"{displayPath}:{e.Span.StartLine}:{e.Span.StartColumn}: {e.Message}").Distinct(StringComparer.Ordinal)]);
}
