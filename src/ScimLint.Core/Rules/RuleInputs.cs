using ScimLint.Loading;
using ScimLint.Model;

namespace ScimLint.Rules;

/// <summary>
/// What a rule checks, built from text as the engine builds it from a file: for unit tests of a rule, built-in or
/// custom. Pass the result's <see cref="BoundDocument.Apps"/>, <see cref="BoundDocument.Settings"/> or the document
/// itself to a context's constructor, then call the rule's <c>Check*</c> method.
/// </summary>
public static class RuleInputs
{
    /// <summary>
    /// Loads and binds one document. <paramref name="displayPath"/>'s extension picks the format (<c>.yaml</c>,
    /// <c>.yml</c>, <c>.json</c> or <c>.cs</c>) and is the path findings carry. Problems become the document's
    /// diagnostics, never exceptions.
    /// </summary>
    public static BoundDocument Load(string displayPath, string text) =>
        ModelBinder.Bind(DocumentLoader.LoadText(displayPath, text));
}
