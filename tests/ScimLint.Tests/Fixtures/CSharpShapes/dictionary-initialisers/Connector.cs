namespace Acme.Provisioning;

public static class Connector
{
    public static Dictionary<string, object> IdentityManagement() => new()
    {
        ["apiType"] = "SCIM API",
        ["scimVersion"] = "2.0",
        ["baseUrl"] = "https://app.strongdm.com/provisioning/generic/v2",
        { "token", "Bearer f3a9c1d2e4b5a6978877665544332211aabbccdd" },
        { "groupManagementEnabled", true },
        ["status"] = "active",
    };
}
