namespace ScimLint.Rules.StrongDm;

/// <summary>SL401: StrongDM's SCIM Provider must be Generic for JumpCloud.</summary>
internal sealed class ScimProviderNotGenericRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL401",
        "scim-provider-not-generic",
        "StrongDM SCIM Provider is not Generic",
        "provisioning.scimProvider {0}",
        Severity.Error,
        "For JumpCloud, StrongDM's SCIM Provider (Settings > User Management > Provisioning) must be Generic. An empty value means SCIM is not set up; another provider means the organisation's one provider field is set for someone else.",
        ["correctness", "strongdm"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckSettings(StrongDmContext context)
    {
        var field = context.Settings.ScimProvider;
        if (!field.HasValue || field.Text is { Length: 0 })
        {
            var state = !field.IsPresent ? "is missing" : field.HasValue ? "is empty" : "is null";
            context.Report(field, Rule.Format($"{state}, so SCIM is not configured in StrongDM: in Settings > User Management > Provisioning select Generic, click Activate SCIM, and record scimProvider: generic"));
            return;
        }

        if (field.Text is not { } provider)
        {
            context.Report(field, Rule.Format("is not a string; set it to generic (Settings > User Management > Provisioning > SCIM Provider)"));
            return;
        }

        if (!string.Equals(provider, "generic", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(field, Rule.Format($"is '{provider}', not 'generic': JumpCloud provisions through StrongDM's Generic SCIM provider; select Generic in Settings > User Management > Provisioning and record scimProvider: generic"));
        }
    }
}
