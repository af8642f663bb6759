using System.IO.Abstractions;
using System.Text.Json;
using NJsonSchema;
using ScimLint.Cli;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.CustomRules;

/// <summary>
/// Custom rules in C# (issue 10, part 2): compiled from <c>.scimlint/rules/*.cs</c> (or the folder <c>customRules</c>
/// names), cached under <c>$XDG_CACHE_HOME/scimlint</c>, listed and explained, in SARIF, and under configuration,
/// suppressions and baselines like the built-in rules. Each test lints its own copy of <c>examples/custom-rules</c>
/// (a repository of its own) with its own cache directory.
/// </summary>
public sealed class CustomRuleTests : IDisposable
{
    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
        JsonSchema.FromFileAsync(Repo.Path_("tests", "ScimLint.Tests", "Schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("scimlint-custom-");

    public CustomRuleTests()
    {
        Copy(Repo.Path_("examples", "custom-rules"), RepoDir);
        Directory.CreateDirectory(Path.Combine(RepoDir, ".git"));
    }

    private string RepoDir => Path.Combine(_temp.FullName, "repo");

    private string CacheHome => Path.Combine(_temp.FullName, "cache");

    private string RulesDir => Path.Combine(RepoDir, ".scimlint", "rules");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void A_custom_rule_compiles_runs_and_is_cached_and_the_second_run_does_not_compile()
    {
        var first = Run("--verbose");
        var second = Run("--verbose");

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("scimlint: custom rules: compiled 2 files in .scimlint/rules in ", first.Error, StringComparison.Ordinal);
        Assert.Contains("scimlint: custom rules: cached as " + CacheHome, first.Error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(CacheHome, "scimlint", "custom-rules"), "*.bin"));
        Assert.Contains("acme-prod/jumpcloud.yaml:9:17: warning ACME001: display label 'StrongDM (prod)' does not start with the environment 'prod'", first.Out, StringComparison.Ordinal);
        Assert.Contains("acme-prod/strongdm.yaml:2:15: error ACME002: organization 'acme-staging' does not match the folder 'acme-prod'", first.Out, StringComparison.Ordinal);

        Assert.Contains("scimlint: custom rules: loaded 2 rules from .scimlint/rules out of the cache", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("custom rules: compiled", second.Error, StringComparison.Ordinal);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(first.ExitCode, second.ExitCode);
    }

    [Fact]
    public void An_edited_rule_is_compiled_again_under_a_new_key()
    {
        Run();
        var rule = Path.Combine(RulesDir, "OrganizationFolderRule.cs");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("Severity.Error", "Severity.Note", StringComparison.Ordinal));

        var edited = Run("--verbose");

        Assert.Contains("custom rules: compiled 2 files", edited.Error, StringComparison.Ordinal);
        Assert.Contains("note ACME002:", edited.Out, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(CacheHome, "scimlint", "custom-rules"), "*.bin").Length);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    [InlineData("empty")]
    public void A_damaged_cache_entry_is_compiled_again_never_a_crash(string damage)
    {
        var first = Run();
        var entry = Assert.Single(Directory.GetFiles(Path.Combine(CacheHome, "scimlint", "custom-rules"), "*.bin"));
        var bytes = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "flipped" => [.. bytes[..^10], (byte)(bytes[^10] ^ 0xff), .. bytes[^9..]],
            _ => [],
        });

        var again = Run("--verbose");
        var third = Run("--verbose");

