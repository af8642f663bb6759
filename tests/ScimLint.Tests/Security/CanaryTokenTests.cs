using System.IO.Abstractions.TestingHelpers;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security;

/// <summary>
/// A canary token put in every token field, in every shape (plain, Bearer-prefixed, padded, in files that do not parse,
/// under a duplicate key), must never appear in any output: text, SARIF, JSON, GitHub, --sarif and --output files,
/// stderr. The check looks for a fragment, so a partly masked token counts as a leak too.
/// </summary>
public sealed class CanaryTokenTests
{
    private const string Canary = "CANARY-7f3a9c1e-do-not-leak";
    private const string Fragment = "7f3a9c1e";

    private const string Settings = """
        controlPlane:
          region: US
        provisioning:
          scimProvider: generic
          scimActive: true
          token:
            ref: env:SDM_SCIM_TOKEN
            createdAt: 2026-01-12T09:38:52Z
          legacyApiSyncEnabled: false
        """;

    /// <summary>Cases: a name, then the files (path, content).</summary>
    public static TheoryData<string> Cases() => [.. CaseFiles().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canary_token_never_appears_in_any_output(string name)
    {
        var files = CaseFiles()[name];
        var outputs = new List<(string Where, string Text)>();
        foreach (var format in new[] { "text", "sarif", "json", "github" })
        {
            var fs = FileSystem(files);
            var run = CliRunner.Run(fs, "/repo", ".", "--format", format, "--no-color");
            outputs.Add(($"stdout --format {format}", run.Out));
            outputs.Add(($"stderr --format {format}", run.Error));
            Assert.True(run.ExitCode is 0 or 1, $"{name} --format {format}: exit {run.ExitCode}: {Scrub(run.Error)}");
        }

        var withFiles = FileSystem(files);
        var filesRun = CliRunner.Run(withFiles, "/repo", ".", "--format", "text", "--sarif", "out/report.sarif", "--output", "out/report.txt");
        outputs.Add(("stdout --sarif/--output", filesRun.Out));
        outputs.Add(("stderr --sarif/--output", filesRun.Error));
        outputs.Add(("--sarif FILE", withFiles.File.ReadAllText("/repo/out/report.sarif")));
        outputs.Add(("--output FILE", withFiles.File.ReadAllText("/repo/out/report.txt")));

        var quiet = CliRunner.Run(FileSystem(files), "/repo", ".", "--quiet");
        outputs.Add(("stdout --quiet", quiet.Out));

        Assert.All(outputs, o => Assert.False(
            o.Text.Contains(Fragment, StringComparison.OrdinalIgnoreCase),
            $"{name}: the canary leaked into {o.Where}:\n{Scrub(o.Text)}"));
        Assert.Contains(outputs, o => o.Where == "stdout --format text" && o.Text.Contains(": error SL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("jumpcloud.yaml", "  token: CANARY-7f3a9c1e-do-not-leak\n", "SL304 jumpcloud.yaml:10:10-10:37")]
    [InlineData("jumpcloud.yaml", "  token: \"  CANARY-7f3a9c1e-do-not-leak\\n\"\n", "SL304 jumpcloud.yaml:10:10-10:43")]
    [InlineData("jumpcloud.yaml", "  token: Bearer CANARY-7f3a9c1e-do-not-leak\n", "SL304 jumpcloud.yaml:10:10-10:44")]
    public void Literal_canary_in_the_export_is_reported_by_SL304_at_the_token_value(string file, string tokenLine, string expected)
    {
        var result = Lint.Files(new Dictionary<string, string> { [file] = Export(tokenLine), ["strongdm.yaml"] = Settings });

        Assert.Equal([expected], result.Of("SL304").Select(f => f.Brief()));
        Assert.DoesNotContain(result.Findings, f => f.Message.Contains(Fragment, StringComparison.Ordinal) || (f.Fix?.Description.Contains(Fragment, StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public void Literal_canary_in_json_settings_is_reported_by_SL304_at_the_value()
    {
        var settings = """
            {
              "provisioning": {
                "scimProvider": "generic",
                "scimActive": true,
                "token": { "value": "CANARY-7f3a9c1e-do-not-leak" }
              }
            }
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = Export("  token: ${env:SDM_SCIM_TOKEN}\n"), ["strongdm.json"] = settings });

        Assert.Equal(["SL304 strongdm.json:5:25-5:54"], result.Of("SL304").Select(f => f.Brief()));
    }

    private static Dictionary<string, Dictionary<string, string>> CaseFiles()
    {
        var cases = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        void Add(string name, params (string Path, string Content)[] files) =>
            cases[name] = files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);

        // identityManagement.token in YAML.
        Add("yaml-export-plain", ("jumpcloud.yaml", Export($"  token: {Canary}\n")), ("strongdm.yaml", Settings));
        Add("yaml-export-bearer", ("jumpcloud.yaml", Export($"  token: Bearer {Canary}\n")), ("strongdm.yaml", Settings));
        Add("yaml-export-padded", ("jumpcloud.yaml", Export($"  token: \"  {Canary}  \"\n")), ("strongdm.yaml", Settings));
        Add("yaml-export-escaped-whitespace", ("jumpcloud.yaml", Export($"  token: \"\\t{Canary}\\n\"\n")), ("strongdm.yaml", Settings));
        Add("yaml-export-block-scalar", ("jumpcloud.yaml", Export($"  token: |\n    Bearer {Canary}\n")), ("strongdm.yaml", Settings));
        Add("yaml-export-folded-over-lines", ("jumpcloud.yaml", Export($"  token: \"Bearer\n    {Canary}\"\n")), ("strongdm.yaml", Settings));
        Add("yaml-export-flow-mapping", ("jumpcloud.yaml", Export($"  token: {{ nested: {Canary} }}\n")), ("strongdm.yaml", Settings));

        // identityManagement.token in JSON.
        Add("json-export-plain", ("jumpcloud.json", ExportJson($"\"{Canary}\"")), ("strongdm.yaml", Settings));
        Add("json-export-bearer-padded", ("jumpcloud.json", ExportJson($"\" Bearer {Canary}\\n\"")), ("strongdm.yaml", Settings));
        Add("json-export-minified", ("jumpcloud.json", Minified($"\"Bearer {Canary}\"")), ("strongdm.yaml", Settings));

        // provisioning.token.value in YAML and JSON.
        Add("yaml-settings-plain", ("jumpcloud.yaml", Export("  token: ${env:SDM_SCIM_TOKEN}\n")), ("strongdm.yaml", SettingsValue($"{Canary}")));
        Add("yaml-settings-bearer-padded", ("jumpcloud.yaml", Export("  token: ${env:SDM_SCIM_TOKEN}\n")), ("strongdm.yaml", SettingsValue($"\" Bearer {Canary} \"")));
        Add("json-settings", ("jumpcloud.yaml", Export("  token: ${env:SDM_SCIM_TOKEN}\n")), ("strongdm.json", SettingsJson($"\"Bearer {Canary}  \"")));
        Add("json-settings-minified", ("jumpcloud.yaml", Export("  token: ${env:SDM_SCIM_TOKEN}\n")), ("strongdm.json", $"{{\"provisioning\":{{\"scimProvider\":\"generic\",\"scimActive\":true,\"token\":{{\"value\":\"{Canary}\"}}}}}}"));

        // Files that fail to parse on the token line.
        Add("yaml-parse-error-on-token-line", ("jumpcloud.yaml", Export($"  token: {Canary}: oops\n")), ("strongdm.yaml", Settings));
        Add("yaml-parse-error-unterminated-quote", ("jumpcloud.yaml", Export($"  token: \"Bearer {Canary}\n")), ("strongdm.yaml", Settings));
        Add("json-parse-error-on-token-line", ("jumpcloud.json", ExportJson($"{Canary}")), ("strongdm.yaml", Settings));
        Add("json-parse-error-minified", ("jumpcloud.json", Minified($"\"{Canary}\" \"oops\"")), ("strongdm.yaml", Settings));
        Add("yaml-settings-parse-error", ("jumpcloud.yaml", Export("  token: ${env:SDM_SCIM_TOKEN}\n")), ("strongdm.yaml", SettingsValue($"{Canary}: [")));

        // Duplicate key 'token': the second value is not in the model.
        Add("yaml-duplicate-token-second", ("jumpcloud.yaml", Export($"  token: ${{env:SDM_SCIM_TOKEN}}\n  token: {Canary}\n")), ("strongdm.yaml", Settings));
        Add("yaml-duplicate-token-first", ("jumpcloud.yaml", Export($"  token: {Canary}\n  token: ${{env:SDM_SCIM_TOKEN}}\n")), ("strongdm.yaml", Settings));
        Add("yaml-duplicate-token-flow", ("jumpcloud.yaml", Export($"  token: ${{env:SDM_SCIM_TOKEN}}\nextra: {{ token: a, token: {Canary} }}\n")), ("strongdm.yaml", Settings));
        Add("json-duplicate-token-minified", ("jumpcloud.json", Minified($"\"${{env:SDM_SCIM_TOKEN}}\",\"token\":\"{Canary}\"")), ("strongdm.yaml", Settings));
        Add("yaml-settings-duplicate-value", ("jumpcloud.yaml", Export("  token: ${env:SDM_SCIM_TOKEN}\n")), ("strongdm.yaml", SettingsValue($"{Canary}\n    value: {Canary}")));
        return cases;
    }

    // The token fixtures' export without tokenUpdatedAt: one document shape for every token test.
    private static string Export(string tokenLine) => ScimLint.Tests.Rules.Token.TokenDocuments.Export(tokenLine, string.Empty);

    private static string ExportJson(string tokenJson) => $$"""
        {
          "application": {
            "name": "strongdm",
            "ssoUrl": "https://app.strongdm.com/app/login",
            "config": {}
          },
          "identityManagement": {
            "baseUrl": "https://app.strongdm.com/provisioning/generic/v2",
            "token": {{tokenJson}},
            "groupManagementEnabled": true
          },
          "associations": [{ "to": { "id": "6026da081f24755306c2ee0d", "type": "user_group" } }]
        }
        """;

    private static string Minified(string tokenJson) =>
        $$$"""{"application":{"name":"strongdm","ssoUrl":"https://app.strongdm.com/app/login","config":{}},"identityManagement":{"baseUrl":"https://app.strongdm.com/provisioning/generic/v2","token":{{{tokenJson}}},"groupManagementEnabled":true}}""";

    private static string SettingsValue(string valueYaml) =>
        "provisioning:\n" +
        "  scimProvider: generic\n" +
        "  scimActive: true\n" +
        "  token:\n" +
        $"    value: {valueYaml}\n";

    private static string SettingsJson(string valueJson) => $$"""
        {
          "provisioning": {
            "scimProvider": "generic",
            "scimActive": true,
            "token": {
              "value": {{valueJson}}
            }
          }
        }
        """;

    private static MockFileSystem FileSystem(Dictionary<string, string> files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddDirectory("/repo/out");
        foreach (var (path, content) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(content));
        }

        return fs;
    }

    // Failure messages must not leak the canary into test logs either.
    private static string Scrub(string text) => text.Replace(Canary, "<CANARY>", StringComparison.Ordinal).Replace(Fragment, "<FRAGMENT>", StringComparison.Ordinal);
}

public sealed class TokenRefCanaryTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("sarif")]
    [InlineData("json")]
    [InlineData("github")]
    public void A_token_pasted_into_ref_is_reported_and_never_printed(string format)
    {
        const string canary = "CANARYref9c2e41d0donotleak";
        var fs = new System.IO.Abstractions.TestingHelpers.MockFileSystem();
        fs.AddDirectory("/repo/.git");
        fs.AddFile("/repo/strongdm.yaml", new(ScimLint.Tests.Engine.SampleDocs.StrongDmUs.Replace("ref: env:SDM_SCIM_TOKEN", "ref: " + canary, StringComparison.Ordinal)));
        fs.AddFile("/repo/jumpcloud.yaml", new(ScimLint.Tests.Engine.SampleDocs.JumpCloudUs));

        var run = ScimLint.Tests.Infrastructure.CliRunner.Run(fs, "/repo", "--format", format);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SL304", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, run.Out + run.Error, StringComparison.Ordinal);
    }
}
