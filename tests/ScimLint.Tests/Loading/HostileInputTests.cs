using System.IO.Abstractions.TestingHelpers;
using System.Text;
using ScimLint.Configuration;
using ScimLint.Documents;
using ScimLint.Engine;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Loading;

/// <summary>Malformed, hostile and odd input becomes findings, never an exception or a stack trace.</summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("application:\n  name: strongdm\n  ssoUrl: [unclosed\nidentityManagement: {}\n", 3, 11, "'[' is never closed")]
    [InlineData("application:\n  name: strongdm\n   displayName: x\n", 3, 15, "YAML syntax error")]
    [InlineData("application:\n  name: 'strongdm\nidentityManagement: {}\n", 2, 9, "quoted scalar")]
    [InlineData("application:\n\tname: strongdm\n", 2, 1, "tab")]
    [InlineData("application:\n  name: strongdm\n identityManagement: {}\n", 3, 2, "YAML syntax error")]
    [InlineData("application: {name: strongdm, ssoUrl: x\n", 1, 14, "'{' is never closed")]
    [InlineData("application:\n  name: \"strong\\qdm\"\n", 2, 9, "escape")]
    public void Malformed_yaml_reports_SL001_at_the_error_position_and_exits_1(string text, int line, int column, string messagePart)
    {
        var run = RunCli(new() { ["jumpcloud.yaml"] = text }, "jumpcloud.yaml");

        Assert.Equal(1, run.ExitCode);
        var first = run.Out.Split('\n')[0];
        Assert.StartsWith($"jumpcloud.yaml:{line}:{column}: error SL001: ", first, StringComparison.Ordinal);
        Assert.Contains(messagePart, first, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Theory]
    [InlineData("{\n  \"application\": {\n    \"name\": \"strongdm\",\n  }\n}", 4, 3, "trailing comma")]
    [InlineData("{\n  \"application\": {\n    \"name\": ,\n  }\n}", 3, 13, "invalid start of a value")]
    [InlineData("{\n  \"application\": {\n    \"name\": \"strongdm\"\n    \"ssoUrl\": \"x\"\n  }\n}", 4, 5, "invalid after a value")]
    [InlineData("{\"application\": {\"name\": \"日本\" \"x\": 1}}", 1, 31, "invalid after a value")]
    [InlineData("{\r\n  \"application\": {\r\n    \"name\": \"strongdm\r\n", 3, 22, "'0x0D' is invalid within a JSON string")]
    [InlineData("{\"application\": {\"name\": \"strongdm\"}}\n{}", 2, 1, "after a single JSON value")]
    [InlineData("{\"application\": {\"name\": \"\\uD800\"}}", 1, 26, "lone UTF-16 surrogate")]
    [InlineData("", 1, 1, "holds no value")]
    public void Malformed_json_reports_SL001_at_the_error_position_and_exits_1(string text, int line, int column, string messagePart)
    {
        var run = RunCli(new() { ["jumpcloud.json"] = text }, "jumpcloud.json");

        Assert.Equal(1, run.ExitCode);
        var first = run.Out.Split('\n')[0];
        Assert.StartsWith($"jumpcloud.json:{line}:{column}: error SL001: ", first, StringComparison.Ordinal);
        Assert.Contains(messagePart, first, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Malformed_file_found_by_walking_a_directory_is_reported_when_it_looks_like_ours()
    {
        var run = RunCli(new() { ["jumpcloud.yaml"] = "application:\n  ssoUrl: [x\nidentityManagement: {}\n", ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("jumpcloud.yaml:2:11: error SL001: ", run.Out, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_the_bad_byte()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("application:\n  name: Zürich "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\n")];

        var doc = DocumentLoader.Load("jumpcloud.yaml", bytes);

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Null(doc.Root);
        Assert.Equal((2, 16), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Contains("invalid UTF-8: byte 0xC3 at offset 29", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_through_the_cli_exits_1_with_SL001()
    {
        var fs = Repo(new());
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData([.. Encoding.UTF8.GetBytes("application:\n  ssoUrl: "), 0xFF, 0x0A]));

        var run = CliRunner.Run(fs, "/repo", "jumpcloud.yaml");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("jumpcloud.yaml:2:11: error SL001: invalid UTF-8: byte 0xFF", run.Out, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00 })]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x61, 0x00, 0x3A })]
    public void Utf16_file_is_reported_as_SL001(byte[] bytes)
    {
        var doc = DocumentLoader.Load("jumpcloud.yaml", bytes);

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Contains("UTF-16", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void Nul_byte_is_reported_at_its_position()
    {
        var doc = DocumentLoader.LoadText("jumpcloud.json", "{\n  \"a\": \"x\0y\"\n}");

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Contains("NUL", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((2, 10, 2, 11), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn, diagnostic.Span.EndLine, diagnostic.Span.EndColumn));
    }

    [Fact]
    public void File_larger_than_the_limit_is_not_parsed()
    {
        var limits = new LoadLimits { MaxFileBytes = 100 };

        var doc = DocumentLoader.LoadText("jumpcloud.yaml", SampleDocs.JumpCloudUs, limits);

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Null(doc.Root);
        Assert.Contains("more than the 100-byte limit", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void File_at_the_limit_is_parsed()
    {
        var bytes = Encoding.UTF8.GetByteCount(SampleDocs.JumpCloudUs);

        var doc = DocumentLoader.LoadText("jumpcloud.yaml", SampleDocs.JumpCloudUs, new LoadLimits { MaxFileBytes = bytes });

        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void File_over_4_MiB_named_on_the_command_line_is_SL001_without_being_read()
    {
        var fs = Repo(new() { ["strongdm.yaml"] = SampleDocs.StrongDmUs });
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(Huge()));

        var result = new LintEngine(fs, "/repo").Run(new LintRequest(["jumpcloud.yaml"], ScimLintConfig.Empty));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("SL001 jumpcloud.yaml:1:1-1:1", finding.Brief());
        Assert.Contains("more than the 4194304-byte limit", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_4_MiB_found_by_walking_is_SL001_when_it_looks_like_ours()
    {
        var fs = Repo(new() { ["strongdm.yaml"] = SampleDocs.StrongDmUs });
        fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(Huge()));
        fs.AddFile("/repo/docs/openapi.yaml", new MockFileData(new string('#', 5 * 1024 * 1024)));

        var result = new LintEngine(fs, "/repo").Run(new LintRequest(["."], ScimLintConfig.Empty));

        Assert.Equal(["SL001 jumpcloud.yaml:1:1-1:1"], result.Of("SL001").Select(f => f.Brief()));
    }

    [Fact]
    public void Yaml_nested_deeper_than_the_limit_is_SL001()
    {
        var flow = new string('[', 100) + new string(']', 100);
        var block = string.Concat(Enumerable.Range(0, 80).Select(i => new string(' ', i * 2) + "k:\n")) + new string(' ', 160) + "v\n";

        var flowDoc = DocumentLoader.LoadText("a.yaml", flow);
        var blockDoc = DocumentLoader.LoadText("a.yaml", block);

        Assert.Contains("nesting deeper than 64 levels", Assert.Single(flowDoc.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Contains("nesting deeper than 64 levels", Assert.Single(blockDoc.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Null(flowDoc.Root);
        Assert.Null(blockDoc.Root);
    }

    [Fact]
    public void Json_nested_deeper_than_the_limit_is_SL001()
    {
        var doc = DocumentLoader.LoadText("a.json", new string('[', 10_000) + new string(']', 10_000));

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Equal("nesting deeper than 64 levels; the file was not parsed", diagnostic.Message);
        Assert.Equal((1, 65), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
    }

    [Fact]
    public void Nesting_at_the_limit_is_accepted_in_yaml_and_json()
    {
        var text = new string('[', 64) + new string(']', 64);

        Assert.Empty(DocumentLoader.LoadText("a.yaml", text).Diagnostics);
        Assert.Empty(DocumentLoader.LoadText("a.json", text).Diagnostics);
    }

    [Fact]
    public void Yaml_alias_bomb_is_capped_by_MaxNodes()
    {
        var lines = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            lines.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(',', Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var doc = DocumentLoader.LoadText("strongdm.yaml", lines.ToString());

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Null(doc.Root);
        Assert.Contains("more than 200000 nodes once aliases are expanded", diagnostic.Message, StringComparison.Ordinal);
        Assert.InRange(diagnostic.Span.StartLine, 2, 9);
    }

    [Fact]
    public void Aliases_under_the_node_limit_are_expanded()
    {
        var doc = DocumentLoader.LoadText("a.yaml", "a: &x [1, 2]\nb: *x\nc: [*x, *x]\n", new LoadLimits { MaxNodes = 14 });

        Assert.Empty(doc.Diagnostics);
        Assert.Equal(2, Assert.IsType<DocSequence>(((DocMapping)doc.Root!).Get("b")).Items.Count);
    }

    [Fact]
    public void Alias_expansion_over_a_small_node_limit_is_SL001()
    {
        var doc = DocumentLoader.LoadText("a.yaml", "a: &x [1, 2]\nb: *x\nc: [*x, *x]\n", new LoadLimits { MaxNodes = 13 });

        Assert.Contains("more than 13 nodes", Assert.Single(doc.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_to_an_unknown_anchor_is_SL001()
    {
        var doc = DocumentLoader.LoadText("a.yaml", "a: 1\nb: *nope\n");

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Equal("alias *nope refers to no anchor", diagnostic.Message);
        Assert.Equal((2, 4, 2, 9), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn, diagnostic.Span.EndLine, diagnostic.Span.EndColumn));
    }

    [Fact]
    public void Duplicate_yaml_key_is_SL001_at_the_second_key_and_the_rest_is_still_checked()
    {
        var text = SampleDocs.JumpCloudUsWith("status: active", "  status: active\n  groupManagementEnabled: false");

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = text, ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        var finding = Assert.Single(result.Of("SL001"));
        Assert.Equal("SL001 jumpcloud.yaml:17:3-17:25", finding.Brief());
        Assert.Equal("duplicate key 'groupManagementEnabled' (first defined at line 15)", finding.Message);
        Assert.Empty(result.Of("SL201"));
        Assert.Empty(result.Of("SL002"));
    }

    [Fact]
    public void Duplicate_json_key_is_SL001_at_the_second_key()
    {
        var text = "{\n  \"controlPlane\": {\"region\": \"US\"},\n  \"provisioning\": {\"scimProvider\": \"generic\"},\n  \"controlPlane\": {\"region\": \"EU\"}\n}";

        var result = Lint.Files(new Dictionary<string, string> { ["strongdm.json"] = text });

        var finding = Assert.Single(result.Of("SL001"));
        Assert.Equal("SL001 strongdm.json:4:3-4:17", finding.Brief());
        Assert.Equal("duplicate key 'controlPlane' (first defined at line 2)", finding.Message);
    }

    [Fact]
    public void Second_yaml_document_is_SL001_at_its_separator()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs + "---\napplication:\n  name: other\n", ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        var finding = Assert.Single(result.Findings);
        Assert.Equal("SL001 jumpcloud.yaml:25:1-25:4", finding.Brief());
        Assert.Contains("second YAML document is ignored", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_document_markers_around_one_document_are_fine()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = "%YAML 1.2\n---\n" + SampleDocs.JumpCloudUs + "...\n", ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Unknown_key_in_identity_management_is_SL002_with_a_suggestion()
    {
        var text = SampleDocs.JumpCloudUsWith("groupManagementEnabled", "  groupManagmentEnabled: true");

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = text, ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        var finding = Assert.Single(result.Of("SL002"));
        Assert.Equal("SL002 jumpcloud.yaml:15:3-15:24", finding.Brief());
        Assert.Contains("unknown property 'groupManagmentEnabled'; did you mean 'groupManagementEnabled'?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_in_strongdm_settings_is_SL002_with_a_suggestion()
    {
        var text = SampleDocs.StrongDmUs.Replace("scimActive: true", "scimActiv: true", StringComparison.Ordinal);

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = text });

        var finding = Assert.Single(result.Of("SL002"));
        Assert.Equal("SL002 strongdm.yaml:6:3-6:12", finding.Brief());
        Assert.Contains("did you mean 'scimActive'?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_tags_are_tolerated_and_str_tag_makes_a_string()
    {
        var text = SampleDocs.JumpCloudUsWith("scimVersion", "  scimVersion: !!str 2.0").Replace("  config: {}", "  config: !custom {a: !!binary aGVsbG8=}", StringComparison.Ordinal);

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = text, ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Anchors_and_aliases_resolve_to_the_anchored_value()
    {
        var text = SampleDocs.StrongDmUs.Replace("scimActive: true", "scimActive: &on true", StringComparison.Ordinal).Replace("scimManaged: true", "scimManaged: *on", StringComparison.Ordinal);

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = text });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Merge_keys_merge_the_anchored_mapping_and_keys_written_beside_them_win()
    {
        var doc = DocumentLoader.LoadText("a.yaml", "base: &b\n  x: 1\n  y: 2\nuse:\n  <<: *b\n  y: 3\nmany:\n  <<: [{p: 1}, {p: 2, q: 2}]\n");

        Assert.Empty(doc.Diagnostics);
        var use = Assert.IsType<DocMapping>(((DocMapping)doc.Root!).Get("use"));
        Assert.Equal(["y", "x"], use.Properties.Select(p => p.Key.Value));
        Assert.Equal("3", Assert.IsType<DocScalar>(use.Get("y")).Value);
        Assert.Equal(2, Assert.IsType<DocScalar>(use.Get("x")).Span.StartLine);
        var many = Assert.IsType<DocMapping>(((DocMapping)doc.Root!).Get("many"));
        Assert.Equal("1", Assert.IsType<DocScalar>(many.Get("p")).Value);
        Assert.Equal("2", Assert.IsType<DocScalar>(many.Get("q")).Value);
    }

    [Fact]
    public void Merge_key_in_a_real_document_supplies_the_merged_fields()
    {
        var text = "defaults: &im\n  apiType: SCIM API\n  scimVersion: \"2.0\"\n" + SampleDocs.JumpCloudUs.Replace("identityManagement:\n  apiType: SCIM API\n  scimVersion: \"2.0\"\n", "identityManagement:\n  <<: *im\n", StringComparison.Ordinal);
        var doc = DocumentLoader.LoadText("jumpcloud.yaml", text);
        var app = Assert.Single(ModelBinder.Bind(doc).Apps);

        Assert.Equal("SCIM API", app.ApiType.Text);
        Assert.Equal(2, app.ApiType.Span.StartLine);
    }

    [Fact]
    public void Quoted_merge_key_is_an_ordinary_key()
    {
        var doc = DocumentLoader.LoadText("a.yaml", "b: &b {x: 1}\nu:\n  '<<': *b\n");

        var use = Assert.IsType<DocMapping>(((DocMapping)doc.Root!).Get("u"));
        Assert.Equal(["<<"], use.Properties.Select(p => p.Key.Value));
    }

    [Fact]
    public void Complex_yaml_key_is_SL001()
    {
        var doc = DocumentLoader.LoadText("a.yaml", "? [a, b]\n: c\n");

        Assert.Contains("only plain string keys", Assert.Single(doc.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.yaml", "")]
    [InlineData("notes.yaml", "# just a comment\n# and another\n")]
    [InlineData("notes.yaml", "just a scalar\n")]
    [InlineData("notes.yaml", "- a\n- b\n")]
    [InlineData("notes.json", "\"a string\"")]
    [InlineData("notes.json", "[1, 2]")]
    [InlineData("notes.yaml", "~\n")]
    public void Unrecognised_root_is_skipped_when_walked_and_SL004_when_named(string path, string text)
    {
        var walked = Lint.Files(new Dictionary<string, string> { [path] = text });
        var named = Lint.Files(new Dictionary<string, string> { [path] = text }, null, path);

        Assert.Empty(walked.Findings);
        Assert.Equal(0, walked.FilesChecked);
        var finding = Assert.Single(named.Findings);
        Assert.Equal("SL004", finding.Rule.Id);
        Assert.Equal(Severity.Note, finding.Severity);
        Assert.Equal(1, finding.Span.StartLine);
    }

    [Fact]
    public void Empty_json_file_named_on_the_command_line_is_SL001()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.json"] = "  \n" }, null, "jumpcloud.json");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("SL001", finding.Rule.Id);
        Assert.Equal("JSON syntax error: the file holds no value", finding.Message);
    }

    [Fact]
    public void Truncated_and_corrupted_examples_never_throw()
    {
        var files = Directory.GetDirectories(Infrastructure.Repo.Examples)
            .SelectMany(d => Directory.GetFiles(d))
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        byte[] flips = [(byte)'[', (byte)'{', (byte)'"', (byte)'\'', (byte)':', (byte)'\n', (byte)'\t', (byte)'&', (byte)'*', (byte)'!', 0x00, 0xC3, 0xFF, (byte)'-', (byte)'#', (byte)'|'];
        var mutants = 0;
        var engineRuns = 0;
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            var name = Path.GetFileName(file);
            var step = Math.Max(1, original.Length / 32);
            for (var i = 0; i < original.Length; i += step)
            {
                var truncated = original[..i];
                var flipped = (byte[])original.Clone();
                flipped[i] = flips[(i / step) % flips.Length];
                foreach (var bytes in new[] { truncated, flipped })
                {
                    mutants++;
                    var doc = DocumentLoader.Load(name, bytes);
                    var bound = ModelBinder.Bind(doc);
                    Assert.NotNull(bound);
                    if (mutants % 8 == 0)
                    {
                        engineRuns++;
                        RunEngine(name, bytes);
                    }
                }
            }
        }

        Assert.True(mutants > 500, $"only {mutants} mutants");
        Assert.True(engineRuns > 60, $"only {engineRuns} engine runs");
    }

    private static void RunEngine(string name, byte[] bytes)
    {
        var fs = Repo(new());
        fs.AddFile("/repo/" + name, new MockFileData(bytes));
        var counterpart = name.StartsWith("jumpcloud", StringComparison.Ordinal) ? ("strongdm.yaml", SampleDocs.StrongDmEu) : ("jumpcloud.yaml", SampleDocs.JumpCloudUs);
        fs.AddFile("/repo/" + counterpart.Item1, new MockFileData(counterpart.Item2));
        var result = new LintEngine(fs, "/repo").Run(new LintRequest([name], ScimLintConfig.Empty));
        Assert.All(result.Findings, f => Assert.True(f.Span.StartLine >= 1 && f.Span.StartColumn >= 1, f.Brief()));
    }

    private static CliRun RunCli(Dictionary<string, string> files, params string[] args) => CliRunner.Run(Repo(files), "/repo", args);

    private static MockFileSystem Repo(Dictionary<string, string> files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, content) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(content));
        }

        return fs;
    }

    private static byte[] Huge()
    {
        var text = new StringBuilder(SampleDocs.JumpCloudUs);
        text.Append("padding:\n");
        while (text.Length <= LoadLimits.Default.MaxFileBytes + 1024)
        {
            text.Append("  - ").Append(new string('x', 200)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AssertNoStackTrace(CliRun run)
    {
        foreach (var text in new[] { run.Out, run.Error })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
    }
}
