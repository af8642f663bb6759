using System.IO.Abstractions.TestingHelpers;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Input;

/// <summary>A run that checked nothing is not a pass: exit 2 with a message, unless --allow-empty.</summary>
public sealed class EmptyRunTests
{
    private static MockFileSystem Repo()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddDirectory("/repo/emptydir");
        fs.AddFile("/repo/other/compose.yaml", new("services:\n  web:\n    image: nginx\n"));
        fs.AddFile("/repo/other/package.json", new("{\"name\": \"web\"}\n"));
        return fs;
    }

    [Theory]
    [InlineData("emptydir")]
    [InlineData("other")]
    public void A_directory_without_configuration_exits_2_with_a_message(string path)
    {
        var run = CliRunner.Run(Repo(), "/repo", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"scimlint: nothing was checked: {path} holds no JumpCloud export and no StrongDM settings; check the paths, or pass --allow-empty when that is expected (a commit that touches no configuration)\n", run.Error);
    }

    [Theory]
    [InlineData("emptydir")]
    [InlineData("other")]
    public void Allow_empty_makes_it_a_pass(string path)
    {
        var run = CliRunner.Run(Repo(), "/repo", path, "--allow-empty");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void A_run_with_configuration_is_not_empty()
    {
        var run = CliRunner.Run("/work", Infrastructure.Repo.Path_("examples", "us-correct"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void A_named_file_that_is_not_configuration_still_exits_2()
    {
        var run = CliRunner.Run(Repo(), "/repo", "other/compose.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SL004", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("scimlint: nothing was checked: other/compose.yaml holds", run.Error, StringComparison.Ordinal);
    }
}
