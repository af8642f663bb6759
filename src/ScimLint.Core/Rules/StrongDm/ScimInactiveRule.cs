namespace ScimLint.Rules.StrongDm;

/// <summary>SL402: SCIM must be activated in StrongDM.</summary>
internal sealed class ScimInactiveRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL402",
        "scim-inactive",
        "SCIM is not activated in StrongDM",
        "provisioning.scimActive is {0}; click Activate SCIM in Settings > User Management > Provisioning, save the token into JumpCloud, and record scimActive: true",
        Severity.Error,
        "StrongDM generates the SCIM token when you click Activate SCIM. Until SCIM is active there is no valid token for JumpCloud to send, so nothing is provisioned.",
        ["correctness", "strongdm"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckSettings(StrongDmContext context)
    {
        var field = context.Settings.ScimActive;
        if (field.Boolean == true)
        {
            return;
        }

        var state = !field.IsPresent ? "missing" : !field.HasValue ? "null" : field.Boolean == false ? "false" : "not a boolean";
        context.Report(field, Rule.Format(state));
    }
}
