namespace Acme.Provisioning;

public static class Connector
{
    public static IdentityManagement Scim { get; } = new("SCIM API", "1.1", "https://app.strongdm.com/provisioning/generic/v2", Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"), true, "active");
}
