using System.Text.Json;
using NJsonSchema;

namespace ScimLint.Schema;

/// <summary>
/// Builds NJsonSchema's <see cref="JsonSchema"/> object graph for our own schema files straight from their JSON,
/// read with System.Text.Json, instead of <c>JsonSchema.FromJsonAsync</c>. NJsonSchema still does all the validating;
/// only the loading changes. <c>FromJsonAsync</c> deserialises through Newtonsoft.Json's reflection-based contracts
/// and Namotion.Reflection, which is JIT compilation that ReadyToRun cannot precompile, and which dominated a
/// one-file run's start-up (docs/performance.md, "Issue 12: start-up").
/// </summary>
/// <remarks>
/// Only the keywords in <see cref="Keywords"/> are understood. Any other keyword, or a <c>$ref</c> this builder cannot
/// resolve, throws: a schema that grows a keyword must grow it here too, and <c>SchemaBuilderTests</c> proves that
/// every schema builds to the same graph and the same errors as <c>FromJsonAsync</c>.
/// </remarks>
internal static class SchemaBuilder
{
    /// <summary>The schema keywords this builder reads (what <c>schemas/*.schema.json</c> use).</summary>
    public static readonly IReadOnlyList<string> Keywords =
    [
        "$schema", "$id", "title", "description", "type", "$ref", "definitions", "properties", "patternProperties",
        "required", "additionalProperties", "items", "enum", "anyOf", "minimum", "minLength", "maxLength", "pattern",
    ];

    /// <summary>Builds the schema in <paramref name="json"/>, with its local <c>$ref</c>s resolved.</summary>
    public static JsonSchema Build(string json)
    {
        using var document = JsonDocument.Parse(json);
        var references = new List<(JsonSchema Schema, string Pointer)>();
        var root = Read<JsonSchema>(document.RootElement, references);
        foreach (var (schema, pointer) in references)
        {
            // As FromJsonAsync does: the reference is set after the whole graph is read, which also clears the type
            // of the referencing schema (NJsonSchema's JsonSchema.Reference setter).
            schema.Reference = Resolve(root, pointer);
        }

        return root;
    }

