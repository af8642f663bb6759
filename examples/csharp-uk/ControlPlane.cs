namespace Acme.Provisioning;

// Constants shared by the provisioning code; ScimLint folds them across files.
public static class ControlPlane
{
    public const string Host = "app.uk.strongdm.com";
    public const string LoginUrl = "https://" + Host + "/app/login";
    public const string ScimBaseUrl = "https://" + Host + "/provisioning/generic/v2";
}

public static class Groups
{
    public const string Engineering = "6026da081f24755306c2ef01";
    public const string Support = "6026da081f24755306c2ef02";
}
