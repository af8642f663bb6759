namespace ScimLint.Rules.Groups;

/// <summary>SL505: an association points at a group the export's userGroups list does not have.</summary>
internal sealed class UnknownGroupRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL505",
        "unknown-group",
        "Association points at an unlisted group",
        "the association points at user group {0}, which userGroups does not list; the export is stale or incomplete, or the group was deleted, so its name and size cannot be checked: export again, or remove the association",
        Severity.Warning,
        "When the export has a userGroups list, every associated group id should be in it. A missing id means a stale or incomplete export or a deleted group, and SL503 and SL504 cannot check that group.",
        ["correctness", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        if (context.App.UserGroups is null)
        {
            return;
        }

        foreach (var association in GroupLookup.GroupAssociations(context.App))
        {
            var id = GroupLookup.IdOf(association);
            if (GroupLookup.Find(context.App, id) is null)
            {
                context.Report(association.Id, Rule.Format(id));
            }
        }
    }
}
