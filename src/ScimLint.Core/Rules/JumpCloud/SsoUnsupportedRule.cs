namespace ScimLint.Rules.JumpCloud;

/// <summary>SL206: SAML or OIDC single sign-on is configured on the Identity-Management-only StrongDM connector.</summary>
internal sealed class SsoUnsupportedRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL206",
        "sso-unsupported",
        "SSO is configured on an Identity-Management-only connector",
        "{0}",
        Severity.Note,
        "JumpCloud's StrongDM connector supports only Identity Management (\"the current Supported Functionality is only Identity Management\"); it is a Bookmark application. An sso.type of saml or oidc means single sign-on was set up on a connector that does not support it.",
        ["correctness", "sso"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var type = context.App.SsoType;
        var value = type.Text?.Trim();
        if (string.Equals(value, "saml", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "oidc", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(type, Rule.Format($"application.sso.type is '{type.Text}', but the StrongDM connector supports only Identity Management (it is a Bookmark application); remove the {value!.ToUpperInvariant()} configuration from this app and set up SSO in StrongDM's own settings if you need it"));
        }
    }
}
