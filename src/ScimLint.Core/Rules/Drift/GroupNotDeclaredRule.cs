namespace ScimLint.Rules.Drift;

/// <summary>SL602: a user group is assigned to the app in the live console but not declared in the hand-kept document.</summary>
internal sealed class GroupNotDeclaredRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL602",
        "drift-group-not-declared",
        "A group is assigned live but not declared",
        "group {0} is assigned to the app in the live JumpCloud console ({1}) but not declared here, so its members get StrongDM access nobody reviewed: declare it under associations, or remove it from the app's User Groups tab",
        Severity.Warning,
        "Every group assigned to the StrongDM app becomes a StrongDM role and its members are provisioned. A group assigned in the console but missing from the reviewed document grants access outside review.",
        ["drift", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override bool CrossFile => true;

    public override void CheckApp(JumpCloudContext context)
    {
        var app = context.App;
        if (Drift.Live(context) is not { } live || app.AssociationsField.Property is not { } property || live.AssociationsField.Property is null)
        {
            return;
        }

        var declared = Drift.Targets(app, Drift.GroupType).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, _) in Drift.Targets(live, Drift.GroupType).Where(t => !declared.Contains(t.Id)))
        {
            context.Report(property.Key.Span, app.AssociationsField.LogicalPath, Rule.Format(Drift.GroupLabel(live, id), live.Document.Path));
        }
    }
}
