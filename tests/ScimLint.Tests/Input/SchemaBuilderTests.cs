using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Schema;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Input;

/// <summary>
/// <see cref="SchemaBuilder"/> builds NJsonSchema's object graph for our schemas in code, instead of
/// <c>JsonSchema.FromJsonAsync</c>. These tests prove the two graphs are the same schema: the same serialised form,
/// and the same errors (kind, path and message) for every example and fixture document and for thousands of
/// mutations of them, which between them trigger every validation keyword the schemas use.
/// </summary>
public sealed partial class SchemaBuilderTests
{
    private static readonly string[] SchemaFiles = ["jumpcloud-export.schema.json", "strongdm-provisioning.schema.json", SchemaValidator.ConfigSchemaFile];

    // The errors that show a validation keyword at work; a keyword dropped by the builder changes some of them.
    private static readonly Dictionary<string, ValidationErrorKind[]> KeywordErrors = new()
    {
        ["type"] = [ValidationErrorKind.StringExpected, ValidationErrorKind.BooleanExpected, ValidationErrorKind.IntegerExpected, ValidationErrorKind.ArrayExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.NoTypeValidates],
        ["required"] = [ValidationErrorKind.PropertyRequired],
        ["additionalProperties"] = [ValidationErrorKind.NoAdditionalPropertiesAllowed, ValidationErrorKind.AdditionalPropertiesNotValid],
        ["patternProperties"] = [ValidationErrorKind.AdditionalPropertiesNotValid],
        ["items"] = [ValidationErrorKind.ArrayItemNotValid],
        ["enum"] = [ValidationErrorKind.NotInEnumeration],
        ["anyOf"] = [ValidationErrorKind.NotAnyOf],
        ["minimum"] = [ValidationErrorKind.NumberTooSmall],
        ["minLength"] = [ValidationErrorKind.StringTooShort],
        ["maxLength"] = [ValidationErrorKind.StringTooLong],
        ["pattern"] = [ValidationErrorKind.PatternMismatch],
    };

    // Keywords that do not validate by themselves: annotations, and the structure the others hang from.
    private static readonly string[] StructuralKeywords = ["$schema", "$id", "title", "description", "$ref", "definitions", "properties"];

    private const string SampleConfig = """
        rules:
          SL002: off
          SL305:
            severity: warning
            maxAgeDays: 30
          SL104: { severity: note }
          SL201: false
        include: ["**/*.yaml", "**/*.json"]
        exclude: vendor/**
        failLevel: warning
        baseline: .scimlint-baseline.json
        ignore:
          - rule: SL104
            path: a/jumpcloud.yaml
            pointer: /identityManagement/baseUrl
            reason: known and accepted
            until: "2027-01-01"
        customRules: rules
        policy:
          tokenMaxAgeDays: 90
        """;