    private static T Read<T>(JsonElement element, List<(JsonSchema, string)> references)
        where T : JsonSchema, new()
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"a schema must be a JSON object, found {element.ValueKind}");
        }

        var schema = new T();
        foreach (var keyword in element.EnumerateObject())
        {
            if (!ReadAnnotation(schema, keyword) && !ReadStructure(schema, keyword, references))
            {
                ReadConstraint(schema, keyword);
            }
        }

        return schema;
    }

    private static bool ReadAnnotation(JsonSchema schema, JsonProperty keyword)
    {
        switch (keyword.Name)
        {
            case "$schema":
                schema.SchemaVersion = keyword.Value.GetString();
                return true;
            case "$id":
                // NJsonSchema's Id is draft 4's "id"; FromJsonAsync keeps "$id" as extension data, and so do we.
                schema.ExtensionData ??= new Dictionary<string, object?>();
                schema.ExtensionData[keyword.Name] = keyword.Value.GetString();
                return true;
            case "title":
                schema.Title = keyword.Value.GetString();
                return true;
            case "description":
                schema.Description = keyword.Value.GetString();
                return true;
            default:
                return false;
        }
    }

    private static bool ReadStructure(JsonSchema schema, JsonProperty keyword, List<(JsonSchema, string)> references)
    {
        var value = keyword.Value;
        switch (keyword.Name)
        {
            case "$ref":
                references.Add((schema, value.GetString() ?? throw new InvalidDataException("$ref must be a string")));
                return true;
            case "definitions":
                foreach (var definition in value.EnumerateObject())
                {
                    schema.Definitions[definition.Name] = Read<JsonSchema>(definition.Value, references);
                }

                return true;
            case "properties":
                foreach (var property in value.EnumerateObject())
                {
                    schema.Properties[property.Name] = Read<JsonSchemaProperty>(property.Value, references);
                }

                return true;
            case "patternProperties":
                foreach (var property in value.EnumerateObject())
                {
                    schema.PatternProperties[property.Name] = Read<JsonSchemaProperty>(property.Value, references);
                }

                return true;
            case "items" when value.ValueKind == JsonValueKind.Object:
                schema.Item = Read<JsonSchema>(value, references);
                return true;
            case "anyOf":
                foreach (var part in value.EnumerateArray())
                {
                    schema.AnyOf.Add(Read<JsonSchema>(part, references));
                }

                return true;
            case "additionalProperties" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                schema.AllowAdditionalProperties = value.GetBoolean();
                return true;
            case "additionalProperties":
                schema.AdditionalPropertiesSchema = Read<JsonSchema>(value, references);
                return true;
            default:
                return false;
        }
    }

    private static void ReadConstraint(JsonSchema schema, JsonProperty keyword)
    {
        var value = keyword.Value;
        switch (keyword.Name)
        {
            case "type":
                schema.Type = value.ValueKind == JsonValueKind.Array
                    ? Types(value)
                    : Type(value);
                break;
            case "required":
                foreach (var name in value.EnumerateArray())
                {
                    schema.RequiredProperties.Add(name.GetString() ?? throw new InvalidDataException("required names must be strings"));
                }

                break;
            case "enum":
                foreach (var item in value.EnumerateArray())
                {
                    schema.Enumeration.Add(EnumValue(item));
                }

                break;
            case "minimum":
                schema.Minimum = value.GetDecimal();
                break;
            case "minLength":
                schema.MinLength = value.GetInt32();
                break;
            case "maxLength":
                schema.MaxLength = value.GetInt32();
                break;
            case "pattern":
                schema.Pattern = value.GetString();
                break;
            default:
                throw new InvalidDataException($"schema keyword '{keyword.Name}' is not supported by {nameof(SchemaBuilder)}");
        }
    }

    // A type array's union: a loop, as LINQ over JsonElement (a struct) would be JIT-compiled at start-up.
    private static JsonObjectType Types(JsonElement names)
    {
        var types = JsonObjectType.None;
        foreach (var name in names.EnumerateArray())
        {
            types |= Type(name);
        }

        return types;
    }

    private static JsonObjectType Type(JsonElement name) => name.GetString() switch
    {
        "string" => JsonObjectType.String,
        "integer" => JsonObjectType.Integer,
        "number" => JsonObjectType.Number,
        "boolean" => JsonObjectType.Boolean,
        "object" => JsonObjectType.Object,
        "array" => JsonObjectType.Array,
        "null" => JsonObjectType.Null,
        var other => throw new InvalidDataException($"unknown schema type '{other}'"),
    };

    // The CLR values Newtonsoft.Json gives FromJsonAsync for enum members: the messages print them and NJsonSchema
    // compares them by their ToString (so false stays the bool False, and 1 a long).
    private static object? EnumValue(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Number when item.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => item.GetDouble(),
        _ => throw new InvalidDataException($"enum members of kind {item.ValueKind} are not supported by {nameof(SchemaBuilder)}"),
    };

    // A local JSON pointer through definitions and properties, e.g. #/definitions/application/properties/_id.
    private static JsonSchema Resolve(JsonSchema root, string pointer)
    {
        if (!pointer.StartsWith('#'))
        {
            throw new InvalidDataException($"$ref '{pointer}': only local references are supported");
        }

        var segments = pointer.Length <= 2 ? [] : pointer[2..].Split('/');
        if (segments.Length % 2 != 0)
        {
            throw new InvalidDataException($"$ref '{pointer}' does not name a schema");
        }

        var schema = root;
        for (var i = 0; i < segments.Length; i += 2)
        {
            var name = segments[i + 1].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            JsonSchema? next = segments[i] switch
            {
                "definitions" => schema.Definitions.TryGetValue(name, out var definition) ? definition : null,
                "properties" => schema.Properties.TryGetValue(name, out var property) ? property : null,
                _ => null,
            };
            schema = next ?? throw new InvalidDataException($"$ref '{pointer}' cannot be resolved");
        }

        return schema;
    }
}
