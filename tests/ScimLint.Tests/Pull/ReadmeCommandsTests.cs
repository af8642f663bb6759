using System.Diagnostics;
using System.Text.RegularExpressions;
using ScimLint.Cli.Pull;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Pull;

/// <summary>
/// The README's "Getting your configuration" commands, word for word, against the loopback JumpCloud server: the
/// <c>scimlint pull</c> block in process, the curl block in bash. What they produce lints without schema errors, and
/// drift against the hand-kept files beside it is found.
/// </summary>
public sealed partial class ReadmeCommandsTests : PullServerTest
{

    [Fact]
    public void The_pull_block_writes_a_document_that_lints_beside_the_hand_kept_files()
    {
        var lines = Block("pull").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();
        Assert.Equal("export JUMPCLOUD_API_KEY=...", lines[0]);
        HandKept("provisioning");

        var runs = lines.Skip(1).Select(line =>
        {
            var args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("scimlint", args[0]);
            return args[1] == "pull" ? Harness.Cli([.. args[1..], "--api-url", Server.Url]) : Harness.Cli([.. args[1..], "--format", "json"]);
        }).ToList();

        Assert.Equal(2, runs.Count);
        Assert.Equal(0, runs[0].ExitCode);
        Assert.Equal("scimlint: wrote provisioning/jumpcloud.live.json (3 user groups, 1 direct user assignment)\n", runs[0].Out);
        AssertLintsWithDrift(runs[1]);
    }

    [Fact]
    public void The_curl_block_writes_a_document_that_lints_beside_the_hand_kept_files()
    {
        HandKept(".");
        var (code, error) = Bash(Block("curl"));

        Assert.True(code == 0, error);
        Assert.Equal(["jumpcloud.live.json", "jumpcloud.yaml", "strongdm.yaml"], Harness.Files());
        Assert.Equal(4, Harness.ReadJson("jumpcloud.live.json")["associations"]!.AsArray().Count);
        Assert.Contains(Server.Requests, r => r.Path.EndsWith("/associations", StringComparison.Ordinal) && r.Query.Contains("skip=100", StringComparison.Ordinal));
        AssertLintsWithDrift(Harness.Cli(".", "--format", "json"));
    }

    [Fact]
    public void The_sidecar_block_saves_the_api_arrays_beside_a_hand_kept_export_and_they_merge()
    {
        foreach (var name in new[] { "jumpcloud.yaml", "strongdm.yaml" })
        {
            File.Copy(Repo.Path_("examples", "sidecars", name), Path.Combine(Harness.WorkingDirectory, name));
        }

        Directory.CreateDirectory(Path.Combine(Harness.WorkingDirectory, ".git"));
        var curl = Block("curl");
        var definitions = curl[..(curl.IndexOf("\n}\n", curl.IndexOf("pages()", StringComparison.Ordinal), StringComparison.Ordinal) + 3)];
        var lines = Block("sidecars").Split('\n').ToList();
        Assert.Equal("scimlint .", lines.Single(l => l.StartsWith("scimlint", StringComparison.Ordinal)));
        var (code, error) = Bash(definitions + string.Join('\n', lines.Where(l => !l.StartsWith("scimlint", StringComparison.Ordinal))));

        Assert.True(code == 0, error);
        Assert.Equal(["associations.json", "jumpcloud.yaml", "strongdm.yaml", "usergroups.json"], Harness.Files());
        Assert.Equal(3, Harness.ReadJsonArray("associations.json").Count);
        Assert.Contains(Server.Requests, r => r.Path.EndsWith("/api/v2/usergroups", StringComparison.Ordinal));
        var lint = Harness.Cli(".", "--list-files");
        Assert.Contains("associations.json: JumpCloud associations sidecar (JSON), merged with jumpcloud.yaml", lint.Out, StringComparison.Ordinal);
        Assert.Contains("usergroups.json: JumpCloud user groups sidecar (JSON), merged with jumpcloud.yaml", lint.Out, StringComparison.Ordinal);
        var json = Harness.Cli(".", "--format", "json");
        Assert.DoesNotContain("\"SL002\"", json.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SL004\"", json.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SL006\"", json.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SL505\"", json.Out, StringComparison.Ordinal);
    }

    private (int Code, string Error) Bash(string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Harness.WorkingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-euo", "pipefail", "-c", script })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["JC"] = Server.Url;
        start.Environment["JUMPCLOUD_API_KEY"] = FakeJumpCloud.ApiKey;
        start.Environment["APP_ID"] = PullHarness.StrongDmId;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }

    private static void AssertLintsWithDrift(PullRun lint)
    {
        Assert.Equal(0, lint.ExitCode);
        Assert.DoesNotContain("\"SL002\"", lint.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SL006\"", lint.Out, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"SL601\"", lint.Out, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"SL602\"", lint.Out, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"SL604\"", lint.Out, StringComparison.Ordinal);
    }

    /// <summary>The hand-kept files of the US example (the Identity Management tab the API cannot return).</summary>
    private void HandKept(string directory)
    {
        var target = Path.Combine(Harness.WorkingDirectory, directory);
        Directory.CreateDirectory(target);
        Directory.CreateDirectory(Path.Combine(Harness.WorkingDirectory, ".git"));
        foreach (var name in new[] { "jumpcloud.yaml", "strongdm.yaml" })
        {
            File.Copy(Repo.Path_("examples", "us-correct", name), Path.Combine(target, name));
        }
    }

    private static string Block(string name)
    {
        var readme = File.ReadAllText(Repo.Path_("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var match = BlockPattern().Match(readme[readme.IndexOf($"<!-- readme-test: {name} -->", StringComparison.Ordinal)..]);
        Assert.True(match.Success, $"README has no code block after <!-- readme-test: {name} -->");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();
}
