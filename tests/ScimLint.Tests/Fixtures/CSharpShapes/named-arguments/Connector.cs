namespace Acme.Provisioning;

public static class Connector
{
    public static IdentityManagement Scim() => new IdentityManagement(
        apiType: "SCIM API",
        scimVersion: "2.0",
        baseUrl: "https://app.strongdm.com/provisioning/generic/v2/",
        token: Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
        groupManagementEnabled: true,
        status: "active");
}
