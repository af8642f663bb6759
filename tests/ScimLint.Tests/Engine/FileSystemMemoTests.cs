using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Tests.Infrastructure;
using ScimLint.Tests.Security;

namespace ScimLint.Tests.Engine;

/// <summary>
/// A run asks the file system each question once (<see cref="FileSystemMemo"/>): listings, link checks, repository
/// roots. These tests prove that what a run remembers never outlives it: the next run, on the same engine, sees the
/// files as they are now.
/// </summary>
public sealed class FileSystemMemoTests
{
    private static readonly LintRequest Everything = new(["."], ScimLintConfig.Empty);

    [Fact]
    public void A_run_lists_a_directory_once_and_the_next_run_lists_it_again()
    {
        var fs = new MockFileSystem();
        fs.AddFile("/repo/a.yaml", new MockFileData("a: 1\n"));
        var run = new Workspace(fs, "/repo").For(null);

        Assert.Equal(["/repo/a.yaml"], run.Files("/repo"));
        fs.AddFile("/repo/b.yaml", new MockFileData("b: 1\n"));
        fs.AddDirectory("/repo/sub");

        Assert.Equal(["/repo/a.yaml"], run.Files("/repo"));
        Assert.Empty(run.Directories("/repo/sub"));
        Assert.Equal(["/repo/a.yaml", "/repo/b.yaml"], run.For(null).Files("/repo").Order(StringComparer.Ordinal));
        Assert.Equal(["/repo/a.yaml", "/repo/b.yaml"], new Workspace(fs, "/repo").Files("/repo").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void One_read_of_a_real_directory_lists_what_GetFiles_and_GetDirectories_list()
    {
        using var dir = new TempRepo();
        dir.Write("a.yaml", "a: 1\n");
        dir.Write(".hidden.yaml", "h: 1\n");
        dir.Write("sub/b.yaml", "b: 1\n");
        dir.Write(".github/c.yaml", "c: 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(dir.Root, "file-link.yaml"), Path.Combine(dir.Root, "a.yaml"));
            File.CreateSymbolicLink(Path.Combine(dir.Root, "dangling.yaml"), Path.Combine(dir.Root, "missing.yaml"));
            Directory.CreateSymbolicLink(Path.Combine(dir.Root, "dir-link"), Path.Combine(dir.Root, "sub"));
            Assert.Equal(0, TempRepo.Exec("mkfifo", Path.Combine(dir.Root, "fifo.yaml")));
        }

        foreach (var path in new[] { dir.Root, dir.Root + Path.DirectorySeparatorChar })
        {
            var (files, directories) = FileSystemMemo.List(path);

            Assert.Equal(Directory.GetFiles(path).Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
            Assert.Equal(Directory.GetDirectories(path).Order(StringComparer.Ordinal), directories.Order(StringComparer.Ordinal));
            Assert.Contains(Path.Combine(path, ".git"), directories);
        }

        var missing = Path.Combine(dir.Root, "missing");
        var expected = Assert.Throws<DirectoryNotFoundException>(() => Directory.GetFiles(missing));
        Assert.Equal(expected.Message, Assert.Throws<DirectoryNotFoundException>(() => FileSystemMemo.List(missing)).Message);
    }

    [Fact]
    public void A_real_directory_read_once_serves_both_halves_for_the_run_only()
    {
        using var dir = new TempRepo();
        dir.Write("a.yaml", "a: 1\n");
        var run = new Workspace(new FileSystem(), dir.Root).For(null);

        Assert.Equal([Path.Combine(dir.Root, "a.yaml")], run.Files(dir.Root));
        dir.Write("sub/b.yaml", "b: 1\n");

        Assert.Equal([Path.Combine(dir.Root, ".git")], run.Directories(dir.Root));
        Assert.Equal([Path.Combine(dir.Root, ".git"), Path.Combine(dir.Root, "sub")], run.For(null).Directories(dir.Root).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_directory_that_cannot_be_listed_is_not_remembered_as_empty()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo");
        var run = new Workspace(fs, "/repo").For(null);

        Assert.Throws<DirectoryNotFoundException>(() => run.Files("/repo/later"));
        fs.AddFile("/repo/later/a.yaml", new MockFileData("a: 1\n"));

        Assert.Equal(["/repo/later/a.yaml"], run.Files("/repo/later"));
    }

    [Fact]
    public void A_second_run_on_the_same_engine_sees_a_counterpart_added_then_removed()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/apps/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        var engine = new LintEngine(fs, "/repo");

        var alone = engine.Run(Everything);
        fs.AddFile("/repo/apps/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        var paired = engine.Run(Everything);
        fs.File.Delete("/repo/apps/strongdm.yaml");
        var aloneAgain = engine.Run(Everything);

        Assert.Equal(["SL003 apps/jumpcloud.yaml:1:1-1:12"], alone.Of("SL003").Select(f => f.Brief()));
        Assert.Equal(1, alone.FilesChecked);
        Assert.Empty(paired.Of("SL003"));
        Assert.Equal(["SL105 apps/jumpcloud.yaml:5:11-5:45", "SL105 apps/jumpcloud.yaml:13:12-13:60"], paired.Of("SL105").Select(f => f.Brief()));
        Assert.Equal(2, paired.FilesChecked);
        Assert.Equal(alone.Findings.Select(f => f.Brief()), aloneAgain.Findings.Select(f => f.Brief()));
    }

    [Fact]
    public void A_second_run_sees_a_repository_root_made_since()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/eu/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        fs.AddFile("/repo/eu/prod/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        var engine = new LintEngine(fs, "/repo");

        var above = engine.Run(Everything);
        fs.AddDirectory("/repo/eu/prod/.git");
        var cutOff = engine.Run(Everything);

        Assert.Equal(2, above.Of("SL105").Count());
        Assert.Empty(above.Of("SL003"));
        Assert.Empty(cutOff.Of("SL105"));
        Assert.Equal(["SL003 eu/prod/jumpcloud.yaml:1:1-1:12", "SL003 eu/strongdm.yaml:1:1-1:13"], cutOff.Of("SL003").Select(f => f.Brief()));
    }

    [Fact]
    public void A_git_worktree_file_in_a_walked_directory_still_stops_the_search()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        fs.AddFile("/repo/nested/.git", new MockFileData("gitdir: /elsewhere/.git/worktrees/nested\n"));
        fs.AddFile("/repo/nested/apps/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/other/apps/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));

        var result = new LintEngine(fs, "/repo").Run(Everything);

        Assert.Equal(["SL003 nested/apps/jumpcloud.yaml:1:1-1:12"], result.Of("SL003").Select(f => f.Brief()));
        Assert.All(result.Of("SL105"), f => Assert.Equal("other/apps/jumpcloud.yaml", f.Path));
        Assert.Equal(2, result.Of("SL105").Count());
    }

    [Fact]
    public void A_second_run_sees_a_file_become_a_link_and_a_link_become_a_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        dir.Write(".git/config", "[core]\n\tbare = false\n");
        dir.Write("strongdm.yaml", SampleDocs.StrongDmEu);
        var export = dir.Write("jumpcloud.yaml", SampleDocs.JumpCloudUs);
        var engine = new LintEngine(new FileSystem(), dir.Root);

        var file = engine.Run(Everything);
        File.Delete(export);
        File.CreateSymbolicLink(export, Path.Combine(dir.Root, ".git/config"));
        var link = engine.Run(Everything);
        File.Delete(export);
        dir.Write("jumpcloud.yaml", SampleDocs.JumpCloudUs);
        var fileAgain = engine.Run(Everything);

        Assert.Equal(2, file.Of("SL105").Count());
        Assert.Empty(file.Of("SL004"));
        Assert.Empty(link.Of("SL105"));
        Assert.Contains(link.Of("SL004"), f => f.Message.Contains("jumpcloud.yaml is a symbolic link into .git", StringComparison.Ordinal));
        Assert.Equal(file.Findings.Select(f => f.Brief()), fileAgain.Findings.Select(f => f.Brief()));
    }

    [Fact]
    public void The_lint_after_fixes_and_the_next_run_see_the_fixed_files()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/apps/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: http://app.strongdm.com/provisioning/generic/v2/")));
        fs.AddFile("/repo/apps/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));
        var engine = new LintEngine(fs, "/repo");

        var before = engine.Run(new LintOptions(["."]));
        var outcome = default(FixOutcome);
        var afterFix = engine.Run(new LintOptions(["."]) { Fix = true, FixesApplied = o => outcome = o });
        var next = engine.Run(new LintOptions(["."]));

        Assert.Contains(before.Findings, f => f.Fix is not null);
        Assert.Equal(["apps/jumpcloud.yaml"], outcome!.Files);
        Assert.DoesNotContain(afterFix.Findings, f => f.Fix is not null);
        Assert.Equal(2, afterFix.FilesChecked);
        Assert.Equal(afterFix.Findings.Select(f => f.Brief()), next.Findings.Select(f => f.Brief()));
        Assert.Empty(fs.Directory.GetFiles("/repo/apps", "*.tmp"));
    }
}
