using System.Globalization;
using System.Text;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Text;

namespace ScimLint.Tests.Loading;

/// <summary>Every value keeps its exact source span: 1-based lines and columns, exclusive end column, UTF-16 columns.</summary>
public sealed class SpanTests
{
    [Fact]
    public void Block_yaml_scalars_span_exactly_their_value()
    {
        var doc = Yaml("""
            application:
              name: strongdm
              ssoUrl: https://app.strongdm.com/app/login
            """);

        Assert.Equal("2:9-2:17", At(doc, "/application/name"));
        Assert.Equal("3:11-3:45", At(doc, "/application/ssoUrl"));
        Assert.Equal("3:3-3:9", KeyAt(doc, "/application/ssoUrl"));
    }

    [Fact]
    public void Block_mappings_and_sequences_end_at_their_last_child()
    {
        var doc = Yaml("""
            a:
              b: c
              d:
                - x
                - y   # a comment after the last item

            # a trailing comment
            """);

        Assert.Equal("2:3-5:8", At(doc, "/a"));
        Assert.Equal("4:5-5:8", At(doc, "/a/d"));
        Assert.Equal("1:1-5:8", At(doc, string.Empty));
    }

    [Fact]
    public void Flow_mapping_and_sequence_span_from_opening_to_closing_bracket()
    {
        var doc = Yaml("a: { b: c, d: [x, y] }\ne: [1]\nf: {}\n");

        Assert.Equal("1:4-1:23", At(doc, "/a"));
        Assert.Equal("1:9-1:10", At(doc, "/a/b"));
        Assert.Equal("1:15-1:21", At(doc, "/a/d"));
        Assert.Equal("1:16-1:17", At(doc, "/a/d/0"));
        Assert.Equal("1:19-1:20", At(doc, "/a/d/1"));
        Assert.Equal("2:4-2:7", At(doc, "/e"));
        Assert.Equal("3:4-3:6", At(doc, "/f"));
    }

    [Fact]
    public void Implicit_pair_in_a_flow_sequence_does_not_swallow_the_closing_bracket()
    {
        var doc = Yaml("a: [b: c]\n");

        Assert.Equal("1:4-1:10", At(doc, "/a"));
        Assert.Equal("1:5-1:9", At(doc, "/a/0"));
        Assert.Equal("1:8-1:9", At(doc, "/a/0/b"));
    }

    [Fact]
    public void Implicit_pair_inside_a_flow_mapping_starts_at_its_key()
    {
        var doc = Yaml("{x: [a: b], y: &n {z: 1}}\n");

        Assert.Equal("1:5-1:11", At(doc, "/x"));
        Assert.Equal("1:6-1:10", At(doc, "/x/0"));
        Assert.Equal("1:16-1:25", At(doc, "/y"));
        Assert.Equal("1:1-1:26", At(doc, string.Empty));
    }

    [Fact]
    public void Block_mapping_ending_in_an_alias_ends_at_the_alias()
    {
        var doc = Yaml("base: &b x\nref: *b\n");

        Assert.Equal("1:7-1:11", At(doc, "/base"));
        Assert.Equal("1:7-1:11", At(doc, "/ref"));
        Assert.Equal("1:1-2:8", At(doc, string.Empty));
    }

    [Fact]
    public void Quoted_scalars_span_includes_their_quotes()
    {
        var doc = Yaml("""
            a: 'it''s'
            b: "tab\there"
            c: ""
            """);

        Assert.Equal("1:4-1:11", At(doc, "/a"));
        Assert.Equal("it's", Scalar(doc, "/a").Value);
        Assert.Equal("2:4-2:15", At(doc, "/b"));
        Assert.Equal("3:4-3:6", At(doc, "/c"));
        Assert.True(Scalar(doc, "/c").Quoted);
    }

