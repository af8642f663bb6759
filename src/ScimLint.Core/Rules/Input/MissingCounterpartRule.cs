using ScimLint.Model;

namespace ScimLint.Rules.Input;

/// <summary>SL003: a JumpCloud export without StrongDM settings, the reverse, or an ambiguous pairing.</summary>
internal sealed class MissingCounterpartRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL003",
        "missing-counterpart",
        "JumpCloud export and StrongDM settings are not paired",
        "{0}",
        Severity.Warning,
        "A JumpCloud export is checked against the StrongDM settings document in its directory or the nearest ancestor up to the repository root. Without one, the control-plane region is taken from the URLs (default US) and cross-document checks do not run.",
        ["pairing"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var anchor = context.App.Application;
        switch (context.Pairing)
        {
            case PairingStatus.Missing:
                var region = ControlPlanes.RegionOfUrl(context.App.BaseUrl.Text) ?? ControlPlanes.RegionOfUrl(context.App.SsoUrl.Text) ?? Region.US;
                context.Report(anchor, Rule.Format($"no StrongDM settings document found beside this JumpCloud export or in any parent directory up to the repository root; the control-plane region is assumed to be {region} from the URLs"));
                break;
            case PairingStatus.Ambiguous:
                context.Report(anchor, Rule.Format($"pairing is ambiguous: more than one StrongDM settings document sits in the same directory ({string.Join(", ", context.Candidates)}); keep one per directory"));
                break;
        }
    }

    public override void CheckSettings(StrongDmContext context)
    {
        if (context.Pairing == PairingStatus.Missing)
        {
            var anchor = context.Settings.ControlPlane.IsPresent ? context.Settings.ControlPlane : context.Settings.Provisioning;
            context.Report(anchor, Rule.Format("no JumpCloud export pairs with these StrongDM settings (none in this directory or below); the JumpCloud side is not checked"));
        }
    }
}
