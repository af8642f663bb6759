namespace Acme.Provisioning;

public static class Connector
{
    public static object App() => new
    {
        Name = nameof(StrongDM),
        SsoUrl = string.Format("https://{0}{1}", Endpoints.Host, Endpoints.LoginPath),
        Active = true,
    };

    public static object Scim() => new
    {
        ApiType = "SCIM API",
        ScimVersion = "2.0",
        BaseUrl = string.Concat("https://", Endpoints.Host, Endpoints.ScimPath),
        Token = configuration["Scim:Token"],
        GroupManagementEnabled = featureFlags.Groups,
        Status = "active",
    };
}
