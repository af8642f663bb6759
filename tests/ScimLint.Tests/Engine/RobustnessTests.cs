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

    // Beyond the decimal range too: such literals once reached Newtonsoft as text it could not read back
    // ("SL002 failed on this file (JsonReaderException)"). Whatever the size, they are ordinary SL002 findings.
    [Theory]
    [InlineData("123456789012345678901234567890", "'memberCount' must be a whole number within 64 bits, found one beyond")]
    [InlineData("-123456789012345678901234567890123", "'memberCount' must be a whole number within 64 bits, found one beyond")]
    [InlineData("99999999999999999999", "'memberCount' must be a whole number within 64 bits, found one beyond")]
    [InlineData("1234567890123456789012345678901234567890.5", "'memberCount' must be a whole number, found a number")]
    [InlineData("1e400", "'memberCount' must be a whole number, found a number")]
    public void Numbers_of_any_size_are_ordinary_schema_findings(string number, string message)
    {
        var export = "application:\n  name: strongdm\n  ssoUrl: https://app.strongdm.com/app/login\n" +
            "userGroups:\n  - id: a\n    name: b\n    memberCount: " + number + "\n";

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = export });

        var finding = Assert.Single(result.Of("SL002"), f => f.Message == message);
        Assert.Equal($"SL002 jumpcloud.yaml:7:18-7:{18 + number.Length}", finding.Brief());
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("internal error", StringComparison.Ordinal));
    }

    [Fact]
    public void A_number_beyond_64_bits_where_a_string_belongs_is_reported_as_a_number()
    {
        var export = "application:\n  name: strongdm\n  ssoUrl: https://app.strongdm.com/app/login\n  displayLabel: 123456789012345678901234567890\n";

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = export });

        Assert.Contains(result.Of("SL002"), f => f.Message == "'displayLabel' must be a string, found a number" && f.Brief() == "SL002 jumpcloud.yaml:4:17-4:47");
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("internal error", StringComparison.Ordinal));
    }

    // "type": ["string", "null"] and the like: null means "not set", so the message names the other types, and a
    // value of an allowed type that breaks its constraints is reported as such, never as "has the wrong type".
    [Theory]
    [InlineData("application:\n  name: strongdm\n  displayLabel: 12\n", "SL002 jumpcloud.yaml:3:17-3:19", "'displayLabel' must be a string, found a number")]
    [InlineData("application:\n  name: strongdm\n  active: maybe\n", "SL002 jumpcloud.yaml:3:11-3:16", "'active' must be true or false, found a string")]
    [InlineData("application:\n  name: strongdm\n  sso: [saml]\n", "SL002 jumpcloud.yaml:3:3-3:6", "'sso' must be a mapping, found a list")]
    [InlineData("application:\n  name: strongdm\nidentityManagement:\n  scimVersion: true\n", "SL002 jumpcloud.yaml:4:16-4:20", "'scimVersion' must be a number or a string, found a boolean")]
    public void A_field_of_several_types_names_the_types_it_accepts(string export, string brief, string message)
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = export });

        var finding = Assert.Single(result.Of("SL002"), f => f.Brief() == brief);
        Assert.Equal(message, finding.Message);
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