    [Fact]
    public void Literal_and_folded_block_scalars_end_at_their_last_content_character()
    {
        var doc = Yaml("a: |\n  one\n  two\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\n\nd: x\n");

        Assert.Equal("1:4-3:6", At(doc, "/a"));
        Assert.Equal("one\ntwo\n", Scalar(doc, "/a").Value);
        Assert.Equal("4:4-6:7", At(doc, "/b"));
        Assert.Equal("8:4-9:7", At(doc, "/c"));
        Assert.Equal("12:4-12:5", At(doc, "/d"));
    }

    [Fact]
    public void Multi_line_plain_scalar_spans_all_its_lines()
    {
        var doc = Yaml("a: first\n  second\nb: x\n");

        Assert.Equal("1:4-2:9", At(doc, "/a"));
        Assert.Equal("first second", Scalar(doc, "/a").Value);
    }

    [Fact]
    public void Json_values_keys_and_containers_have_exact_spans()
    {
        var doc = Json("""
            {
              "application": {
                "name": "strongdm",
                "active": true,
                "n": -12.5e3,
                "x": null
              },
              "list": [1, "two"]
            }
            """);

        Assert.Equal("3:13-3:23", At(doc, "/application/name"));
        Assert.Equal("3:5-3:11", KeyAt(doc, "/application/name"));
        Assert.Equal("4:15-4:19", At(doc, "/application/active"));
        Assert.Equal("5:10-5:17", At(doc, "/application/n"));
        Assert.Equal("6:10-6:14", At(doc, "/application/x"));
        Assert.Equal("2:18-7:4", At(doc, "/application"));
        Assert.Equal("8:11-8:21", At(doc, "/list"));
        Assert.Equal("8:15-8:20", At(doc, "/list/1"));
        Assert.Equal("1:1-9:2", At(doc, string.Empty));
    }

    [Fact]
    public void Json_string_with_escapes_spans_its_source_text()
    {
        var doc = Json("""{"a": "\u00e9\"x\"", "b": 1}""");

        Assert.Equal("1:7-1:20", At(doc, "/a"));
        Assert.Equal("é\"x\"", Scalar(doc, "/a").Value);
        Assert.Equal("1:27-1:28", At(doc, "/b"));
    }

    [Fact]
    public void Crlf_line_endings_count_as_one_line_break_in_yaml()
    {
        var doc = Yaml("a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\n");

        Assert.Equal("1:4-1:5", At(doc, "/a"));
        Assert.Equal("3:3-4:8", At(doc, "/b"));
        Assert.Equal("4:5-4:8", At(doc, "/b/1"));
    }

    [Fact]
    public void Crlf_line_endings_count_as_one_line_break_in_json()
    {
        var doc = Json("{\r\n  \"a\": \"x\",\r\n  \"b\": [true]\r\n}\r\n");

        Assert.Equal("2:8-2:11", At(doc, "/a"));
        Assert.Equal("3:8-3:14", At(doc, "/b"));
        Assert.Equal("1:1-4:2", At(doc, string.Empty));
    }

    [Fact]
    public void Lone_carriage_returns_are_line_breaks()
    {
        var doc = Yaml("a: 1\rb: 2\r");

        Assert.Equal("2:4-2:5", At(doc, "/b"));
    }

    [Fact]
    public void Utf8_byte_order_mark_does_not_shift_columns()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var yaml = DocumentLoader.Load("a.yaml", [.. bom, .. Encoding.UTF8.GetBytes("a: b\nc: d\n")]);
        var json = DocumentLoader.Load("a.json", [.. bom, .. Encoding.UTF8.GetBytes("{\"a\": \"b\"}")]);

