namespace Acme.Provisioning;

public enum Region { US, UK, EU }

public static class Endpoints
{
    public static readonly string Host = "app.strongdm.com";
    public const string LoginPath = "/app/login";
    public const string ScimPath = "/provisioning/generic/v2";
}
