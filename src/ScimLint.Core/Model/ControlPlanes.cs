namespace ScimLint.Model;

/// <summary>A StrongDM control-plane region.</summary>
public enum Region
{
    /// <summary>United States, <c>app.strongdm.com</c>; the vendor's default.</summary>
    US,

    /// <summary>United Kingdom, <c>app.uk.strongdm.com</c>.</summary>
    UK,

    /// <summary>European Union, <c>app.eu.strongdm.com</c>.</summary>
    EU,
}

/// <summary>Vendor facts about StrongDM's control planes and the URLs JumpCloud must use.</summary>
public static class ControlPlanes
{
    /// <summary>The login path of the Bookmark tab.</summary>
    public const string BookmarkPath = "/app/login";

    /// <summary>The SCIM base path for JumpCloud.</summary>
    public const string GenericScimPath = "/provisioning/generic/v2";

    /// <summary>The control-plane host of a region.</summary>
    public static string Host(Region region) => region switch
    {
        Region.UK => "app.uk.strongdm.com",
        Region.EU => "app.eu.strongdm.com",
        _ => "app.strongdm.com",
    };

    /// <summary>The canonical bookmark URL of a region.</summary>
    public static string BookmarkUrl(Region region) => "https://" + Host(region) + BookmarkPath;

    /// <summary>The canonical SCIM Base URL of a region.</summary>
    public static string BaseUrl(Region region) => "https://" + Host(region) + GenericScimPath;

    /// <summary>Parses a region name (US, UK, EU; case-insensitive).</summary>
    public static bool TryParseRegion(string? text, out Region region)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "US":
                region = Region.US;
                return true;
            case "UK":
                region = Region.UK;
                return true;
            case "EU":
                region = Region.EU;
                return true;
            default:
                region = Region.US;
                return false;
        }
    }

    /// <summary>
    /// The region of a host, comparing case-insensitively, ignoring a trailing dot and an explicit <c>:443</c>.
    /// </summary>
    public static Region? RegionOfHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var h = host.Trim().ToLowerInvariant();
        if (h.EndsWith(":443", StringComparison.Ordinal))
        {
            h = h[..^4];
        }

        h = h.TrimEnd('.');
        return h switch
        {
            "app.strongdm.com" => Region.US,
            "app.uk.strongdm.com" => Region.UK,
            "app.eu.strongdm.com" => Region.EU,
            _ => null,
        };
    }

    /// <summary>The region of a URL's host, or null when it is not a control-plane URL.</summary>
    public static Region? RegionOfUrl(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? RegionOfHost(uri.Authority) : null;
}
