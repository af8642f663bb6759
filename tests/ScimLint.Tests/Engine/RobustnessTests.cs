using System.IO.Abstractions.TestingHelpers;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Engine;

public sealed class RobustnessTests
{
    private const string Export = """
        application:
          name: strongdm
          ssoUrl: https://app.strongdm.com/app/login
        identityManagement:
          token: 98765432101234567890
          groupManagementEnabled: true
        userGroups:
          - { id: a, name: b, memberCount: 99999999999999999999999999 }
        """;

    [Fact]
    public void Integers_beyond_64_bits_are_schema_errors_not_crashes()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = Export });

        Assert.Contains("SL002 jumpcloud.yaml:5:10-5:30", result.Of("SL002").Select(f => f.Brief()));
        Assert.Contains("SL304 jumpcloud.yaml:5:10-5:30", result.Of("SL304").Select(f => f.Brief()));
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("internal error", StringComparison.Ordinal));
    }

    private sealed class ThrowingRule : Rule
    {
        public static readonly RuleDescriptor Rule = new("SL900", "throws", "Throws", "{0}", Severity.Warning, "A rule with a defect.", ["test"]);

        public override RuleDescriptor Descriptor => Rule;

        public override void CheckApp(JumpCloudContext context) => throw new FormatException("token f4k3-t0k3n is bad");
    }

    [Fact]
    public void A_rule_that_throws_becomes_an_error_finding_without_the_exception_message()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(Export));
        var catalog = new RuleCatalog([.. RuleCatalog.Default.Rules, new ThrowingRule()]);

        var result = new LintEngine(fs, "/repo", catalog).Run(new LintRequest(["."], ScimLintConfig.Empty));

        var finding = Assert.Single(result.Of("SL900"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("internal error", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("f4k3", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1, finding.Span.StartLine);
    }

    [Fact]
    public void Custom_rules_join_the_catalogue_but_cannot_reuse_an_id()
    {
        var duplicate = Assert.Throws<ArgumentException>(() => new RuleCatalog([.. RuleCatalog.Default.Rules, RuleCatalog.Default.Rules[0]]));

        Assert.Contains("SL001", duplicate.Message, StringComparison.Ordinal);
    }
}
