using ScimLint.Documents;
using ScimLint.Model;

namespace ScimLint.Engine;

/// <summary>
/// Stage 3, classification and binding: recognises a loaded document's kind by its shape and binds it to the typed
/// model (<see cref="ModelBinder"/>). For an input it also starts loading the JSON schema its kind is validated
/// against, in the background, so that schema validation later finds it ready.
/// </summary>
internal static class DocumentBinder
{
    /// <summary>Classifies and binds one document.</summary>
    public static BoundDocument Bind(SourceDocument document) => ModelBinder.Bind(document);

    /// <summary>Starts loading the schema of an input's kind (nothing for unknown or unparsed documents).</summary>
    public static void PrepareInput(BoundDocument bound)
    {
        // Prewarm starts each kind's load once, however often it is asked.
        foreach (var root in bound.SchemaRoots)
        {
            Schema.SchemaValidator.Prewarm(root.Kind);
        }
    }
}
