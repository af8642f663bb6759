using System.Globalization;
using ScimLint.Documents;
using ScimLint.Rules;
using ScimLint.Schema;

namespace ScimLint.Configuration;

/// <summary>
/// Reads the keys of a configuration file into a <see cref="ScimLintConfig"/>, adding every problem to
/// <see cref="ConfigErrors"/> (nothing stops at the first one).
/// </summary>
internal sealed class ConfigReader(RuleCatalog catalog, ConfigErrors errors, Func<string, bool>? tolerate = null)
{
    /// <summary>The top-level keys, for messages.</summary>
    public const string KnownKeys = "rules, include, exclude, failLevel, baseline, ignore, policy, " + CustomRulesKey;

    /// <summary>The key that names the folder of custom rules.</summary>
    internal const string CustomRulesKey = "customRules";

    private readonly Dictionary<string, Severity> _severities = new(StringComparer.Ordinal);
    private LintPolicy _policy = LintPolicy.Default;
    private DocNode? _ruleMaxAge;
    private DocNode? _policyMaxAge;

    public ScimLintConfig Read(DocMapping root)
    {
        var config = ScimLintConfig.Empty;
        foreach (var property in root.Properties)
        {
            var value = property.Value;
            switch (property.Key.Value)
            {
                case "$schema":
                    break;
                case "rules":
                    ReadRules(value);
                    break;
                case "policy":
                    ReadPolicy(value);
                    break;
                case "include":
                    config = config with { Include = ReadGlobs(value, "include") };
                    break;
                case "exclude":
                    config = config with { Exclude = ReadGlobs(value, "exclude") };
                    break;
                case "failLevel":
                    config = config with { FailLevel = ReadFailLevel(value) };
                    break;
                case "baseline":
                    config = config with { Baseline = ReadBaseline(value) };
                    break;
                case "ignore":
                    config = config with { Ignores = new IgnoreReader(catalog, errors).Read(value) };
                    break;
                case CustomRulesKey:
                    config = config with { CustomRules = CustomRulesFolder(value) };
                    break;
                default:
                    var suggestion = SchemaValidator.Suggest(property.Key.Value, KnownKeys.Split(", "));
                    errors.Add(property.Key, $"unknown key '{property.Key.Value}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}; known: {KnownKeys}");
                    break;
            }
        }

        if (_ruleMaxAge is not null && _policyMaxAge is not null)
        {
            errors.Add(_policyMaxAge, "the token age is set twice: keep rules.SL305.maxAgeDays and remove policy.tokenMaxAgeDays");
        }

        return config with { Severities = _severities, Policy = _policy };
    }

    private void ReadRules(DocNode value)
    {
        if (value is DocScalar { Kind: ScalarKind.Null })
        {
            // 'rules:' with every entry commented out.
            return;
        }

        if (value is not DocMapping rules)
        {
            errors.Add(value, "'rules' must map rule IDs to error, warning, note or off (or to { severity, options })");
            return;
        }

        foreach (var rule in rules.Properties)
        {
            // A rule is named by ID (any case) or by name; severities are kept by ID.
            if (catalog.Find(rule.Key.Value) is not { } found)
            {
                if (tolerate?.Invoke(rule.Key.Value) == true)
                {
                    // Custom rules that did not compile: their IDs are let through (the compile errors are the findings).
                    continue;
                }

                var suggestion = SchemaValidator.Suggest(rule.Key.Value, [.. catalog.Rules.Select(r => r.Descriptor.Id), .. catalog.Rules.Select(r => r.Descriptor.Name)]);
                errors.Add(rule.Key, $"unknown rule '{rule.Key.Value}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}; run 'scimlint rules' for the list");
                continue;
            }

            if (rule.Value is DocMapping options)
            {
                ReadRuleOptions(found.Descriptor, options);
            }
            else
            {
                ReadSeverity(found.Descriptor, rule.Value);
            }
        }
    }

    private void ReadSeverity(RuleDescriptor rule, DocNode value)
    {
        var text = value is DocScalar { Kind: ScalarKind.Boolean } b ? (b.AsBoolean == true ? null : "off") : (value as DocScalar)?.Value;
        if (!SeverityNames.TryParse(text, out var severity))
        {
            errors.Add(value, $"severity of {rule.Id} must be error, warning, note or off");
            return;
        }

        _severities[rule.Id] = severity;
    }

