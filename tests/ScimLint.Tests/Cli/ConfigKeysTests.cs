using System.IO.Abstractions.TestingHelpers;
using System.Text;
using System.Text.Json;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Rules;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;
using ScimLint.Tests.Pull;

namespace ScimLint.Tests.Cli;

/// <summary>Issue 11, configuration keys: include/exclude, failLevel, baseline and per-rule options (SL305's maxAgeDays).</summary>
public sealed class ConfigKeysTests
{
    private static readonly FixedClock June2026 = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    // ---- include / exclude ----

    [Fact]
    public void Exclude_globs_skip_walked_files_relative_to_the_config_file()
    {
        var fs = Files(Broken("config/"), Broken("legacy/old/"));
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("exclude: [\"legacy/**\"]\n"));

        Assert.Equal(["config/jumpcloud.yaml"], Paths(CliRunner.Run(fs, "/repo", "--format", "json")));

        // From a subdirectory the globs still count from the configuration file's directory.
        Assert.Equal(["../config/jumpcloud.yaml"], Paths(CliRunner.Run(fs, "/repo/legacy", "--format", "json", "..")));

        // --list-files says why a file was not checked.
        var listed = CliRunner.Run(fs, "/repo", "--list-files").Out.Split('\n');
        Assert.Contains("legacy/old/jumpcloud.yaml: skipped: excluded by the include/exclude globs of .scimlint.yaml", listed);
        Assert.Contains("legacy/old/strongdm.yaml: skipped: excluded by the include/exclude globs of .scimlint.yaml", listed);
        Assert.DoesNotContain(listed, l => l.StartsWith("config/", StringComparison.Ordinal) && l.Contains("excluded", StringComparison.Ordinal));
    }

    [Fact]
    public void Include_globs_keep_only_matching_walked_files_and_a_named_file_is_always_linted()
    {
        var fs = Files(Broken("config/"), Broken("legacy/"));
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("include:\n  - config/**\n"));

        Assert.Equal(["config/jumpcloud.yaml"], Paths(CliRunner.Run(fs, "/repo", "--format", "json")));
        Assert.Equal(["legacy/jumpcloud.yaml"], Paths(CliRunner.Run(fs, "/repo", "--format", "json", "legacy/jumpcloud.yaml")));
    }

    [Fact]
    public void Without_globs_every_file_is_walked()
    {
        var fs = Files(Broken("config/"), Broken("legacy/"));

        Assert.Equal(["config/jumpcloud.yaml", "legacy/jumpcloud.yaml"], Paths(CliRunner.Run(fs, "/repo", "--format", "json")));
    }

    // ---- failLevel ----

    [Fact]
    public void FailLevel_in_the_config_sets_the_exit_code_and_the_command_line_wins()
    {
        var fs = Files(SlashOnly());
        Assert.Equal(0, CliRunner.Run(fs, "/repo").ExitCode);

        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("failLevel: Warning\n"));
        Assert.Equal(1, CliRunner.Run(fs, "/repo").ExitCode);
        Assert.Equal(0, CliRunner.Run(fs, "/repo", "--fail-level", "error").ExitCode);

        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("failLevel: none\n"));
        Assert.Equal(0, CliRunner.Run(fs, "/repo").ExitCode);
        Assert.Equal(1, CliRunner.Run(fs, "/repo", "--fail-level", "warning").ExitCode);
    }

    [Fact]
    public void FailLevel_is_the_engines_so_an_api_user_gets_the_same_verdict()
    {
        var fs = Files(SlashOnly());
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("failLevel: warning\n"));
        var engine = new LintEngine(fs, "/repo");

        Assert.True(engine.Run(new LintOptions(["."])).Failed);
        Assert.Equal(Severity.Warning, engine.Run(new LintOptions(["."])).FailLevel);
        Assert.False(engine.Run(new LintOptions(["."]) { FailLevel = Severity.Error }).Failed);
    }

    // ---- baseline ----

    [Fact]
    public void Baseline_in_the_config_is_relative_to_the_config_file_and_applies_from_a_subdirectory()
    {
        var fs = Files(Broken("team/"));
        fs.AddDirectory("/repo/ci");
        Assert.Equal(0, CliRunner.Run(fs, "/repo", "--write-baseline", "ci/baseline.json").ExitCode);
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("baseline: ci/baseline.json\n"));

        var run = CliRunner.Run(fs, "/repo/team", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("baselined").GetInt32() > 0);
    }

    [Fact]
    public void Write_baseline_ignores_the_configured_baseline_so_it_records_every_finding()
    {
        var fs = Files(Broken(string.Empty));
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("baseline: baseline.json\n"));

        var first = CliRunner.Run(fs, "/repo", "--write-baseline", "baseline.json");
        var again = CliRunner.Run(fs, "/repo", "--write-baseline", "baseline.json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Error, again.Error);
        Assert.DoesNotContain("wrote 0 findings", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_configured_baseline_is_exit_2_naming_the_file_and_the_config()
    {
        var fs = Files(Broken(string.Empty));
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("baseline: ci/baseline.json\n"));

        var run = CliRunner.Run(fs, "/repo");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: ci/baseline.json: baseline file not found (named by 'baseline' in .scimlint.yaml); write it with --write-baseline ci/baseline.json\n", run.Error);
    }

    [Fact]
    public void The_command_line_baseline_wins_over_the_configured_one()
    {
        var fs = Files(Broken(string.Empty));
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("baseline: missing.json\n"));
        Assert.Equal(0, CliRunner.Run(fs, "/repo", "--write-baseline", "other.json").ExitCode);

        Assert.Equal(0, CliRunner.Run(fs, "/repo", "--baseline", "other.json").ExitCode);
    }

    // ---- per-rule options ----

    [Fact]
    public void SL305_takes_severity_and_maxAgeDays_in_the_long_form()
    {
        var fs = Files(TokenUpdated("2026-01-01T00:00:00Z"));
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("rules:\n  SL305: { severity: error, maxAgeDays: 60 }\n"));

        var run = CliRunner.RunAt(June2026, fs, "/repo", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "SL305");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains("151 days ago, more than the tokenMaxAgeDays policy of 60 days", finding.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Within the age, nothing; the short form still sets only the severity.
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("rules:\n  token-stale: { maxAgeDays: 200 }\n"));
        Assert.Equal(0, CliRunner.RunAt(June2026, fs, "/repo").ExitCode);
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData("rules:\n  SL305: error\n"));
        Assert.Equal(0, CliRunner.RunAt(June2026, fs, "/repo").ExitCode);
    }

    [Fact]
    public void SL305_age_set_both_as_a_rule_option_and_as_a_policy_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Parse("rules:\n  SL305: { maxAgeDays: 60 }\npolicy:\n  tokenMaxAgeDays: 90\n"));

        Assert.Equal([".scimlint.yaml:4:20: the token age is set twice: keep rules.SL305.maxAgeDays and remove policy.tokenMaxAgeDays"], error.Errors);
        Assert.Equal(60, Parse("rules:\n  sl305:\n    maxAgeDays: 60\n").Policy.TokenMaxAgeDays);
    }

    // ---- every error at once ----

    [Fact]
    public void A_config_with_many_mistakes_in_the_new_keys_reports_each_once_with_its_position()
    {
        var fs = Files(Broken(string.Empty));
        fs.AddFile("/repo/.scimlint.yaml", new MockFileData(
            "rules:\n  SL305: { severity: loud, maxAge: 3 }\n  SL104: { maxAgeDays: 3 }\nfailLevel: fatal\ninclude: [3]\nbaseline: \"\"\n" +
            "ignore:\n  - rule: SL999\n    path: \"*.yaml\"\n    pointer: a/b\n    until: tomorrow\n  - nope\nignor: []\n"));

        var run = CliRunner.Run(fs, "/repo");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "scimlint: .scimlint.yaml:2:22: severity of SL305 must be error, warning, note or off\n" +
            "scimlint: .scimlint.yaml:2:28: SL305 has no option 'maxAge'; known: severity, maxAgeDays\n" +
            "scimlint: .scimlint.yaml:3:12: SL104 has no option 'maxAgeDays'; known: severity\n" +
            "scimlint: .scimlint.yaml:4:12: failLevel must be error, warning, note or none (as --fail-level)\n" +
            "scimlint: .scimlint.yaml:5:11: each 'include' entry must be a glob, such as \"config/**\"\n" +
            "scimlint: .scimlint.yaml:6:11: baseline must be the path of a file written by --write-baseline, relative to the configuration file\n" +
            "scimlint: .scimlint.yaml:8:5: this ignore entry has no 'reason': why the finding is acceptable; reviewers read it\n" +
            "scimlint: .scimlint.yaml:8:11: unknown rule 'SL999'; run 'scimlint rules' for the list\n" +
            "scimlint: .scimlint.yaml:10:14: pointer must be a JSON Pointer such as /identityManagement/baseUrl (each segment after '/', '~' written ~0 and '/' inside a key ~1)\n" +
            "scimlint: .scimlint.yaml:11:12: until must be a date, YYYY-MM-DD (the last day the entry applies)\n" +
            "scimlint: .scimlint.yaml:12:5: each 'ignore' entry must be a mapping with rule, path and reason (pointer and until are optional)\n" +
            "scimlint: .scimlint.yaml:13:1: unknown key 'ignor'; did you mean 'ignore'?; known: rules, include, exclude, failLevel, baseline, ignore, policy, customRules\n",
            run.Error);
    }

    [Fact]
    public void The_config_schema_agrees_with_the_parser_on_the_new_keys()
    {
        var good = "rules:\n  SL305: { severity: warning, maxAgeDays: 60 }\n  Token-Stale: note\n  SL104: { severity: off }\n" +
            "include: config/**\nexclude: [\"legacy/**\", \"**/*.live.json\"]\nfailLevel: Note\nbaseline: ci/baseline.json\n" +
            "ignore:\n  - { rule: SL201, path: \"**/jumpcloud.json\", pointer: /identityManagement/groupManagementEnabled, reason: legacy sync, until: 2027-03-31 }\n" +
            "  - { rule: bookmark-url, path: a.yaml, pointer: \"\", reason: r }\n";
        var bad = new[]
        {
            "rules:\n  SL104: { maxAgeDays: 3 }\n", "rules:\n  SL305: { maxAgeDays: 0 }\n", "failLevel: fatal\n", "failLevel: off\n", "include: [3]\n", "baseline: \"\"\n",
            "ignore:\n  - { rule: SL201, path: a }\n", "ignore:\n  - { rule: SL201, path: a, reason: r, pointer: a/b }\n", "ignore:\n  - { rule: SL201, path: a, reason: r, pointer: /a~2 }\n",
            "ignore:\n  - { rule: SL201, path: a, reason: r, until: soon }\n", "ignore:\n  - { rule: SL201, path: a, reason: r, other: 1 }\n", "ignore: {}\n",
        };

        Assert.Empty(SchemaErrors(good));
        var config = Parse(good);
        Assert.Equal(Severity.Note, config.Severities["SL305"]);
        Assert.Equal(60, config.Policy.TokenMaxAgeDays);
        Assert.Equal(["config/**"], config.Include);
        Assert.Equal(Severity.Note, config.FailLevel);
        Assert.Equal("ci/baseline.json", config.Baseline);
        Assert.Equal(new DateOnly(2027, 3, 31), config.Ignores[0].Until);
        Assert.Equal("SL104", config.Ignores[1].Rule);
        Assert.All(bad, b => Assert.NotEmpty(SchemaErrors(b)));
        Assert.All(bad, b => Assert.Throws<ConfigException>(() => Parse(b)));
    }

    // ---- helpers ----

    private static ScimLintConfig Parse(string yaml) => ScimLintConfig.Parse(".scimlint.yaml", Encoding.UTF8.GetBytes(yaml), RuleCatalog.Default);

    private static IReadOnlyList<ScimLint.Schema.SchemaError> SchemaErrors(string yaml) =>
        ScimLint.Schema.SchemaValidator.ValidateConfig(ScimLint.Loading.DocumentLoader.Load(".scimlint.yaml", Encoding.UTF8.GetBytes(yaml)).Root!);

    private static List<string> Paths(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Out);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).Where(p => p.EndsWith("jumpcloud.yaml", StringComparison.Ordinal)).Distinct()];
    }

    /// <summary>A pair with an error (SL104, a wrong bookmark path) in <paramref name="dir"/>.</summary>
    private static Dictionary<string, string> Broken(string dir) => new()
    {
        [dir + "jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.strongdm.com/login"),
        [dir + "strongdm.yaml"] = SampleDocs.StrongDmUs,
    };

    /// <summary>A pair whose only finding is a warning (SL104, a trailing slash).</summary>
    private static Dictionary<string, string> SlashOnly() => new()
    {
        ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.strongdm.com/app/login/"),
        ["strongdm.yaml"] = SampleDocs.StrongDmUs,
    };

    private static Dictionary<string, string> TokenUpdated(string at) => new()
    {
        ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("token:", "  token: ${env:SDM_SCIM_TOKEN}\n  tokenUpdatedAt: " + at),
        ["strongdm.yaml"] = SampleDocs.StrongDmUs,
    };

    private static MockFileSystem Files(params Dictionary<string, string>[] sets)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, content) in sets.SelectMany(s => s))
        {
            fs.AddFile("/repo/" + path, new MockFileData(content));
        }

        return fs;
    }
}
