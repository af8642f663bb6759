using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security;

/// <summary>Issue 9, symlinks: never followed out of the repository or into .git, /proc, /dev, /sys; never a failed run.</summary>
public sealed class SymlinkTests
{
    [Fact]
    public void A_link_to_proc_self_environ_is_a_note_and_prints_no_environment()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var dir = new TempRepo();
        dir.Write("jumpcloud.yaml", SampleDocs.JumpCloudUs);
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        File.CreateSymbolicLink(Path.Combine(dir.Root, "jumpcloud-env.yaml"), "/proc/self/environ");

        var run = CliRunner.Run(dir.Root, ".");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("jumpcloud-env.yaml:1:1: note SL004: jumpcloud-env.yaml is a symbolic link into /proc, /dev or /sys", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PATH=", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_into_git_config_is_not_followed_and_its_credentials_never_print()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        dir.Write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic Q0FOQVJZLWdpdC1jb25maWc=\n");
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        File.CreateSymbolicLink(Path.Combine(dir.Root, "jumpcloud.yaml"), Path.Combine(dir.Root, ".git/config"));

        var run = CliRunner.Run(dir.Root, ".");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.Contains("jumpcloud.yaml is a symbolic link into .git", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Q0FOQVJZ", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_out_of_the_repository_is_not_followed_even_when_named()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var outside = new TempRepo();
        var secret = outside.Write("secret.yaml", "application:\n  name: strongdm\n  ssoUrl: https://outside.example/CANARY-outside-0a1b2c\n");
        using var dir = new TempRepo();
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        File.CreateSymbolicLink(Path.Combine(dir.Root, "jumpcloud.yaml"), secret);

        var run = CliRunner.Run(dir.Root, "jumpcloud.yaml", "strongdm.yaml");

        Assert.Contains("jumpcloud.yaml is a symbolic link to a file outside the repository", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY-outside", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangling_and_looping_links_are_notes_not_a_failed_run()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        dir.Write("jumpcloud.yaml", SampleDocs.JumpCloudUs);
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        File.CreateSymbolicLink(Path.Combine(dir.Root, "dangling.yaml"), Path.Combine(dir.Root, "nowhere.yaml"));
        File.CreateSymbolicLink(Path.Combine(dir.Root, "loop.yaml"), Path.Combine(dir.Root, "loop.yaml"));

        var run = CliRunner.Run(dir.Root, ".");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dangling.yaml is a dangling symbolic link", run.Out, StringComparison.Ordinal);
        Assert.Contains("loop.yaml is a symbolic link that loops", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_inside_the_repository_is_followed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        var real = dir.Write("store/export.yaml", SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: https://app.strongdm.com/provisioning/generic/v2/"));
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        File.CreateSymbolicLink(Path.Combine(dir.Root, "jumpcloud.yaml"), real);

        var run = CliRunner.Run(dir.Root, "jumpcloud.yaml", "strongdm.yaml");

        Assert.Contains("jumpcloud.yaml:", run.Out, StringComparison.Ordinal);
        Assert.Contains("SL103", run.Out, StringComparison.Ordinal);
    }
}
