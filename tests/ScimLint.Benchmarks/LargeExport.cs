using System.Globalization;
using System.Text;

namespace ScimLint.Benchmarks;

/// <summary>Generates a schema-valid JumpCloud export of a given size: the real header, then many associations and user groups.</summary>
public static class LargeExport
{
    private const string Header = """
        source:
          consoleHost: console.jumpcloud.com
          exportedAt: 2026-01-15T10:00:00Z
        application:
          _id: 65a1f0c2e4b0a1b2c3d4e5f6
          name: strongdm
          displayName: StrongDM
          ssoUrl: https://app.strongdm.com/app/login
          active: true
          organization: 5f3e2a1b9c8d7e6f5a4b3c2d
          sso:
            type: bookmark
          config: {}
        identityManagement:
          apiType: SCIM API
          scimVersion: "2.0"
          baseUrl: https://app.strongdm.com/provisioning/generic/v2
          token: ${env:SDM_SCIM_TOKEN}
          tokenUpdatedAt: 2026-01-12T09:41:07Z
          testUserEmail: scim-test-7f3a@acme.example
          groupManagementEnabled: true
          status: active

        """;

    /// <summary>A YAML export of at least <paramref name="bytes"/> UTF-8 bytes, and how many groups it holds.</summary>
    public static (string Yaml, int Groups) Yaml(int bytes)
    {
        var associations = new StringBuilder("associations:\n");
        var userGroups = new StringBuilder("userGroups:\n");
        var groups = 0;
        for (var i = 0; Header.Length + associations.Length + userGroups.Length < bytes; i++, groups++)
        {
            var id = i.ToString("x24", CultureInfo.InvariantCulture);
            associations.Append("  - to:\n      id: ").Append(id).Append("\n      type: user_group\n");
            userGroups.Append("  - id: ").Append(id).Append("\n    name: sdm-team-").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\n    memberCount: ").Append((i % 40) + 1).Append('\n');
        }

        return (Header + associations + userGroups, groups);
    }
}
