namespace ScimLint.Tests.Rules.Urls;

/// <summary>Minimal, otherwise correct documents for the URL and region rules' unit tests.</summary>
internal static class UrlDocuments
{
    /// <summary>A JumpCloud export with the given Base URL line (line 7) and bookmark URL.</summary>
    public static string Export(string baseUrlLine, string ssoUrl = "https://app.strongdm.com/app/login") =>
        "application:\n" +
        "  name: strongdm\n" +
        "  displayLabel: StrongDM\n" +
        $"  ssoUrl: {ssoUrl}\n" +
        "  config: {}\n" +
        "identityManagement:\n" +
        baseUrlLine +
        "  token: ${env:SDM_SCIM_TOKEN}\n" +
        "  groupManagementEnabled: true\n" +
        "  status: active\n";

    /// <summary>StrongDM settings with the given <c>controlPlane</c> lines.</summary>
    public static string Settings(string controlPlane = "  region: US\n") =>
        "controlPlane:\n" +
        controlPlane +
        "provisioning:\n" +
        "  scimProvider: generic\n" +
        "  scimActive: true\n";

    public static Dictionary<string, string> Pair(string export, string settings) =>
        new(StringComparer.Ordinal) { ["jumpcloud.yaml"] = export, ["strongdm.yaml"] = settings };

    public static Dictionary<string, string> Alone(string export) =>
        new(StringComparer.Ordinal) { ["jumpcloud.yaml"] = export };
}
