namespace ScimLint.Rules.Groups;

/// <summary>SL502: users assigned directly to the app are not provisioned.</summary>
internal sealed class DirectUserAssignmentRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL502",
        "direct-user-assignment",
        "Users are assigned directly",
        "user {0} is assigned to the app directly (to.type user); JumpCloud syncs groups only, so this assignment provisions nothing: add the user to a user group assigned to the app and remove the direct assignment",
        Severity.Warning,
        "JumpCloud syncs groups of users and not individual users, so a user assigned directly to the app (an association with type user) is not provisioned to StrongDM through it. The assignment looks like access but gives none.",
        ["correctness", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        foreach (var association in context.App.Associations.Where(a => a.Type.Text == GroupLookup.UserType))
        {
            var id = string.IsNullOrEmpty(association.Id.Text) ? "(no id)" : association.Id.Text;
            context.Report(association.Type, Rule.Format(id));
        }
    }
}
