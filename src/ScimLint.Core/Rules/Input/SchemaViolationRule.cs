using ScimLint.Model;
using ScimLint.Schema;

namespace ScimLint.Rules.Input;

/// <summary>SL002: one finding per JSON Schema error, at the offending node.</summary>
internal sealed class SchemaViolationRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL002",
        "schema-violation",
        "Document does not match its schema",
        "{0}",
        Severity.Error,
        "The document does not match schemas/jumpcloud-export.schema.json or schemas/strongdm-provisioning.schema.json: a wrong type, a missing property, or an unknown key in ScimLint's own blocks (often a typo).",
        ["correctness", "schema"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckDocument(DocumentContext context)
    {
        var doc = context.Document;
        if (doc.Kind == DocumentKind.Unknown || doc.Document.Root is null)
        {
            return;
        }

        foreach (var (root, kind) in doc.SchemaRoots)
        {
            foreach (var error in SchemaValidator.Validate(root, kind, doc.Sidecar))
            {
                context.Report(error.Span, error.Path, Rule.Format(error.Message));
            }
        }
    }
}
