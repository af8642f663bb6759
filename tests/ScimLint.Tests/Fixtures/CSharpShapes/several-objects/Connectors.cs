namespace Acme.Provisioning;

// Two connectors in one file, each with its StrongDM settings: every object is checked, and each export pairs with
// the settings of its own class.
public static class Berlin
{
    public static object Export() => new
    {
        application = new { name = "strongdm", displayLabel = "StrongDM (Berlin)", ssoUrl = "https://app.eu.strongdm.com/app/login", active = true },
        identityManagement = new
        {
            apiType = "SCIM API",
            scimVersion = "2.0",
            baseUrl = "https://app.eu.strongdm.com/provisioning/generic/v2",
            token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN_BERLIN"),
            groupManagementEnabled = true,
            status = "active",
        },
    };

    public static StrongDmSettings Settings { get; } = new()
    {
        ControlPlane = new ControlPlane { Region = "EU", Host = "app.eu.strongdm.com" },
        Provisioning = new Provisioning { ScimProvider = "generic", ScimActive = true, Token = new TokenRef { Ref = "env:SDM_SCIM_TOKEN_BERLIN" } },
    };
}

public static class Chicago
{
    public static object Export() => new
    {
        application = new { name = "strongdm", displayLabel = "StrongDM (Chicago)", ssoUrl = "https://app.eu.strongdm.com/app/login", active = true },
        identityManagement = new
        {
            apiType = "SCIM API",
            scimVersion = "2.0",
            baseUrl = "https://app.strongdm.com/provisioning/generic/v2",
            token = "f3a9c1d2e4b5a6978877665544332211aabbccdd",
            groupManagementEnabled = true,
            status = "active",
        },
    };

    public static StrongDmSettings Settings { get; } = new()
    {
        ControlPlane = new ControlPlane { Region = "US", Host = "app.strongdm.com" },
        Provisioning = new Provisioning { ScimProvider = "generic", ScimActive = true, Token = new TokenRef { Ref = "env:SDM_SCIM_TOKEN_CHICAGO" } },
    };
}
