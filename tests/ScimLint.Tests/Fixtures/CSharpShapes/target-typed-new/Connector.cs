namespace Acme.Provisioning;

public static class Connector
{
    public static IdentityManagement Scim { get; } = new()
    {
        ApiType = "SCIM API",
        ScimVersion = "2.0",
        BaseUrl = "https://app.strongdm.com/provisioning/generic/v2",
        Token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
        GroupManagementEnabled = false,
        Status = "active",
    };
}
