using System.Diagnostics;
using System.IO.Abstractions.TestingHelpers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ScimLint.Cli;
using ScimLint.Reporting;
using ScimLint.Rules;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Cli;

/// <summary>Issue 11, part 1: junit, formats in any case, "did you mean", help/version/completion/schema/init, config.</summary>
public sealed class DailyUseTests
{
    // ---- junit ----

    [Fact]
    public void Junit_output_is_valid_against_the_junit_schema_with_one_suite_per_file_and_one_case_per_rule()
    {
        var run = CliRunner.Run(Repo.Root, "examples/eu-left-on-us-hosts", "--format", "junit");

        Assert.Equal(1, run.ExitCode);
        var document = ValidateJunit(run.Out);
        var suites = document.Root!.Elements("testsuite").ToList();
        var enabled = RuleCatalog.Default.Rules.Count;
        Assert.Equal(["examples/eu-left-on-us-hosts/jumpcloud.yaml", "examples/eu-left-on-us-hosts/strongdm.yaml"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.All(suites, s => Assert.Equal(enabled, s.Elements("testcase").Count()));
        Assert.All(suites, s => Assert.Equal(enabled, (int)s.Attribute("tests")!));
        var failed = document.Descendants("testcase").Where(c => c.Element("failure") is not null).ToList();
        Assert.Equal(failed.Count, (int)document.Root.Attribute("failures")!);
        Assert.Equal(suites.Sum(s => (int)s.Attribute("tests")!), (int)document.Root.Attribute("tests")!);
        var sl104 = failed.Single(c => (string)c.Attribute("name")! == "SL104 bookmark-url");
        Assert.Equal("examples/eu-left-on-us-hosts/jumpcloud.yaml", (string)sl104.Attribute("classname")!);
        Assert.Equal("error", (string)sl104.Element("failure")!.Attribute("type")!);
        Assert.Contains("examples/eu-left-on-us-hosts/jumpcloud.yaml:11:11: error SL104: ", sl104.Element("failure")!.Value, StringComparison.Ordinal);

        // The same findings as the JSON report, no more and no fewer.
        var json = JsonDocument.Parse(CliRunner.Run(Repo.Root, "examples/eu-left-on-us-hosts", "--format", "json").Out);
        var pairs = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("ruleId").GetString()!)).Distinct().Order().ToList();
        Assert.Equal(pairs, failed.Select(c => ((string)c.Attribute("classname")!, ((string)c.Attribute("name")!).Split(' ')[0])).Order().ToList());
    }

