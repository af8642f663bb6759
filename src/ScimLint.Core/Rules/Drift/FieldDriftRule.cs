using ScimLint.Model;

namespace ScimLint.Rules.Drift;

/// <summary>SL601: a field of the app differs between the hand-kept document and the live console.</summary>
internal sealed class FieldDriftRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL601",
        "drift-field",
        "The live app differs from the declared one",
        "{0}",
        Severity.Warning,
        "The hand-kept document is the reviewed, desired state; the pulled document is what JumpCloud really holds. A difference in the Bookmark URL, the Display Label or whether the app is active means the console was changed outside review, or a reviewed change was never made in the console.",
        ["drift"]);

    private static readonly (string Field, string Label)[] Fields =
    [
        ("ssoUrl", "Bookmark URL (application.ssoUrl)"),
        ("displayLabel", "Display Label (application.displayLabel)"),
        ("active", "active (application.active)"),
    ];

    public override RuleDescriptor Descriptor => Rule;

    public override bool CrossFile => true;

    public override void CheckApp(JumpCloudContext context)
    {
        if (Drift.Live(context) is not { } live)
        {
            return;
        }

        foreach (var (name, label) in Fields)
        {
            var declared = context.App.Application.Field(name);
            var observed = live.Application.Field(name);

            // Absent is not wrong: only two values that are both there can disagree.
            if (!declared.HasValue || !observed.HasValue || declared.Scalar is null || observed.Scalar is null)
            {
                continue;
            }

            var same = declared.Boolean is { } a && observed.Boolean is { } b ? a == b : string.Equals(declared.Text, observed.Text, StringComparison.Ordinal);
            if (!same)
            {
                context.Report(declared, Rule.Format($"{label} is '{observed.Text}' in the live JumpCloud console ({live.Document.Path}), not '{declared.Text}' as declared here: change the console or this document so that they agree"));
            }
        }
    }
}
