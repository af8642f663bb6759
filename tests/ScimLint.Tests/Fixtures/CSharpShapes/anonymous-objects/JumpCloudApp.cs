namespace Acme.Provisioning;

public static class JumpCloudApp
{
    public static object Application() => new
    {
        name = "StrongDM",
        displayLabel = "StrongDM (EU)",
        ssoUrl = $"{Hosts.Scheme}://{Hosts.ControlPlane}/app/login",
        active = true,
    };

    public static object IdentityManagement() => new
    {
        apiType = "SCIM API",
        scimVersion = "2.0",
        baseUrl = $"{Hosts.Scheme}://{Hosts.ControlPlane}/provisioning/generic/v2",
        token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
        groupManagementEnabled = true,
        status = "active",
    };
}
