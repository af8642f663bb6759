using ScimLint.Text;

namespace ScimLint.Documents;

/// <summary>The type of a scalar, after YAML 1.2 core-schema or JSON typing.</summary>
public enum ScalarKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>null, <c>~</c> or an empty YAML value.</summary>
    Null,
}

/// <summary>Where a scalar's value comes from. Only <see cref="Literal"/> and <see cref="Constant"/> values are known.</summary>
public enum ValueOrigin
{
    /// <summary>Written as the value itself at this spot (a YAML or JSON scalar, a C# literal).</summary>
    Literal,

    /// <summary>Folded from constants declared elsewhere (C# <c>const</c>, concatenation, interpolation).</summary>
    Constant,

    /// <summary>
    /// A reference to a value kept outside the source (C# <c>Environment.GetEnvironmentVariable</c>, configuration or
    /// secret-manager lookups): the value is present but unknown. <see cref="DocScalar.Value"/> holds the reference's
    /// source text.
    /// </summary>
    Reference,

    /// <summary>
    /// Computed at run time (any other C# expression): the value is unknown, and no rule judges it.
    /// <see cref="DocScalar.Value"/> holds the expression's source text.
    /// </summary>
    Expression,
}

/// <summary>
/// A node of a format-neutral document tree. YAML, JSON and C# loaders all produce these, so that
/// nothing past the loaders sees a parser type.
/// </summary>
public abstract class DocNode
{
    private protected DocNode(SourceSpan span, string path)
    {
        Span = span;
        Path = SharedStrings.Get(path);
    }

    /// <summary>The exact source span of the node's value.</summary>
    public SourceSpan Span { get; }

    /// <summary>The logical path: a JSON Pointer from the document root, such as <c>/identityManagement/baseUrl</c>.</summary>
    public string Path { get; }

    /// <summary>The mapping key this node sits under, if any.</summary>
    public DocScalar? Key { get; internal set; }

    /// <summary>Escapes one JSON Pointer segment (RFC 6901).</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

/// <summary>A scalar value.</summary>
public sealed class DocScalar : DocNode
{
    /// <summary>Creates a scalar.</summary>
    public DocScalar(SourceSpan span, string path, string value, ScalarKind kind, bool quoted, ValueOrigin origin = ValueOrigin.Literal)
        : base(span, path)
    {
        // Booleans and nulls repeat in every document; strings and numbers could be secrets, so are never pooled.
        Value = kind is ScalarKind.Boolean or ScalarKind.Null ? SharedStrings.Get(value) : value;
        Kind = kind;
        Quoted = quoted;
        Origin = origin;
    }

    /// <summary>
    /// The scalar's value as text (for null, an empty string; for a number, its source text). For a
    /// <see cref="ValueOrigin.Reference"/> or <see cref="ValueOrigin.Expression"/>, the source text of the expression,
    /// not a value.
    /// </summary>
    public string Value { get; private set; }

    /// <summary>Where the value comes from.</summary>
    public ValueOrigin Origin { get; }

    /// <summary>Whether the value is known statically (a literal or a folded constant).</summary>
    public bool IsKnown => Origin is ValueOrigin.Literal or ValueOrigin.Constant;

    /// <summary>How the document's format writes a value at this scalar's span (set by the loader).</summary>
    internal ValueSyntax Syntax { get; set; } = ValueSyntax.None;

    /// <summary>
    /// For a C# constant used only here and declared in this file as a string literal: that literal, where a fix
    /// writes the value (ScimLint edits a declaration only when it has no other use).
    /// </summary>
    internal SourceSpan? DeclaredAt { get; set; }

    /// <summary>The scalar's type.</summary>
    public ScalarKind Kind { get; }

    /// <summary>Whether the source quoted the value.</summary>
    public bool Quoted { get; }

    /// <summary>Takes the pooled copy of a key's text (keys repeat in every document; see <see cref="SharedStrings"/>).</summary>
    internal void ShareKeyText() => Value = SharedStrings.Get(Value);

    /// <summary>The boolean value, when <see cref="Kind"/> is <see cref="ScalarKind.Boolean"/>.</summary>
    public bool? AsBoolean => Kind == ScalarKind.Boolean ? string.Equals(Value, "true", StringComparison.OrdinalIgnoreCase) : null;
}

/// <summary>One key and value of a mapping.</summary>
public sealed record DocProperty(DocScalar Key, DocNode Value);

/// <summary>A mapping (YAML mapping or JSON object), in source order.</summary>
public sealed class DocMapping : DocNode
{
    /// <summary>Creates a mapping.</summary>
    public DocMapping(SourceSpan span, string path, IReadOnlyList<DocProperty> properties)
        : base(span, path)
    {
        // An exact array, not the loader's growing list: every mapping of every document stays alive until the
        // cross-document rules have run.
        Properties = properties is List<DocProperty> list ? list.ToArray() : properties;
        for (var i = 0; i < Properties.Count; i++)
        {
            Properties[i].Key.ShareKeyText();
        }
    }

    /// <summary>The properties in source order.</summary>
    public IReadOnlyList<DocProperty> Properties { get; }

    /// <summary>Finds a property by exact key.</summary>
    public DocProperty? Find(string key)
    {
        // Indexed, not foreach: every field a rule reads comes through here, and an interface enumerator is an allocation.
        var properties = Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            if (string.Equals(properties[i].Key.Value, key, StringComparison.Ordinal))
            {
                return properties[i];
            }
        }

        return null;
    }

    /// <summary>Finds a property's value by exact key.</summary>
    public DocNode? Get(string key) => Find(key)?.Value;
}

/// <summary>A sequence (YAML sequence or JSON array).</summary>
public sealed class DocSequence : DocNode
{
    /// <summary>Creates a sequence.</summary>
    public DocSequence(SourceSpan span, string path, IReadOnlyList<DocNode> items)
        : base(span, path)
    {
        Items = items;
    }

    /// <summary>The items in source order.</summary>
    public IReadOnlyList<DocNode> Items { get; }
}
