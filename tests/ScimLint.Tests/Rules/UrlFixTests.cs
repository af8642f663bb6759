using System.Text.Json;
using ScimLint.Loading;
using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Rules;

/// <summary>
/// The fixes of the URL rules write the canonical URL of the known region: applying every fix of a bad URL fixture
/// and linting again leaves no URL finding (SL101-SL105), in YAML and in JSON, and the value keeps its quoting.
/// </summary>
public sealed class UrlFixTests
{
    private static readonly string[] UrlRuleIds = ["SL101", "SL102", "SL103", "SL104", "SL105"];

    /// <summary>Bad fixtures whose finding has no fix by design: there is no value to replace.</summary>
    private static readonly string[] Unfixable = ["SL103/bad-missing", "SL103/bad-null"];

    public static TheoryData<string, bool> FixableFixtures()
    {
        var data = new TheoryData<string, bool>();
        foreach (var rule in new[] { "SL101", "SL102", "SL103" })
        {
            foreach (var dir in Directory.GetDirectories(Path.Combine(RuleFixtureTests.FixturesRoot, rule), "bad-*").Order(StringComparer.Ordinal))
            {
                var fixture = $"{rule}/{Path.GetFileName(dir)}";
                if (Unfixable.Contains(fixture))
                {
                    continue;
                }

                data.Add(fixture, false);
                if (Directory.GetFiles(dir, "*.yaml").Length > 0)
                {
                    data.Add(fixture, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixableFixtures))]
    public void Applying_every_fix_of_a_bad_url_fixture_leaves_no_url_findings(string fixture, bool yamlAsJson)
    {
        var dir = Copy(fixture, yamlAsJson);
        try
        {
            var before = UrlFindings(dir);
            Assert.NotEmpty(before);
            Assert.All(before, f => Assert.True(f.Fix is not null, $"{f.Rule.Id} {f.Message} has no fix"));

            foreach (var file in before.GroupBy(f => f.Path, StringComparer.Ordinal))
            {
                var path = Path.Combine(dir, file.Key);
                var fixedText = Fix.Apply(File.ReadAllText(path), file.SelectMany(f => f.Fix!.Replacements));
                File.WriteAllText(path, fixedText);
                Assert.Empty(DocumentLoader.Load(file.Key, File.ReadAllBytes(path)).Diagnostics);
            }

            var after = UrlFindings(dir).Select(f => $"{f.Brief()} {f.Message}");
            Assert.Empty(after);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Missing_or_null_base_url_has_no_fix_because_there_is_no_value_to_replace()
    {
        foreach (var fixture in Unfixable)
        {
            var dir = Copy(fixture, yamlAsJson: false);
            try
            {
                var findings = Lint.Directory(dir).Of("SL103").ToList();

                Assert.Single(findings);
                Assert.Null(findings[0].Fix);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Fix_of_a_double_quoted_yaml_value_keeps_the_quotes()
    {
        const string App = """
            application:
              name: strongdm
              displayLabel: StrongDM
              ssoUrl: https://app.uk.strongdm.com/app/login
              config: {}
            identityManagement:
              baseUrl: "http://app.uk.strongdm.com/provisioning/okta/v2/"
              token: ${env:SDM_SCIM_TOKEN}
              groupManagementEnabled: true
              status: active
            """;

        var fixedText = ApplyUrlFixes(App, "jumpcloud.yaml");

        Assert.Contains("  baseUrl: \"https://app.uk.strongdm.com/provisioning/generic/v2\"\n", fixedText, StringComparison.Ordinal);
        Assert.Empty(UrlFindings(new Dictionary<string, string>(StringComparer.Ordinal) { ["jumpcloud.yaml"] = fixedText }));
    }

    [Fact]
    public void Fix_of_a_plain_yaml_value_stays_plain()
    {
        const string App = """
            application:
              name: strongdm
              displayLabel: StrongDM
              ssoUrl: https://app.strongdm.com/app/login
              config: {}
            identityManagement:
              baseUrl: https://app.us.strongdm.com/scim/v2/
              token: ${env:SDM_SCIM_TOKEN}
              groupManagementEnabled: true
              status: active
            """;

        var fixedText = ApplyUrlFixes(App, "jumpcloud.yaml");

        Assert.Contains("  baseUrl: https://app.strongdm.com/provisioning/generic/v2\n", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_of_a_json_string_keeps_it_a_json_string()
    {
        const string App = """
            {
              "application": {
                "name": "strongdm",
                "displayLabel": "StrongDM",
                "ssoUrl": "https://app.eu.strongdm.com/app/login",
                "config": {}
              },
              "identityManagement": {
                "baseUrl": " https://admin@app.eu.strongdm.com//provisioning/generic/v2?x=1",
                "token": "${env:SDM_SCIM_TOKEN}",
                "groupManagementEnabled": true,
                "status": "active"
              }
            }
            """;

        var fixedText = ApplyUrlFixes(App, "jumpcloud.json");

        Assert.Contains("\"baseUrl\": \"https://app.eu.strongdm.com/provisioning/generic/v2\",", fixedText, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(fixedText);
        Assert.Equal("https://app.eu.strongdm.com/provisioning/generic/v2", parsed.RootElement.GetProperty("identityManagement").GetProperty("baseUrl").GetString());
    }

    private static string ApplyUrlFixes(string text, string name)
    {
        var findings = UrlFindings(new Dictionary<string, string>(StringComparer.Ordinal) { [name] = text });
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.NotNull(f.Fix));
        return Fix.Apply(text, findings.SelectMany(f => f.Fix!.Replacements));
    }

    private static List<Finding> UrlFindings(string dir) =>
        [.. Lint.Directory(dir).Findings.Where(f => UrlRuleIds.Contains(f.Rule.Id))];

    private static List<Finding> UrlFindings(Dictionary<string, string> files) =>
        [.. Lint.Files(files).Findings.Where(f => UrlRuleIds.Contains(f.Rule.Id))];

    /// <summary>Copies a fixture to a temporary repository, converting its YAML documents to JSON when asked.</summary>
    private static string Copy(string fixture, bool yamlAsJson)
    {
        var source = Path.Combine(RuleFixtureTests.FixturesRoot, fixture.Replace('/', Path.DirectorySeparatorChar));
        var target = Directory.CreateTempSubdirectory("scimlint-fix-").FullName;
        Directory.CreateDirectory(Path.Combine(target, ".git"));
        foreach (var file in Directory.GetFiles(source).Where(DocumentLoader.IsSupportedExtension))
        {
            var name = Path.GetFileName(file);
            if (yamlAsJson && name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                var doc = DocumentLoader.Load(name, File.ReadAllBytes(file));
                File.WriteAllText(Path.Combine(target, Path.GetFileNameWithoutExtension(name) + ".json"), RuleFixtureTests.ToJson(doc.Root!));
            }
            else
            {
                File.Copy(file, Path.Combine(target, name));
            }
        }

        return target;
    }
}
