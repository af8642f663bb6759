namespace Acme.Provisioning;

public static class Connector
{
    public static Application Build()
    {
        var app = new Application();
        app.Name = "StrongDM";
        app.DisplayLabel = "StrongDM (EU)";
        app.SsoUrl = "https://app.strongdm.com/app/login";
        app.Active = true;
        return app;
    }
}
