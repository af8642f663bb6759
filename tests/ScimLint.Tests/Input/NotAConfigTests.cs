using System.IO.Abstractions.TestingHelpers;
using System.Text;
using ScimLint.Rules;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Input;

/// <summary>SL004: a file named on the command line that is not ours gets a note; walked files are skipped silently.</summary>
public sealed class NotAConfigTests
{
    [Fact]
    public void Named_yaml_file_of_another_shape_is_an_SL004_note_and_exits_0()
    {
        var run = CliRunner.Run(Files(new() { ["app.yaml"] = "app:\n  name: strongdm\n  ssoUrl: https://app.strongdm.com/app/login\n" }), "/repo", "app.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("app.yaml:1:1: note SL004: app.yaml is neither a JumpCloud export", run.Out, StringComparison.Ordinal);
        Assert.Contains("; it was not checked [not-a-config]\n", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("1 problem (0 errors, 0 warnings, 1 note) in 1 file.\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_json_file_of_another_shape_is_an_SL004_note_on_its_first_line()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["package.json"] = "{\n  \"name\": \"web\",\n  \"version\": \"1.0.0\"\n}\n" }, null, "package.json");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("SL004 package.json:1:1-1:2", finding.Brief());
        Assert.Equal(Severity.Note, finding.Severity);
    }

    [Fact]
    public void Same_file_found_by_walking_is_skipped_silently()
    {
        var run = CliRunner.Run(Files(new() { ["app.yaml"] = "app:\n  name: strongdm\n", ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmUs }), "/repo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No problems found in 2 files.\n", run.Out);
    }

    [Fact]
    public void Named_recognised_files_get_no_SL004()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmUs }, null, "jumpcloud.yaml", "strongdm.yaml");

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Each_named_unknown_file_gets_its_own_note()
    {
        var run = CliRunner.Run(Files(new() { ["a.yaml"] = "x: 1\n", ["b.json"] = "[]", ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmUs }), "/repo", "--quiet", "a.yaml", "b.json", "jumpcloud.yaml", "strongdm.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["a.yaml:1:1: note SL004", "b.json:1:1: note SL004"], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':', l.IndexOf("SL004", StringComparison.Ordinal))]));
    }

    [Fact]
    public void Named_file_of_another_kind_that_does_not_parse_is_a_note_not_an_error()
    {
        // pre-commit names every staged YAML file; a Helm template is not YAML until rendered.
        var helm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\n  labels: {{- include \"chart.labels\" . | nindent 4 }}\n";

        var run = CliRunner.Run(Files(new() { ["templates/configmap.yaml"] = helm }), "/repo", "--allow-empty", "templates/configmap.yaml");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("templates/configmap.yaml:1:1: note SL004: templates/configmap.yaml does not parse as YAML or JSON", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SL001", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_file_that_looks_like_ours_and_does_not_parse_is_still_SL001()
    {
        var broken = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: [https://app.strongdm.com/app/login");

        var run = CliRunner.Run(Files(new() { ["jumpcloud.yaml"] = broken, ["strongdm.yaml"] = SampleDocs.StrongDmUs }), "/repo", "jumpcloud.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("jumpcloud.yaml:5:11: error SL001: ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SL004", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_utf16_export_is_SL001_because_it_looks_like_ours_once_decoded()
    {
        // Windows PowerShell's Out-File writes UTF-16 with a byte order mark.
        var fs = Files(new() { ["strongdm.yaml"] = SampleDocs.StrongDmUs });
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(SampleDocs.JumpCloudUs)]));

        var named = CliRunner.Run(fs, "/repo", "jumpcloud.yaml");
        var walked = CliRunner.Run(fs, "/repo");

        Assert.Equal(1, named.ExitCode);
        Assert.StartsWith("jumpcloud.yaml:1:1: error SL001: file is UTF-16 encoded; save it as UTF-8", named.Out, StringComparison.Ordinal);
        Assert.Equal(1, walked.ExitCode);
        Assert.Contains("jumpcloud.yaml:1:1: error SL001: file is UTF-16 encoded", walked.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Walked_utf16_file_of_another_kind_is_skipped()
    {
        var fs = Files(new() { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmUs });
        fs.AddFile("/repo/tools/settings.json", new MockFileData([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"editor\": \"vim\"}")]));

        var run = CliRunner.Run(fs, "/repo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No problems found in 2 files.\n", run.Out);
    }

    [Fact]
    public void Named_jumpcloud_export_without_a_strongdm_app_is_a_note()
    {
        var slack = SampleDocs.JumpCloudUs.Replace("name: strongdm", "name: slack", StringComparison.Ordinal).Replace("displayName: StrongDM", "displayName: Slack", StringComparison.Ordinal);

        var named = Lint.Files(new Dictionary<string, string> { ["slack.yaml"] = slack }, null, "slack.yaml");
        var walked = Lint.Files(new Dictionary<string, string> { ["slack.yaml"] = slack });

        var finding = Assert.Single(named.Findings);
        Assert.Equal("SL004 slack.yaml:1:1-1:13", finding.Brief());
        Assert.Contains("is a JumpCloud export, but none of its applications is StrongDM", finding.Message, StringComparison.Ordinal);
        Assert.Empty(walked.Findings);
    }

    [Fact]
    public void Named_application_list_with_a_strongdm_app_gets_no_SL004()
    {
        var list = """
            {
              "totalCount": 2,
              "results": [
                {"name": "slack", "ssoUrl": "https://slack.com"},
                {"name": "strongdm", "displayName": "StrongDM", "ssoUrl": "https://app.strongdm.com/app/login"}
              ]
            }
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["apps.json"] = list, ["strongdm.yaml"] = SampleDocs.StrongDmUs }, null, "apps.json");

        Assert.Empty(result.Of("SL004"));
    }

    [Fact]
    public void Named_empty_and_comment_only_files_get_a_note_at_line_1()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["empty.yaml"] = string.Empty, ["comments.yaml"] = "# nothing here\n" }, null, "empty.yaml", "comments.yaml");

        Assert.Equal(["SL004 comments.yaml:1:1-1:15", "SL004 empty.yaml:1:1-1:1"], result.Findings.Select(f => f.Brief()));
    }

    [Fact]
    public void Note_can_be_raised_to_a_warning_in_configuration()
    {
        var run = CliRunner.Run(Files(new() { ["notes.yaml"] = "x: 1\n", [".scimlint.yaml"] = "rules:\n  SL004: warning\n" }), "/repo", "--allow-empty", "--fail-level", "warning", "notes.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("notes.yaml:1:1: warning SL004: ", run.Out, StringComparison.Ordinal);
    }

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
