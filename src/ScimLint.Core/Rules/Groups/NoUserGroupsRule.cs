namespace ScimLint.Rules.Groups;

/// <summary>SL501: no user group is assigned, so nobody is provisioned.</summary>
internal sealed class NoUserGroupsRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL501",
        "no-user-groups",
        "No user groups are assigned",
        "{0}; JumpCloud syncs groups of users, not individual users, so nobody is provisioned to StrongDM: select at least one user group on the app's User Groups tab, save, and export again",
        Severity.Error,
        "JumpCloud syncs groups of users and not individual users. An app whose associations are supplied but hold no user_group association provisions nobody (associations that are not supplied at all are SL006's note, not this error), and removing the last group deactivates everyone it provisioned.",
        ["correctness", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var app = context.App;
        if (app.Associations.Any(a => a.Type.Text == GroupLookup.UserGroupType))
        {
            return;
        }

        var field = app.AssociationsField;
        if (field.Property is not { } property)
        {
            // Not supplied (a separate API call): SL006 notes that groups were not checked. Absent is not wrong.
            return;
        }

        var users = app.Associations.Count(a => a.Type.Text == GroupLookup.UserType);
        var state = users > 0
            ? $"no association has to.type user_group (only {users} direct user assignment{(users == 1 ? string.Empty : "s")})"
            : app.Associations.Count > 0 ? "no association has to.type user_group"
            : field.HasValue ? "associations is empty, so no user group is assigned" : "associations has no value, so no user group is assigned";
        context.Report(property.Key.Span, field.LogicalPath, Rule.Format(state));
    }
}
