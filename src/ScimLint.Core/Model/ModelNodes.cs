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

    /// <summary>Whether the value is a secret (a token).</summary>
    bool IsSensitive { get; }
}

/// <summary>A mapping of the model, possibly absent from the source.</summary>
public sealed class ModelObject : IModelNode
{
    private readonly SourceSpan _anchor;

    internal ModelObject(DocMapping? mapping, string path, SourceSpan anchor)
    {
        Mapping = mapping;
        LogicalPath = path;
        _anchor = anchor;
    }

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

    /// <summary>A field of this block; present or not.</summary>
    public ModelField Field(string name, bool sensitive = false) => new(this, name, Mapping?.Find(name), sensitive);
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

    /// <summary>The scalar value as text, or null when missing, null or not a scalar.</summary>
    public string? Text => Node is DocScalar { Kind: not ScalarKind.Null } s ? s.Value : null;

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
    public string LogicalPath => Owner.LogicalPath + "/" + DocNode.Escape(Name);

    /// <inheritdoc/>
    public string? ValueText => Text;

    /// <inheritdoc/>
    public bool IsSensitive { get; }

    /// <summary>The value as a model object (absent when it is not a mapping).</summary>
    public ModelObject AsObject() => new(Node as DocMapping, LogicalPath, Span);

    /// <summary>The items when the value is a sequence; empty otherwise.</summary>
    public IReadOnlyList<DocNode> Items => (Node as DocSequence)?.Items ?? [];

    /// <summary>A child object of a sequence item.</summary>
    public static ModelObject Item(DocNode item) => new(item as DocMapping, item.Path, item.Span);
}
