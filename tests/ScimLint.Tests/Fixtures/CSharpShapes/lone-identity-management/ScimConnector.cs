namespace Acme.Provisioning;

public static class ScimConnector
{
    // Only the Identity Management tab, no application object beside it.
    public static IdentityManagement Settings { get; } = new IdentityManagement
    {
        ApiType = "SCIM API",
        ScimVersion = "2.0",
        BaseUrl = "https://app.strongdm.com/provisioning/generic/v2",
        Token = "f3a9c1d2e4b5a6978877665544332211aabbccdd",
        GroupManagementEnabled = true,
        Status = "active",
    };
}
