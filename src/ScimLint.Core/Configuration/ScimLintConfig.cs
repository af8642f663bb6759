using System.Globalization;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Rules;

namespace ScimLint.Configuration;

/// <summary>A configuration problem, located in the configuration file.</summary>
public sealed class ConfigException(string message) : Exception(message);

/// <summary>
/// The contents of <c>.scimlint.yaml</c>:
/// <code>
/// rules:
///   SL205: off        # error | warning | note | off
/// policy:
///   tokenMaxAgeDays: 90
/// </code>
/// </summary>
public sealed record ScimLintConfig
{
    /// <summary>The file name looked up in the working directory and then at the repository root.</summary>
    public const string FileName = ".scimlint.yaml";

    /// <summary>No configuration.</summary>
    public static ScimLintConfig Empty { get; } = new();

    /// <summary>Per-rule severity overrides.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Policy knobs.</summary>
    public LintPolicy Policy { get; init; } = LintPolicy.Default;

    /// <summary>The effective severity of a rule.</summary>
    public Severity SeverityOf(RuleDescriptor rule) => Severities.TryGetValue(rule.Id, out var s) ? s : rule.DefaultSeverity;

    /// <summary>
    /// The effective severity of one finding: the severity set for the rule in configuration when there is one (it
    /// applies to all the rule's findings), else the severity the rule reported the finding with, else the rule's
    /// default.
    /// </summary>
    public Severity SeverityOf(RuleDescriptor rule, Severity? reported) =>
        Severities.TryGetValue(rule.Id, out var s) ? s : reported ?? rule.DefaultSeverity;

    /// <summary>Parses a configuration file; throws <see cref="ConfigException"/> with <c>file:line:column</c>.</summary>
    public static ScimLintConfig Parse(string displayPath, ReadOnlySpan<byte> bytes, RuleCatalog catalog)
    {
        var document = DocumentLoader.Load(displayPath, bytes);
        if (document.Diagnostics.Count > 0)
        {
            var d = document.Diagnostics[0];
            throw new ConfigException($"{displayPath}:{d.Span.StartLine}:{d.Span.StartColumn}: {d.Message}");
        }

        if (document.Root is null || document.Root is DocScalar { Kind: ScalarKind.Null })
        {
            return Empty;
        }

        if (document.Root is not DocMapping root)
        {
            throw Error(displayPath, document.Root, "the configuration must be a mapping with 'rules' and 'policy'");
        }

        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        var policy = LintPolicy.Default;
        foreach (var property in root.Properties)
        {
            switch (property.Key.Value)
            {
                case "rules":
                    ParseRules(displayPath, property.Value, catalog, severities);
                    break;
                case "policy":
                    policy = ParsePolicy(displayPath, property.Value, policy);
                    break;
                default:
                    throw Error(displayPath, property.Key, $"unknown key '{property.Key.Value}'; known: rules, policy");
            }
        }

        return new ScimLintConfig { Severities = severities, Policy = policy };
    }

    private static void ParseRules(string displayPath, DocNode value, RuleCatalog catalog, Dictionary<string, Severity> severities)
    {
        if (value is DocScalar { Kind: ScalarKind.Null })
        {
            // 'rules:' with every entry commented out.
            return;
        }

        if (value is not DocMapping rules)
        {
            throw Error(displayPath, value, "'rules' must map rule IDs to error, warning, note or off");
        }

        foreach (var rule in rules.Properties)
        {
            // A rule is named by ID (any case) or by name; severities are kept by ID.
            if (catalog.Find(rule.Key.Value) is not { } found)
            {
                throw Error(displayPath, rule.Key, $"unknown rule '{rule.Key.Value}'; run 'scimlint rules' for the list");
            }

            var id = found.Descriptor.Id;
            var text = rule.Value is DocScalar { Kind: ScalarKind.Boolean } b ? (b.AsBoolean == true ? null : "off") : (rule.Value as DocScalar)?.Value;
            if (!SeverityNames.TryParse(text, out var severity))
            {
                throw Error(displayPath, rule.Value, $"severity of {id} must be error, warning, note or off");
            }

            severities[id] = severity;
        }
    }

    private static LintPolicy ParsePolicy(string displayPath, DocNode value, LintPolicy policy)
    {
        if (value is DocScalar { Kind: ScalarKind.Null })
        {
            return policy;
        }

        if (value is not DocMapping policyMap)
        {
            throw Error(displayPath, value, "'policy' must be a mapping");
        }

        foreach (var knob in policyMap.Properties)
        {
            switch (knob.Key.Value)
            {
                case "tokenMaxAgeDays":
                    if (knob.Value is not DocScalar { Kind: ScalarKind.Number } n || !int.TryParse(n.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < 1)
                    {
                        throw Error(displayPath, knob.Value, "tokenMaxAgeDays must be a whole number of days, 1 or more");
                    }

                    policy = policy with { TokenMaxAgeDays = days };
                    break;
                default:
                    throw Error(displayPath, knob.Key, $"unknown policy '{knob.Key.Value}'; known: tokenMaxAgeDays");
            }
        }

        return policy;
    }

    private static ConfigException Error(string path, DocNode node, string message) =>
        new($"{path}:{node.Span.StartLine}:{node.Span.StartColumn}: {message}");
}
