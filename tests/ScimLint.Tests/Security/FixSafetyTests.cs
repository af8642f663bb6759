using System.IO.Abstractions.TestingHelpers;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security;

/// <summary>
/// Issue 9, files touched: --fix writes only the files named on the command line (or under named directories), never
/// through a link, and keeps each file's mode, owner and hard links (it rewrites in place after verifying).
/// </summary>
public sealed class FixSafetyTests
{
    private const string UsLogin = "https://app.strongdm.com/app/login";

    private static string EuSettings => SampleDocs.StrongDmEu;

    private static string UsExportWithSlash => SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: https://app.strongdm.com/provisioning/generic/v2/");

    [Fact]
    public void Fix_of_a_named_settings_file_does_not_rewrite_the_unnamed_export()
    {
        // SL105 reports the US URLs in sub/jumpcloud.yaml against the EU settings: a cross-file fix.
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(EuSettings));
        fs.AddFile("/repo/sub/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));

        var run = CliRunner.Run(fs, "/repo", "--fix", "strongdm.yaml");

        Assert.Equal(SampleDocs.JumpCloudUs, fs.File.ReadAllText("/repo/sub/jumpcloud.yaml"));
        Assert.Equal(EuSettings, fs.File.ReadAllText("/repo/strongdm.yaml"));
        Assert.Contains("--fix left sub/jumpcloud.yaml: not named on the command line", run.Error, StringComparison.Ordinal);
        Assert.Contains("SL105", run.Out, StringComparison.Ordinal);
        Assert.Contains("= fix:", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("No problems found", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_of_a_named_directory_rewrites_the_files_below_it()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(EuSettings));
        fs.AddFile("/repo/sub/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));

        var run = CliRunner.Run(fs, "/repo", "--fix", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(UsLogin, fs.File.ReadAllText("/repo/sub/jumpcloud.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_keeps_mode_owner_and_hard_links()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        var export = dir.Write("jumpcloud.yaml", UsExportWithSlash);
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        File.SetUnixFileMode(export, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var hardLink = Path.Combine(dir.Root, "hard-link-to-export.txt");
        Assert.Equal(0, TempRepo.Exec("ln", export, hardLink));
        if (TempRepo.IsRoot)
        {
            Assert.Equal(0, TempRepo.Exec("chown", "1234:1234", export));
        }

        var run = CliRunner.Run(dir.Root, "--fix", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("generic/v2\n", File.ReadAllText(export), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(export), File.ReadAllText(hardLink));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(export));
        Assert.Equal("2", TempRepo.Capture("stat", "-c", "%h", export).Trim());
        if (TempRepo.IsRoot)
        {
            Assert.Equal("1234", TempRepo.Capture("stat", "-c", "%u", export).Trim());
        }
    }

    [Fact]
    public void Fix_never_writes_through_or_replaces_a_linked_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        var real = dir.Write("store/export.yaml", UsExportWithSlash);
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        var link = Path.Combine(dir.Root, "jumpcloud.yaml");
        File.CreateSymbolicLink(link, real);

        var run = CliRunner.Run(dir.Root, "--fix", "jumpcloud.yaml");

        Assert.Equal(UsExportWithSlash, File.ReadAllText(real));
        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Contains("--fix left jumpcloud.yaml: a symbolic link", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_through_an_explicitly_named_directory_link_leaves_the_outside_file_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var outside = new TempRepo();
        var target = outside.Write("cfg/jumpcloud.yaml", UsExportWithSlash);
        outside.Write("cfg/strongdm.yaml", SampleDocs.StrongDmUs);
        using var dir = new TempRepo();
        Directory.CreateSymbolicLink(Path.Combine(dir.Root, "linked"), Path.Combine(outside.Root, "cfg"));

        var run = CliRunner.Run(dir.Root, "--fix", "linked");

        Assert.Equal(UsExportWithSlash, File.ReadAllText(target));
        Assert.Contains("a symbolic link, or inside a linked directory", run.Error, StringComparison.Ordinal);
    }
}
