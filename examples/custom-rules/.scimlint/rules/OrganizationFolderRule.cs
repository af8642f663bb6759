using ScimLint.Rules;

namespace Acme.ScimLintRules;

/// <summary>
/// The StrongDM organisation named in the settings matches the folder they are kept in: settings copied from
/// <c>acme-staging/</c> into <c>acme-prod/</c> and never edited would provision production users into staging.
/// </summary>
public sealed class OrganizationFolderRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "ACME002",
        "organization-matches-folder",
        "The StrongDM organisation name matches its folder",
        "organization '{0}' does not match the folder '{1}' these settings are kept in",
        Severity.Error,
        "Each environment's StrongDM settings live in a folder named after the StrongDM organisation they provision.",
        ["naming", "acme"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckSettings(StrongDmContext context)
    {
        var organization = context.Settings.Root.Field("organization");
        var folder = DisplayLabelEnvironmentRule.Folder(context.Settings.Document.Path);
        if (organization.Text is { } name && folder is not null && !string.Equals(name, folder, System.StringComparison.Ordinal))
        {
            context.Report(organization, Rule.Format(name, folder));
        }
    }
}
