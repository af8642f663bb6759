using System.IO.Abstractions.TestingHelpers;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Cli;

/// <summary>Issue 11, Outputs: '-' reads one document from stdin; --stdin-filename names it; --fix writes it to stdout.</summary>
public sealed class StdinTests
{
    private static readonly string BadSsoUrl = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.strongdm.com/login");

    [Fact]
    public void Stdin_named_like_an_export_pairs_with_the_settings_on_disk_and_reports_at_that_name()
    {
        var fs = Repo(("strongdm.yaml", SampleDocs.StrongDmUs));

        var run = CliRunner.RunWithStdin(fs, "/repo", BadSsoUrl, "-", "--stdin-filename", "jumpcloud.yaml");
        var list = CliRunner.RunWithStdin(fs, "/repo", BadSsoUrl, "-", "--stdin-filename", "jumpcloud.yaml", "--list-files");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("jumpcloud.yaml:", run.Out, StringComparison.Ordinal);
        Assert.Contains(": error SL104: ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SL003", run.Out, StringComparison.Ordinal); // paired: no "missing counterpart"
        Assert.Equal("jumpcloud.yaml: JumpCloud export (desired state, YAML), paired with strongdm.yaml\n", list.Out);
    }

    [Fact]
    public void Stdin_shadows_the_file_of_its_name_both_ways()
    {
        var clean = Repo(("jumpcloud.yaml", SampleDocs.JumpCloudUs), ("strongdm.yaml", SampleDocs.StrongDmUs));
        var dirty = Repo(("jumpcloud.yaml", BadSsoUrl), ("strongdm.yaml", SampleDocs.StrongDmUs));

        Assert.Equal(1, CliRunner.RunWithStdin(clean, "/repo", BadSsoUrl, "-", "--stdin-filename", "jumpcloud.yaml").ExitCode);
        Assert.Equal(0, CliRunner.RunWithStdin(dirty, "/repo", SampleDocs.JumpCloudUs, "-", "--stdin-filename", "jumpcloud.yaml").ExitCode);
    }

    [Fact]
    public void Stdin_settings_pair_with_an_export_on_disk()
    {
        var fs = Repo(("jumpcloud.yaml", SampleDocs.JumpCloudUs));

        var run = CliRunner.RunWithStdin(fs, "/repo", SampleDocs.StrongDmUs, "--stdin-filename", "strongdm.yaml", "--list-files");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("strongdm.yaml: StrongDM settings (YAML), paired with jumpcloud.yaml\n", run.Out);
    }

    [Fact]
    public void Without_a_name_stdin_is_called_stdin_and_read_as_json_or_yaml_by_its_first_character()
    {
        var fs = Repo(("strongdm.yaml", SampleDocs.StrongDmUs));
        var json = """
            {
              "application": {"name": "strongdm", "displayName": "StrongDM", "displayLabel": "StrongDM", "ssoUrl": "https://app.strongdm.com/login", "active": true, "sso": {"type": "bookmark"}, "config": {}},
              "identityManagement": {"apiType": "SCIM API", "scimVersion": "2.0", "baseUrl": "https://app.strongdm.com/provisioning/generic/v2", "token": "${env:SDM_SCIM_TOKEN}", "groupManagementEnabled": true, "status": "active"}
            }
            """;

        var fromJson = CliRunner.RunWithStdin(fs, "/repo", json, "-", "--list-files");
        var fromYaml = CliRunner.RunWithStdin(fs, "/repo", BadSsoUrl, "-");

        Assert.StartsWith("<stdin>: JumpCloud export (desired state, JSON), paired with strongdm.yaml", fromJson.Out, StringComparison.Ordinal);
        Assert.Equal(1, fromYaml.ExitCode);
        Assert.Matches(@"(?m)^<stdin>:5:11: error SL104: ", fromYaml.Out);
    }

    [Fact]
    public void A_csharp_document_is_read_from_stdin_by_its_name()
    {
        var source = File.ReadAllText(Repo_.Path_("examples", "csharp-uk", "StrongDmProvisioning.cs"));

        var run = CliRunner.RunWithStdin(new System.IO.Abstractions.FileSystem(), Repo_.Root, source, "-", "--stdin-filename", "examples/csharp-uk/StrongDmProvisioning.cs", "--list-files");

        Assert.Equal("examples/csharp-uk/StrongDmProvisioning.cs: JumpCloud export (desired state, C#), paired with examples/csharp-uk/strongdm.yaml\n", run.Out);
    }