    public static TheoryData<string> Schemas() => [.. SchemaFiles];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_built_schema_serialises_like_the_parsed_one(string file)
    {
        var (built, parsed) = Both(file);

        Assert.Equal(parsed.ToJson(), built.ToJson());
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void The_builder_reads_exactly_the_keywords_the_schema_uses(string file)
    {
        var used = Keywords(JsonDocument.Parse(SchemaValidator.SchemaText(file)).RootElement).ToHashSet();

        Assert.Empty(used.Except(SchemaBuilder.Keywords));
        Assert.Empty(used.Except(StructuralKeywords).Except(KeywordErrors.Keys));
    }

    [Fact]
    public void The_schemas_together_use_every_keyword_the_builder_reads()
    {
        var used = SchemaFiles.SelectMany(f => Keywords(JsonDocument.Parse(SchemaValidator.SchemaText(f)).RootElement)).ToHashSet();

        Assert.Equal(SchemaBuilder.Keywords.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"type": "string", "format": "uri"}""", "format")]
    [InlineData("""{"properties": {"a": {"oneOf": [{"type": "string"}]}}}""", "oneOf")]
    [InlineData("""{"items": [{"type": "string"}]}""", "items")]
    [InlineData("""{"enum": [{"a": 1}]}""", "enum")]
    [InlineData("""{"$ref": "#/definitions/missing"}""", "$ref")]
    [InlineData("""{"$ref": "other.json#/definitions/a"}""", "$ref")]
    [InlineData("""{"type": "uuid"}""", "uuid")]
    public void A_keyword_the_builder_does_not_know_fails_loudly(string schema, string named)
    {
        var error = Assert.Throws<InvalidDataException>(() => SchemaBuilder.Build(schema));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_example_and_fixture_document_gets_the_same_errors_from_both_schemas()
    {
        var targets = Targets();
        var compared = 0;
        foreach (var file in Documents())
        {
            var document = DocumentLoader.Load(file, File.ReadAllBytes(file));
            if (document.Root is not { } root || document.Diagnostics.Count > 0)
            {
                continue;
            }

            foreach (var (name, built, parsed) in targets)
            {
                AssertSameErrors(root, built, parsed, $"{Path.GetRelativePath(Repo.Root, file)} against {name}");
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} documents compared");
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Mutated_documents_get_the_same_errors_and_exercise_every_keyword(string file)
    {
        var (built, parsed) = Both(file);
        var seen = new HashSet<ValidationErrorKind>();
        var mutants = 0;
        foreach (var json in MutantsFor(file))
        {
            var document = DocumentLoader.Load("mutant.json", Encoding.UTF8.GetBytes(json));
            Assert.True(document.Root is not null && document.Diagnostics.Count == 0, json);
            seen.UnionWith(AssertSameErrors(document.Root, built, parsed, json));

            mutants++;
        }

        var used = Keywords(JsonDocument.Parse(SchemaValidator.SchemaText(file)).RootElement).Intersect(KeywordErrors.Keys);
        Assert.All(used, keyword => Assert.True(KeywordErrors[keyword].Any(seen.Contains), $"no mutant of {file}'s documents exercises '{keyword}' ({mutants} mutants)"));
    }

    private static (JsonSchema Built, JsonSchema Parsed) Both(string file)
    {
        var text = SchemaValidator.SchemaText(file);
        return (SchemaBuilder.Build(text), JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult());
    }

    private static List<(string Name, JsonSchema Built, JsonSchema Parsed)> Targets()
    {
        var targets = SchemaFiles.Select(f => (f, Both(f))).Select(t => (t.f, t.Item2.Built, t.Item2.Parsed)).ToList();
        var (jumpCloudBuilt, jumpCloudParsed) = Both(SchemaFiles[0]);
        foreach (var sidecar in new[] { "associations", "userGroups" })
        {
            targets.Add(($"#/definitions/{sidecar}", jumpCloudBuilt.Definitions[sidecar], jumpCloudParsed.Definitions[sidecar]));
        }

        return targets;
    }

    // Returns the kinds of NJsonSchema's own errors, wrapped ones included.
    private static IEnumerable<ValidationErrorKind> AssertSameErrors(DocNode root, JsonSchema built, JsonSchema parsed, string what)
    {
        var expected = SchemaValidator.ValidateAgainst(root, parsed).Select(e => $"{e.Span} {e.Path}: {e.Message}");
        var actual = SchemaValidator.ValidateAgainst(root, built).Select(e => $"{e.Span} {e.Path}: {e.Message}");
        Assert.True(expected.SequenceEqual(actual), $"{what}\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', actual)}");

        var json = ToJson(root, null);
        var rawExpected = Raw(parsed, json);
        var rawActual = Raw(built, json);
        Assert.True(rawExpected.SequenceEqual(rawActual), $"{what} (NJsonSchema's own errors)\nexpected:\n{string.Join('\n', rawExpected)}\nactual:\n{string.Join('\n', rawActual)}");
        return rawExpected.Select(e => e.Kind);
    }

    // NJsonSchema's errors for JSON text as Newtonsoft reads it (a whole number beyond 64 bits is a BigInteger there,
    // which NJsonSchema may fail on: both schemas must then fail alike).
    private static List<(ValidationErrorKind Kind, string Text)> Raw(JsonSchema schema, string json)
    {
        try
        {
            return [.. Flatten(schema.Validate(JToken.Parse(json))).Select(e => (e.Kind, Describe(e)))];
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return [(ValidationErrorKind.Unknown, "threw " + ex.GetType().Name)];
        }
    }

    private static string Describe(ValidationError e) => $"{e.Kind} {e.Path} {e.Property} {e.Token?.Path}";

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) => errors.SelectMany(e => e switch
    {
        ChildSchemaValidationError child => [e, .. Flatten(child.Errors.SelectMany(c => c.Value))],
        MultiTypeValidationError multi => [e, .. Flatten(multi.Errors.OrderBy(t => t.Key).SelectMany(t => t.Value))],
        _ => new[] { e },
    });

    private static IEnumerable<string> Documents() =>
        new[] { Repo.Examples, Repo.Fixtures }
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    // The documents of a schema's kind among the examples (and, for the configuration, a sample using every key),
    // each mutated at every node in turn: replaced by values of every type, a property dropped, a property added.
    // A mutation already made at the same place of an earlier document (the same path, array indexes aside) is
    // skipped: the examples share most of their shape, and repeating it took 9 of the suite's 40 s for no new case.
    private static IEnumerable<string> MutantsFor(string schemaFile)
    {
        var kind = schemaFile.Split('-')[0];
        var texts = Directory.EnumerateFiles(Repo.Examples, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".cs", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is var name && (kind == "jumpcloud"
                ? name.StartsWith("jumpcloud", StringComparison.Ordinal) || name is "associations.json" or "usergroups.json"
                : name.StartsWith(kind == "scimlint" ? ".scimlint" : kind, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        if (kind == "scimlint")
        {
            texts.Add(("sample.yaml", Encoding.UTF8.GetBytes(SampleConfig)));
        }

        Assert.NotEmpty(texts);
        var mutants = new HashSet<string>(StringComparer.Ordinal);
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, bytes) in texts)
        {
            var root = DocumentLoader.Load(name, bytes).Root!;
            foreach (var mutation in Mutations(root))
            {
                if (!places.Add($"{ArrayIndex().Replace(mutation.Target.Path, "/*")} {mutation.Replace}|{mutation.Drop}|{mutation.AddName}"))
                {
                    continue;
                }

                var json = ToJson(root, mutation);
                if (mutants.Add(json))
                {
                    yield return json;
                }
            }
        }
    }

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex ArrayIndex();

    private sealed record Mutation(DocNode Target, string? Replace = null, string? Drop = null, string? AddName = null, string? AddValue = null);

    private static readonly string[] Replacements =
        ["\"x\"", "\"\"", "-1", "1.5", "123456789012345678901234", "true", "null", "{}", "[1]", "\"" + new string('a', 300) + "\""];

    private static IEnumerable<Mutation> Mutations(DocNode node)
    {
        foreach (var value in Replacements)
        {
            yield return new Mutation(node, Replace: value);
        }

        IEnumerable<DocNode> children = [];
        if (node is DocMapping map)
        {
            foreach (var p in map.Properties)
            {
                yield return new Mutation(node, Drop: p.Key.Value);
            }

            yield return new Mutation(node, AddName: "colour", AddValue: "1");
            yield return new Mutation(node, AddName: "SL305", AddValue: "{\"maxAgeDays\": 0}");
            yield return new Mutation(node, AddName: "token-stale", AddValue: "\"sometimes\"");
            yield return new Mutation(node, AddName: "SL104", AddValue: "{\"severity\": \"loud\"}");
            children = map.Properties.Select(p => p.Value);
        }
        else if (node is DocSequence seq)
        {
            children = seq.Items;
        }

        foreach (var mutation in children.SelectMany(Mutations))
        {
            yield return mutation;
        }
    }

    // The document as JSON text, with one mutation applied; a repeated key keeps its first value.
    private static string ToJson(DocNode root, Mutation? mutation)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, root, mutation);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, DocNode node, Mutation? mutation)
    {
        if (ReferenceEquals(node, mutation?.Target) && mutation.Replace is { } replacement)
        {
            writer.WriteRawValue(replacement);
            return;
        }

        switch (node)
        {
            case DocMapping map:
                writer.WriteStartObject();
                var written = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in map.Properties.Where(p => !(ReferenceEquals(node, mutation?.Target) && p.Key.Value == mutation.Drop)))
                {
                    if (written.Add(p.Key.Value))
                    {
                        writer.WritePropertyName(p.Key.Value);
                        Write(writer, p.Value, mutation);
                    }
                }

                if (ReferenceEquals(node, mutation?.Target) && mutation.AddName is { } added && written.Add(added))
                {
                    writer.WritePropertyName(added);
                    writer.WriteRawValue(mutation.AddValue!);
                }

                writer.WriteEndObject();
                break;
            case DocSequence seq:
                writer.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    Write(writer, item, mutation);
                }

                writer.WriteEndArray();
                break;
            case DocScalar { Kind: ScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case DocScalar { Kind: ScalarKind.Boolean } b:
                writer.WriteBooleanValue(b.AsBoolean == true);
                break;
            case DocScalar { Kind: ScalarKind.Number } n when JsonNumber().IsMatch(n.Value):
                writer.WriteRawValue(n.Value);
                break;
            case DocScalar s:
                writer.WriteStringValue(s.Value);
                break;
        }
    }

    private static IEnumerable<string> Keywords(JsonElement schema)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            yield return keyword.Name;
            var nested = keyword.Name switch
            {
                "definitions" or "properties" or "patternProperties" => keyword.Value.EnumerateObject().Select(p => p.Value),
                "anyOf" => keyword.Value.EnumerateArray(),
                "items" or "additionalProperties" when keyword.Value.ValueKind == JsonValueKind.Object => [keyword.Value],
                _ => [],
            };
            foreach (var inner in nested.SelectMany(Keywords))
            {
                yield return inner;
            }
        }
    }

    [GeneratedRegex(@"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
