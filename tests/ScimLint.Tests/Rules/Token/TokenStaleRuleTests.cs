using System.Text;
using ScimLint.Configuration;
using ScimLint.Rules;
using ScimLint.Rules.Token;
using ScimLint.Tests.Infrastructure;
using static ScimLint.Tests.Rules.Token.TokenDocuments;

namespace ScimLint.Tests.Rules.Token;

public sealed class TokenStaleRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2025-03-02T10:15:00Z", "2025-03-02T10:15:00+00:00")]
    [InlineData("2025-03-02t10:15:00z", "2025-03-02T10:15:00+00:00")]
    [InlineData("2025-03-02T12:15:00+02:00", "2025-03-02T10:15:00+00:00")]
    [InlineData("2025-03-02T05:15:00-0500", "2025-03-02T10:15:00+00:00")]
    [InlineData("2025-03-02 10:15:00", "2025-03-02T10:15:00+00:00")]
    [InlineData("2025-3-2 10:15:00.25 Z", "2025-03-02T10:15:00.25+00:00")]
    [InlineData("2025-03-02T10:15:00.123456789Z", "2025-03-02T10:15:00.1234567+00:00")]
    [InlineData("2025-03-02", "2025-03-02T00:00:00+00:00")]
    [InlineData(" 2025-03-02T10:15:00Z ", "2025-03-02T10:15:00+00:00")]
    public void Parses_ISO_8601_and_YAML_timestamps(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Timestamps.Parse(text));
    }

    [Theory]
    [InlineData("last tuesday")]
    [InlineData("03/02/2025")]
    [InlineData("2025-02-30T10:00:00Z")]
    [InlineData("2025-03-02T25:00:00Z")]
    [InlineData("2025-03-02T10:15:00+25:00")]
    [InlineData("1740910500")]
    [InlineData("")]
    public void Does_not_parse_anything_else(string text) => Assert.Null(Timestamps.Parse(text));

    [Fact]
    public void Reports_SL305_at_tokenUpdatedAt_when_StrongDM_rekeyed_later()
    {
        var result = Lint.Files(Pair(
            Export(updatedLine: "  tokenUpdatedAt: 2025-01-10T09:00:00Z\n"),
            Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2024-11-04T14:30:00Z\n    rekeyedAt: 2025-03-02T10:15:00Z\n")));

        var finding = Assert.Single(result.Of("SL305"));
        Assert.Equal("SL305 jumpcloud.yaml:11:19-11:39", finding.Brief());
        Assert.StartsWith("identityManagement.tokenUpdatedAt (2025-01-10T09:00:00Z) is before StrongDM's provisioning.token.rekeyedAt (2025-03-02T10:15:00Z)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_createdAt_when_the_token_was_never_rekeyed()
    {
        var result = Lint.Files(Pair(
            Export(updatedLine: "  tokenUpdatedAt: 2025-01-10T09:00:00Z\n"),
            Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2025-01-11T08:00:00Z\n    rekeyedAt: null\n")));

        Assert.Contains("provisioning.token.createdAt (2025-01-11T08:00:00Z)", Assert.Single(result.Of("SL305")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-02T10:15:00Z")]
    [InlineData("2025-03-02T11:15:00+01:00")]
    [InlineData("2025-03-03")]
    [InlineData("not a date")]
    public void Does_not_report_SL305_when_JumpCloud_was_updated_at_or_after_the_rekey_or_the_date_is_unreadable(string updated)
    {
        var result = Lint.Files(Pair(
            Export(updatedLine: $"  tokenUpdatedAt: \"{updated}\"\n"),
            Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2024-11-04T14:30:00Z\n    rekeyedAt: 2025-03-02T10:15:00Z\n")));

        Assert.Empty(result.Of("SL305"));
    }

    [Fact]
    public void Falls_back_to_createdAt_when_rekeyedAt_does_not_parse()
    {
        var result = Lint.Files(Pair(
            Export(updatedLine: "  tokenUpdatedAt: 2025-01-10T09:00:00Z\n"),
            Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2025-02-01T00:00:00Z\n    rekeyedAt: sometime in March\n")));

        Assert.Contains("provisioning.token.createdAt", Assert.Single(result.Of("SL305")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_SL305_in_the_export_when_only_the_settings_file_is_linted()
    {
        var result = Lint.Files(
            Pair(Export(updatedLine: "  tokenUpdatedAt: 2025-01-10T09:00:00Z\n"), Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2025-03-02T10:15:00Z\n")),
            null,
            "strongdm.yaml");

        Assert.Equal(["SL305 jumpcloud.yaml:11:19-11:39"], result.Of("SL305").Select(f => f.Brief()));
    }

    [Fact]
    public void Max_age_policy_reports_a_token_renewed_more_than_N_days_ago_at_its_newest_timestamp()
    {
        var result = Lint.Files(
            Pair(Export(updatedLine: "  tokenUpdatedAt: 2026-02-20T12:00:00Z\n"), Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2025-01-01T00:00:00Z\n    rekeyedAt: 2026-02-19T12:00:00Z\n")),
            Policy("policy:\n  tokenMaxAgeDays: 90\n"));

        var finding = Assert.Single(result.Of("SL305"));
        Assert.Equal("SL305 jumpcloud.yaml:11:19-11:39", finding.Brief());
        Assert.StartsWith("the SCIM token was last renewed 2026-02-20T12:00:00Z (identityManagement.tokenUpdatedAt), 101 days ago, more than the tokenMaxAgeDays policy of 90 days", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Max_age_counts_from_a_rekey_newer_than_the_JumpCloud_update()
    {
        var result = Lint.Files(
            Pair(Export(updatedLine: "  tokenUpdatedAt: 2025-01-01T00:00:00Z\n"), Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2024-06-01T00:00:00Z\n    rekeyedAt: 2025-02-01T00:00:00Z\n")),
            Policy("policy:\n  tokenMaxAgeDays: 90\n"));

        Assert.Equal(["SL305 jumpcloud.yaml:11:19-11:39", "SL305 strongdm.yaml:9:16-9:36"], result.Of("SL305").Select(f => f.Brief()));
        Assert.Contains(result.Of("SL305"), f => f.Message.StartsWith("the SCIM token was last renewed 2025-02-01T00:00:00Z (provisioning.token.rekeyedAt), 485 days ago", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(90, "2026-03-03T12:00:00Z")]
    [InlineData(90, "2026-05-31T12:00:00Z")]
    [InlineData(1, "2026-05-31T12:00:00Z")]
    public void Max_age_policy_does_not_report_a_token_within_the_limit(int days, string updated)
    {
        var result = Lint.Files(
            Pair(Export(updatedLine: $"  tokenUpdatedAt: {updated}\n"), Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2025-01-01T00:00:00Z\n")),
            Policy($"policy:\n  tokenMaxAgeDays: {days}\n"));

        Assert.Empty(result.Of("SL305"));
    }

    [Fact]
    public void Max_age_is_off_by_default()
    {
        var config = ScimLintConfig.Empty with { Policy = LintPolicy.Default with { Clock = new FixedClock(Now) } };

        var result = Lint.Files(Pair(Export(updatedLine: "  tokenUpdatedAt: 2020-01-01T00:00:00Z\n"), Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2020-01-01T00:00:00Z\n")), config);

        Assert.Empty(result.Of("SL305"));
    }

    [Fact]
    public void Max_age_checks_settings_without_a_JumpCloud_export_on_their_own_timestamps()
    {
        var result = Lint.Files(
            new Dictionary<string, string> { ["strongdm.yaml"] = Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2025-01-01T00:00:00Z\n") },
            Policy("policy:\n  tokenMaxAgeDays: 365\n"));

        Assert.Equal(["SL305 strongdm.yaml:8:16-8:36"], result.Of("SL305").Select(f => f.Brief()));
    }

    [Fact]
    public void Max_age_skips_a_token_with_no_readable_timestamp()
    {
        var result = Lint.Files(
            Pair(Export(updatedLine: "  tokenUpdatedAt: unknown\n"), Settings("    ref: env:SDM_SCIM_TOKEN\n    createdAt: null\n")),
            Policy("policy:\n  tokenMaxAgeDays: 1\n"));

        Assert.Empty(result.Of("SL305"));
    }

    private static ScimLintConfig Policy(string yaml)
    {
        var config = ScimLintConfig.Parse(".scimlint.yaml", Encoding.UTF8.GetBytes(yaml), RuleCatalog.Default);
        return config with { Policy = config.Policy with { Clock = new FixedClock(Now) } };
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
