using System.Globalization;
using System.Text;
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
    /// the rest of the pipeline. The first <see cref="Validate(DocNode, DocumentKind)"/> waits for it; a failure surfaces there.
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
    public static IReadOnlyList<SchemaError> Validate(DocNode root, DocumentKind kind) => Validate(root, kind, SidecarKind.None);

    /// <summary>
    /// Validates a document root of a known kind; a sidecar is validated against the export schema's definition of
    /// the block it stands for (<c>associations</c> or <c>userGroups</c>).
    /// </summary>
    internal static IReadOnlyList<SchemaError> Validate(DocNode root, DocumentKind kind, SidecarKind sidecar) => ValidateAgainst(root, (kind, sidecar) switch
    {
        (DocumentKind.StrongDm, _) => StrongDm.Value,
        (DocumentKind.JumpCloudSidecar, SidecarKind.Associations) => JumpCloud.Value.Definitions["associations"],
        (DocumentKind.JumpCloudSidecar, SidecarKind.UserGroups) => JumpCloud.Value.Definitions["userGroups"],
        _ => JumpCloud.Value,
    });

    /// <summary>Validates a configuration file's root against the configuration schema.</summary>
    public static IReadOnlyList<SchemaError> ValidateConfig(DocNode root) => ValidateAgainst(root, Config.Value);

    /// <summary>Validates a document root against a schema; errors ordered by position, then message.</summary>
    internal static IReadOnlyList<SchemaError> ValidateAgainst(DocNode root, JsonSchema schema)
    {
        var errors = new List<SchemaError>();
        foreach (var error in Validator.Value.Validate(ToToken(root), schema))
        {
            Collect(error, root, errors);
        }

        return [.. errors.DistinctBy(e => new ErrorKey(e.Span, e.Message)).OrderBy(e => e.Span.StartOffset).ThenBy(e => e.Message, StringComparer.Ordinal)];
    }

    // One validator for every document and thread (its state, the format validators and settings, is read-only),
    // instead of the one JsonSchema.Validate builds per call.
    private static readonly Lazy<JsonSchemaValidator> Validator = new(() => new UnlocatedValidator());

    // Built from the JSON in code rather than with JsonSchema.FromJsonAsync (Newtonsoft reflection): see SchemaBuilder.
    private static JsonSchema LoadSchema(string fileName) => SchemaBuilder.Build(SchemaText(fileName));

    private static void Collect(ValidationError error, DocNode root, List<SchemaError> errors)
    {
        if (Inner(error) is { Count: > 0 } inner)
        {
            foreach (var e in inner)
            {
                Collect(e, root, errors);
            }

            return;
        }

        // Each token carries the node it was built from: the value for values, the key for a property.
        var node = error.Token?.Annotation<DocNode>() ?? root;
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
            case ValidationErrorKind.IntegerExpected when node is DocScalar { Kind: ScalarKind.Number } number && IsWholeNumber(number.Value):
                message = $"'{Name(path)}' must be a whole number within 64 bits, found one beyond";
                break;
            case ValidationErrorKind.NoTypeValidates when error is MultiTypeValidationError multi:
                message = $"'{Name(path)}' must be {Expected(multi)}, found {TypeName(node)}";
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

    /// <summary>The errors an error only wraps (an array item, an allOf part, a field of several types), reported in its place.</summary>
    private static List<ValidationError>? Inner(ValidationError error) => error switch
    {
        ChildSchemaValidationError child when error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotAllOf =>
            [.. child.Errors.SelectMany(e => e.Value)],
        MultiTypeValidationError several => Unwrap(several),
        _ => null,
    };

    // A field of several types, most often a nullable one ("type": ["string", "null"]). Null stands for "not set", so
    // only the other types count: with one, its own errors are the ones reported ("must be a string", or the
    // pattern a string of the right type missed); with several, the errors of a type the value has but whose
    // constraints it breaks. Null when the value has none of the types (reported as one "must be A or B").
    private static List<ValidationError>? Unwrap(MultiTypeValidationError multi)
    {
        var types = multi.Errors.Where(t => t.Key != JsonObjectType.Null).ToList();
        if (types.Count == 1)
        {
            return [.. types[0].Value];
        }

        var broken = types.SelectMany(t => t.Value).Where(e => !IsTypeMismatch(e.Kind)).ToList();
        return broken.Count > 0 ? broken : null;
    }

    private static bool IsTypeMismatch(ValidationErrorKind kind) => kind is ValidationErrorKind.StringExpected
        or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.BooleanExpected
        or ValidationErrorKind.NullExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.ObjectExpected;

    private static string Expected(MultiTypeValidationError multi) => string.Join(" or ", multi.Errors.Keys
        .Where(t => t != JsonObjectType.Null)
        .Order()
        .Select(t => t switch
        {
            JsonObjectType.String => "a string",
            JsonObjectType.Integer => "a whole number",
            JsonObjectType.Number => "a number",
            JsonObjectType.Boolean => "true or false",
            JsonObjectType.Array => "a list",
            JsonObjectType.Object => "a mapping",
            _ => t.ToString().ToLowerInvariant(),
        }));

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

    /// <summary>
    /// NJsonSchema's validator, asked for no property paths. It builds a dotted path (<c>a.b.c</c>) for every property
    /// of the schema at every object it visits, present or not, to put in <see cref="ValidationError.Path"/>; errors
    /// are located here by their token's node (<see cref="Collect"/>), never by that path, so each level gets an empty
    /// one and the strings are not built. What is validated, and each error's kind, token and schema, are unchanged.
    /// </summary>
    private sealed class UnlocatedValidator : JsonSchemaValidator
    {
        protected override ICollection<ValidationError> Validate(JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string? propertyPath) =>
            base.Validate(token, schema, schemaType, propertyName, string.Empty);
    }

    // Builds the JSON token tree NJsonSchema validates straight from the document tree, once per document: no JSON
    // text is written or parsed. Every token is annotated with its node, so that an error's token leads back to the
    // node, its span and its DocNode.Path, whatever characters the keys contain.
    private static JToken ToToken(DocNode node)
    {
        JToken token;
        switch (node)
        {
            case DocMapping map:
                var obj = new JObject();
                var properties = map.Properties;
                for (var i = 0; i < properties.Count; i++)
                {
                    var p = properties[i];
                    var property = new JProperty(p.Key.Value, ToToken(p.Value));
                    property.AddAnnotation(p.Key);

                    // A repeated key: the last one wins, in the first one's place, as when JSON text is read.
                    if (obj.Property(p.Key.Value, StringComparison.Ordinal) is { } existing)
                    {
                        existing.Replace(property);
                    }
                    else
                    {
                        obj.Add(property);
                    }
                }

                token = obj;
                break;
            case DocSequence seq:
                var array = new JArray();
                var items = seq.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    array.Add(ToToken(items[i]));
                }

                token = array;
                break;
            case DocScalar s:
                token = s.Kind switch
                {
                    ScalarKind.Null => JValue.CreateNull(),
                    ScalarKind.Boolean => new JValue(s.AsBoolean == true),
                    ScalarKind.Number => Number(s.Value),
                    _ => new JValue(s.Value),
                };
                break;
            default:
                throw new InvalidOperationException("unknown node type " + node.GetType().Name);
        }

        token.AddAnnotation(node);
        return token;
    }

    // Whole numbers within 64 bits are integers. Other numbers are decimals, or doubles beyond the decimal range
    // (NJsonSchema compares those as doubles): so a whole number beyond 64 bits is a number that is not an integer,
    // never a BigInteger, which NJsonSchema cannot compare. A YAML number JSON cannot spell (0x1F, .inf) is
    // validated as the string it is written as.
    private static JValue Number(string value)
    {
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return new JValue(l);
        }

        if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return new JValue(d);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && double.IsFinite(f)
            ? new JValue(f)
            : new JValue(value);
    }

    private static bool IsWholeNumber(string value)
    {
        var digits = value.AsSpan().TrimStart("+-");
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    // What makes two errors the same. A class, not a tuple: DistinctBy over a reference-type key shares the
    // framework's precompiled code, so a ReadyToRun build does not JIT-compile it at start-up.
    private sealed record ErrorKey(SourceSpan Span, string Message);
}
