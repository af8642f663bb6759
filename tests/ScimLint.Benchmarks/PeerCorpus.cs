using System.Globalization;
using System.Text;

namespace ScimLint.Benchmarks;

/// <summary>
/// Writes the peer benchmark's corpus (tests/perf/peer.sh): N folders, each a JumpCloud export with the StrongDM
/// settings beside it, like examples/us-correct, across the three regions. The corpus is the same for the same N.
/// One pair in ten carries a problem, most of which both ScimLint and the Spectral ruleset in peer/spectral.yaml can
/// see; a region mismatch between the two files only ScimLint can.
/// </summary>
public static class PeerCorpus
{
    private static readonly (string Region, string Host)[] Regions =
    [
        ("US", "app.strongdm.com"),
        ("EU", "app.eu.strongdm.com"),
        ("UK", "app.uk.strongdm.com"),
    ];

    /// <summary>Writes <paramref name="pairs"/> pair folders under <paramref name="directory"/>; returns the number of problem pairs.</summary>
    public static int Write(string directory, int pairs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pairs);
        Directory.CreateDirectory(directory);
        var broken = 0;
        for (var i = 0; i < pairs; i++)
        {
            var folder = Path.Combine(directory, "pair-" + i.ToString("D5", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var (region, host) = Regions[i % Regions.Length];
            var problem = (i % 10) switch
            {
                3 => Problem.UsHostsInAnotherRegion,
                5 => Problem.MissingToken,
                7 => Problem.GroupManagementOff,
                9 => Problem.ScimInactive,
                _ => Problem.None,
            };
            if (problem == Problem.UsHostsInAnotherRegion && region == "US")
            {
                (region, host) = Regions[1];
            }

            broken += problem == Problem.None ? 0 : 1;
            var urlHost = problem == Problem.UsHostsInAnotherRegion ? "app.strongdm.com" : host;
            File.WriteAllText(Path.Combine(folder, "jumpcloud.yaml"), Export(i, urlHost, problem));
            File.WriteAllText(Path.Combine(folder, "strongdm.yaml"), Settings(i, region, host, problem));
        }

        return broken;
    }

    private enum Problem
    {
        None,
        UsHostsInAnotherRegion,
        MissingToken,
        GroupManagementOff,
        ScimInactive,
    }

    private static string Id(int i, int salt) => (((long)i * 7919) + salt).ToString("x24", CultureInfo.InvariantCulture);

    private static string Export(int i, string host, Problem problem)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        var yaml = new StringBuilder()
            .Append("source:\n  consoleHost: console.jumpcloud.com\n  exportedAt: 2026-01-15T10:00:00Z\n")
            .Append("application:\n  _id: ").Append(Id(i, 1)).Append('\n')
            .Append("  name: strongdm\n  displayName: StrongDM\n  displayLabel: StrongDM (team ").Append(n).Append(")\n")
            .Append("  ssoUrl: https://").Append(host).Append("/app/login\n")
            .Append("  active: true\n  organization: ").Append(Id(i, 2)).Append('\n')
            .Append("  sso:\n    type: bookmark\n  config: {}\n")
            .Append("identityManagement:\n  apiType: SCIM API\n  scimVersion: \"2.0\"\n")
            .Append("  baseUrl: https://").Append(host).Append("/provisioning/generic/v2\n");
        if (problem != Problem.MissingToken)
        {
            yaml.Append("  token: ${env:SDM_SCIM_TOKEN}\n");
        }

        yaml.Append("  tokenUpdatedAt: 2026-01-12T09:41:07Z\n  testUserEmail: scim-test-").Append(n).Append("@acme.example\n")
            .Append("  groupManagementEnabled: ").Append(problem == Problem.GroupManagementOff ? "false" : "true").Append('\n')
            .Append("  status: active\n")
            .Append("associations:\n")
            .Append("  - to:\n      id: ").Append(Id(i, 3)).Append("\n      type: user_group\n")
            .Append("  - to:\n      id: ").Append(Id(i, 4)).Append("\n      type: user_group\n")
            .Append("userGroups:\n")
            .Append("  - id: ").Append(Id(i, 3)).Append("\n    name: sdm-engineering-").Append(n).Append("\n    memberCount: ").Append((i % 40) + 1).Append('\n')
            .Append("  - id: ").Append(Id(i, 4)).Append("\n    name: sdm-oncall-").Append(n).Append("\n    memberCount: ").Append((i % 7) + 1).Append('\n');
        return yaml.ToString();
    }

    private static string Settings(int i, string region, string host, Problem problem)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return new StringBuilder()
            .Append("organization: acme-").Append(n).Append('\n')
            .Append("controlPlane:\n  region: ").Append(region).Append("\n  host: ").Append(host).Append('\n')
            .Append("provisioning:\n  scimProvider: generic\n  scimActive: ").Append(problem == Problem.ScimInactive ? "false" : "true").Append('\n')
            .Append("  token:\n    ref: env:SDM_SCIM_TOKEN\n    createdAt: 2026-01-12T09:38:52Z\n    rekeyedAt: null\n")
            .Append("  legacyApiSyncEnabled: false\n")
            .Append("roles:\n  - name: sdm-engineering-").Append(n).Append("\n    scimManaged: true\n  - name: sdm-oncall-").Append(n).Append("\n    scimManaged: true\n")
            .ToString();
    }
}
