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
        "Provisioning happens only once the app's Identity Management (SCIM) integration is activated (\"Click Activate and click Save\"). When the identityManagement block is not supplied at all, SL006 notes what was not checked; when it is empty or its status is other than active, JumpCloud provisions nobody to StrongDM.",
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
                    // Not supplied (a verbatim API object cannot carry it): SL006 says so, as a note. Absent is not wrong.
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
