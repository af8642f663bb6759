namespace Acme.Provisioning;

public static class Connector
{
    private static readonly IdentityManagement Defaults = new()
    {
        ApiType = "SCIM API",
        ScimVersion = "2.0",
        BaseUrl = "https://app.strongdm.com/provisioning/generic/v2",
        Token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
        GroupManagementEnabled = true,
        Status = "active",
    };

    // Production copies the defaults and changes the endpoint.
    public static IdentityManagement Production => Defaults with { BaseUrl = "https://app.strongdm.com/provisioning/okta/v2" };
}
