namespace ScimLint.Tests.Rules.Token;

/// <summary>Minimal, otherwise correct documents for the token rules' unit tests.</summary>
internal static class TokenDocuments
{
    public const string FakeToken = "f4k3-t0k3n-d0-n0t-us3";

    /// <summary>A JumpCloud export whose line 10 is <paramref name="tokenLine"/> and line 11 is <paramref name="updatedLine"/>.</summary>
    public static string Export(string tokenLine = "  token: ${env:SDM_SCIM_TOKEN}\n", string updatedLine = "  tokenUpdatedAt: 2026-01-12T09:41:07Z\n") =>
        "application:\n" +
        "  name: strongdm\n" +
        "  displayLabel: StrongDM\n" +
        "  ssoUrl: https://app.strongdm.com/app/login\n" +
        "  config: {}\n" +
        "identityManagement:\n" +
        "  apiType: SCIM API\n" +
        "  scimVersion: \"2.0\"\n" +
        "  baseUrl: https://app.strongdm.com/provisioning/generic/v2\n" +
        tokenLine +
        updatedLine +
        "  groupManagementEnabled: true\n" +
        "  status: active\n" +
        "associations:\n" +
        "  - to:\n" +
        "      id: 6026da081f24755306c2ee0d\n" +
        "      type: user_group\n";

    /// <summary>StrongDM settings whose <c>provisioning.token</c> block holds <paramref name="tokenBlock"/> (lines 7 on).</summary>
    public static string Settings(string tokenBlock = "    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2026-01-12T09:38:52Z\n") =>
        "controlPlane:\n" +
        "  region: US\n" +
        "provisioning:\n" +
        "  scimProvider: generic\n" +
        "  scimActive: true\n" +
        "  token:\n" +
        tokenBlock +
        "  legacyApiSyncEnabled: false\n";

    public static Dictionary<string, string> Pair(string export, string settings) =>
        new(StringComparer.Ordinal) { ["jumpcloud.yaml"] = export, ["strongdm.yaml"] = settings };
}