        Assert.Contains($"custom rules: {entry} is damaged; compiling again", again.Error, StringComparison.Ordinal);
        Assert.Contains("custom rules: compiled 2 files", again.Error, StringComparison.Ordinal);
        Assert.Equal(first.Out, again.Out);
        Assert.Contains("out of the cache", third.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_does_not_compile_is_an_SL007_finding_at_the_compilers_position()
    {
        var rule = Path.Combine(RulesDir, "OrganizationFolderRule.cs");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("context.Settings.Root.Field(\"organization\")", "context.Settings.Organisation", StringComparison.Ordinal));

        var run = Run("--quiet");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            ".scimlint/rules/OrganizationFolderRule.cs:25:45: error SL007: custom rule does not compile: CS1061: 'StrongDmSettings' does not contain a definition for 'Organisation' and no accessible extension method 'Organisation' accepting a first argument of type 'StrongDmSettings' could be found (are you missing a using directive or an assembly reference?) [custom-rule-does-not-compile]\n",
            run.Out);
        Assert.Empty(Directory.Exists(Path.Combine(CacheHome, "scimlint", "custom-rules")) ? Directory.GetFiles(Path.Combine(CacheHome, "scimlint", "custom-rules")) : []);
    }

    [Fact]
    public void A_rule_that_throws_is_one_internal_error_finding_and_a_tool_execution_notification()
    {
        File.WriteAllText(Path.Combine(RulesDir, "Throwing.cs"), """
            using ScimLint.Rules;

            public sealed class ThrowingRule : Rule
            {
                public static readonly RuleDescriptor Rule = new("XY001", "throws", "Throws", "{0}", Severity.Warning, "Throws on every app.", []);

                public override RuleDescriptor Descriptor => Rule;

                public override void CheckApp(JumpCloudContext context) =>
                    throw new System.InvalidOperationException("marker-7f3a " + context.App.Token.Text);
            }
            """);

        var text = Run("--quiet");
        var sarif = Run("--format", "sarif");

        Assert.Equal(1, text.ExitCode);
        var failure = "acme-prod/jumpcloud.yaml:2:1: error XY001: internal error: custom rule XY001 threw InvalidOperationException at .scimlint/rules/Throwing.cs:10; this file was not fully checked by it; fix the rule (the exception's message is not shown, as it could quote a secret) [throws]\n";
        Assert.Contains(failure, text.Out, StringComparison.Ordinal);
        Assert.Contains("ACME001", text.Out, StringComparison.Ordinal);
        Assert.Contains("ACME002", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("marker-7f3a", text.Out + sarif.Out, StringComparison.Ordinal);
        Assert.Empty(SarifSchema.Value.Validate(sarif.Out).Select(e => $"{e.Path}: {e.Kind}"));
        using var log = JsonDocument.Parse(sarif.Out);
        var run = log.RootElement.GetProperty("runs")[0];
        var invocation = Assert.Single(run.GetProperty("invocations").EnumerateArray());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("XY001", notification.GetProperty("associatedRule").GetProperty("id").GetString());
        var index = notification.GetProperty("associatedRule").GetProperty("index").GetInt32();
        Assert.Equal("XY001", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[index].GetProperty("id").GetString());
        Assert.Equal("InvalidOperationException", notification.GetProperty("exception").GetProperty("kind").GetString());
        Assert.Equal("acme-prod/jumpcloud.yaml", notification.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("\"ACME002\"", "\"SL901\"", ".scimlint/rules/OrganizationFolderRule.cs:13:9: custom rule ID 'SL901' of OrganizationFolderRule uses ScimLint's prefix SL, which is reserved for built-in rules; use a prefix of your own, such as ACME001")]
    [InlineData("\"ACME002\"", "\"ACME001\"", ".scimlint/rules/DisplayLabelEnvironmentRule.cs:19:9: custom rule ID 'ACME001' of OrganizationFolderRule is already used by DisplayLabelEnvironmentRule; IDs must be unique")]
    [InlineData("\"ACME002\"", "\"ACME-2\"", ".scimlint/rules/OrganizationFolderRule.cs:13:9: custom rule ID 'ACME-2' of OrganizationFolderRule must be letters then letters or digits, with a prefix of your own, such as ACME001")]
    [InlineData("\"organization-matches-folder\"", "\"bookmark-url\"", ".scimlint/rules/OrganizationFolderRule.cs:13:9: custom rule name 'bookmark-url' of OrganizationFolderRule is empty or already used; names must be unique")]
    public void A_clashing_or_reserved_id_is_a_configuration_error(string from, string to, string expected)
    {
        var rule = Path.Combine(RulesDir, "OrganizationFolderRule.cs");
        File.WriteAllText(rule, File.ReadAllText(rule).Replace(from, to, StringComparison.Ordinal));

        var run = Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: " + expected + "\n", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Rules_and_explain_list_the_custom_rules()
    {
        var rules = Run("rules");
        var fromDocComment = Run("explain", "ACME001");
        var fromMarkdown = Run("explain", "organization-matches-folder");

        Assert.Contains("ACME001  warning  display-label-environment       The display label starts with the environment name  (custom: .scimlint/rules/DisplayLabelEnvironmentRule.cs)\n", rules.Out, StringComparison.Ordinal);
        Assert.Contains("ACME002  error    organization-matches-folder", rules.Out, StringComparison.Ordinal);
        Assert.Contains("SL104", rules.Out, StringComparison.Ordinal);
        Assert.StartsWith("# ACME001 - The display label starts with the environment name\n", fromDocComment.Out, StringComparison.Ordinal);
        Assert.Contains("\nThe display label of the StrongDM app in JumpCloud starts with the environment it provisions", fromDocComment.Out, StringComparison.Ordinal);
        Assert.Contains("such as `prod - StrongDM`", fromDocComment.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RulesDir, "ACME002.md")), fromMarkdown.Out);
        Assert.Equal(0, fromMarkdown.ExitCode);
    }

    [Fact]
    public void Text_and_sarif_of_the_example_match_their_snapshots_and_the_sarif_schema()
    {
        var text = Run("--no-color");
        var sarif = Run("--format", "sarif");

        Snapshot.Match(text.Out, "txt", "text");
        Snapshot.Match(sarif.Out, "sarif", "sarif");
        Assert.Empty(SarifSchema.Value.Validate(sarif.Out).Select(e => $"{e.Path}: {e.Kind}"));
        using var log = JsonDocument.Parse(sarif.Out);
        var rules = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var custom = rules.Where(r => r.GetProperty("id").GetString()!.StartsWith("ACME", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ACME001", "ACME002"], custom.Select(r => r.GetProperty("id").GetString()));
        Assert.All(custom, r => Assert.False(r.TryGetProperty("helpUri", out _)));
        Assert.All(custom, r => Assert.Contains("custom-rule", r.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString())));
    }

    [Fact]
    public void Custom_rules_obey_severities_suppressions_and_baselines()
    {
        File.WriteAllText(Path.Combine(RepoDir, ".scimlint.yaml"), "rules:\n  ACME001: off\n  organization-matches-folder: note\n");
        var configured = Run("--quiet");
        var strongdm = Path.Combine(RepoDir, "acme-prod", "strongdm.yaml");
        File.WriteAllText(strongdm, File.ReadAllText(strongdm).Replace("organization: acme-staging", "organization: acme-staging  # scimlint: ignore[ACME002] moving in OPS-12", StringComparison.Ordinal));
        var suppressed = Run();
        File.WriteAllText(Path.Combine(RepoDir, ".scimlint.yaml"), "rules: {}\n");
        var written = Run("--write-baseline", "baseline.json");
        var baselined = Run("--baseline", "baseline.json");

        Assert.Equal("acme-prod/strongdm.yaml:2:15: note ACME002: organization 'acme-staging' does not match the folder 'acme-prod' these settings are kept in [organization-matches-folder]\n", configured.Out);
        Assert.Equal(0, configured.ExitCode);
        Assert.Contains("No problems found in 2 files (1 suppressed).", suppressed.Out, StringComparison.Ordinal);
        Assert.Contains("wrote 1 finding to the baseline", written.Error, StringComparison.Ordinal);
        Assert.Equal(0, baselined.ExitCode);
        Assert.Contains("1 in the baseline", baselined.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_config_names_the_rules_folder_relative_to_itself()
    {
        Directory.Move(RulesDir, Path.Combine(RepoDir, "lint-rules"));
        Directory.CreateDirectory(Path.Combine(RepoDir, "config"));
        File.WriteAllText(Path.Combine(RepoDir, "config", "scimlint.yaml"), "customRules: ../lint-rules\n");

        var named = Run("--config", "config/scimlint.yaml", "--quiet", "acme-prod");
        var unnamed = Run("--quiet", "acme-prod");
        File.WriteAllText(Path.Combine(RepoDir, "config", "scimlint.yaml"), "rules: {}\ncustomRules: no-such-folder\n");
        var missing = Run("--config", "config/scimlint.yaml");

        Assert.Contains("ACME002", named.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ACME", unnamed.Out, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("scimlint: config/scimlint.yaml:2:14: customRules: folder 'no-such-folder' not found (relative to config/scimlint.yaml)\n", missing.Error);
    }

    [Fact]
    public void Rules_are_never_loaded_from_a_walked_subdirectory_of_the_inputs()
    {
        // The repository's own folder holds none; an input folder's .scimlint/rules (a pull request could add one) is not read.
        Directory.Move(Path.Combine(RepoDir, ".scimlint"), Path.Combine(RepoDir, "acme-prod", ".scimlint"));
        File.Delete(Path.Combine(RepoDir, ".scimlint.yaml"));

        var run = Run("--verbose", "acme-prod");
        var rules = Run("rules");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("ACME", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("custom rules", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ACME", rules.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_file_named_on_the_command_line_is_not_linted_as_an_input()
    {
        // pre-commit passes the staged .cs files, rule files included.
        var run = Run("--quiet", ".scimlint/rules/OrganizationFolderRule.cs", "acme-prod/strongdm.yaml");

        Assert.Equal("acme-prod/strongdm.yaml:2:15: error ACME002: organization 'acme-staging' does not match the folder 'acme-prod' these settings are kept in [organization-matches-folder]\n", run.Out);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Without_a_cache_directory_the_rules_are_compiled_on_every_run()
    {
        var run = CliRunner.Run(RepoDir, "--verbose", "--quiet");

        Assert.Contains("custom rules: compiled 2 files", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cached as", run.Error, StringComparison.Ordinal);
        Assert.Contains("ACME002", run.Out, StringComparison.Ordinal);
    }

    private CliRun Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment(new FileSystem(), stdout, stderr, RepoDir, OutputIsTerminal: false, GetVariable: name => name == "XDG_CACHE_HOME" ? CacheHome : null)
        {
            ToolVersion = CliRunner.TestVersion,
            Commit = null,
            ReadRepository = false,
        };
        var code = ScimLintCli.Run(args, env);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(source))
        {
            Copy(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
