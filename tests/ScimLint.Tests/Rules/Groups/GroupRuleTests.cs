using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Rules.Groups;

/// <summary>SL501-SL505: associations, user groups and StrongDM roles.</summary>
public sealed class GroupRuleTests
{
    private const string Head = """
        application:
          name: strongdm
          displayLabel: StrongDM
          ssoUrl: https://app.strongdm.com/app/login
          config: {}
        identityManagement:
          baseUrl: https://app.strongdm.com/provisioning/generic/v2
          token: ${env:SDM_SCIM_TOKEN}
          groupManagementEnabled: true

        """;

    private const string Settings = """
        provisioning:
          scimProvider: generic
          scimActive: true
          token:
            ref: env:SDM_SCIM_TOKEN
        roles:
          - name: Engineering
            scimManaged: false
          - name: On-Call
            scimManaged: true

        """;

    [Theory]
    [InlineData("associations: []\n", "associations is empty, so no user group is assigned")]
    [InlineData("associations:\n", "associations has no value, so no user group is assigned")]
    [InlineData("associations:\n  - to: { id: 5f0c1a2b3c4d5e6f7a8b9c0d, type: user }\n  - to: { id: 5f0c1a2b3c4d5e6f7a8b9c0e, type: user }\n", "no association has to.type user_group (only 2 direct user assignments)")]
    [InlineData("associations:\n  - to: { id: 5f0c1a2b3c4d5e6f7a8b9c0d, type: system }\n", "no association has to.type user_group")]
    public void Reports_SL501_at_the_associations_key(string associations, string state)
    {
        var finding = Assert.Single(Lint.Files(Export(associations)).Of("SL501"));

        Assert.Equal("SL501 jumpcloud.yaml:10:1-10:13", finding.Brief());
        Assert.StartsWith(state + "; JumpCloud syncs groups of users, not individual users", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Associations_not_supplied_are_a_SL006_note_at_the_application_item_not_SL501()
    {
        var list = """
            totalCount: 1
            results:
              - name: strongdm
                ssoUrl: https://app.strongdm.com/app/login
                config: {}
            """;

        var result = Lint.Files(new Dictionary<string, string> { ["apps.yaml"] = list });

        Assert.Empty(result.Of("SL501"));
        Assert.Equal(["SL006 apps.yaml:3:5-5:15"], result.Of("SL006").Select(f => f.Brief()));
        Assert.StartsWith("not supplied: identityManagement and associations", result.Of("SL006").Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_SL502_once_per_direct_user_assignment_at_its_type()
    {
        var associations = "associations:\n  - to: { id: 6026da081f24755306c2ee0d, type: user_group }\n  - to: { id: 5f0c1a2b3c4d5e6f7a8b9c0d, type: user }\n  - to:\n      type: user\n";

        var result = Lint.Files(Export(associations));

        Assert.Equal(["SL502 jumpcloud.yaml:12:47-12:51", "SL502 jumpcloud.yaml:14:13-14:17"], result.Of("SL502").Select(f => f.Brief()));
        Assert.StartsWith("user 5f0c1a2b3c4d5e6f7a8b9c0d is assigned to the app directly", result.Of("SL502").First().Message, StringComparison.Ordinal);
        Assert.StartsWith("user (no id) is assigned", result.Of("SL502").Last().Message, StringComparison.Ordinal);
        Assert.Empty(result.Of("SL501"));
    }

    [Fact]
    public void Reports_SL503_once_for_an_empty_group_assigned_twice_and_not_for_unassigned_or_uncounted_groups()
    {
        var body = """
            associations:
              - to: { id: 6026da081f24755306c2ee0d, type: user_group }
              - to: { id: 6026da081f24755306c2ee0d, type: user_group }
              - to: { id: 6026da3c1f24755306c2ee2a, type: user_group }
            userGroups:
              - id: 6026da081f24755306c2ee0d
                name: Engineering
                memberCount: 0
              - id: 6026da3c1f24755306c2ee2a
                name: On-Call
              - id: 6026da5e1f24755306c2ee3b
                name: Unused
                memberCount: 0

            """;

        var result = Lint.Files(Export(body));

        Assert.Equal(["SL503 jumpcloud.yaml:17:18-17:19"], result.Of("SL503").Select(f => f.Brief()));
        Assert.StartsWith("group 'Engineering' is assigned to the app but has memberCount 0", result.Of("SL503").Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Engineering", true)]
    [InlineData("ENGINEERING", true)]
    [InlineData("engineering", true)]
    [InlineData("Engineering ", false)]
    [InlineData("On-Call", false)]
    [InlineData("Platform", false)]
    public void Reports_SL504_when_an_assigned_group_matches_an_unmanaged_role_ignoring_case(string groupName, bool expected)
    {
        var files = Export(Groups($"\"{groupName}\""));
        files["strongdm.yaml"] = Settings;

        var findings = Lint.Files(files).Of("SL504").ToList();

        Assert.Equal(expected ? [$"SL504 jumpcloud.yaml:14:11-14:{13 + groupName.Length}"] : [], findings.Select(f => f.Brief()));
        if (expected)
        {
            Assert.StartsWith($"group '{groupName}' has the name of the existing StrongDM role 'Engineering', which SCIM does not manage (scimManaged is false)", findings[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reports_SL504_in_the_export_when_only_the_settings_are_linted()
    {
        var files = Export(Groups("Engineering"));
        files["strongdm.yaml"] = Settings;

        var result = Lint.Files(files, null, "strongdm.yaml");

        Assert.Equal(["SL504 jumpcloud.yaml:14:11-14:22"], result.Of("SL504").Select(f => f.Brief()));
    }

    [Fact]
    public void Does_not_report_SL504_without_paired_settings()
    {
        Assert.Empty(Lint.Files(Export(Groups("Engineering"))).Of("SL504"));
    }

    [Fact]
    public void Reports_SL505_for_each_assigned_group_id_missing_from_userGroups()
    {
        var body = """
            associations:
              - to: { id: 6026da081f24755306c2ee0d, type: user_group }
              - to: { id: 6026da3c1f24755306c2ee2a, type: user_group }
              - to: { id: 5f0c1a2b3c4d5e6f7a8b9c0d, type: user }
            userGroups:
              - id: 6026da081f24755306c2ee0d
                name: Engineering
                memberCount: 3

            """;

        var result = Lint.Files(Export(body));

        Assert.Equal(["SL505 jumpcloud.yaml:12:15-12:39"], result.Of("SL505").Select(f => f.Brief()));
        Assert.StartsWith("the association points at user group 6026da3c1f24755306c2ee2a, which userGroups does not list", result.Of("SL505").Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_SL505_for_every_association_when_userGroups_is_an_empty_list_and_never_without_the_list()
    {
        var associations = "associations:\n  - to: { id: 6026da081f24755306c2ee0d, type: user_group }\n";

        Assert.Single(Lint.Files(Export(associations + "userGroups: []\n")).Of("SL505"));
        Assert.Empty(Lint.Files(Export(associations)).Of("SL505"));
    }

    private static string Groups(string name) =>
        "associations:\n" +
        "  - to: { id: 6026da081f24755306c2ee0d, type: user_group }\n" +
        "userGroups:\n" +
        "  - id: 6026da081f24755306c2ee0d\n" +
        $"    name: {name}\n" +
        "    memberCount: 3\n";

    private static Dictionary<string, string> Export(string body) =>
        new(StringComparer.Ordinal) { ["jumpcloud.yaml"] = Head + body };
}
