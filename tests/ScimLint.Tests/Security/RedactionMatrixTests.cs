using System.IO.Abstractions.TestingHelpers;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security;

/// <summary>
/// Issue 9's canary matrix: every placement the audit found, in every output (text, JSON, SARIF, GitHub, the
/// baseline file, --fix's stdout and stderr, --output and --sarif files). No 8-character window of the canary may
/// appear anywhere: a partly masked token is a leak too.
/// </summary>
public sealed class RedactionMatrixTests
{
    private const string Canary = "CANARYq7Z3x9K2mL5vB8nR4tY6wP1";

    private static string Export(string replacedLine, string prefix = "token") => SampleDocs.JumpCloudUsWith(prefix, replacedLine);

    public static TheoryData<string> Placements() => [.. Cases().Keys];

    private static Dictionary<string, (string Path, string Text)[]> Cases()
    {
        var settings = ("strongdm.yaml", SampleDocs.StrongDmUs);
        return new(StringComparer.Ordinal)
        {
            ["token-as-list"] = [("jumpcloud.yaml", Export($"  token:\n    - {Canary}\n    - second")), settings],
            ["token-as-mapping"] = [("jumpcloud.yaml", Export($"  token:\n    current: {Canary}\n    note: x")), settings],
            ["swapped-token-in-baseUrl"] = [("jumpcloud.yaml", Export($"  baseUrl: {Canary}", "baseUrl").Replace("token: ${env:SDM_SCIM_TOKEN}", "token: https://app.strongdm.com/provisioning/generic/v2", StringComparison.Ordinal)), settings],
            ["token-in-bookmark-url"] = [("jumpcloud.yaml", Export($"  ssoUrl: {Canary}", "ssoUrl")), settings],
            ["token-in-control-plane-host"] = [("jumpcloud.yaml", SampleDocs.JumpCloudUs), ("strongdm.yaml", SampleDocs.StrongDmUs.Replace("  host: app.strongdm.com", $"  host: {Canary}", StringComparison.Ordinal))],
            ["token-in-control-plane-region"] = [("jumpcloud.yaml", SampleDocs.JumpCloudUs), ("strongdm.yaml", SampleDocs.StrongDmUs.Replace("  region: US", $"  region: {Canary}", StringComparison.Ordinal))],
            ["csharp-token-in-BaseUrl"] = [("jumpcloud.cs", $$"""
                class Cfg
                {
                    object App = new Application { Name = "strongdm", SsoUrl = "https://app.strongdm.com/app/login" };
                    object Im = new IdentityManagement { BaseUrl = "{{Canary}}", Token = "https://app.strongdm.com/provisioning/generic/v2" };
                }
                """), settings],
            ["url-query-token"] = [("jumpcloud.yaml", Export($"  baseUrl: https://app.strongdm.com/provisioning/generic/v2?token={Canary}", "baseUrl")), settings],
            ["url-matrix-token"] = [("jumpcloud.yaml", Export($"  baseUrl: https://app.strongdm.com/provisioning/generic/v2;token={Canary}", "baseUrl")), settings],
            ["url-user-info"] = [("jumpcloud.yaml", Export($"  ssoUrl: https://admin:{Canary}@app.strongdm.com/login", "ssoUrl")), settings],
            ["url-token-in-path"] = [("jumpcloud.yaml", Export($"  baseUrl: https://app.strongdm.com/{Canary}/generic/v2", "baseUrl")), settings],
            ["apiKey"] = [("jumpcloud.yaml", Export($"  apiKey: {Canary}", "status")), settings],
            ["password"] = [("jumpcloud.yaml", Export($"  password: {Canary}", "status")), settings],
            ["authorization-bearer"] = [("jumpcloud.yaml", Export($"  authorization: Bearer {Canary}", "status")), settings],
            ["credential"] = [("jumpcloud.yaml", Export($"  credential: {Canary}", "status")), settings],
            ["misspelt-tokne"] = [("jumpcloud.yaml", Export($"  tokne: {Canary}")), settings],
            ["strongdm-current-previous"] = [("jumpcloud.yaml", SampleDocs.JumpCloudUs), ("strongdm.yaml", SampleDocs.StrongDmUs.Replace("    ref: env:SDM_SCIM_TOKEN", $"    current: {Canary}\n    previous: {Canary[..20]}XYZW", StringComparison.Ordinal))],
            ["yaml-alias-token"] = [("jumpcloud.yaml", Export($"  token: *{Canary}")), settings],
            ["parse-error-on-continuation-line"] = [("jumpcloud.yaml", Export($"  token: \"Bearer\n  {Canary}\" : x")), settings],
            ["under-indented-block-scalar"] = [("jumpcloud.yaml", Export($"  token: |\n {Canary}")), settings],
            ["token-repeated-in-comment"] = [("jumpcloud.yaml", Export($"  token: {Canary}") + $"# old token was {Canary}\n"), settings],
            ["csharp-unquoted-token"] = [("jumpcloud.cs", $$"""
                using JumpCloud.SDK.V1.Models;
                class Cfg
                {
                    Application App = new Application { Name = "strongdm", SsoUrl = "https://app.strongdm.com/login" };
                    IdentityManagement Im = new IdentityManagement { BaseUrl = "https://app.strongdm.com/provisioning/generic/v2", Token = {{Canary}} };
                }
                """), settings],
            ["csharp-secret-assignment"] = [("jumpcloud.cs", $$"""
                class Cfg
                {
                    object App = new Application { Name = "strongdm", SsoUrl = "https://app.strongdm.com/login", ApiKey = "{{Canary}}" };
                    object Im = new IdentityManagement { BaseUrl = "https://app.strongdm.com/provisioning/generic/v2?token={{Canary}}" };
                }
                """), settings],
        };
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public void No_eight_character_window_of_the_canary_appears_in_any_output(string placement)
    {
        var files = Cases()[placement];
        var outputs = new List<(string Where, string Text)>();
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var run = CliRunner.Run(Repo(files), "/repo", ".", "--format", format, "--no-color");
            Assert.True(run.ExitCode is 0 or 1, $"{placement} {format}: exit {run.ExitCode}");
            outputs.Add(($"stdout {format}", run.Out));
            outputs.Add(($"stderr {format}", run.Error));
        }

        var fs = Repo(files);
        var baseline = CliRunner.Run(fs, "/repo", ".", "--write-baseline", "out/baseline.json");
        outputs.Add(("stderr --write-baseline", baseline.Error));
        outputs.Add(("baseline file", fs.File.ReadAllText("/repo/out/baseline.json")));
        var both = CliRunner.Run(fs, "/repo", ".", "--output", "out/report.txt", "--sarif", "out/report.sarif");
        outputs.Add(("--output file", fs.File.ReadAllText("/repo/out/report.txt")));
        outputs.Add(("--sarif file", fs.File.ReadAllText("/repo/out/report.sarif")));
        outputs.Add(("stderr --output", both.Error));
        var fix = CliRunner.Run(fs, "/repo", ".", "--fix");
        outputs.Add(("stdout --fix", fix.Out));
        outputs.Add(("stderr --fix", fix.Error));

        foreach (var (where, text) in outputs)
        {
            var leak = Windows(Canary).FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));
            Assert.True(leak is null, $"{placement}: '{leak}' of the canary appears in {where}:\n{text}");
        }
    }

    [Fact]
    public void Control_a_long_value_in_a_non_secret_field_is_shown_so_the_window_check_is_live()
    {
        var run = CliRunner.Run(Repo([("jumpcloud.yaml", Export("  ssoUrl: https://app.strongdm.com/notasecretbutlong", "ssoUrl")), ("strongdm.yaml", SampleDocs.StrongDmUs)]), "/repo", ".");

        Assert.Contains("notasecretbutlong", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aB3xK9mQ2pL7vR4tY8wZ1cN6hJ5fD0sG-Qx7", true)]
    [InlineData("app.strongdm.com", false)]
    [InlineData("provisioning-generic-v2", false)]
    [InlineData("US", false)]
    [InlineData("https://app.strongdm.com/provisioning/generic/v2", false)]
    [InlineData("/provisioning/generic/v2/Users?filter=userName", false)]
    [InlineData("/aB3xK9mQ2pL7vR4tY8wZ1cN6hJ5fD0sG+Qx7=", true)]
    [InlineData("/aB3xK9mQ2pL7vR4tY8wZ1cN6hJ5fD0sG+Qx7", true)]
    [InlineData("eu-central-1", false)]
    public void Entropy_check_tells_tokens_from_urls_hosts_and_regions(string value, bool secret)
    {
        Assert.Equal(secret, ScimLint.Model.SecretValues.LooksLikeSecret(value));
    }

    private static IEnumerable<string> Windows(string canary) => Enumerable.Range(0, canary.Length - 7).Select(i => canary.Substring(i, 8));

    private static MockFileSystem Repo((string Path, string Text)[] files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddDirectory("/repo/out");
        foreach (var (path, text) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(text));
        }

        return fs;
    }
}
