namespace ScimLint.Rules.StrongDm;

/// <summary>SL403: the legacy API sync still runs while SCIM is active.</summary>
internal sealed class LegacySyncEnabledRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL403",
        "legacy-sync-enabled",
        "Legacy API directory sync still runs beside SCIM",
        "provisioning.legacyApiSyncEnabled is true while SCIM is active, so two writers change the same StrongDM users and roles; turn the legacy sync off once SCIM provisioning works and record legacyApiSyncEnabled: false",
        Severity.Warning,
        "With the legacy API sync on and SCIM active, JumpCloud (through SCIM) and the older sync (through the API) both change StrongDM users and roles and can undo each other's changes.",
        ["correctness", "strongdm"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckSettings(StrongDmContext context)
    {
        var settings = context.Settings;
        if (settings.ScimActive.Boolean == true && settings.LegacyApiSyncEnabled.Boolean == true)
        {
            context.Report(settings.LegacyApiSyncEnabled, Rule.Format());
        }
    }
}
