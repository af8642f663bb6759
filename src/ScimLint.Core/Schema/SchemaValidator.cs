using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using ScimLint.Documents;
using ScimLint.Model;
using ScimLint.Text;

namespace ScimLint.Schema;

/// <summary>A schema error located at a document node.</summary>
internal sealed record SchemaError(SourceSpan Span, string Path, string Message);

/// <summary>
/// Validates document trees with NJsonSchema against the embedded schemas. NJsonSchema (and Newtonsoft.Json) load
/// only when the first document is validated, so <c>--version</c>, <c>rules</c> and <c>explain</c> never pay for them.
/// </summary>
internal static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> JumpCloud = new(() => LoadSchema("jumpcloud-export.schema.json"));
    private static readonly Lazy<JsonSchema> StrongDm = new(() => LoadSchema("strongdm-provisioning.schema.json"));
    private static readonly Lazy<JsonSchema> Config = new(() => LoadSchema(ConfigSchemaFile));

    /// <summary>The configuration file's schema (<c>schemas/scimlint-config.schema.json</c>).</summary>
    public const string ConfigSchemaFile = "scimlint-config.schema.json";

    private static int _jumpCloudStarted;
    private static int _strongDmStarted;

    /// <summary>
    /// Starts loading a schema on the thread pool, so that NJsonSchema's cold start (most of a one-file run) overlaps
    /// the rest of the pipeline. The first <see cref="Validate"/> waits for it; a failure surfaces there.
    /// </summary>
    public static void Prewarm(DocumentKind kind)
    {
        var (lazy, flag) = kind == DocumentKind.StrongDm ? (StrongDm, 1) : (JumpCloud, 0);
        ref var started = ref flag == 1 ? ref _strongDmStarted : ref _jumpCloudStarted;
        if (!lazy.IsValueCreated && Interlocked.Exchange(ref started, 1) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    _ = lazy.Value;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Lazy<T> keeps the exception; Validate rethrows it on the rule's thread, where it is reported.
                }
            });
        }
    }

    /// <summary>The embedded schema text by file name.</summary>
    public static string SchemaText(string fileName)
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("schemas/" + fileName)
            ?? throw new InvalidOperationException($"schema {fileName} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Validates a document root of a known kind.</summary>
    public static IReadOnlyList<SchemaError> Validate(DocNode root, DocumentKind kind) =>
        ValidateAgainst(root, kind == DocumentKind.StrongDm ? StrongDm.Value : JumpCloud.Value);

    /// <summary>Validates a configuration file's root against the configuration schema.</summary>
    public static IReadOnlyList<SchemaError> ValidateConfig(DocNode root) => ValidateAgainst(root, Config.Value);

    private static IReadOnlyList<SchemaError> ValidateAgainst(DocNode root, JsonSchema schema)
    {
        var lines = new List<DocNode?> { null };
        var json = new StringBuilder();
        Write(root, json, lines);
        JToken token;
        using (var reader = new JsonTextReader(new StringReader(json.ToString())) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal })
        {
            token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }

        var errors = new List<SchemaError>();
        foreach (var error in schema.Validate(token))
        {
            Collect(error, lines, root, errors);
        }

        return [.. errors.DistinctBy(e => (e.Span, e.Message)).OrderBy(e => e.Span.StartOffset).ThenBy(e => e.Message, StringComparer.Ordinal)];
    }

    private static JsonSchema LoadSchema(string fileName) =>
        JsonSchema.FromJsonAsync(SchemaText(fileName)).GetAwaiter().GetResult();

    private static void Collect(ValidationError error, List<DocNode?> lines, DocNode root, List<SchemaError> errors)
    {
        if (error is ChildSchemaValidationError child)
        {
            var nested = child.Errors.SelectMany(e => e.Value).ToList();
            if (nested.Count > 0 && error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotAllOf)
            {
                foreach (var e in nested)
                {
                    Collect(e, lines, root, errors);
                }

                return;
            }
        }

        var node = error.HasLineInfo && error.LineNumber > 0 && error.LineNumber < lines.Count ? lines[error.LineNumber] : null;
        node ??= root;
        if (node is DocScalar { IsKnown: false })
        {
            // A C# reference or value computed at run time has no type we can check.
            return;
        }

        var (span, path) = node switch
        {
            DocMapping or DocSequence when node.Key is not null => (node.Key.Span, node.Path),
            _ => (node.Span, node.Path),
        };
        string message;
        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                (message, span, path) = UnknownProperty(error, node, span, path);
                break;
            case ValidationErrorKind.PropertyRequired:
                message = $"missing required property '{error.Property}'";
                if (node is DocMapping owner)
                {
                    span = owner.Key?.Span ?? (owner.Properties.Count > 0 ? owner.Properties[0].Key.Span : owner.Span);
                }

                break;
            case ValidationErrorKind.NotInEnumeration:
                var allowed = error.Schema?.Enumeration.Select(v => v is null ? "null" : "'" + Convert.ToString(v, CultureInfo.InvariantCulture) + "'") ?? [];
                message = $"'{Name(path)}' must be one of {string.Join(", ", allowed)}";
                break;
            default:
                message = $"'{Name(path)}' {Describe(error.Kind)}, found {TypeName(node)}";
                break;
        }

        errors.Add(new SchemaError(span, path, message));
    }

    /// <summary>The message for a property the schema does not allow, located at that property's key when it can be found.</summary>
    private static (string Message, SourceSpan Span, string Path) UnknownProperty(ValidationError error, DocNode node, SourceSpan span, string path)
    {
        var property = error.Property ?? "?";
        var known = error.Schema?.ActualProperties.Keys.ToList() ?? [];
        var suggestion = Suggest(property, known);
        var message = suggestion is null
            ? $"unknown property '{property}'"
            : $"unknown property '{property}'; did you mean '{suggestion}'?";
        if (node is DocMapping map && map.Find(property) is { } prop)
        {
            return (message, prop.Key.Span, prop.Key.Path);
        }

        return node is DocScalar { Key: null } key && key.Value == property ? (message, key.Span, key.Path) : (message, span, path);
    }

    private static string Name(string path) => path.Length == 0 ? "(root)" : path[(path.LastIndexOf('/') + 1)..];

    private static string Describe(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "must be a string",
        ValidationErrorKind.BooleanExpected => "must be true or false",
        ValidationErrorKind.IntegerExpected => "must be a whole number",
        ValidationErrorKind.NumberExpected => "must be a number",
        ValidationErrorKind.ArrayExpected => "must be a list",
        ValidationErrorKind.ObjectExpected => "must be a mapping",
        ValidationErrorKind.NullExpected => "must be null",
        ValidationErrorKind.NumberTooSmall => "is too small",
        ValidationErrorKind.NumberTooBig => "is too big",
        ValidationErrorKind.StringTooShort => "is too short",
        ValidationErrorKind.StringTooLong => "is too long",
        ValidationErrorKind.PatternMismatch => "does not match the expected pattern",
        ValidationErrorKind.TooFewItems => "has too few items",
        ValidationErrorKind.TooManyItems => "has too many items",
        ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf => "does not match any allowed form",
        ValidationErrorKind.NoTypeValidates => "has the wrong type",
        _ => "is not valid (" + kind.ToString() + ")",
    };

    private static string TypeName(DocNode node) => node switch
    {
        DocMapping => "a mapping",
        DocSequence => "a list",
        DocScalar { Kind: ScalarKind.Boolean } => "a boolean",
        DocScalar { Kind: ScalarKind.Number } => "a number",
        DocScalar { Kind: ScalarKind.Null } => "null",
        _ => "a string",
    };

    /// <summary>The closest known name within a small edit distance, for "did you mean".</summary>
    internal static string? Suggest(string name, IReadOnlyCollection<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            var d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    // Writes the tree as JSON with every key and value on its own line, so that the line NJsonSchema reports for an
    // error indexes the node it concerns.
    private static void Write(DocNode node, StringBuilder json, List<DocNode?> lines)
    {
        switch (node)
        {
            case DocMapping map:
                json.Append('{').Append('\n');
                lines.Add(map);
                for (var i = 0; i < map.Properties.Count; i++)
                {
                    var p = map.Properties[i];
                    json.Append(JsonConvert.ToString(p.Key.Value)).Append(':').Append('\n');
                    lines.Add(p.Key);
                    Write(p.Value, json, lines);
                    if (i < map.Properties.Count - 1)
                    {
                        json.Append(',');
                    }
                }

                json.Append('}').Append('\n');
                lines.Add(map);
                break;
            case DocSequence seq:
                json.Append('[').Append('\n');
                lines.Add(seq);
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    Write(seq.Items[i], json, lines);
                    if (i < seq.Items.Count - 1)
                    {
                        json.Append(',');
                    }
                }

                json.Append(']').Append('\n');
                lines.Add(seq);
                break;
            case DocScalar s:
                json.Append(s.Kind switch
                {
                    ScalarKind.Null => "null",
                    ScalarKind.Boolean => s.AsBoolean == true ? "true" : "false",
                    ScalarKind.Number => NumberLiteral(s.Value),
                    _ => JsonConvert.ToString(s.Value),
                }).Append('\n');
                lines.Add(s);
                break;
        }
    }

    // Integers beyond 64 bits would reach NJsonSchema as BigInteger, which it cannot compare: they stay numbers, as
    // decimals. A YAML number JSON cannot spell (0x1F, .inf) is validated as the string it is written as.
    private static string NumberLiteral(string value)
    {
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }

        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            var text = d.ToString(CultureInfo.InvariantCulture);
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f)
            ? f.ToString("R", CultureInfo.InvariantCulture)
            : JsonConvert.ToString(value);
    }
}
