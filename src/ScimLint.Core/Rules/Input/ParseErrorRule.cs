namespace ScimLint.Rules.Input;

/// <summary>SL001: the loader could not read the file as YAML or JSON.</summary>
internal sealed class ParseErrorRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL001",
        "parse-error",
        "File cannot be parsed",
        "{0}",
        Severity.Error,
        "The file is not valid YAML or JSON: a syntax error, invalid UTF-8, a duplicate key, or a loader limit (size, depth, alias expansion). Nothing else in the file can be checked until it parses.",
        ["correctness", "input"]);

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>A file that does not load cannot be checked, so no comment in it can hide that.</summary>
    public override bool Suppressible => false;

    public override void CheckDocument(DocumentContext context)
    {
        if (!context.LooksLikeConfig)
        {
            // A named file that is not ours and does not load gets SL004 instead.
            return;
        }

        foreach (var diagnostic in context.Document.Document.Diagnostics)
        {
            context.Report(diagnostic.Span, string.Empty, Rule.Format(diagnostic.Message));
        }
    }
}
