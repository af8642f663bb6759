namespace ScimLint.Tests.Engine;

/// <summary>Minimal correct documents (modelled on examples/us-correct) for in-memory engine and CLI tests.</summary>
internal static class SampleDocs
{
    public const string JumpCloudUs = """
        application:
          name: strongdm
          displayName: StrongDM
          displayLabel: StrongDM
          ssoUrl: https://app.strongdm.com/app/login
          active: true
          sso:
            type: bookmark
          config: {}
        identityManagement:
          apiType: SCIM API
          scimVersion: "2.0"
          baseUrl: https://app.strongdm.com/provisioning/generic/v2
          token: ${env:SDM_SCIM_TOKEN}
          groupManagementEnabled: true
          status: active
        associations:
          - to:
              id: 6026da081f24755306c2ee0d
              type: user_group
        userGroups:
          - id: 6026da081f24755306c2ee0d
            name: sdm-engineering
            memberCount: 12

        """;

    public const string StrongDmUs = """
        controlPlane:
          region: US
          host: app.strongdm.com
        provisioning:
          scimProvider: generic
          scimActive: true
          token:
            ref: env:SDM_SCIM_TOKEN
          legacyApiSyncEnabled: false
        roles:
          - name: sdm-engineering
            scimManaged: true

        """;

    public const string StrongDmEu = """
        controlPlane:
          region: EU
          host: app.eu.strongdm.com
        provisioning:
          scimProvider: generic
          scimActive: true
          token:
            ref: env:SDM_SCIM_TOKEN
          legacyApiSyncEnabled: false
        roles:
          - name: sdm-engineering
            scimManaged: true

        """;

    /// <summary>The US export with one line replaced (the first line that starts with <paramref name="prefix"/> after trimming).</summary>
    public static string JumpCloudUsWith(string prefix, string replacement)
    {
        var lines = JumpCloudUs.Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException($"no line starts with {prefix}", nameof(prefix));
        }

        lines[index] = replacement;
        return string.Join('\n', lines);
    }
}
