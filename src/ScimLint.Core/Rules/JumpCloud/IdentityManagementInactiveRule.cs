using ScimLint.Documents;
using ScimLint.Model;

namespace ScimLint.Rules.JumpCloud;

/// <summary>SL202: the Identity Management block is missing, or its status is not <c>active</c>.</summary>
internal sealed class IdentityManagementInactiveRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL202",
        "identity-management-inactive",
        "Identity Management is missing or inactive",
        "{0}",
        Severity.Error,
        "Provisioning happens only once the app's Identity Management (SCIM) integration is activated (\"Click Activate and click Save\"). Without the identityManagement block no SCIM setting can be checked; with a status other than active, JumpCloud provisions nobody to StrongDM.",
        ["correctness", "identity-management"]);

    private const string Todo = "configure the Identity Management tab (Base URL, token, group management), click Activate and Save, and export the tab's settings with status: active";

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var app = context.App;
        if (!app.IdentityManagement.IsPresent)
        {
            switch (app.IdentityManagementField.Node)
            {
                case null:
                    context.Report(app.Span, app.IdentityManagement.LogicalPath, Rule.Format($"identityManagement is missing for this StrongDM app, so SCIM provisioning is not set up (or not exported); {Todo}"));
                    break;
                case DocScalar { IsKnown: false }:
                    // Built at run time (C#): nothing to judge.
                    break;
                case DocScalar { Kind: ScalarKind.Null }:
                    context.Report(app.IdentityManagement, Rule.Format($"identityManagement is empty; {Todo}"));
                    break;
                default:
                    context.Report(app.IdentityManagement, Rule.Format($"identityManagement is not a mapping of the Identity Management tab's settings; {Todo}"));
                    break;
            }

            return;
        }

        var status = app.Status;
        if (!status.HasValue)
        {
            context.Report(status, Rule.Format("identityManagement.status is missing; click Activate and Save on the Identity Management tab and record it as status: active"));
        }
        else if (!string.Equals(status.Text?.Trim(), "active", StringComparison.OrdinalIgnoreCase))
        {
            var written = status.Text is { } t ? $"'{t}'" : "not a string";
            context.Report(status, Rule.Format($"identityManagement.status is {written}, so JumpCloud is not provisioning to StrongDM; click Activate and Save on the Identity Management tab and record it as status: active"));
        }
    }
}
