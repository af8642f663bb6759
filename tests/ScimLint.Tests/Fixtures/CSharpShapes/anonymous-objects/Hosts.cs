namespace Acme.Provisioning;

// Shared by the provisioning code, in another file than the configuration.
public static class Hosts
{
    public const string Scheme = "https";
    public const string ControlPlane = "app.strongdm.com";
}
