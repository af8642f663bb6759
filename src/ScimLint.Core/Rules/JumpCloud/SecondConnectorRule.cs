using ScimLint.Model;

namespace ScimLint.Rules.JumpCloud;

/// <summary>
/// SL207: two active StrongDM connectors in the same JumpCloud organisation provision into the same StrongDM
/// organisation. StrongDM takes one SCIM provider at a time, so two connectors fight over the same users and roles.
/// </summary>
internal sealed class SecondConnectorRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL207",
        "second-connector",
        "A second active StrongDM connector provisions into the same StrongDM organisation",
        "{0}",
        Severity.Error,
        "A StrongDM organisation has one SCIM provider setting, so one provider is active at a time. Two active StrongDM apps in one JumpCloud organisation that both push into the same StrongDM organisation create, update and deactivate the same users and roles from two sources.",
        ["correctness", "identity-management"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckSettings(StrongDmContext context)
    {
        // One entry per app: a hand-kept and a pulled document of the same app are one connector (the hand-kept one
        // is reported, since it is the one under review).
        var connectors = context.Apps
            .Where(IsActive)
            .GroupBy(a => a.Identity ?? "doc:" + a.Document.Path + a.Application.LogicalPath, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(a => !a.IsObserved) ?? g.First())
            .GroupBy(a => a.Organization.Text ?? string.Empty, StringComparer.Ordinal);
        foreach (var organisation in connectors)
        {
            var apps = organisation.OrderBy(a => a.Document.Path, StringComparer.Ordinal).ThenBy(a => a.Application.LogicalPath, StringComparer.Ordinal).ToList();
            if (apps.Count < 2)
            {
                continue;
            }

            foreach (var app in apps)
            {
                var others = string.Join(", ", apps.Where(a => a != app).Select(a => $"'{Label(a)}' ({a.Document.Path})"));
                var node = app.Active.IsPresent ? (IModelNode)app.Active : app.Application;
                context.Report(node, Rule.Format($"'{Label(app)}' and {others} are active StrongDM connectors in the same JumpCloud organisation, both provisioning into the StrongDM organisation of {context.Settings.Document.Path}; StrongDM takes one SCIM provider at a time: deactivate all but one"));
            }
        }
    }

    private static bool IsActive(JumpCloudApp app) =>
        app.Active.Boolean != false
        && (!app.IdentityManagement.IsPresent || !app.Status.IsPresent || string.Equals(app.Status.Text?.Trim(), "active", StringComparison.OrdinalIgnoreCase));

    private static string Label(JumpCloudApp app) => app.DisplayLabel.Text ?? app.DisplayName.Text ?? app.Name.Text ?? "StrongDM";
}
