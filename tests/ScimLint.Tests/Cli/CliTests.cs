using System.IO.Abstractions.TestingHelpers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScimLint.Cli;
using ScimLint.Engine;
using ScimLint.Rules;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Cli;

/// <summary>The command line, run in process: exit codes, options, outputs, subcommands and configuration.</summary>
public sealed partial class CliTests
{
    private const string Ansi = "\u001b[";

    [Fact]
    public void Clean_example_exits_0_with_a_summary()
    {
        var run = CliRunner.Run(Repo.Root, "examples/us-correct");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No problems found in 2 files.\n", run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Bad_example_exits_1()
    {
        var run = CliRunner.Run(Repo.Root, "examples/eu-left-on-us-hosts");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("examples/eu-left-on-us-hosts/jumpcloud.yaml:11:11: error SL104: ", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Text_output_has_a_compiler_style_line_a_code_frame_a_fix_and_a_summary()
    {
        var fs = Files(new() { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.strongdm.com/login"), ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        var run = CliRunner.Run(fs, "/repo");

        var lines = run.Out.Split('\n');
        Assert.Equal("jumpcloud.yaml:5:11: error SL104: Bookmark URL (application.ssoUrl) path is '/login', not '/app/login' [bookmark-url]", lines[0]);
        Assert.Equal("  5 |   ssoUrl: https://app.strongdm.com/login", lines[1]);
        Assert.Equal("    |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^", lines[2]);
        Assert.Equal("    = fix: replace with https://app.strongdm.com/app/login", lines[3]);
        Assert.Equal("1 problem (1 error, 0 warnings, 0 notes) in 2 files.", lines[^3]);
        Assert.Equal("1 finding can be fixed with `scimlint --fix`.", lines[^2]);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Matches(FindingLine(), lines[0]);
    }

    [Fact]
    public void Unknown_option_exits_2_with_a_usage_error()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("scimlint: unknown option '--bogus'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Existing_file_whose_name_starts_with_a_dash_is_a_path_not_an_option()
    {
        var files = Clean();
        files["-odd.yaml"] = SampleDocs.StrongDmUs;

        var run = CliRunner.Run(Files(files), "/repo", "--", "-odd.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Missing_path_exits_2()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "nope.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal("scimlint: nope.yaml: no such file or directory\n", run.Error);
    }

    [Fact]
    public void Bad_format_exits_2()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("'xml'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'scimlint --help' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_config_file_exits_2()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "--config", "missing.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: missing.yaml: configuration file not found\n", run.Error);
    }

    [Fact]
    public void Unparsable_config_file_exits_2_with_its_position()
    {
        var files = Clean();
        files[".scimlint.yaml"] = "rules:\n  SL201: [off\n";

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal("scimlint: .scimlint.yaml:2:10: YAML syntax error: this '[' is never closed\n", run.Error);
    }

    [Fact]
    public void Unreadable_input_file_exits_2()
    {
        var fs = Files(Clean());
        fs.GetFile("/repo/jumpcloud.yaml").AllowedFileShare = FileShare.None;

        var run = CliRunner.Run(fs, "/repo", "jumpcloud.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("scimlint: jumpcloud.yaml: cannot read file: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_config_file_exits_2()
    {
        var files = Clean();
        files[".scimlint.yaml"] = "rules: {}\n";
        var fs = Files(files);
        fs.GetFile("/repo/.scimlint.yaml").AllowedFileShare = FileShare.None;

        var run = CliRunner.Run(fs, "/repo");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("scimlint: .scimlint.yaml: cannot read configuration: ", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules:\n  SL999: off\n", "scimlint: .scimlint.yaml:2:3: unknown rule 'SL999'; run 'scimlint rules' for the list\n")]
    [InlineData("rules:\n  SL201: loud\n", "scimlint: .scimlint.yaml:2:10: severity of SL201 must be error, warning, note or off\n")]
    [InlineData("rulez:\n  SL201: off\n", "scimlint: .scimlint.yaml:1:1: unknown key 'rulez'; did you mean 'rules'?; known: rules, include, exclude, failLevel, baseline, ignore, policy, customRules\n")]
    [InlineData("policy:\n  tokenMaxAgeDays: -3\n", "scimlint: .scimlint.yaml:2:20: tokenMaxAgeDays must be a whole number of days, 1 or more\n")]
    [InlineData("- SL201\n", "scimlint: .scimlint.yaml:1:1: the configuration must be a mapping with rules, include, exclude, failLevel, baseline, ignore, policy, customRules\n")]
    public void Config_error_exits_2_with_file_line_and_column(string config, string error)
    {
        var files = Clean();
        files[".scimlint.yaml"] = config;

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error, run.Error);
    }

    [Fact]
    public void Config_severity_override_changes_the_level_and_the_exit_code()
    {
        var files = GroupManagementOff();
        files[".scimlint.yaml"] = "rules:\n  SL201: warning\n";

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("jumpcloud.yaml:15:27: warning SL201: ", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("none")]
    [InlineData("false")]
    public void Config_off_turns_a_rule_off(string value)
    {
        var files = GroupManagementOff();
        files[".scimlint.yaml"] = $"rules:\n  sl201: {value}\n";

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No problems found in 2 files.\n", run.Out);
    }

    [Theory]
    [InlineData("group-management-disabled")]
    [InlineData("Group-Management-Disabled")]
    [InlineData("Sl201")]
    public void Config_names_a_rule_by_id_in_any_case_or_by_name(string rule)
    {
        var files = GroupManagementOff();
        files[".scimlint.yaml"] = $"rules:\n  {rule}: note\n";

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("jumpcloud.yaml:15:27: note SL201: ", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing configured yet\n")]
    [InlineData("rules:\n  # SL201: off\npolicy:\n")]
    public void Empty_config_sections_are_accepted(string config)
    {
        var files = GroupManagementOff();
        files[".scimlint.yaml"] = config;

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("jumpcloud.yaml:15:27: error SL201: ", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Config_is_found_at_the_repository_root_from_a_subdirectory()
    {
        var files = new Dictionary<string, string>
        {
            [".scimlint.yaml"] = "rules:\n  SL201: off\n",
            ["configs/jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("groupManagementEnabled", "  groupManagementEnabled: false"),
            ["configs/strongdm.yaml"] = SampleDocs.StrongDmUs,
        };

        var run = CliRunner.Run(Files(files), "/repo/configs");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Explicit_config_option_is_used()
    {
        var files = GroupManagementOff();
        files["ci/lint.yaml"] = "rules:\n  SL201: note\n";

        var run = CliRunner.Run(Files(files), "/repo", "--config", "ci/lint.yaml", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("jumpcloud.yaml:15:27: note SL201: ", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void Fail_level_decides_the_exit_code_for_a_warning(string level, int exitCode)
    {
        var run = CliRunner.Run(Files(new() { ["strongdm.yaml"] = SampleDocs.StrongDmUs }), "/repo", "--fail-level", level);

        Assert.Contains("warning SL003", run.Out, StringComparison.Ordinal);
        Assert.Equal(exitCode, run.ExitCode);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 0)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void Fail_level_decides_the_exit_code_for_a_note(string level, int exitCode)
    {
        var files = Clean();
        files["notes.yaml"] = "title: not a config\n";

        var run = CliRunner.Run(Files(files), "/repo", "--fail-level", level, "jumpcloud.yaml", "strongdm.yaml", "notes.yaml");

        Assert.Contains("note SL004", run.Out, StringComparison.Ordinal);
        Assert.Equal(exitCode, run.ExitCode);
    }

    [Fact]
    public void Fail_level_none_exits_0_even_with_errors()
    {
        var run = CliRunner.Run(Files(GroupManagementOff()), "/repo", "--fail-level", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("error SL201", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_option_writes_the_report_to_a_file_and_nothing_to_stdout()
    {
        var fs = Files(GroupManagementOff());

        var run = CliRunner.Run(fs, "/repo", "--output", "report.txt");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("jumpcloud.yaml:15:27: error SL201: ", fs.File.ReadAllText("/repo/report.txt"), StringComparison.Ordinal);
        Assert.DoesNotContain(Ansi, fs.File.ReadAllText("/repo/report.txt"), StringComparison.Ordinal);
        AssertNoTemporaryFiles(fs);
    }

    [Fact]
    public void Output_file_is_replaced_whole()
    {
        var fs = Files(Clean());
        fs.AddFile("/repo/report.txt", new MockFileData(new string('x', 10_000)));

        var run = CliRunner.Run(fs, "/repo", "-o", "report.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No problems found in 2 files.\n", fs.File.ReadAllText("/repo/report.txt"));
        AssertNoTemporaryFiles(fs);
    }

    [Fact]
    public void Existing_output_file_is_untouched_when_the_run_fails_with_exit_2()
    {
        var fs = Files(Clean());
        fs.AddFile("/repo/report.sarif", new MockFileData("previous report"));

        var run = CliRunner.Run(fs, "/repo", "--format", "sarif", "--output", "report.sarif", "--sarif", "also.sarif", "missing-dir");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous report", fs.File.ReadAllText("/repo/report.sarif"));
        Assert.False(fs.File.Exists("/repo/also.sarif"));
        AssertNoTemporaryFiles(fs);
    }

    [Fact]
    public void Output_into_a_missing_directory_exits_2_and_writes_no_other_file()
    {
        var fs = Files(Clean());

        var run = CliRunner.Run(fs, "/repo", "--sarif", "out.sarif", "--output", "no/such/dir/report.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no/such/dir/report.txt", run.Error, StringComparison.Ordinal);
        Assert.False(fs.File.Exists("/repo/out.sarif"));
        AssertNoTemporaryFiles(fs);
    }

    [Fact]
    public void Sarif_option_writes_sarif_while_stdout_has_text()
    {
        var fs = Files(GroupManagementOff());

        var run = CliRunner.Run(fs, "/repo", "--sarif", "results.sarif");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("jumpcloud.yaml:15:27: error SL201: ", run.Out, StringComparison.Ordinal);
        using var sarif = JsonDocument.Parse(fs.File.ReadAllText("/repo/results.sarif"));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("SL201", result.GetProperty("ruleId").GetString());
        Assert.Equal(CliRunner.TestVersion, sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("semanticVersion").GetString());
        AssertNoTemporaryFiles(fs);
    }

    [Fact]
    public void Quiet_prints_only_the_finding_lines()
    {
        var run = CliRunner.Run(Files(GroupManagementOff()), "/repo", "--quiet");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(FindingLine(), line);
    }

    [Fact]
    public void Quiet_clean_run_prints_nothing()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "-q");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Text_is_coloured_on_a_terminal()
    {
        var run = Run(Files(GroupManagementOff()), terminal: true, noColorVariable: null);

        Assert.Contains(Ansi + "31m" + "error SL201", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_not_coloured_when_redirected()
    {
        var run = Run(Files(GroupManagementOff()), terminal: false, noColorVariable: null);

        Assert.DoesNotContain(Ansi, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void No_color_option_turns_colour_off_on_a_terminal()
    {
        var run = Run(Files(GroupManagementOff()), terminal: true, noColorVariable: null, "--no-color");

        Assert.DoesNotContain(Ansi, run.Out, StringComparison.Ordinal);
        Assert.Contains("error SL201", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void No_color_environment_variable_is_honoured()
    {
        var run = Run(Files(GroupManagementOff()), terminal: true, noColorVariable: "1");

        Assert.DoesNotContain(Ansi, run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sarif")]
    [InlineData("json")]
    [InlineData("github")]
    public void Machine_formats_are_never_coloured(string format)
    {
        var run = Run(Files(GroupManagementOff()), terminal: true, noColorVariable: null, "--format", format);

        Assert.DoesNotContain(Ansi, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRunner.TestVersion + "\n", run.Out);
    }

    [Fact]
    public void Real_version_is_a_semantic_version()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", ScimLint.Reporting.ToolInfo.Version);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_lists_the_options_and_commands(string flag)
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", flag);

        Assert.Equal(0, run.ExitCode);
        foreach (var expected in new[] { "Usage:", "--format", "--output", "--sarif", "--fail-level", "--config", "--no-color", "--quiet", "check", "rules", "explain", "Exit codes" })
        {
            Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rules_lists_every_rule()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "rules");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RuleCatalog.Default.Rules.Count, lines.Length);
        foreach (var (rule, line) in RuleCatalog.Default.Rules.Zip(lines))
        {
            Assert.StartsWith(rule.Descriptor.Id + "  " + rule.Descriptor.DefaultSeverity.Name(), line, StringComparison.Ordinal);
            Assert.Contains(rule.Descriptor.Name, line, StringComparison.Ordinal);
            Assert.EndsWith(rule.Descriptor.Title, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rules_as_markdown_is_the_readme_table()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "rules", "--format", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(RulesCommand.Markdown(RuleCatalog.Default), run.Out);
        Assert.StartsWith("| ID | Name | Default | Title |\n", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SL104")]
    [InlineData("sl104")]
    [InlineData("bookmark-url")]
    public void Explain_prints_the_rule_page(string rule)
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "explain", rule);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(RuleDocs.Get("SL104"), run.Out);
        Assert.StartsWith("# SL104 - Bookmark URL is not the StrongDM login URL\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_exits_2()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "explain", "SL999");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal("scimlint: unknown rule 'SL999'; run 'scimlint rules' for the list\n", run.Error);
    }

    [Fact]
    public void Every_rule_can_be_explained()
    {
        foreach (var rule in RuleCatalog.Default.Rules)
        {
            var run = CliRunner.Run(Files(Clean()), "/repo", "explain", rule.Descriptor.Id);

            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith($"# {rule.Descriptor.Id} - ", run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("--format", "json")]
    [InlineData("--format", "sarif")]
    [InlineData("--format", "github")]
    [InlineData("--fail-level", "none", ".")]
    [InlineData("-q", "jumpcloud.yaml", "strongdm.yaml")]
    public void Check_subcommand_equals_the_default_command(params string[] args)
    {
        var plain = CliRunner.Run(Files(GroupManagementOff()), "/repo", args);
        var check = CliRunner.Run(Files(GroupManagementOff()), "/repo", ["check", .. args]);

        Assert.Equal(plain, check);
        Assert.NotEmpty(plain.Out);
    }

    [Fact]
    public void Check_subcommand_reports_usage_errors_like_the_default_command()
    {
        var plain = CliRunner.Run(Files(Clean()), "/repo", "nope");
        var check = CliRunner.Run(Files(Clean()), "/repo", "check", "nope");

        Assert.Equal(2, check.ExitCode);
        Assert.Equal(plain, check);
    }

    [Fact]
    public void Usage_errors_never_print_a_stack_trace()
    {
        foreach (var args in new[] { new[] { "--bogus" }, ["nope"], ["--format"], ["explain"], ["rules", "extra"], ["--config", "nope.yaml"], ["--output", "/no/such/dir/x.txt"] })
        {
            var run = CliRunner.Run(Files(Clean()), "/repo", args);

            Assert.Equal(2, run.ExitCode);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
            Assert.StartsWith("scimlint: ", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cli_runtime_configuration_keeps_readable_framework_messages()
    {
        // With System.Resources.UseSystemResourceKeys the framework's messages become resource keys, so a JSON syntax
        // error read "JSON syntax error: ExpectedStartOfValueNotFound, ," in the shipped tool (tests run under
        // testhost, which does not set it).
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scimlint.runtimeconfig.json"));

        Assert.DoesNotContain("UseSystemResourceKeys\": true", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_runtime_configuration_asks_the_GC_to_conserve_memory()
    {
        // Issue 12: a large run's peak memory; the option is in the shipped tool's runtimeconfig, not in testhost's.
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scimlint.runtimeconfig.json"));

        Assert.Contains("\"System.GC.ConserveMemory\": 7", config, StringComparison.Ordinal);
    }

    private static CliRun Run(MockFileSystem fs, bool terminal, string? noColorVariable, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment(fs, stdout, stderr, "/repo", terminal, name => name == "NO_COLOR" ? noColorVariable : null) { ToolVersion = CliRunner.TestVersion };
        var code = ScimLintCli.Run(args, env);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static Dictionary<string, string> Clean() => new() { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmUs };

    private static Dictionary<string, string> GroupManagementOff() => new()
    {
        ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("groupManagementEnabled", "  groupManagementEnabled: false"),
        ["strongdm.yaml"] = SampleDocs.StrongDmUs,
    };

    private static MockFileSystem Files(Dictionary<string, string> files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, content) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(content));
        }

        return fs;
    }

    private static void AssertNoTemporaryFiles(MockFileSystem fs) =>
        Assert.DoesNotContain(fs.AllFiles, f => f.EndsWith(".tmp", StringComparison.Ordinal));

    [GeneratedRegex(@"^[^:\s]+:\d+:\d+: (error|warning|note) SL\d{3}: .+ \[[a-z]+(-[a-z]+)*\]$")]
    private static partial Regex FindingLine();
}
