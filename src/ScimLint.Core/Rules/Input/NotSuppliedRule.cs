namespace ScimLint.Rules.Input;

/// <summary>
/// SL006: the Identity Management block or the associations were not supplied, so the rules that need them did not
/// run. Absent is not wrong: a verbatim API object cannot carry the Identity Management tab, and the associations are
/// a separate call, so this is a note, never SL202 or SL501.
/// </summary>
internal sealed class NotSuppliedRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL006",
        "not-supplied",
        "Data needed by some checks was not supplied",
        "not supplied: {0}",
        Severity.Note,
        "JumpCloud's public API has no endpoint for the Identity Management (SCIM) tab, and an application's group assignments come from a separate call. A document without them is not wrong, but the base URL, token, group-management and group checks could not run; this note says which.",
        ["completeness", "identity-management", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var app = context.App;
        var twin = context.Twin;

        // A hand-kept twin beside a pulled document supplies what the API cannot: nothing is missing then.
        var noIdentityManagement = app.IdentityManagementField.Node is null && twin?.IdentityManagementField.Node is null;
        var noAssociations = app.AssociationsField.Property is null && twin?.AssociationsField.Property is null;
        if (!noIdentityManagement && !noAssociations)
        {
            return;
        }

        var what = (noIdentityManagement, noAssociations) switch
        {
            (true, true) => "identityManagement and associations, so the base URL, token, group management and the assigned user groups were not checked",
            (true, false) => "identityManagement (the Identity Management tab), so the base URL, token and group management were not checked",
            _ => "associations, so the assigned user groups were not checked",
        };
        var how = noIdentityManagement
            ? app.IsObserved
                ? "; the JumpCloud API does not expose the Identity Management tab: keep it by hand in a jumpcloud.yaml beside this file (see README, Getting your configuration)"
                : "; add the identityManagement block (the Identity Management tab, kept by hand)" + (noAssociations ? " and the associations (GET /api/v2/applications/{id}/associations?targets=user_group)" : string.Empty)
            : "; add the associations (GET /api/v2/applications/{id}/associations?targets=user_group), or pull them with scimlint pull jumpcloud";
        context.Report(app.Application, Rule.Format(what + how));
    }
}