    [Fact]
    public void Fix_writes_the_fixed_document_to_stdout_the_report_to_stderr_and_never_touches_the_disk()
    {
        var fs = Repo(("jumpcloud.yaml", BadSsoUrl), ("strongdm.yaml", SampleDocs.StrongDmUs));
        var onDisk = Repo(("jumpcloud.yaml", BadSsoUrl), ("strongdm.yaml", SampleDocs.StrongDmUs));
        CliRunner.Run(onDisk, "/repo", "--fix", "jumpcloud.yaml");

        var run = CliRunner.RunWithStdin(fs, "/repo", BadSsoUrl, "-", "--stdin-filename", "jumpcloud.yaml", "--fix");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(onDisk.File.ReadAllText("/repo/jumpcloud.yaml"), run.Out);
        Assert.Contains("ssoUrl: https://app.strongdm.com/app/login", run.Out, StringComparison.Ordinal);
        Assert.Equal(BadSsoUrl, fs.File.ReadAllText("/repo/jumpcloud.yaml"));
        Assert.Contains("scimlint: fixed 1 finding in jumpcloud.yaml", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_of_a_clean_document_echoes_it_and_what_cannot_be_fixed_is_reported_on_stderr()
    {
        var fs = Repo(("strongdm.yaml", SampleDocs.StrongDmUs));
        var noToken = SampleDocs.JumpCloudUsWith("token", "  token: \"\"");

        var clean = CliRunner.RunWithStdin(fs, "/repo", SampleDocs.JumpCloudUs, "-", "--stdin-filename", "jumpcloud.yaml", "--fix");
        var unfixable = CliRunner.RunWithStdin(fs, "/repo", noToken, "-", "--stdin-filename", "jumpcloud.yaml", "--fix");

        Assert.Equal((0, SampleDocs.JumpCloudUs), (clean.ExitCode, clean.Out));
        Assert.Equal(1, unfixable.ExitCode);
        Assert.Equal(noToken, unfixable.Out);
        Assert.Contains(": error SL", unfixable.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "-", "strongdm.yaml" }, "cannot be combined")]
    [InlineData(new[] { "-", "-" }, "cannot be combined")]
    [InlineData(new[] { "strongdm.yaml", "--stdin-filename", "jumpcloud.yaml" }, "pass '-' as the only path")]
    [InlineData(new[] { "-", "--stdin-filename", " " }, "needs a file name")]
    [InlineData(new[] { "-", "--fix", "--sarif", "-", "--output", "report.txt" }, "writes the fixed document to stdout")]
    [InlineData(new[] { "-", "--fix", "--report", "json=-" }, "writes the fixed document to stdout")]
    public void Stdin_usage_errors_exit_2_with_one_line(string[] args, string expected)
    {
        var fs = Repo(("strongdm.yaml", SampleDocs.StrongDmUs));

        var run = CliRunner.RunWithStdin(fs, "/repo", BadSsoUrl, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Empty_binary_oversized_or_unreadable_stdin_never_crashes()
    {
        var fs = Repo(("strongdm.yaml", SampleDocs.StrongDmUs));
        var huge = new byte[ScimLint.Loading.LoadLimits.Default.MaxFileBytes + 1000];
        Array.Fill(huge, (byte)'a');

        var empty = CliRunner.RunWithStdin(fs, "/repo", string.Empty, "-");
        var binary = CliRunner.RunWithStdin(fs, "/repo", () => new MemoryStream([0x00, 0xFF, 0xFE, 0x00, 0xC3, 0x28]), "-", "--stdin-filename", "jumpcloud.yaml");
        var invalid = CliRunner.RunWithStdin(fs, "/repo", () => new MemoryStream([.. "identityManagement:\n  baseUrl: "u8, 0xC3, 0x28]), "-", "--stdin-filename", "jumpcloud.yaml");
        var oversized = CliRunner.RunWithStdin(fs, "/repo", () => new MemoryStream(huge), "-", "--stdin-filename", "jumpcloud.yaml");
        var unreadable = CliRunner.RunWithStdin(fs, "/repo", () => throw new IOException("stdin is closed"), "-");

        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("nothing was checked: stdin holds no JumpCloud export", empty.Error, StringComparison.Ordinal);
        Assert.Equal(1, binary.ExitCode);
        Assert.Contains("error SL001", binary.Out, StringComparison.Ordinal);
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("invalid UTF-8", invalid.Out, StringComparison.Ordinal);
        Assert.Equal(1, oversized.ExitCode);
        Assert.Contains("limit; it was not parsed", oversized.Out, StringComparison.Ordinal);
        Assert.Equal(2, unreadable.ExitCode);
        Assert.Equal("scimlint: cannot read stdin: stdin is closed\n", unreadable.Error);
        Assert.DoesNotContain("internal error", empty.Error + binary.Error + invalid.Error + oversized.Error, StringComparison.Ordinal);
    }

    private static MockFileSystem Repo(params (string Path, string Content)[] files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, content) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(content));
        }

        return fs;
    }

    private static class Repo_
    {
        public static string Root => Infrastructure.Repo.Root;

        public static string Path_(params string[] parts) => Infrastructure.Repo.Path_(parts);
    }
}
