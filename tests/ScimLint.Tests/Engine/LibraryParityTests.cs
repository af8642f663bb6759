using System.IO.Abstractions.TestingHelpers;
using ScimLint.Engine;
using ScimLint.Reporting;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Engine;

/// <summary>
/// A library user gets what the command line gets: configuration discovery, the baseline and the finding pipeline all
/// live in Core, so <see cref="LintEngine"/> used directly reports exactly the CLI's findings.
/// </summary>
public sealed class LibraryParityTests
{
    private static MockFileSystem Repository()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/team/jumpcloud.yaml", new(SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: http://app.strongdm.com/provisioning/generic/v2/")));
        fs.AddFile("/repo/team/strongdm.yaml", new(SampleDocs.StrongDmUs));

        // Found by walking up from the working directory: SL103 becomes a warning.
        fs.AddFile("/repo/.scimlint.yaml", new("rules:\n  SL103: warning\n"));
        return fs;
    }

    [Fact]
    public void LintEngine_with_a_config_file_and_a_baseline_reports_what_the_cli_reports()
    {
        var fs = Repository();
        CliRunner.Run(fs, "/repo/team", "--write-baseline", "baseline.json");
        fs.File.WriteAllText("/repo/team/jumpcloud.yaml", fs.File.ReadAllText("/repo/team/jumpcloud.yaml").Replace("scimVersion: \"2.0\"", "scimVersion: \"1.1\"", StringComparison.Ordinal));

        var cli = CliRunner.Run(fs, "/repo/team", "--baseline", "baseline.json", "--format", "json");
        var library = new LintEngine(fs, "/repo/team").Run(new LintOptions(["."]) { BaselinePath = "baseline.json" });

        Assert.Equal(1, cli.ExitCode);
        Assert.NotEmpty(library.Baselined);
        Assert.NotEmpty(library.Findings);
        Assert.Contains(library.Baselined, f => f.Rule.Id == "SL103" && f.Severity == ScimLint.Rules.Severity.Warning);
        Assert.Equal(cli.Out, Render(library));
    }

    [Fact]
    public void A_request_built_from_the_engine_s_own_config_and_baseline_matches_the_cli_too()
    {
        var fs = Repository();
        CliRunner.Run(fs, "/repo/team", "--write-baseline", "baseline.json");
        var engine = new LintEngine(fs, "/repo/team");

        var request = new LintRequest(["."], engine.LoadConfig(null)) { Baseline = engine.ReadBaseline("baseline.json") };
        var library = engine.Run(request);
        var cli = CliRunner.Run(fs, "/repo/team", "--baseline", "baseline.json", "--format", "json");

        Assert.Empty(library.Findings);
        Assert.NotEmpty(library.Baselined);
        Assert.Equal(cli.Out, Render(library));
    }

    private static string Render(LintResult result)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new JsonReporter().Write(result, writer, new ReportOptions { ToolVersion = CliRunner.TestVersion });
        return writer.ToString();
    }
}
