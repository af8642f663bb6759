using ScimLint.Model;

namespace ScimLint.Rules.Input;

/// <summary>SL004: a file named on the command line is neither a JumpCloud export nor StrongDM settings.</summary>
internal sealed class NotAConfigRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL004",
        "not-a-config",
        "File is neither a JumpCloud export nor StrongDM settings",
        "{0} is neither a JumpCloud export (a root 'application', an application list, or a bare application object) nor StrongDM settings (a root 'controlPlane' or 'provisioning'); it was not checked",
        Severity.Note,
        "A file named explicitly on the command line has neither shape, so no rule ran on it. Files found by walking a directory are skipped silently.",
        ["input"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckDocument(DocumentContext context)
    {
        var doc = context.Document;
        if (context.ExplicitlyNamed && doc.Kind == DocumentKind.Unknown && doc.Document.Diagnostics.Count == 0)
        {
            var span = doc.Document.Root?.Span ?? doc.Document.Text.Span(0, 0);
            context.Report(span with { EndLine = span.StartLine, EndColumn = Math.Max(span.StartColumn, doc.Document.Text.GetLine(span.StartLine).Length + 1) }, string.Empty, Rule.Format(doc.Document.Path));
        }
    }
}
