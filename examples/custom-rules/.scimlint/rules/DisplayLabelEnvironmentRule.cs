using ScimLint.Rules;

namespace Acme.ScimLintRules;

/// <summary>
/// The display label of the StrongDM app in JumpCloud starts with the environment it provisions, so that people
/// picking an app in the JumpCloud user portal cannot confuse production with staging.
/// </summary>
/// <remarks>
/// The environment is the last dash-separated part of the folder that holds the JumpCloud export: for
/// <c>acme-prod/jumpcloud.yaml</c> it is <c>prod</c>, so the label must start with <c>prod</c> (any letter case),
/// such as <c>prod - StrongDM</c>. A file outside such a folder is not checked.
/// <para>Fix: the label is rewritten as <c>ENV - LABEL</c> with <c>scimlint --fix</c>.</para>
/// </remarks>
public sealed class DisplayLabelEnvironmentRule : Rule
{
    /// <summary>The descriptor: ID with the team's own prefix, never SL.</summary>
    public static readonly RuleDescriptor Rule = new(
        "ACME001",
        "display-label-environment",
        "The display label starts with the environment name",
        "display label '{0}' does not start with the environment '{1}' (from the folder {2})",
        Severity.Warning,
        "The JumpCloud display label of the StrongDM app starts with the environment name taken from the export's folder.",
        ["naming", "acme"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var label = context.App.DisplayLabel;
        var folder = Folder(context.App.Document.Path);
        if (label.Text is not { } text || folder is null)
        {
            return;
        }

        var environment = folder[(folder.LastIndexOf('-') + 1)..];
        if (environment.Length > 0 && !text.StartsWith(environment, System.StringComparison.OrdinalIgnoreCase))
        {
            context.Report(label, Rule.Format(text, environment, folder), Fix.ReplaceValue(label, $"{environment} - {text}"));
        }
    }

    /// <summary>The name of the folder that holds a document (display paths use '/'), or null at the top.</summary>
    internal static string? Folder(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 2 && parts[^2] is { Length: > 0 } name && name != "." && name != ".." ? name : null;
    }
}
