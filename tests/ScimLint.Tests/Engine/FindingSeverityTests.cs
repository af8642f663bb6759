using System.IO.Abstractions.TestingHelpers;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Rules;

namespace ScimLint.Tests.Engine;

/// <summary>A rule may report one finding at another severity than its default; configuration of the rule still wins.</summary>
public sealed class FindingSeverityTests
{
    private const string App = """
        application:
          name: strongdm
          ssoUrl: https://app.strongdm.com/app/login
          config: {}
        """;

    [Fact]
    public void Finding_reported_with_a_severity_keeps_it_when_the_rule_is_not_configured()
    {
        var findings = Run(ScimLintConfig.Empty);

        Assert.Equal(2, findings.Count);
        Assert.Equal(Severity.Warning, findings.Single(f => f.Message == "lowered").Severity);
        Assert.Equal(Severity.Error, findings.Single(f => f.Message == "default").Severity);
    }

    [Theory]
    [InlineData(Severity.Error)]
    [InlineData(Severity.Warning)]
    [InlineData(Severity.Note)]
    public void Severity_set_for_the_rule_in_configuration_applies_to_every_finding_including_overridden_ones(Severity configured)
    {
        var findings = Run(Configured(configured));

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(configured, f.Severity));
    }

    [Fact]
    public void Rule_turned_off_in_configuration_reports_nothing_even_with_a_severity_override()
    {
        Assert.Empty(Run(Configured(Severity.None)));
    }

    [Fact]
    public void Configuration_of_another_rule_does_not_touch_the_override()
    {
        var config = new ScimLintConfig { Severities = new Dictionary<string, Severity>(StringComparer.Ordinal) { ["SL104"] = Severity.Note } };

        Assert.Equal(Severity.Warning, Run(config).Single(f => f.Message == "lowered").Severity);
    }

    [Fact]
    public void SeverityOf_prefers_configuration_then_the_reported_severity_then_the_default()
    {
        var rule = OverridingRule.Descriptor_;

        Assert.Equal(Severity.Error, ScimLintConfig.Empty.SeverityOf(rule, null));
        Assert.Equal(Severity.Note, ScimLintConfig.Empty.SeverityOf(rule, Severity.Note));
        Assert.Equal(Severity.Warning, Configured(Severity.Warning).SeverityOf(rule, Severity.Note));
        Assert.Equal(Severity.Error, Configured(Severity.Error).SeverityOf(rule, Severity.Warning));
    }

    [Fact]
    public void Reporting_a_finding_with_severity_none_is_a_programming_error_surfaced_as_an_internal_error_finding()
    {
        var findings = Run(ScimLintConfig.Empty, new OverridingRule(Severity.None));

        var internalError = Assert.Single(findings, f => f.Message.StartsWith("internal error", StringComparison.Ordinal));
        Assert.Contains(nameof(ArgumentOutOfRangeException), internalError.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, internalError.Severity);
    }

    private static ScimLintConfig Configured(Severity severity) =>
        new() { Severities = new Dictionary<string, Severity>(StringComparer.Ordinal) { [OverridingRule.Descriptor_.Id] = severity } };

    private static List<Finding> Run(ScimLintConfig config, OverridingRule? rule = null)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(App));
        var engine = new LintEngine(fs, "/repo", new RuleCatalog([rule ?? new OverridingRule(Severity.Warning)]));
        return [.. engine.Run(new LintRequest(["."], config)).Findings];
    }

    private sealed class OverridingRule(Severity lowered) : Rule
    {
        public static readonly RuleDescriptor Descriptor_ = new("SL999", "overriding", "Test rule", "{0}", Severity.Error, "Reports one finding at its default and one lowered.", ["test"]);

        public override RuleDescriptor Descriptor => Descriptor_;

        public override void CheckApp(JumpCloudContext context)
        {
            context.Report(context.App.SsoUrl, "default");
            context.Report(context.App.Name, "lowered", severity: lowered);
        }
    }
}
