namespace ScimLint.Rules.Drift;

/// <summary>SL604: the live console assigns users to the app directly, which the hand-kept document does not declare.</summary>
internal sealed class DirectUserLiveRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL604",
        "drift-direct-user-live",
        "Users are assigned directly in the live console",
        "the live JumpCloud console ({0}) assigns {1} directly to the app, which this document does not declare; JumpCloud syncs groups of users, not individual users, so they are not provisioned through it: add them to an assigned group and remove the direct assignment",
        Severity.Warning,
        "\"JumpCloud syncs groups of users and not individual users\": a direct user assignment made in the console looks like access but provisions nobody, and it is outside the reviewed document.",
        ["drift", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override bool CrossFile => true;

    public override void CheckApp(JumpCloudContext context)
    {
        var app = context.App;
        if (Drift.Live(context) is not { } live)
        {
            return;
        }

        var declared = Drift.Targets(app, Drift.UserType).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var users = Drift.Targets(live, Drift.UserType).Where(t => !declared.Contains(t.Id)).Select(t => t.Id).ToList();
        if (users.Count == 0)
        {
            return;
        }

        var who = users.Count == 1 ? $"user {users[0]}" : $"{users.Count} users ({string.Join(", ", users)})";
        if (app.AssociationsField.Property is { } property)
        {
            context.Report(property.Key.Span, app.AssociationsField.LogicalPath, Rule.Format(live.Document.Path, who));
        }
        else
        {
            context.Report(app.Application, Rule.Format(live.Document.Path, who));
        }
    }
}
