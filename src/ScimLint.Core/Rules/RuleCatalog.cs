using ScimLint.Rules.Drift;
using ScimLint.Rules.Groups;
using ScimLint.Rules.Input;
using ScimLint.Rules.JumpCloud;
using ScimLint.Rules.StrongDm;
using ScimLint.Rules.Token;
using ScimLint.Rules.Urls;

namespace ScimLint.Rules;

/// <summary>The one explicit list of rules, in ID order. IDs are never reused.</summary>
public sealed class RuleCatalog
{
    /// <summary>Creates a catalogue of the given rules (custom rules can be appended to <see cref="Default"/>'s).</summary>
    public RuleCatalog(IEnumerable<Rule> rules)
    {
        Rules = [.. rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)];
        var duplicate = Rules.GroupBy(r => r.Descriptor.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"rule ID {duplicate.Key} is used twice", nameof(rules));
        }
    }

    /// <summary>The built-in rules.</summary>
    public static RuleCatalog Default { get; } = new(
    [
        new ParseErrorRule(),
        new SchemaViolationRule(),
        new MissingCounterpartRule(),
        new NotAConfigRule(),
        new InvalidSuppressionRule(),
        new NotSuppliedRule(),
        new CustomRuleCompileErrorRule(),
        new SuppressionWithoutReasonRule(),
        new BaseUrlHostRule(),
        new BaseUrlPathRule(),
        new BaseUrlFormatRule(),
        new BookmarkUrlRule(),
        new RegionMismatchRule(),
        new ControlPlaneRegionRule(),
        new GroupManagementDisabledRule(),
        new IdentityManagementInactiveRule(),
        new ScimApiVersionRule(),
        new AppInactiveRule(),
        new DisplayLabelMissingRule(),
        new SsoUnsupportedRule(),
        new SecondConnectorRule(),
        new TokenMissingRule(),
        new TokenPlaceholderRule(),
        new TokenMalformedRule(),
        new TokenLiteralRule(),
        new TokenStaleRule(),
        new SecretInUrlFieldRule(),
        new ScimProviderNotGenericRule(),
        new ScimInactiveRule(),
        new LegacySyncEnabledRule(),
        new NoUserGroupsRule(),
        new DirectUserAssignmentRule(),
        new EmptyGroupRule(),
        new RoleTakeoverRule(),
        new UnknownGroupRule(),
        new FieldDriftRule(),
        new GroupNotDeclaredRule(),
        new GroupNotLiveRule(),
        new DirectUserLiveRule(),
    ]);

    /// <summary>The rules in ID order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>The custom rules of this catalogue (compiled from a rules folder) by ID: their source file and page.</summary>
    internal IReadOnlyDictionary<string, CustomRuleInfo> Custom { get; init; } = new Dictionary<string, CustomRuleInfo>();

    /// <summary>Finds a rule by ID (case-insensitive) or name.</summary>
    public Rule? Find(string idOrName) => Rules.FirstOrDefault(r =>
        string.Equals(r.Descriptor.Id, idOrName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(r.Descriptor.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Where a custom rule was written (its file's display path) and its page for <c>scimlint explain</c> and SARIF.</summary>
internal sealed record CustomRuleInfo(string Source, string Page);
