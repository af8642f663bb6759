using System.IO.Abstractions.TestingHelpers;
using System.Text.Json;
using NJsonSchema;
using ScimLint.Engine;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Reporting;

/// <summary>
/// Issue 11, Outputs: SARIF's <c>baselineState</c> when a baseline is used, and the run's
/// <c>versionControlProvenance</c> read from <c>.git</c> (no git process) or the GitHub Actions variables, never with
/// credentials. Every repository here is an in-memory one with its own <c>.git</c>, so nothing depends on the clone.
/// </summary>
public sealed class SarifProvenanceTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string OtherSha = "89abcdef0123456789abcdef0123456789abcdef";
    private const string BadBaseUrl = "  baseUrl: https://app.strongdm.com/provisioning/generic/v2/";
    private static readonly Dictionary<string, string> NoVariables = [];

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Repo.Path_("tests", "ScimLint.Tests", "Schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    // ---- versionControlProvenance ----

    [Fact]
    public void Provenance_comes_from_head_the_branch_ref_and_origin_without_credentials()
    {
        var fs = Clean();
        fs.AddFile("/repo/.git/HEAD", new("ref: refs/heads/main\n"));
        fs.AddFile("/repo/.git/refs/heads/main", new(Sha + "\n"));
        fs.AddFile("/repo/.git/config", new("[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = https://example.com/other.git\n[remote \"origin\"]\n\turl = https://deploy:s3cr3t-t0ken@example.com/org/repo.git?x=1\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n"));

        var run = CliRunner.RunWithRepository(fs, "/repo", NoVariables, "--format", "sarif");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(Schema.Value.Validate(run.Out).Select(e => $"{e.Path}: {e.Kind}"));
        var provenance = Provenance(run.Out);
        Assert.Equal("https://example.com/org/repo.git", provenance.GetProperty("repositoryUri").GetString());
        Assert.Equal(Sha, provenance.GetProperty("revisionId").GetString());
        Assert.Equal("main", provenance.GetProperty("branch").GetString());
        Assert.Equal("%SRCROOT%", provenance.GetProperty("mappedTo").GetProperty("uriBaseId").GetString());
        Assert.DoesNotContain("s3cr3t", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("deploy", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_packed_ref_a_detached_head_and_a_worktree_are_read_too()
    {
        var packed = Clean();
        packed.AddFile("/repo/.git/HEAD", new("ref: refs/heads/release/1.0\n"));
        packed.AddFile("/repo/.git/packed-refs", new($"# pack-refs with: peeled fully-peeled sorted\n{OtherSha} refs/heads/main\n{Sha} refs/heads/release/1.0\n^{OtherSha}\n"));
        packed.AddFile("/repo/.git/config", new("[remote \"origin\"]\n  url = git@github.com:org/repo.git\n"));
        var detached = Clean();
        detached.AddFile("/repo/.git/HEAD", new(Sha + "\n"));
        detached.AddFile("/repo/.git/config", new("[remote \"origin\"]\nurl = https://github.com/org/repo\n"));
        var worktree = Clean(gitDirectory: false);
        worktree.AddFile("/repo/.git", new("gitdir: /main/.git/worktrees/repo\n"));
        worktree.AddFile("/main/.git/worktrees/repo/HEAD", new("ref: refs/heads/feature\n"));
        worktree.AddFile("/main/.git/worktrees/repo/commondir", new("../..\n"));
        worktree.AddFile("/main/.git/refs/heads/feature", new(Sha + "\n"));
        worktree.AddFile("/main/.git/config", new("[remote \"origin\"]\n\turl = https://github.com/org/repo.git\n"));

        var fromPacked = Provenance(CliRunner.RunWithRepository(packed, "/repo", NoVariables, "--format", "sarif").Out);
        var fromDetached = Provenance(CliRunner.RunWithRepository(detached, "/repo", NoVariables, "--format", "sarif").Out);
        var fromWorktree = Provenance(CliRunner.RunWithRepository(worktree, "/repo", NoVariables, "--format", "sarif").Out);

        Assert.Equal(("ssh://github.com/org/repo.git", Sha, "release/1.0"), Triple(fromPacked));
        Assert.Equal(("https://github.com/org/repo", Sha, null), Triple(fromDetached));
        Assert.Equal(("https://github.com/org/repo.git", Sha, "feature"), Triple(fromWorktree));
    }

    [Fact]
    public void GitHub_actions_variables_win_and_name_the_pull_request_branch()
    {
        var fs = Clean();
        fs.AddFile("/repo/.git/HEAD", new(OtherSha + "\n"));
        fs.AddFile("/repo/.git/config", new("[remote \"origin\"]\n\turl = https://github.com/org/repo.git\n"));
        var push = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SERVER_URL"] = "https://github.example.com",
            ["GITHUB_REPOSITORY"] = "org/repo",
            ["GITHUB_SHA"] = Sha,
            ["GITHUB_REF"] = "refs/heads/main",
            ["GITHUB_WORKSPACE"] = "/repo",
        };
        var pullRequest = new Dictionary<string, string>(push) { ["GITHUB_REF"] = "refs/pull/7/merge", ["GITHUB_HEAD_REF"] = "fix-region" };

        var onPush = Provenance(CliRunner.RunWithRepository(fs, "/repo", push, "--format", "sarif").Out);
        var onPullRequest = Provenance(CliRunner.RunWithRepository(fs, "/repo", pullRequest, "--format", "sarif").Out);

        Assert.Equal(("https://github.example.com/org/repo", Sha, "main"), Triple(onPush));
        Assert.Equal("%SRCROOT%", onPush.GetProperty("mappedTo").GetProperty("uriBaseId").GetString());
        Assert.Equal(("https://github.example.com/org/repo", Sha, "fix-region"), Triple(onPullRequest));
    }

    [Fact]
    public void No_provenance_without_a_commit_or_a_remote_uri_or_for_a_local_path_remote()
    {
        var noRemote = Clean();
        noRemote.AddFile("/repo/.git/HEAD", new(Sha + "\n"));
        var localRemote = Clean();
        localRemote.AddFile("/repo/.git/HEAD", new(Sha + "\n"));
        localRemote.AddFile("/repo/.git/config", new("[remote \"origin\"]\n\turl = /srv/git/repo.git\n"));
        var unbornBranch = Clean();
        unbornBranch.AddFile("/repo/.git/HEAD", new("ref: refs/heads/main\n"));
        unbornBranch.AddFile("/repo/.git/config", new("[remote \"origin\"]\n\turl = https://github.com/org/repo.git\n"));

        foreach (var fs in new[] { noRemote, localRemote, unbornBranch, Clean() })
        {
            var run = CliRunner.RunWithRepository(fs, "/repo", NoVariables, "--format", "sarif");

            Assert.Equal(0, run.ExitCode);
            Assert.DoesNotContain("versionControlProvenance", run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("/srv/git", run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Below_the_repository_root_the_provenance_has_no_mapping_and_snapshot_runs_read_no_repository()
    {
        var fs = new MockFileSystem();
        fs.AddFile("/repo/.git/HEAD", new(Sha + "\n"));
        fs.AddFile("/repo/.git/config", new("[remote \"origin\"]\n\turl = https://github.com/org/repo.git\n"));
        fs.AddFile("/repo/provisioning/jumpcloud.yaml", new(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/provisioning/strongdm.yaml", new(SampleDocs.StrongDmUs));

        var below = CliRunner.RunWithRepository(fs, "/repo/provisioning", NoVariables, "--format", "sarif");
        var snapshotStyle = CliRunner.Run(fs, "/repo", "--format", "sarif");

        Assert.False(Provenance(below.Out).TryGetProperty("mappedTo", out _));
        Assert.DoesNotContain("versionControlProvenance", snapshotStyle.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/org/repo.git", "https://github.com/org/repo.git")]
    [InlineData("https://x-access-token:ghs_abc123@github.com/org/repo", "https://github.com/org/repo")]
    [InlineData("https://token@gitlab.example.com:8443/group/repo.git?private_token=x#f", "https://gitlab.example.com:8443/group/repo.git")]
    [InlineData("ssh://git@github.com/org/repo.git", "ssh://github.com/org/repo.git")]
    [InlineData("git@github.com:org/repo.git", "ssh://github.com/org/repo.git")]
    [InlineData("user:pass@host.example:org/repo", "ssh://host.example/org/repo")]
    [InlineData("/srv/git/repo.git", null)]
    [InlineData("file:///srv/git/repo.git", null)]
    [InlineData("C:\\repos\\repo", null)]
    [InlineData("../sibling", null)]
    [InlineData("", null)]
    public void Remote_urls_lose_credentials_and_local_paths_are_dropped(string url, string? expected)
    {
        Assert.Equal(expected, RepositoryInfo.SafeUri(url));
    }

    // ---- baselineState ----

    [Fact]
    public void With_a_baseline_accepted_results_are_unchanged_and_the_others_new()
    {
        var fs = Clean();
        fs.File.WriteAllText("/repo/jumpcloud.yaml", SampleDocs.JumpCloudUsWith("baseUrl", BadBaseUrl));
        Assert.Equal(0, CliRunner.Run(fs, "/repo", "--write-baseline", "baseline.json").ExitCode);
        fs.File.WriteAllText("/repo/jumpcloud.yaml", SampleDocs.JumpCloudUsWith("baseUrl", BadBaseUrl).Replace("ssoUrl: https://app.strongdm.com/app/login", "ssoUrl: https://app.strongdm.com/login", StringComparison.Ordinal));

        // By default the accepted findings stay out (code scanning would alert on them); --report-suppressed lists them.
        var plain = CliRunner.Run(fs, "/repo", "--baseline", "baseline.json", "--format", "sarif");
        Assert.Equal(1, plain.ExitCode);
        Assert.All(Results(plain.Out), r => Assert.Equal("new", r.GetProperty("baselineState").GetString()));

        var run = CliRunner.Run(fs, "/repo", "--baseline", "baseline.json", "--format", "sarif", "--report-suppressed");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(Schema.Value.Validate(run.Out).Select(e => $"{e.Path}: {e.Kind}"));
        var states = Results(run.Out).Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("baselineState").GetString())).ToList();
        Assert.Contains(("SL104", "new"), states);
        Assert.Contains(states, s => s.Item2 == "unchanged");
        Assert.DoesNotContain(states, s => s.Item2 is not ("new" or "unchanged"));
        Assert.Equal(states.Count(s => s.Item2 == "new"), Results(plain.Out).Count);

        // The text report and the exit code still count only what the baseline does not accept.
        var text = CliRunner.Run(fs, "/repo", "--baseline", "baseline.json");
        Assert.Equal(states.Count(s => s.Item2 == "new"), text.Out.Split('\n').Count(l => l.Contains(": error SL", StringComparison.Ordinal) || l.Contains(": warning SL", StringComparison.Ordinal) || l.Contains(": note SL", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_a_baseline_no_result_has_a_baseline_state()
    {
        var fs = Clean();
        fs.File.WriteAllText("/repo/jumpcloud.yaml", SampleDocs.JumpCloudUsWith("baseUrl", BadBaseUrl));

        var run = CliRunner.Run(fs, "/repo", "--format", "sarif");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(Results(run.Out));
        Assert.DoesNotContain("baselineState", run.Out, StringComparison.Ordinal);
    }

    // ---- helpers ----

    private static MockFileSystem Clean(bool gitDirectory = true)
    {
        var fs = new MockFileSystem();
        if (gitDirectory)
        {
            fs.AddDirectory("/repo/.git");
        }

        fs.AddFile("/repo/jumpcloud.yaml", new(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/strongdm.yaml", new(SampleDocs.StrongDmUs));
        return fs;
    }

    private static JsonElement Provenance(string sarif)
    {
        var run = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];
        Assert.True(run.TryGetProperty("versionControlProvenance", out var provenance), "no versionControlProvenance in:\n" + sarif[..Math.Min(sarif.Length, 400)]);
        return provenance.EnumerateArray().Single();
    }

    private static (string?, string?, string?) Triple(JsonElement provenance) =>
        (provenance.GetProperty("repositoryUri").GetString(), provenance.GetProperty("revisionId").GetString(), provenance.TryGetProperty("branch", out var b) ? b.GetString() : null);

    private static List<JsonElement> Results(string sarif) =>
        [.. JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];
}
