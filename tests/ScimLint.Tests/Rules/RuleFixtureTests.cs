using System.Text;
using System.Text.Json;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Rules;

/// <summary>
/// Table-driven rule fixtures. <c>Fixtures/Rules/SLnnn/bad-*/</c> must produce exactly the findings of SLnnn listed in
/// its <c>expected.txt</c> (<c>SLnnn file:line:col-line:col</c>, one per line); <c>good-*</c> (near misses) must produce none.
/// Every YAML fixture is also converted to JSON and must fire the same rule at the same logical paths.
/// A fixture folder may have subfolders (pairing by ancestry), and an optional <c>args.txt</c> listing the paths to lint
/// (one per line, relative to the folder; <c>#</c> starts a comment) instead of <c>.</c>, for rules about files named on
/// the command line (SL004). A case with custom rules (<c>.scimlint/rules</c>, SL007) is linted as the command line does,
/// configuration and custom rules included (no cache). Each case is linted in its own copy with its own <c>.git</c> (<see cref="FixtureWorkspace"/>).
/// </summary>
public sealed class RuleFixtureTests(FixtureWorkspace workspace) : IClassFixture<FixtureWorkspace>
{
    public static TheoryData<string> BadFixtures() => Cases("bad-");

    public static TheoryData<string> GoodFixtures() => Cases("good-");

    /// <summary>
    /// The cases a JSON twin can check: YAML inputs and no JSON of their own. Not SL001 (its fixtures do not parse)
    /// nor SL005 and SL008 (they live in comments, which a JSON twin has none of).
    /// </summary>
    public static TheoryData<string> TwinFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in CaseNames("bad-").Concat(CaseNames("good-")).Order(StringComparer.Ordinal))
        {
            var (rule, dir) = Resolve(FixturesRoot, fixture);
            var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
            if (rule is not ("SL001" or "SL005" or "SL008") && !files.Any(IsJson) && files.Any(IsYaml) && !HasCustomRules(dir))
            {
                data.Add(fixture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public void Bad_fixture_reports_exactly_the_expected_findings(string fixture)
    {
        var (rule, dir) = Resolve(workspace.Root, fixture);
        var expectedFile = Path.Combine(dir, "expected.txt");
        Assert.True(File.Exists(expectedFile), $"{fixture} has no expected.txt");
        var expected = File.ReadAllLines(expectedFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var actual = LintCase(dir).Of(rule).Select(f => f.Brief()).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void Good_fixture_does_not_report_the_rule(string fixture)
    {
        var (rule, dir) = Resolve(workspace.Root, fixture);

        var actual = LintCase(dir).Of(rule).Select(f => f.Brief() + " " + f.Message).ToList();

        Assert.Empty(actual);
    }

    [Theory]
    [MemberData(nameof(TwinFixtures))]
    public void Json_twin_of_a_yaml_fixture_reports_the_same_logical_findings(string fixture)
    {
        var (rule, dir) = Resolve(workspace.Root, fixture);
        var twin = Directory.CreateTempSubdirectory("scimlint-twin-");
        try
        {
            Directory.CreateDirectory(Path.Combine(twin.FullName, ".git"));
            foreach (var file in Directory.GetFiles(dir, "*.yaml", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(dir, file);
                var doc = DocumentLoader.Load(Path.GetFileName(file), File.ReadAllBytes(file));
                Assert.Empty(doc.Diagnostics);
                var target = Path.Combine(twin.FullName, Path.ChangeExtension(relative, ".json"));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, ToJson(doc.Root!));
            }

            static string Key(ScimLint.Rules.Finding f) => $"{Path.GetFileNameWithoutExtension(f.Path)} {f.LogicalPath} {f.Message}";
            var yaml = Lint.Directory(dir, null, Arguments(dir)).Of(rule).Select(Key).Order(StringComparer.Ordinal).ToList();
            var jsonArguments = Arguments(dir).Select(a => a.EndsWith(".yaml", StringComparison.Ordinal) ? Path.ChangeExtension(a, ".json") : a).ToArray();
            var json = Lint.Directory(twin.FullName, null, jsonArguments).Of(rule).Select(Key).Order(StringComparer.Ordinal).ToList();

            if (fixture.Contains("/bad-", StringComparison.Ordinal))
            {
                Assert.NotEmpty(yaml);
            }

            Assert.Equal(yaml, json);
        }
        finally
        {
            twin.Delete(recursive: true);
        }
    }

    internal static string FixturesRoot => FixtureWorkspace.Source;

    private static bool HasCustomRules(string dir) => Directory.Exists(Path.Combine(dir, ".scimlint", "rules"));

    private static ScimLint.Engine.LintResult LintCase(string dir) => HasCustomRules(dir)
        ? new ScimLint.Engine.LintEngine(new System.IO.Abstractions.FileSystem(), dir).Run(new ScimLint.Engine.LintOptions(Arguments(dir)))
        : Lint.Directory(dir, null, Arguments(dir));

    private static bool IsYaml(string file) => file.EndsWith(".yaml", StringComparison.Ordinal);

    private static bool IsJson(string file) => file.EndsWith(".json", StringComparison.Ordinal);

    private static TheoryData<string> Cases(string prefix) => [.. CaseNames(prefix)];

    private static IEnumerable<string> CaseNames(string prefix) =>
        Directory.GetDirectories(FixturesRoot).Order(StringComparer.Ordinal).SelectMany(ruleDir => Directory.GetDirectories(ruleDir)
            .Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(caseDir => $"{Path.GetFileName(ruleDir)}/{Path.GetFileName(caseDir)}"));

    /// <summary>The paths to lint: the lines of <c>args.txt</c> when the fixture has one, else <c>.</c>.</summary>
    private static string[] Arguments(string dir)
    {
        var file = Path.Combine(dir, "args.txt");
        return File.Exists(file)
            ? [.. File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))]
            : ["."];
    }

    private static (string Rule, string Dir) Resolve(string root, string fixture) =>
        (fixture.Split('/')[0], Path.Combine(root, fixture.Replace('/', Path.DirectorySeparatorChar)));

    internal static string ToJson(DocNode root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(root, writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(DocNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case DocMapping map:
                writer.WriteStartObject();
                foreach (var p in map.Properties)
                {
                    writer.WritePropertyName(p.Key.Value);
                    Write(p.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case DocSequence seq:
                writer.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case DocScalar { Kind: ScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case DocScalar { Kind: ScalarKind.Boolean } b:
                writer.WriteBooleanValue(b.AsBoolean == true);
                break;
            case DocScalar { Kind: ScalarKind.Number } n:
                writer.WriteRawValue(n.Value);
                break;
            case DocScalar s:
                writer.WriteStringValue(s.Value);
                break;
        }
    }
}