        Assert.Empty(yaml.Diagnostics);
        Assert.Empty(json.Diagnostics);
        Assert.Equal("1:4-1:5", At(yaml, "/a"));
        Assert.Equal("2:4-2:5", At(yaml, "/c"));
        Assert.Equal("1:7-1:10", At(json, "/a"));
    }

    [Fact]
    public void Json_tabs_are_whitespace_and_count_as_one_column()
    {
        var doc = Json("{\n\t\"a\":\t\"x\",\n\t\t\"b\": 2\n}");

        Assert.Equal("2:2-2:5", KeyAt(doc, "/a"));
        Assert.Equal("2:7-2:10", At(doc, "/a"));
        Assert.Equal("3:8-3:9", At(doc, "/b"));
    }

    [Fact]
    public void Yaml_columns_count_utf16_code_units_after_non_ascii_characters()
    {
        var doc = Yaml("k: [é, \U0001F600, v]\nname: \"日本\" # 😀\nzürich: x\n");

        Assert.Equal("1:5-1:6", At(doc, "/k/0"));
        Assert.Equal("1:8-1:10", At(doc, "/k/1"));
        Assert.Equal("1:12-1:13", At(doc, "/k/2"));
        Assert.Equal("2:7-2:11", At(doc, "/name"));
        Assert.Equal("3:9-3:10", At(doc, "/zürich"));
    }

    [Fact]
    public void Json_values_after_multi_byte_characters_have_utf16_columns()
    {
        var doc = Json("{\"é\U0001F600\": \"v\", \"w\": \"日本\", \"x\": 1}");

        Assert.Equal("1:2-1:7", KeyAt(doc, "/é\U0001F600"));
        Assert.Equal("1:9-1:12", At(doc, "/é\U0001F600"));
        Assert.Equal("1:19-1:23", At(doc, "/w"));
        Assert.Equal("1:30-1:31", At(doc, "/x"));
    }

    [Fact]
    public void Span_offsets_index_the_decoded_text()
    {
        var doc = Yaml("name: \"Zürich\"\nb: x\n");
        var span = Node(doc, "/b").Span;

        Assert.Equal("x", doc.Text.Text[span.StartOffset..span.EndOffset]);
        Assert.Equal("\"Zürich\"", doc.Text.Text[Node(doc, "/name").Span.StartOffset..Node(doc, "/name").Span.EndOffset]);
    }

    [Fact]
    public void Model_field_with_a_null_value_points_at_its_key()
    {
        var bound = Bind("""
            application:
              name: strongdm
              ssoUrl:
            identityManagement:
              token: ~
              baseUrl: ""
            """);
        var app = Assert.Single(bound.Apps);

        Assert.Equal("3:3-3:9", Brief(app.SsoUrl.Span));
        Assert.Equal("5:3-5:8", Brief(app.Token.Span));
        Assert.Equal("6:12-6:14", Brief(app.BaseUrl.Span));
    }

    [Fact]
    public void Model_field_with_a_missing_key_points_at_the_owning_block_key()
    {
        var bound = Bind("""
            application:
              name: strongdm
            identityManagement:
              status: active
            """);
        var app = Assert.Single(bound.Apps);

        Assert.Equal("1:1-1:12", Brief(app.SsoUrl.Span));
        Assert.Equal("3:1-3:19", Brief(app.Token.Span));
        Assert.Equal("3:1-3:19", Brief(app.IdentityManagement.Span));
    }

    [Fact]
    public void Model_field_of_a_missing_block_points_at_the_first_key_of_the_document()
    {
        var bound = Bind("""
            # comment
            source:
              consoleHost: console.jumpcloud.com
            application:
              name: strongdm
            """);
        var app = Assert.Single(bound.Apps);

        Assert.False(app.IdentityManagement.IsPresent);
        Assert.Equal("2:1-2:7", Brief(app.Token.Span));
    }

    [Fact]
    public void Model_fields_in_json_point_at_values_and_keys()
    {
        var bound = Bind("""
            {
              "application": { "name": "strongdm", "ssoUrl": null },
              "identityManagement": { "baseUrl": "https://app.strongdm.com/provisioning/generic/v2" }
            }
            """, "jumpcloud.json");
        var app = Assert.Single(bound.Apps);

        Assert.Equal("2:40-2:48", Brief(app.SsoUrl.Span));
        Assert.Equal("3:38-3:88", Brief(app.BaseUrl.Span));
        Assert.Equal("3:3-3:23", Brief(app.Token.Span));
    }

    [Theory]
    [InlineData("a.yaml", "")]
    [InlineData("a.yaml", "# only a comment\n")]
    [InlineData("a.yaml", "a: [\n")]
    [InlineData("a.json", "")]
    [InlineData("a.json", "{\"a\": }")]
    [InlineData("a.yaml", "a: b\n---\nc: d\n")]
    [InlineData("a.yaml", "\n\n\n")]
    public void No_span_is_ever_on_line_zero(string path, string text)
    {
        var doc = DocumentLoader.LoadText(path, text);
        var spans = doc.Diagnostics.Select(d => d.Span).Concat(doc.Comments.Select(c => c.Span)).Concat(All(doc.Root).Select(n => n.Span));

        Assert.All(spans, s =>
        {
            Assert.True(s.StartLine >= 1 && s.StartColumn >= 1 && s.EndLine >= s.StartLine && s.EndColumn >= 1, s.ToString());
        });
    }

    [Fact]
    public void Every_node_of_the_examples_has_a_span_inside_the_file_whose_text_matches_its_value()
    {
        foreach (var file in Directory.GetFiles(Infrastructure.Repo.Examples, "*.*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f).StartsWith("jumpcloud.", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("strongdm.", StringComparison.Ordinal)))
        {
            var doc = DocumentLoader.Load(Path.GetFileName(file), File.ReadAllBytes(file));
            Assert.Empty(doc.Diagnostics);
            foreach (var node in All(doc.Root))
            {
                var span = node.Span;
                Assert.InRange(span.StartOffset, 0, doc.Text.Text.Length);
                Assert.InRange(span.EndOffset, span.StartOffset, doc.Text.Text.Length);
                Assert.Equal(doc.Text.GetPosition(span.StartOffset), (span.StartLine, span.StartColumn));
                Assert.Equal(doc.Text.GetPosition(span.EndOffset), (span.EndLine, span.EndColumn));
                if (node is DocScalar { Kind: not ScalarKind.Null } scalar)
                {
                    var source = doc.Text.Text[span.StartOffset..span.EndOffset];
                    Assert.Contains(scalar.Value, source.Trim('"', '\''), StringComparison.Ordinal);
                }
            }
        }
    }

    private static SourceDocument Yaml(string text) => Loaded("a.yaml", text);

    private static SourceDocument Json(string text) => Loaded("a.json", text);

    private static SourceDocument Loaded(string path, string text)
    {
        var doc = DocumentLoader.LoadText(path, text);
        Assert.Empty(doc.Diagnostics);
        Assert.NotNull(doc.Root);
        return doc;
    }

    private static BoundDocument Bind(string text, string path = "jumpcloud.yaml") => ModelBinder.Bind(Loaded(path, text));

    private static string At(SourceDocument doc, string path) => Brief(Node(doc, path).Span);

    private static string KeyAt(SourceDocument doc, string path) => Brief(Assert.IsType<DocScalar>(Node(doc, path).Key).Span);

    private static DocScalar Scalar(SourceDocument doc, string path) => Assert.IsType<DocScalar>(Node(doc, path));

    private static string Brief(SourceSpan s) => $"{s.StartLine}:{s.StartColumn}-{s.EndLine}:{s.EndColumn}";

    private static DocNode Node(SourceDocument doc, string path)
    {
        var node = doc.Root!;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node switch
            {
                DocMapping m => m.Get(segment) ?? throw new KeyNotFoundException($"{path}: no '{segment}'"),
                DocSequence s => s.Items[int.Parse(segment, CultureInfo.InvariantCulture)],
                _ => throw new KeyNotFoundException($"{path}: '{segment}' under a scalar"),
            };
        }

        return node;
    }

    private static IEnumerable<DocNode> All(DocNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            DocMapping m => m.Properties.SelectMany(p => new DocNode[] { p.Key, p.Value }),
            DocSequence s => s.Items,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var n in All(child))
            {
                yield return n;
            }
        }
    }
}
