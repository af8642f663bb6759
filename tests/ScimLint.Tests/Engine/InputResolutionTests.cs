using System.IO.Abstractions.TestingHelpers;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Engine;

/// <summary>Which files a run checks: named files, walked directories, skipped directories, duplicates and links.</summary>
public sealed class InputResolutionTests
{
    [Fact]
    public void No_path_means_the_working_directory()
    {
        var fs = Repo();

        var result = new LintEngine(fs, "/repo").Run(new LintRequest([], ScimLintConfig.Empty));

        Assert.Equal(2, result.FilesChecked);
    }

    [Fact]
    public void File_named_twice_is_checked_once()
    {
        var result = Lint.Files(Broken(), null, "jumpcloud.yaml", "./jumpcloud.yaml", "../repo/jumpcloud.yaml");

        Assert.Equal(1, result.FilesChecked);
        Assert.Single(result.Of("SL201"));
    }

    [Fact]
    public void File_inside_a_walked_directory_is_checked_once()
    {
        var result = Lint.Files(Broken(), null, ".", "jumpcloud.yaml", "strongdm.yaml", ".");

        Assert.Equal(2, result.FilesChecked);
        Assert.Single(result.Of("SL201"));
    }

    [Fact]
    public void File_named_after_its_directory_was_walked_still_counts_as_named()
    {
        var files = Broken();
        files["notes.yaml"] = "title: not a configuration\n";

        var result = Lint.Files(files, null, ".", "notes.yaml");

        Assert.Equal(["SL004 notes.yaml:1:1-1:27"], result.Of("SL004").Select(f => f.Brief()));
    }

    [Fact]
    public void Hidden_and_build_directories_are_not_walked_but_can_be_named()
    {
        var files = Broken();
        foreach (var dir in new[] { ".github", "node_modules/pkg", "bin/Debug", "obj", "TestResults" })
        {
            files[dir + "/jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("groupManagementEnabled", "  groupManagementEnabled: false");
        }

        var walked = Lint.Files(files);
        var named = Lint.Files(files, null, ".github/jumpcloud.yaml");

        Assert.Equal(2, walked.FilesChecked);
        Assert.Equal(["SL201 .github/jumpcloud.yaml:15:27-15:32"], named.Of("SL201").Select(f => f.Brief()));
    }

    [Fact]
    public void Only_yaml_and_json_files_are_walked()
    {
        var files = Broken();
        files["notes.txt"] = "application: [";
        files["README.md"] = "# title\n";
        files["export.yml"] = SampleDocs.JumpCloudUs;

        var result = Lint.Files(files);

        Assert.Equal(3, result.FilesChecked);
        Assert.Empty(result.Of("SL001"));
    }

    [Fact]
    public void Findings_are_sorted_by_path_line_column_and_rule()
    {
        var files = Broken();
        files["a/jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: http://app.strongdm.com/app/login/");

        var result = Lint.Files(files);

        var keys = result.Findings.Select(f => (f.Path, f.Span.StartLine, f.Span.StartColumn, f.Rule.Id)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.StartLine).ThenBy(k => k.StartColumn).ThenBy(k => k.Id, StringComparer.Ordinal), keys);
        Assert.Equal("a/jumpcloud.yaml", result.Findings[0].Path);
    }

    [Fact]
    public void Symbolically_linked_directories_are_not_followed_when_walking()
    {
        var root = Directory.CreateTempSubdirectory("scimlint-links-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, ".git"));
            File.WriteAllText(Path.Combine(root.FullName, "jumpcloud.yaml"), SampleDocs.JumpCloudUs);
            File.WriteAllText(Path.Combine(root.FullName, "strongdm.yaml"), SampleDocs.StrongDmUs);
            Directory.CreateSymbolicLink(Path.Combine(root.FullName, "loop"), root.FullName);

            var walked = Lint.Directory(root.FullName);
            var named = Lint.Directory(root.FullName, null, "loop");

            Assert.Equal(2, walked.FilesChecked);
            Assert.Empty(walked.Findings);
            Assert.Equal(2, named.FilesChecked);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Broken() => new()
    {
        ["jumpcloud.yaml"] = SampleDocs.JumpCloudUsWith("groupManagementEnabled", "  groupManagementEnabled: false"),
        ["strongdm.yaml"] = SampleDocs.StrongDmUs,
    };

    private static MockFileSystem Repo()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));
        return fs;
    }
}
