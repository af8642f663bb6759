using ScimLint.Documents;
using ScimLint.Text;

namespace ScimLint.Model;

/// <summary>Something a rule can report against: it knows its span, logical path and value.</summary>
public interface IModelNode
{
    /// <summary>Where a finding on this node points.</summary>
    SourceSpan Span { get; }

    /// <summary>The JSON Pointer of the node, stable across formatting changes.</summary>
    string LogicalPath { get; }

    /// <summary>The scalar value, or null. Sensitive values are never rendered.</summary>
    string? ValueText { get; }

    /// <summary>Whether the value is a secret (a token), as the model declares it (<see cref="ModelSecrets"/>).</summary>
    bool IsSensitive { get; }

    /// <summary>
    /// Whether the value is known statically. A reference (an environment variable read in C#) or an expression
    /// computed at run time is not: no rule can judge it, and findings reported on such a node are dropped.
    /// </summary>
    bool IsKnown => true;
}

/// <summary>A mapping of the model, possibly absent from the source.</summary>
public sealed class ModelObject : IModelNode
{
    private readonly SourceSpan _anchor;

    internal ModelObject(DocMapping? mapping, string path, SourceSpan anchor, string role = "", bool known = true, bool pascalCase = false)
    {
        Mapping = mapping;
        PascalCase = pascalCase;
        // Logical paths and roles repeat in every document (see SharedStrings).
        LogicalPath = SharedStrings.Get(path);
        _anchor = anchor;
        Role = SharedStrings.Get(role);
        IsKnown = known;
    }

    /// <summary>
    /// False for a part the document does not hold at all (the application of a C# file holding only an Identity
    /// Management object) or that is computed at run time: findings on it, or on its fields, are dropped.
    /// </summary>
    public bool IsKnown { get; }

    /// <summary>
    /// Whether the object's keys are PascalCase (PowerShell's <c>ConvertTo-Json</c> of a JumpCloud SDK object:
    /// <c>Id</c>, <c>SsoUrl</c>): a field named <c>ssoUrl</c> is then also found under <c>SsoUrl</c>, and <c>_id</c>
    /// under <c>Id</c>. The field keeps its model name; its span and logical path are the document's own key.
    /// </summary>
    internal bool PascalCase { get; }

    /// <summary>
    /// Where the object sits in the model, independent of the document's layout: the member names from the bound
    /// object (an application, a list item, the settings root), such as <c>identityManagement</c> or
    /// <c>provisioning/token</c>. Secrets are declared on these (<see cref="ModelSecrets"/>).
    /// </summary>
    internal string Role { get; }

    /// <summary>The source mapping, or null when the block is missing (or is not a mapping).</summary>
    public DocMapping? Mapping { get; }

    /// <summary>Whether the block exists as a mapping.</summary>
    public bool IsPresent => Mapping is not null;

    /// <summary>The key of the block when present, else the nearest existing anchor.</summary>
    public SourceSpan Span => Mapping?.Key?.Span ?? _anchor;

    /// <inheritdoc/>
    public string LogicalPath { get; }

    /// <inheritdoc/>
    public string? ValueText => null;

    /// <inheritdoc/>
    public bool IsSensitive => false;

    /// <summary>A field of this block; present or not. Whether it is a secret is the model's decision, not the caller's.</summary>
    public ModelField Field(string name)
    {
        var property = Mapping?.Find(name) ?? (PascalCase ? Mapping?.Find(Pascal(name)) : null);
        return new(this, name, property, ModelSecrets.IsSecret(Role, name));
    }

    /// <summary>The PascalCase key of a model field, as the JumpCloud SDK's PowerShell objects name it.</summary>
    internal static string Pascal(string name) => name switch
    {
        "_id" => "Id",
        "" => name,
        _ => char.ToUpperInvariant(name[0]) + name[1..],
    };
}

/// <summary>A field of a model object: a key that may be missing, with a value that may be null.</summary>
public sealed class ModelField : IModelNode
{
    internal ModelField(ModelObject owner, string name, DocProperty? property, bool sensitive)
    {
        Owner = owner;
        Name = name;
        Property = property;
        IsSensitive = sensitive;
    }

    /// <summary>The object the field belongs to.</summary>
    public ModelObject Owner { get; }

    /// <summary>The key name.</summary>
    public string Name { get; }

    /// <summary>The source key and value, when present.</summary>
    public DocProperty? Property { get; }

    /// <summary>The value node, when the key is present.</summary>
    public DocNode? Node => Property?.Value;

    /// <summary>Whether the key is present (its value may still be null).</summary>
    public bool IsPresent => Property is not null;

    /// <summary>Whether the key is present with a non-null value.</summary>
    public bool HasValue => Node is not null and not DocScalar { Kind: ScalarKind.Null };

    /// <summary>The scalar value as text, or null when missing, null, not a scalar, or not known statically.</summary>
    public string? Text => Node is DocScalar { Kind: not ScalarKind.Null, IsKnown: true } s ? s.Value : null;

    /// <summary>Where the scalar value comes from, or null when the field holds no scalar.</summary>
    public ValueOrigin? Origin => Scalar?.Origin;

    /// <summary>Whether the value is a reference to a value kept outside the source (present, but not literal).</summary>
    public bool IsReference => Origin == ValueOrigin.Reference;

    /// <inheritdoc/>
    public bool IsKnown => Owner.IsKnown && Scalar is not { IsKnown: false };

    /// <summary>The boolean value, or null when it is not a boolean.</summary>
    public bool? Boolean => (Node as DocScalar)?.AsBoolean;

    /// <summary>The value as a scalar node, when it is one.</summary>
    public DocScalar? Scalar => Node as DocScalar;

    /// <summary>The value; the key when the value is null or empty; the owner when the key is missing.</summary>
    public SourceSpan Span => Node switch
    {
        null => Owner.Span,
        DocScalar { Kind: ScalarKind.Null } or DocScalar { Span.Length: 0 } => Property!.Key.Span,
        _ => Node.Span,
    };

    /// <inheritdoc/>
    public string LogicalPath => SharedStrings.Child(Owner.LogicalPath, DocNode.Escape(Property?.Key.Value ?? Name));

    /// <inheritdoc/>
    public string? ValueText => Text;

    /// <inheritdoc/>
    public bool IsSensitive { get; }

    /// <summary>The value as a model object (absent when it is not a mapping).</summary>
    public ModelObject AsObject() => new(Node as DocMapping, LogicalPath, Span, Owner.Role.Length == 0 ? Name : Owner.Role + "/" + Name, IsKnown, Owner.PascalCase);

    /// <summary>The items when the value is a sequence; empty otherwise.</summary>
    public IReadOnlyList<DocNode> Items => (Node as DocSequence)?.Items ?? [];

    /// <summary>A child object of a sequence item.</summary>
    public static ModelObject Item(DocNode item) => new(item as DocMapping, item.Path, item.Span);
}
