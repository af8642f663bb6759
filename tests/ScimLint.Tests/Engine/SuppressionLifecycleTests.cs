using System.IO.Abstractions.TestingHelpers;
using System.Text.Json;
using NJsonSchema;
using ScimLint.Engine;
using ScimLint.Reporting;
using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;
using ScimLint.Tests.Pull;

namespace ScimLint.Tests.Engine;

/// <summary>
/// Issue 11, suppressions: configuration <c>ignore:</c> entries (the JSON way), reasons (SL008), expiry, <c>--no-ignore</c>
/// and <c>--report-suppressed</c>. "Today" is always pinned; no test reads the real date.
/// </summary>
public sealed class SuppressionLifecycleTests
{
    private static readonly FixedClock March31 = new(new DateTimeOffset(2027, 3, 31, 23, 59, 0, TimeSpan.Zero));
    private static readonly FixedClock April1 = new(new DateTimeOffset(2027, 4, 1, 0, 0, 1, TimeSpan.Zero));

    private static readonly Lazy<JsonSchema> Sarif = new(() =>
        JsonSchema.FromFileAsync(Repo.Path_("tests", "ScimLint.Tests", "Schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    /// <summary>A JSON export on US hosts paired with EU settings: SL105 twice, at the bookmark and at the Base URL.</summary>
    private const string UsHostsJson = """
        {
          "application": {
            "name": "strongdm",
            "displayName": "StrongDM",
            "displayLabel": "StrongDM",
            "ssoUrl": "https://app.strongdm.com/app/login",
            "active": true,
            "sso": { "type": "bookmark" },
            "config": {}
          },
          "identityManagement": {
            "apiType": "SCIM API",
            "scimVersion": "2.0",
            "baseUrl": "https://app.strongdm.com/provisioning/generic/v2",
            "token": "${env:SDM_SCIM_TOKEN}",
            "groupManagementEnabled": true,
            "status": "active"
          },
          "associations": [ { "to": { "id": "6026da081f24755306c2ee0d", "type": "user_group" } } ],
          "userGroups": [ { "id": "6026da081f24755306c2ee0d", "name": "sdm-engineering", "memberCount": 12 } ]
        }

        """;

    // ---- ignore: in the configuration ----

    [Fact]
    public void A_json_pointer_ignore_silences_exactly_one_finding()
    {
        var fs = Json("ignore:\n  - rule: region-mismatch\n    path: config/jumpcloud.json\n    pointer: /identityManagement/baseUrl\n    reason: base URL moves with the EU cut-over (OPS-1234)\n");

        var before = Run(fs, new LintOptions(["."]) { NoIgnore = true });
        var result = Run(fs, new LintOptions(["."]));

        Assert.Equal(["/application/ssoUrl", "/identityManagement/baseUrl"], before.Findings.Where(f => f.Rule.Id == "SL105").Select(f => f.LogicalPath));
        Assert.Equal(["/application/ssoUrl"], result.Findings.Where(f => f.Rule.Id == "SL105").Select(f => f.LogicalPath));
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal(("SL105", "/identityManagement/baseUrl", SuppressionKind.External), (suppressed.Finding.Rule.Id, suppressed.Finding.LogicalPath, suppressed.Kind));
        Assert.Equal("base URL moves with the EU cut-over (OPS-1234)", suppressed.Reason);
        Assert.Equal(".scimlint.yaml:2:5", suppressed.Source);
    }

    [Fact]
    public void A_path_glob_ignore_silences_the_rule_in_matching_files_only()
    {
        var fs = Json("ignore:\n  - { rule: SL105, path: \"config/*.json\", reason: the EU move is planned }\n");
        fs.AddFile("/repo/other/jumpcloud.json", new MockFileData(UsHostsJson));
        fs.AddFile("/repo/other/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));

        var result = Run(fs, new LintOptions(["."]));

        Assert.Equal(["other/jumpcloud.json", "other/jumpcloud.json"], result.Findings.Where(f => f.Rule.Id == "SL105").Select(f => f.Path));
        Assert.Equal(2, result.Suppressed.Count);
        Assert.All(result.Suppressed, s => Assert.Equal("config/jumpcloud.json", s.Finding.Path));
    }

    [Fact]
    public void An_expired_ignore_brings_the_finding_back_saying_it_expired()
    {
        var fs = Json("ignore:\n  - { rule: SL105, path: \"**/jumpcloud.json\", pointer: /application/ssoUrl, reason: cut-over, until: 2027-03-31 }\n");

        var onTheDay = Run(fs, new LintOptions(["."]) { Clock = March31 });
        var after = Run(fs, new LintOptions(["."]) { Clock = April1 });

        Assert.Single(onTheDay.Suppressed);
        Assert.Empty(after.Suppressed);
        var back = after.Findings.Single(f => f.Rule.Id == "SL105" && f.LogicalPath == "/application/ssoUrl");
        Assert.EndsWith("(the ignore entry at .scimlint.yaml:2:5 expired after 2027-03-31: fix the finding, or renew the date with a reason)", back.Message, StringComparison.Ordinal);
        Assert.Equal(onTheDay.Suppressed[0].Finding.Fingerprint, back.Fingerprint);
    }

    // ---- inline: reason and expiry ----

    [Fact]
    public void An_inline_suppression_expires_after_its_until_date_and_the_finding_says_so()
    {
        var files = Inline("  # scimlint: ignore[SL105 until 2027-03-31] EU cut-over (OPS-1234)\n");

        var onTheDay = LintAt(files, March31);
        var after = LintAt(files, April1);

        Assert.DoesNotContain(onTheDay.Findings, f => f.Rule.Id == "SL105" && f.LogicalPath == "/identityManagement/baseUrl");
        Assert.Equal(SuppressionKind.InSource, Assert.Single(onTheDay.Suppressed).Kind);
        var back = after.Findings.Single(f => f.Rule.Id == "SL105" && f.LogicalPath == "/identityManagement/baseUrl");
        Assert.EndsWith("(the suppression on line 13 expired after 2027-03-31: fix the finding, or renew the date with a reason)", back.Message, StringComparison.Ordinal);
        Assert.Empty(after.Suppressed);

        // An expired suppression matched its finding, so it is not also "unused" (SL005).
        Assert.DoesNotContain(after.Findings, f => f.Rule.Id == "SL005");
    }

    [Fact]
    public void A_suppression_without_a_reason_still_applies_and_is_reported_as_SL008()
    {
        var result = LintAt(Inline("  # scimlint: ignore[SL105]\n"), March31);

        Assert.Single(result.Suppressed);
        var warning = result.Findings.Single(f => f.Rule.Id == "SL008");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(13, warning.Span.StartLine);
        Assert.Contains("gives no reason", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LintAt(Inline("  # scimlint: ignore[SL105] EU cut-over (OPS-1234)\n"), March31).Findings, f => f.Rule.Id == "SL008");
    }

    [Fact]
    public void An_until_that_is_not_a_date_is_SL005_and_the_suppression_does_not_expire()
    {
        var result = LintAt(Inline("  # scimlint: ignore[SL105 until 31/03/2027] EU cut-over\n"), April1);

        Assert.Single(result.Suppressed);
        Assert.Contains("'until 31/03/2027' is not a date", result.Findings.Single(f => f.Rule.Id == "SL005").Message, StringComparison.Ordinal);
    }

    // ---- --no-ignore ----

    [Fact]
    public void No_ignore_shows_inline_config_and_baselined_findings_as_active_and_reports_no_unused_suppression()
    {
        var fs = Json("ignore:\n  - { rule: SL105, path: \"**\", pointer: /application/ssoUrl, reason: cut-over }\n");
        fs.AddFile("/repo/yaml/jumpcloud.yaml", new MockFileData(Inline("  # scimlint: ignore[SL105] EU cut-over\n")["jumpcloud.yaml"]));
        fs.AddFile("/repo/yaml/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        Assert.Equal(0, CliRunner.RunAt(March31, fs, "/repo", "--write-baseline", "baseline.json").ExitCode);

        var normal = CliRunner.RunAt(March31, fs, "/repo", "--format", "json", "--baseline", "baseline.json");
        var all = CliRunner.RunAt(March31, fs, "/repo", "--format", "json", "--baseline", "baseline.json", "--no-ignore");

        Assert.Equal(0, normal.ExitCode);
        Assert.Equal(1, all.ExitCode);
        using var json = JsonDocument.Parse(all.Out);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((0, 0), (summary.GetProperty("suppressed").GetInt32(), summary.GetProperty("baselined").GetInt32()));
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(4, rules.Count(r => r == "SL105"));
        Assert.DoesNotContain("SL005", rules);
    }

    // ---- --report-suppressed ----

    [Fact]
    public void Report_suppressed_writes_them_into_sarif_with_their_kind_and_justification()
    {
        var fs = Json("ignore:\n  - { rule: SL105, path: \"**\", pointer: /application/ssoUrl, reason: bookmark moves with the cut-over }\n");
        fs.AddFile("/repo/yaml/jumpcloud.yaml", new MockFileData(Inline("  # scimlint: ignore[SL105] EU cut-over (OPS-1234)\n")["jumpcloud.yaml"]));
        fs.AddFile("/repo/yaml/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));

        var plain = CliRunner.RunAt(March31, fs, "/repo", "--format", "sarif");
        var run = CliRunner.RunAt(March31, fs, "/repo", "--format", "sarif", "--report-suppressed");

        Assert.Empty(Sarif.Value.Validate(run.Out).Select(e => $"{e.Path}: {e.Kind}"));
        Snapshot.Match(run.Out, "sarif");
        using var json = JsonDocument.Parse(run.Out);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var kinds = results.Where(r => r.TryGetProperty("suppressions", out _)).Select(r => r.GetProperty("suppressions")[0].GetProperty("kind").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["external", "external", "inSource"], kinds);
        Assert.Equal(results.Count - 3, JsonDocument.Parse(plain.Out).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.DoesNotContain("\"suppressions\":", plain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_suppressed_marks_baselined_findings_external()
    {
        var fs = Json(null);
        Assert.Equal(0, CliRunner.RunAt(March31, fs, "/repo", "--write-baseline", "baseline.json").ExitCode);

        var run = CliRunner.RunAt(March31, fs, "/repo", "--format", "sarif", "--baseline", "baseline.json", "--report-suppressed");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(Sarif.Value.Validate(run.Out));
        using var json = JsonDocument.Parse(run.Out);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("Accepted by the baseline.", r.GetProperty("suppressions")[0].GetProperty("justification").GetString()));
    }

    [Fact]
    public void The_engine_api_gives_the_same_suppressions_as_the_command_line()
    {
        var fs = Json("ignore:\n  - { rule: SL105, path: \"**\", pointer: /application/ssoUrl, reason: cut-over }\n");

        var api = Run(fs, new LintOptions(["."]) { Clock = March31 });
        var cli = CliRunner.RunAt(March31, fs, "/repo", "--format", "json");

        using var json = JsonDocument.Parse(cli.Out);
        Assert.Equal(api.Suppressed.Count, json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
        Assert.Equal(api.Findings.Count, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal(api.Failed ? 1 : 0, cli.ExitCode);
    }

    // ---- helpers ----

    private static LintResult Run(MockFileSystem fs, LintOptions options) => new LintEngine(fs, "/repo").Run(options with { Clock = options.Clock ?? March31 });

    private static MockFileSystem Json(string? config)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/config/jumpcloud.json", new MockFileData(UsHostsJson));
        fs.AddFile("/repo/config/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        if (config is not null)
        {
            fs.AddFile("/repo/.scimlint.yaml", new MockFileData(config));
        }

        return fs;
    }

    /// <summary>The US export paired with EU settings, with a comment line above the Base URL (line 13).</summary>
    private static Dictionary<string, string> Inline(string comment) => new()
    {
        ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("baseUrl", comment + "  baseUrl: https://app.strongdm.com/provisioning/generic/v2"),
        ["strongdm.yaml"] = SampleDocs.StrongDmEu,
    };

    private static LintResult LintAt(Dictionary<string, string> files, TimeProvider clock)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, content) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(content));
        }

        return new LintEngine(fs, "/repo").Run(new LintOptions(["."]) { Clock = clock });
    }
}
