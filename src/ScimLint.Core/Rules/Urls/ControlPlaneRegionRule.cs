using ScimLint.Model;

namespace ScimLint.Rules.Urls;

/// <summary>
/// SL106: in the StrongDM settings, <c>controlPlane.region</c> is not US, UK or EU, or <c>controlPlane.host</c> is not
/// the control plane of that region.
/// </summary>
internal sealed class ControlPlaneRegionRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL106",
        "control-plane-region",
        "Control-plane region is invalid or contradicts its host",
        "{0}",
        Severity.Error,
        "controlPlane.region must be US, UK or EU (US when absent), and controlPlane.host, when written, must be that region's control plane: app.strongdm.com, app.uk.strongdm.com or app.eu.strongdm.com. The region decides which URLs JumpCloud must use and which URL ScimLint's fixes write.",
        ["correctness", "region"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckSettings(StrongDmContext context)
    {
        var settings = context.Settings;
        var regionField = settings.RegionField;
        var hostField = settings.Host;
        var hostText = hostField.Text?.Trim();
        var hostRegion = ControlPlanes.RegionOfHost(hostText);

        if (settings.Region is not { } region)
        {
            var written = regionField.Text is { } t ? (string.IsNullOrWhiteSpace(t) ? "blank" : $"'{t}'") : "not a string";
            var hint = hostRegion is { } h ? $" (controlPlane.host '{hostText}' is the {h} control plane)" : string.Empty;
            var fix = hostRegion is { } hr ? Fix.ReplaceValue(regionField, hr.ToString()) : null;
            context.Report(regionField, Rule.Format($"controlPlane.region is {written}; set it to US, UK or EU, the region of the organisation's StrongDM control plane{hint}"), fix);
            return;
        }

        if (!hostField.HasValue || (hostField.Scalar is not null && string.IsNullOrWhiteSpace(hostField.Text)))
        {
            return;
        }

        var regionSays = regionField.HasValue ? $"controlPlane.region is {region}" : $"controlPlane.region is not set, so it is {region}, the vendor's default";
        var expected = ControlPlanes.Host(region);
        if (hostText is null)
        {
            context.Report(hostField, Rule.Format($"controlPlane.host is not a string; set it to '{expected}' ({regionSays}) or remove it"));
            return;
        }

        if (hostRegion is { } other)
        {
            if (other != region)
            {
                context.Report(hostField, Rule.Format($"controlPlane.host '{hostText}' is the {other} control plane, but {regionSays}; make them agree (host '{expected}', or region {other})"));
            }

            return;
        }

        var asUrl = Uri.TryCreate(hostText, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && ControlPlanes.RegionOfHost(uri.Authority) is not null;
        var what = asUrl ? "is a URL, not a host name" : "is not a StrongDM control plane (app.strongdm.com, app.uk.strongdm.com or app.eu.strongdm.com)";
        context.Report(hostField, Rule.Format($"controlPlane.host '{hostText}' {what}; {regionSays}, so set it to '{expected}'"), Fix.ReplaceValue(hostField, expected));
    }
}
