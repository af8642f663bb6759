using System.IO.Abstractions.TestingHelpers;
using ScimLint.Engine;
using ScimLint.Rules;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Cli;

/// <summary>Issue 11, Outputs: <c>--list-files</c> and <c>--verbose</c> show each input's kind and pairing.</summary>
public sealed class ListFilesTests
{
    [Fact]
    public void List_files_over_the_examples_shows_kind_format_and_pairing_sorted()
    {
        var run = CliRunner.Run(Repo.Root, "examples", "--list-files");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Contains("examples/pulled-drift/jumpcloud.live.json: JumpCloud export (observed state, JSON), paired with examples/pulled-drift/strongdm.yaml", lines);
        Assert.Contains("examples/csharp-uk/StrongDmProvisioning.cs: JumpCloud export (desired state, C#), paired with examples/csharp-uk/strongdm.yaml", lines);
        Assert.DoesNotContain("error SL", run.Out, StringComparison.Ordinal);
        Snapshot.Match(run.Out, "txt");
    }

    [Fact]
    public void List_files_says_why_each_file_was_or_was_not_checked()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));
        fs.AddFile("/repo/notes.yaml", new MockFileData("title: nothing of ours\n"));
        fs.AddFile("/repo/docs/mentions.yaml", new MockFileData("note: strongdm is mentioned, but this is no export\n"));
        fs.AddFile("/repo/node_modules/pkg/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/.github/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));
        fs.AddFile("/repo/lone/.git/HEAD", new MockFileData("ref: refs/heads/main\n"));
        fs.AddFile("/repo/lone/jumpcloud.json", new MockFileData("{\"application\": {\"name\": \"strongdm\", \"ssoUrl\": \"https://app.strongdm.com/app/login\"}}"));
        fs.AddFile("/repo/two/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));
        fs.AddFile("/repo/two/strongdm-eu.yaml", new MockFileData(SampleDocs.StrongDmUs));
        fs.AddFile("/repo/two/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/broken.yaml", new MockFileData("identityManagement: [\n"));

        var run = CliRunner.Run(fs, "/repo", ".", "notes.yaml", "--list-files");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                ".github/: skipped: hidden directory (name it to lint it)",
                "broken.yaml: checked, not recognised (YAML): it did not load (SL001 says why)",
                "docs/mentions.yaml: skipped: neither a JumpCloud export nor StrongDM settings",
                "jumpcloud.yaml: JumpCloud export (desired state, YAML), paired with strongdm.yaml",
                "lone/jumpcloud.json: JumpCloud export (desired state, JSON), not paired: no StrongDM settings in its directory or an ancestor up to the repository root",
                "node_modules/: skipped: dependency or build-output directory",
                "notes.yaml: checked, not recognised (YAML): neither a JumpCloud export nor StrongDM settings (SL004 note)",
                "strongdm.yaml: StrongDM settings (YAML), paired with jumpcloud.yaml",
                "two/jumpcloud.yaml: JumpCloud export (desired state, YAML), not paired: several candidates: two/strongdm-eu.yaml, two/strongdm.yaml",
                "two/strongdm-eu.yaml: StrongDM settings (YAML), not paired: each JumpCloud export below it has several candidates",
                "two/strongdm.yaml: StrongDM settings (YAML), not paired: each JumpCloud export below it has several candidates",
            ],
            run.Out.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_file_that_mentions_nothing_of_ours_is_skipped_unparsed_when_walked()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));
        fs.AddFile("/repo/ci.yaml", new MockFileData("on: push\n"));

        var run = CliRunner.Run(fs, "/repo", "--list-files");

        Assert.Contains("ci.yaml: skipped: does not mention strongdm, controlPlane or provisioning (not parsed)\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_lints_as_usual_and_lists_the_inputs_on_stderr()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.strongdm.com/login")));
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));

        var run = CliRunner.Run(fs, "/repo", "--verbose");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SL104", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("paired with", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("jumpcloud.yaml: JumpCloud export (desired state, YAML), paired with strongdm.yaml\nstrongdm.yaml: StrongDM settings (YAML), paired with jumpcloud.yaml\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void List_files_with_fix_reports_nothing_and_writes_nothing()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        var bad = SampleDocs.JumpCloudUsWith("ssoUrl", "  ssoUrl: https://app.strongdm.com/login");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(bad));
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));

        var run = CliRunner.Run(fs, "/repo", "--list-files", "--fix", "--sarif", "out.sarif");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(bad, fs.File.ReadAllText("/repo/jumpcloud.yaml"));
        Assert.False(fs.File.Exists("/repo/out.sarif"));
        Assert.Equal(2, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_listing_comes_from_the_engine_result()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));

        var result = new LintEngine(fs, "/repo").Run(new LintOptions(["jumpcloud.yaml"]));

        var entry = Assert.Single(result.Inputs);
        Assert.Equal(new InputEntry("jumpcloud.yaml", InputKind.JumpCloudDesired, Documents.DocumentFormat.Yaml, null, PairingStatus.Paired, ["strongdm.yaml"]), entry with { PairedWith = [.. entry.PairedWith] }, new EntryComparer());
    }

    private sealed class EntryComparer : IEqualityComparer<InputEntry>
    {
        public bool Equals(InputEntry? x, InputEntry? y) => x is not null && y is not null && x.Describe() == y.Describe() && x.Kind == y.Kind && x.Pairing == y.Pairing;

        public int GetHashCode(InputEntry obj) => obj.Path.GetHashCode(StringComparison.Ordinal);
    }
}