    /// <summary>The long form, <c>SL305: { severity: warning, maxAgeDays: 60 }</c>.</summary>
    private void ReadRuleOptions(RuleDescriptor rule, DocMapping options)
    {
        var known = RuleOptions.Of(rule.Id);
        foreach (var option in options.Properties)
        {
            if (option.Key.Value == "severity")
            {
                ReadSeverity(rule, option.Value);
            }
            else if (option.Key.Value == RuleOptions.MaxAgeDays && known.Contains(RuleOptions.MaxAgeDays))
            {
                _ruleMaxAge = option.Value;
                if (ReadDays(option.Value, $"{rule.Id} maxAgeDays") is { } days)
                {
                    _policy = _policy with { TokenMaxAgeDays = days };
                }
            }
            else
            {
                var names = string.Join(", ", known.Prepend("severity"));
                errors.Add(option.Key, $"{rule.Id} has no option '{option.Key.Value}'; known: {names}");
            }
        }
    }

    private void ReadPolicy(DocNode value)
    {
        if (value is DocScalar { Kind: ScalarKind.Null })
        {
            return;
        }

        if (value is not DocMapping policyMap)
        {
            errors.Add(value, "'policy' must be a mapping");
            return;
        }

        foreach (var knob in policyMap.Properties)
        {
            if (knob.Key.Value != "tokenMaxAgeDays")
            {
                errors.Add(knob.Key, $"unknown policy '{knob.Key.Value}'; known: tokenMaxAgeDays");
                continue;
            }

            _policyMaxAge = knob.Value;
            if (ReadDays(knob.Value, "tokenMaxAgeDays") is { } days && _ruleMaxAge is null)
            {
                _policy = _policy with { TokenMaxAgeDays = days };
            }
        }
    }

    private int? ReadDays(DocNode value, string what)
    {
        if (value is not DocScalar { Kind: ScalarKind.Number } n || !int.TryParse(n.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < 1)
        {
            errors.Add(value, $"{what} must be a whole number of days, 1 or more");
            return null;
        }

        return days;
    }

    private IReadOnlyList<string> ReadGlobs(DocNode value, string key)
    {
        if (value is DocScalar { Kind: ScalarKind.String } single && single.Value.Length > 0)
        {
            return [single.Value];
        }

        if (value is not DocSequence sequence)
        {
            errors.Add(value, $"'{key}' must be a list of globs, such as [\"config/**/*.yaml\"]");
            return [];
        }

        var globs = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (item is DocScalar { Kind: ScalarKind.String } glob && glob.Value.Trim().Length > 0)
            {
                globs.Add(glob.Value.Trim());
            }
            else
            {
                errors.Add(item, $"each '{key}' entry must be a glob, such as \"config/**\"");
            }
        }

        return globs;
    }

    private Severity? ReadFailLevel(DocNode value)
    {
        if (value is DocScalar { Kind: ScalarKind.String } s && SeverityNames.TryParse(s.Value, out var level) && !s.Value.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return level;
        }

        errors.Add(value, "failLevel must be error, warning, note or none (as --fail-level)");
        return null;
    }

    private string? CustomRulesFolder(DocNode value)
    {
        if (value is not DocScalar { Kind: ScalarKind.String } folder || folder.Value.Trim().Length == 0)
        {
            errors.Add(value, $"'{CustomRulesKey}' must name a folder of *.cs rule files, relative to this file");
            return null;
        }

        return folder.Value.Trim();
    }

    private string? ReadBaseline(DocNode value)
    {
        if (value is DocScalar { Kind: ScalarKind.String } s && s.Value.Trim().Length > 0)
        {
            return s.Value.Trim();
        }

        errors.Add(value, "baseline must be the path of a file written by --write-baseline, relative to the configuration file");
        return null;
    }
}

/// <summary>The options a rule takes in the long form of <c>rules:</c>, besides <c>severity</c>.</summary>
internal static class RuleOptions
{
    /// <summary>SL305: flag a token older than this many days.</summary>
    public const string MaxAgeDays = "maxAgeDays";

    private static readonly Dictionary<string, string[]> Options = new(StringComparer.Ordinal)
    {
        [Rules.Token.TokenStaleRule.Rule.Id] = [MaxAgeDays],
    };

    /// <summary>The option names of a rule (none for most).</summary>
    public static IReadOnlyList<string> Of(string ruleId) => Options.TryGetValue(ruleId, out var names) ? names : [];
}
