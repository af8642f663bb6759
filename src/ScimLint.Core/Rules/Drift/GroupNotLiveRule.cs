namespace ScimLint.Rules.Drift;

/// <summary>SL603: a user group is declared in the hand-kept document but not assigned to the app in the live console.</summary>
internal sealed class GroupNotLiveRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL603",
        "drift-group-not-live",
        "A declared group is not assigned live",
        "group {0} is declared here but not assigned to the app in the live JumpCloud console ({1}), so its members are not provisioned (or were deactivated when it was removed): assign it on the app's User Groups tab, or remove it from this document",
        Severity.Warning,
        "Removing a group from the app deactivates its members in StrongDM unless another managed group still covers them. A group the reviewed document declares but the console does not assign means access that was approved is not there.",
        ["drift", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override bool CrossFile => true;

    public override void CheckApp(JumpCloudContext context)
    {
        var app = context.App;
        if (Drift.Live(context) is not { } live || live.AssociationsField.Property is null)
        {
            return;
        }

        var assigned = Drift.Targets(live, Drift.GroupType).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, association) in Drift.Targets(app, Drift.GroupType).Where(t => !assigned.Contains(t.Id)))
        {
            context.Report(association.Id, Rule.Format(Drift.GroupLabel(app, id), live.Document.Path));
        }
    }
}
