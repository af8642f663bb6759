namespace ScimLint.Rules.JumpCloud;

/// <summary>SL201: the group-management checkbox must be selected.</summary>
internal sealed class GroupManagementDisabledRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL201",
        "group-management-disabled",
        "Group management is not enabled",
        "identityManagement.groupManagementEnabled is {0}; select \"Enable management of User Groups and Group Membership in this application\" or no groups (and so no roles) are provisioned",
        Severity.Error,
        "The vendor guide says to ensure the checkbox \"Enable management of User Groups and Group Membership in this application\" is selected. JumpCloud syncs groups, so without it StrongDM roles are never created or updated.",
        ["correctness", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        if (!context.App.IdentityManagement.IsPresent)
        {
            return;
        }

        var field = context.App.GroupManagementEnabled;
        if (field.Boolean == true)
        {
            return;
        }

        var state = !field.HasValue ? "missing (off)" : field.Boolean == false ? "false" : $"not a boolean";
        // Only where the value is written at that spot (a C# constant is fixed where it is declared).
        var fix = field.Boolean == false && field.Origin == Documents.ValueOrigin.Literal ? new Fix("set to true", [new Replacement(field.Scalar!.Span, "true")]) : null;
        context.Report(field, Rule.Format(state), fix);
    }
}