    [Fact]
    public void Junit_output_of_a_clean_run_has_only_passing_cases_and_is_deterministic()
    {
        var first = CliRunner.Run(Repo.Root, "examples/us-correct", "--format", "junit");
        var second = CliRunner.Run(Repo.Root, "examples/us-correct", "--format", "junit");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        var document = ValidateJunit(first.Out);
        Assert.Empty(document.Descendants("failure"));
        Assert.DoesNotContain("timestamp", first.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Junit_schema_check_is_able_to_fail()
    {
        // A judge that cannot fail proves nothing: a testsuite without its required 'tests' count is rejected.
        Assert.Throws<XmlSchemaValidationException>(() => ValidateJunit("<testsuites><testsuite name=\"x\"><testcase name=\"y\"/></testsuite></testsuites>"));
        Assert.Throws<XmlSchemaValidationException>(() => ValidateJunit("<testsuites><testsuite name=\"x\" tests=\"-1\"/></testsuites>"));
    }

    [Fact]
    public void Junit_escapes_control_characters_and_markup_from_messages()
    {
        var fs = Files(new() { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: \"https://app.strongdm.com/<b>&\\u0001\""), ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        var run = CliRunner.Run(fs, "/repo", "--format", "junit");

        Assert.Equal(1, run.ExitCode);
        ValidateJunit(run.Out);
    }

    // ---- --format in any case, "did you mean" ----

    [Theory]
    [InlineData("JSON")]
    [InlineData("Json")]
    [InlineData("json")]
    public void Format_accepts_any_letter_case(string format)
    {
        var run = CliRunner.Run(Repo.Root, "examples/us-correct", "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRunner.Run(Repo.Root, "examples/us-correct", "--format", "json").Out, run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Fail_level_accepts_any_letter_case()
    {
        var note = CliRunner.Run(Repo.Root, "examples/eu-left-on-us-hosts", "--fail-level", "NOTE");
        var none = CliRunner.Run(Repo.Root, "examples/eu-left-on-us-hosts", "--fail-level", "None");

        Assert.Equal(1, note.ExitCode);
        Assert.Equal(0, none.ExitCode);
        Assert.Empty(note.Error + none.Error);
    }

    [Theory]
    [InlineData(new[] { "--formt", "json" }, "scimlint: unknown option '--formt'; did you mean '--format'?")]
    [InlineData(new[] { "--fial-level", "note" }, "did you mean '--fail-level'?")]
    [InlineData(new[] { "--format", "jsn" }, "scimlint: unknown --format value 'jsn'; did you mean 'json'?")]
    [InlineData(new[] { "--format", "xml" }, "scimlint: unknown --format value 'xml' (one of: text, sarif, json, github, junit)")]
    [InlineData(new[] { "chek" }, "scimlint: unknown command 'chek'; did you mean 'check'?")]
    [InlineData(new[] { "hlep" }, "did you mean 'help'?")]
    [InlineData(new[] { "rules", "--formt", "markdown" }, "did you mean '--format'?")]
    [InlineData(new[] { "help", "rulez" }, "scimlint: unknown command 'rulez'; did you mean 'rules'?")]
    [InlineData(new[] { "schema", "stongdm" }, "did you mean 'strongdm'?")]
    [InlineData(new[] { "completion", "zhs" }, "did you mean 'zsh'?")]
    public void Typos_get_a_did_you_mean_and_exit_2(string[] args, string expected)
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.StartsWith("scimlint: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_far_from_any_command_is_still_a_missing_path()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "provisioning");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: provisioning: no such file or directory\n", run.Error);
    }

    [Fact]
    public void An_existing_directory_named_like_a_command_typo_is_linted()
    {
        var files = new Dictionary<string, string> { ["chek/jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["chek/strongdm.yaml"] = SampleDocs.StrongDmUs };

        var run = CliRunner.Run(Files(files), "/repo", "chek");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
    }

    // ---- help, version, completion ----

    [Theory]
    [InlineData("rules")]
    [InlineData("explain")]
    [InlineData("schema")]
    [InlineData("init")]
    [InlineData("completion")]
    [InlineData("version")]
    [InlineData("help")]
    public void Subcommand_help_shows_only_its_own_arguments(string command)
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("<PATH>", run.Out, StringComparison.Ordinal);
        Assert.Contains($"  scimlint {command}", run.Out, StringComparison.Ordinal);
        Assert.Equal(run.Out, CliRunner.Run(Files(Clean()), "/repo", "help", command).Out);
    }

    [Fact]
    public void Check_help_keeps_its_own_path_argument_once()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "check", "--help");

        Assert.Contains("  scimlint check [<PATH>...] [options]", run.Out, StringComparison.Ordinal);
        Assert.Single(run.Out.Split('\n'), l => l.TrimStart().StartsWith("<PATH>", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_subcommand_without_a_topic_prints_the_root_help()
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRunner.Run(Files(Clean()), "/repo", "--help").Out, run.Out);
        foreach (var command in new[] { "check", "rules", "explain", "schema", "init", "completion", "version", "help" })
        {
            Assert.Contains("  " + command, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_subcommand_and_option_print_the_version_and_the_commit()
    {
        var stdout = new StringWriter();
        var env = new CliEnvironment(new MockFileSystem(), stdout, new StringWriter(), "/", false, _ => null) { ToolVersion = "1.2.3", Commit = "0123456789abcdef0123456789abcdef01234567" };

        Assert.Equal(0, ScimLintCli.Run(["version"], env));
        Assert.Equal(0, ScimLintCli.Run(["--version"], env));

        Assert.Equal("1.2.3 (commit 0123456789abcdef0123456789abcdef01234567)\n1.2.3 (commit 0123456789abcdef0123456789abcdef01234567)\n", stdout.ToString());
        Assert.Equal("0.0.0-test\n", CliRunner.Run(Files(Clean()), "/repo", "version").Out);
    }

    [Fact]
    public void Build_records_the_commit_it_was_built_from()
    {
        // A clone (CI's fresh one included) has .git, so SourceLink's git reader puts HEAD into InformationalVersion.
        var head = Git("rev-parse", "HEAD");
        if (head is null)
        {
            Assert.Null(ToolInfo.Commit);
            return;
        }

        Assert.Equal(head, ToolInfo.Commit);
        Assert.DoesNotContain('+', ToolInfo.Version);
    }

    [Theory]
    [InlineData("bash", "complete -o filenames -F _scimlint_complete scimlint")]
    [InlineData("zsh", "compdef _scimlint scimlint")]
    [InlineData("fish", "complete -c scimlint")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName scimlint")]
    [InlineData("BASH", "_scimlint_complete")]
    public void Completion_prints_a_script_that_asks_the_suggest_directive(string shell, string expected)
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Contains("[suggest:", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scimlint --fo", "--format")]
    [InlineData("scimlint --format ", "junit")]
    [InlineData("scimlint sch", "schema")]
    [InlineData("scimlint completion ", "pwsh")]
    [InlineData("scimlint schema ", "strongdm")]
    [InlineData("scimlint init --region ", "EU")]
    public void Suggest_directive_completes_commands_options_and_values(string line, string expected)
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", $"[suggest:{line.Length}]", line);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.Out.Split('\n'));
    }

    // ---- schema ----

    [Theory]
    [InlineData("jumpcloud", "jumpcloud-export.schema.json")]
    [InlineData("strongdm", "strongdm-provisioning.schema.json")]
    [InlineData("config", "scimlint-config.schema.json")]
    [InlineData("Config", "scimlint-config.schema.json")]
    public void Schema_prints_the_shipped_schema_byte_for_byte(string name, string file)
    {
        var run = CliRunner.Run(Files(Clean()), "/repo", "schema", name);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Repo.Path_("schemas", file)).ReplaceLineEndings("\n"), run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_schema_id_is_a_url_the_readme_documents_and_the_schemas_are_packed()
    {
        var readme = File.ReadAllText(Repo.Path_("README.md"));
        var project = File.ReadAllText(Repo.Path_("src", "ScimLint.Cli", "ScimLint.Cli.csproj"));
        var files = Directory.GetFiles(Repo.Path_("schemas"), "*.schema.json");
        Assert.Equal(3, files.Length);
        foreach (var file in files)
        {
            var id = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("$id").GetString()!;
            Assert.Equal("https://raw.githubusercontent.com/scimlint/scimlint/main/schemas/" + Path.GetFileName(file), id);
            Assert.Contains(id, readme, StringComparison.Ordinal);
        }

        Assert.Contains(@"<None Include=""..\..\schemas\*.schema.json"" Pack=""true"" PackagePath=""schemas\"" />", project, StringComparison.Ordinal);
    }

    // ---- init ----

    [Theory]
    [InlineData("US", "app.strongdm.com")]
    [InlineData("uk", "app.uk.strongdm.com")]
    [InlineData("EU", "app.eu.strongdm.com")]
    public void Init_writes_a_commented_config_and_skeleton_documents_that_lint_clean(string region, string host)
    {
        var fs = Files([]);

        var init = CliRunner.Run(fs, "/repo", "init", "--region", region);

        Assert.Equal(0, init.ExitCode);
        Assert.Contains(".scimlint.yaml, jumpcloud.yaml and strongdm.yaml", init.Error, StringComparison.Ordinal);
        var config = fs.File.ReadAllText("/repo/.scimlint.yaml");
        Assert.Contains("# ", config, StringComparison.Ordinal);
        Assert.Contains("token: ${env:SDM_SCIM_TOKEN}", fs.File.ReadAllText("/repo/jumpcloud.yaml"), StringComparison.Ordinal);
        Assert.Contains($"https://{host}/provisioning/generic/v2", fs.File.ReadAllText("/repo/jumpcloud.yaml"), StringComparison.Ordinal);
        Assert.Contains($"host: {host}", fs.File.ReadAllText("/repo/strongdm.yaml"), StringComparison.Ordinal);

        var lint = CliRunner.Run(fs, "/repo", ".", "--fail-level", "note");
        Assert.Equal(0, lint.ExitCode);
        Assert.Equal("No problems found in 2 files.\n", lint.Out);
        Assert.Empty(lint.Error);
    }

    [Fact]
    public void Init_never_overwrites_and_names_the_existing_file()
    {
        var fs = Files(new() { [".scimlint.yaml"] = "rules: {}\n# mine\n" });

        var run = CliRunner.Run(fs, "/repo", "init");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: init wrote nothing: .scimlint.yaml already exists (left alone; move it away to start afresh)\n", run.Error);
        Assert.Equal("rules: {}\n# mine\n", fs.File.ReadAllText("/repo/.scimlint.yaml"));
        Assert.False(fs.File.Exists("/repo/jumpcloud.yaml"));
        Assert.False(fs.File.Exists("/repo/strongdm.yaml"));
    }

    [Fact]
    public void Init_rejects_an_unknown_region()
    {
        var run = CliRunner.Run(Files([]), "/repo", "init", "--region", "APAC");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown --region value 'APAC'", run.Error, StringComparison.Ordinal);
    }

    // ---- configuration ----

    [Theory]
    [InlineData(".scimlint.yml", "rules:\n  SL201: off\n")]
    [InlineData(".scimlint.json", "{ \"rules\": { \"SL201\": \"off\" } }\n")]
    public void Config_may_be_yml_or_json(string name, string text)
    {
        var files = GroupManagementOff();
        files[name] = text;

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Config_yaml_takes_precedence_over_yml_and_json_in_the_same_directory()
    {
        var files = GroupManagementOff();
        files[".scimlint.yaml"] = "rules:\n  SL201: off\n";
        files[".scimlint.json"] = "{ \"rules\": { \"SL201\": \"error\" } }\n";

        Assert.Equal(0, CliRunner.Run(Files(files), "/repo").ExitCode);
    }

    [Fact]
    public void Config_with_several_errors_reports_all_of_them_with_positions_and_exits_2()
    {
        var files = Clean();
        files[".scimlint.yaml"] = "rules:\n  SL999: off\n  SL201: loud\n  SL205: Warning\npolicy:\n  tokenMaxAgeDays: 0\n  maxAge: 3\nrulez: {}\n";

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(
            "scimlint: .scimlint.yaml:2:3: unknown rule 'SL999'; run 'scimlint rules' for the list\n" +
            "scimlint: .scimlint.yaml:3:10: severity of SL201 must be error, warning, note or off\n" +
            "scimlint: .scimlint.yaml:6:20: tokenMaxAgeDays must be a whole number of days, 1 or more\n" +
            "scimlint: .scimlint.yaml:7:3: unknown policy 'maxAge'; known: tokenMaxAgeDays\n" +
            "scimlint: .scimlint.yaml:8:1: unknown key 'rulez'; did you mean 'rules'?; known: rules, include, exclude, failLevel, baseline, ignore, policy, customRules\n",
            run.Error);
    }

    [Fact]
    public void Config_json_errors_are_located_in_the_json_file()
    {
        var files = Clean();
        files[".scimlint.json"] = "{\n  \"rules\": { \"SL201\": 3 },\n  \"policy\": []\n}\n";

        var run = CliRunner.Run(Files(files), "/repo");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "scimlint: .scimlint.json:2:23: severity of SL201 must be error, warning, note or off\n" +
            "scimlint: .scimlint.json:3:13: 'policy' must be a mapping\n",
            run.Error);
    }

    [Fact]
    public void Config_schema_accepts_what_the_parser_accepts_and_rejects_what_it_rejects()
    {
        // The schema is what editors check with: it must agree with ScimLint on valid and invalid files.
        var good = "$schema: x\nrules:\n  SL201: Off\n  bookmark-url: warning\n  SL205: false\npolicy:\n  tokenMaxAgeDays: 30\n";
        var bad = new[] { "rules:\n  SL201: loud\n", "policy:\n  tokenMaxAgeDays: 0\n", "rulez: {}\n", "rules: []\n", "policy:\n  other: 1\n" };
        Assert.Empty(ConfigSchemaErrors(good));
        Assert.All(bad, b => Assert.NotEmpty(ConfigSchemaErrors(b)));
        Assert.Equal(Severity.Warning, ScimLint.Configuration.ScimLintConfig.Parse(".scimlint.yaml", System.Text.Encoding.UTF8.GetBytes(good), RuleCatalog.Default).Severities["SL104"]);
    }

    // ---- SL104 levels ----

    [Theory]
    [InlineData("https://app.strongdm.com/app/login/", Severity.Warning)]
    [InlineData("https://app.strongdm.com/App/Login", Severity.Warning)]
    [InlineData("https://app.strongdm.com//app/login", Severity.Warning)]
    [InlineData("https://app.strongdm.com/login", Severity.Error)]
    [InlineData("https://strongdm.example.com/app/login", Severity.Error)]
    [InlineData("http://app.strongdm.com/app/login", Severity.Error)]
    public void SL104_format_slips_are_warnings_and_a_wrong_host_or_path_stays_an_error(string url, Severity expected)
    {
        var fs = Files(new() { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: " + url), ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        var json = JsonDocument.Parse(CliRunner.Run(fs, "/repo", "--format", "json", "--fail-level", "none").Out);

        var levels = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == "SL104").Select(f => f.GetProperty("severity").GetString()).ToList();
        Assert.NotEmpty(levels);
        Assert.Equal(expected.Name(), levels.Contains("error") ? "error" : levels[0]);
    }

    [Fact]
    public void SL104_wrong_region_host_stays_an_error()
    {
        var fs = Files(new() { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.eu.strongdm.com/app/login/"), ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        var run = CliRunner.Run(fs, "/repo", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"severity\": \"error\"", run.Out, StringComparison.Ordinal);
    }

    // ---- helpers ----

    internal static XDocument ValidateJunit(string xml)
    {
        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(Repo.Path_("tests", "ScimLint.Tests", "Schemas", "junit.xsd")))
        {
            schemas.Add(null, reader);
        }

        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => throw e.Exception;
        using var validating = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(validating);
    }

    private static IReadOnlyList<ScimLint.Schema.SchemaError> ConfigSchemaErrors(string yaml)
    {
        var document = ScimLint.Loading.DocumentLoader.Load(".scimlint.yaml", System.Text.Encoding.UTF8.GetBytes(yaml));
        return ScimLint.Schema.SchemaValidator.ValidateConfig(document.Root!);
    }

    private static string? Git(params string[] args)
    {
        if (!Directory.Exists(Repo.Path_(".git")) && !File.Exists(Repo.Path_(".git")))
        {
            return null;
        }

        var start = new ProcessStartInfo("git") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : null;
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
}

/// <summary>Issue 11, part 2: several outputs per run, the fix hint, .jsonc.</summary>
public sealed class DailyUseOutputTests
{
    [Fact]
    public void Two_report_outputs_and_stdout_come_from_one_run()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.strongdm.com/login")));
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));
        fs.AddDirectory("/repo/out");

        var run = CliRunner.Run(fs, "/repo", "--report", "SARIF=out/scimlint.sarif", "--report", "junit=out/junit.xml", "--report", "json=-");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Error);
        var sarif = JsonDocument.Parse(fs.File.ReadAllText("/repo/out/scimlint.sarif"));
        Assert.Equal("SL104", sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString());
        DailyUseTests.ValidateJunit(fs.File.ReadAllText("/repo/out/junit.xml"));
        Assert.Equal(CliRunner.Run(fs, "/repo", "--format", "sarif").Out, fs.File.ReadAllText("/repo/out/scimlint.sarif"));

        // stdout: the text report first, then the JSON report of '--report json=-'.
        var text = CliRunner.Run(fs, "/repo").Out;
        Assert.StartsWith(text, run.Out, StringComparison.Ordinal);
        Assert.Equal("SL104", JsonDocument.Parse(run.Out[text.Length..]).RootElement.GetProperty("findings")[0].GetProperty("ruleId").GetString());
    }

    [Theory]
    [InlineData("sarif")]
    [InlineData("xml=out.xml")]
    [InlineData("json=")]
    public void Bad_report_value_exits_2_before_writing_anything(string value)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));

        var run = CliRunner.Run(fs, "/repo", "--report", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("--report", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_summary_says_how_many_findings_scimlint_fix_can_fix()
    {
        var run = CliRunner.Run(Repo.Root, "examples/eu-left-on-us-hosts");
        var clean = CliRunner.Run(Repo.Root, "examples/us-correct");
        var json = JsonDocument.Parse(CliRunner.Run(Repo.Root, "examples/eu-left-on-us-hosts", "--format", "json").Out);
        var fixable = json.RootElement.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("fix").ValueKind == JsonValueKind.Object);

        Assert.True(fixable > 1);
        Assert.EndsWith($"\n{fixable} findings can be fixed with `scimlint --fix`.\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--fix", clean.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("can be fixed", CliRunner.Run(Repo.Root, "examples/eu-left-on-us-hosts", "--quiet").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonc_files_are_linted_with_their_comments()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/strongdm.jsonc", new MockFileData("// StrongDM settings, with comments\n{\n  \"controlPlane\": { \"region\": \"US\", \"host\": \"app.eu.strongdm.com\" } // scimlint: ignore[SL106] moving region\n}\n"));

        var run = CliRunner.Run(fs, "/repo", "--format", "json", "--fail-level", "none");

        Assert.Equal(0, run.ExitCode);
        var summary = JsonDocument.Parse(run.Out).RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.True(summary.GetProperty("suppressed").GetInt32() >= 1);
    }
}
