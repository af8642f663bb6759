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
        "{0} {1}; it was not checked",
        Severity.Note,
        "A file named explicitly on the command line has neither shape (or does not load and mentions none of their keys, or is a JumpCloud export without a StrongDM application), so no rule ran on it. Files found by walking a directory are skipped silently.",
        ["input"]);

    private const string Shapes = "is neither a JumpCloud export (a root 'application', an application list, or a bare application object) nor StrongDM settings (a root 'controlPlane' or 'provisioning')";

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckDocument(DocumentContext context)
    {
        var doc = context.Document;
        if (!context.ExplicitlyNamed)
        {
            return;
        }

        string? reason = null;
        if (doc.Kind == DocumentKind.Unknown && doc.Document.Diagnostics.Count == 0)
        {
            reason = Shapes;
        }
        else if (!context.LooksLikeConfig)
        {
            reason = "does not parse as YAML or JSON and mentions none of the keys of a JumpCloud export or StrongDM settings";
        }
        else if (doc.Kind == DocumentKind.JumpCloud && doc.Apps.Count == 0 && doc.Document.Diagnostics.Count == 0)
        {
            reason = "is a JumpCloud export, but none of its applications is StrongDM's (no 'strongdm' in 'name' or 'displayName')";
        }

        if (reason is not null)
        {
            context.Report(doc.Document.FirstLineSpan, string.Empty, Rule.Format(doc.Document.Path, reason));
        }
    }
}
