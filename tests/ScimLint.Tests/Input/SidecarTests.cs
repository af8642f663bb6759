using System.IO.Abstractions.TestingHelpers;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Input;

/// <summary>
/// Issue 8, part 2: associations and user groups as the API returns them, top-level arrays in files of their own
/// ("sidecars"), merged with the hand-kept export in the same directory; and PowerShell's array of several apps.
/// </summary>
public sealed class SidecarTests
{
    // A hand-kept export with the Identity Management tab and no associations or userGroups blocks.
    private const string Export = """
        application:
          _id: 65a1f0c2e4b0a1b2c3d4e5f6
          name: strongdm
          displayName: StrongDM
          displayLabel: StrongDM
          ssoUrl: https://app.strongdm.com/app/login
          active: true
          sso:
            type: bookmark
        identityManagement:
          apiType: SCIM API
          scimVersion: "2.0"
          baseUrl: https://app.strongdm.com/provisioning/generic/v2
          token: ${env:SDM_SCIM_TOKEN}
          groupManagementEnabled: true
          status: active
        """;

    // The StrongDM side every sample shares (tests/ScimLint.Tests/Engine/SampleDocs.cs).
    private const string Settings = ScimLint.Tests.Engine.SampleDocs.StrongDmUs;

    // GraphConnection items, exactly as GET /api/v2/applications/{id}/associations?targets=user_group returns them.
    private const string Associations = """
        [
          {
            "attributes": {},
            "to": {
              "attributes": {},
              "id": "6026da081f24755306c2ef01",
              "type": "user_group"
            }
          }
        ]
        """;

    [Fact]
    public void Spec_shaped_sidecars_beside_a_hand_kept_export_are_merged_and_lint_clean()
    {
        var run = Lint(("app/associations.json", Associations), ("app/usergroups.json", UserGroups("6026da081f24755306c2ef01")));

        Assert.Equal("No problems found in 4 files.\n", run.Out);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void List_files_says_which_export_each_sidecar_was_merged_with()
    {
        var fs = Files(("app/jumpcloud.yaml", Export), ("app/strongdm.yaml", Settings), ("app/associations.json", Associations), ("lone/usergroups.json", UserGroups("6026da081f24755306c2ef01")));

        var run = CliRunner.Run(fs, "/repo", ["app", "lone", "--list-files"]);

        Assert.Contains("app/associations.json: JumpCloud associations sidecar (JSON), merged with app/jumpcloud.yaml\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("lone/usergroups.json: JumpCloud user groups sidecar (JSON), not merged (SL004 note says why)\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_associations_sidecar_the_groups_are_noted_as_not_supplied()
    {
        var run = Lint(("app/usergroups.json", UserGroups("6026da081f24755306c2ef01")));

        Assert.Contains("app/jumpcloud.yaml:1:1: note SL006: not supplied: associations", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_associations_sidecar_is_SL501_at_the_sidecar()
    {
        var run = Lint(("app/associations.json", "[]\n"));

        Assert.Contains("app/associations.json:1:1: error SL501: associations is empty", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SL006", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void A_direct_user_assignment_in_the_sidecar_is_reported_at_its_line()
    {
        const string withUser = """
            [
              { "attributes": {}, "to": { "attributes": {}, "id": "6026da081f24755306c2ef01", "type": "user_group" } },
              { "attributes": {}, "to": { "attributes": {}, "id": "5f1b2c3d4e5f6a7b8c9d0e1f", "type": "user" } }
            ]
            """;

        var run = Lint(("app/associations.json", withUser), ("app/usergroups.json", UserGroups("6026da081f24755306c2ef01")));

        Assert.Matches(@"app/associations\.json:3:\d+: \w+ SL502: ", run.Out);
    }

    [Fact]
    public void A_group_the_sidecar_does_not_list_is_judged_against_the_user_group_sidecar()
    {
        var run = Lint(("app/associations.json", Associations), ("app/usergroups.json", UserGroups("6026da081f24755306c2ef99")));

        Assert.Contains("app/associations.json:6:13: warning SL505: the association points at user group 6026da081f24755306c2ef01, which userGroups does not list", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_in_a_sidecar_is_SL002_at_its_own_position()
    {
        var run = Lint(("app/associations.json", """[ { "to": { "id": 42, "type": "user_group" } } ]"""));

        Assert.Contains("app/associations.json:1:19: error SL002:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sidecar_without_an_export_beside_it_is_a_note_not_a_silent_pass()
    {
        var fs = Files(("lone/associations.json", Associations));

        var run = CliRunner.Run(fs, "/repo", ["lone/associations.json"]);

        Assert.Contains("lone/associations.json:1:1: note SL004: lone/associations.json holds associations, but no hand-kept JumpCloud export of a StrongDM app sits in its directory", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_exports_in_one_directory_merge_no_sidecar_and_say_so()
    {
        var fs = Files(("app/jumpcloud.yaml", Export), ("app/jumpcloud-staging.yaml", Export.Replace("65a1f0c2e4b0a1b2c3d4e5f6", "65a1f0c2e4b0a1b2c3d4e5f7", StringComparison.Ordinal)), ("app/strongdm.yaml", Settings), ("app/associations.json", Associations));

        var run = CliRunner.Run(fs, "/repo", ["app"]);

        Assert.Contains("note SL004: app/associations.json holds associations, but 2 hand-kept JumpCloud exports share its directory", run.Out, StringComparison.Ordinal);
        Assert.Contains("note SL006: not supplied: associations", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_with_its_own_associations_block_keeps_it_and_the_sidecar_is_noted()
    {
        var own = Export + "\nassociations: []\n";
        var fs = Files(("app/jumpcloud.yaml", own), ("app/strongdm.yaml", Settings), ("app/associations.json", Associations));

        var run = CliRunner.Run(fs, "/repo", ["app"]);

        Assert.Contains("app/jumpcloud.yaml:17:1: error SL501:", run.Out, StringComparison.Ordinal);
        Assert.Contains("app/jumpcloud.yaml has its own associations block, which is used instead", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrelated_top_level_array_found_by_walking_is_skipped_silently()
    {
        var run = Lint(("app/list.json", """[ { "user_group": 1 } ]"""), ("app/associations.json", Associations));

        Assert.DoesNotContain("list.json", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("associations.json", """[{"to":{"id":"a","type":"user_group"}}]""", "Associations")]
    [InlineData("usergroups.json", """[{"id":"a","name":"eng","type":"user_group"}]""", "UserGroups")]
    [InlineData("groups.json", """[{"id":"a","name":"eng","membershipMethod":"STATIC"}]""", "UserGroups")]
    [InlineData("associations.json", "[]", "Associations")]
    [InlineData("user-groups.json", "[]", "UserGroups")]
    [InlineData("data.json", "[]", "None")]
    [InlineData("data.json", """[{"id":"a","name":"eng"}]""", "None")]
    [InlineData("data.json", """[1, 2]""", "None")]
    public void Top_level_arrays_are_recognised_by_shape_and_empty_ones_by_name(string name, string json, string sidecar)
    {
        var expected = Enum.Parse<SidecarKind>(sidecar);
        var bound = ModelBinder.Bind(DocumentLoader.LoadText(name, json));

        Assert.Equal(expected, bound.Sidecar);
        Assert.Equal(expected == SidecarKind.None ? DocumentKind.Unknown : DocumentKind.JumpCloudSidecar, bound.Kind);
    }

    [Fact]
    public void PowerShell_output_of_several_apps_is_an_array_and_each_StrongDM_app_is_checked()
    {
        const string several = """
            [
              { "Id": "65a1f0c2e4b0a1b2c3d4e5f6", "Name": "strongdm", "DisplayName": "StrongDM", "SsoUrl": "https://app.strongdm.com/app/logon", "Active": true, "SsoType": "bookmark" },
              { "Id": "65a1f0c2e4b0a1b2c3d4e5f7", "Name": "slack", "DisplayName": "Slack", "SsoUrl": "https://slack.com/wrong", "Active": true, "SsoType": "saml" }
            ]
            """;
        var fs = Files(("jc/jumpcloud.json", several), ("jc/strongdm.yaml", Settings));

        var run = CliRunner.Run(fs, "/repo", ["jc", "--format", "json"]);

        Assert.Contains("Bookmark URL (application.ssoUrl) path is '/app/logon'", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("slack.com", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("SL002", run.Out, StringComparison.Ordinal);
        Assert.Single(ModelBinder.Bind(DocumentLoader.LoadText("jumpcloud.json", several)).Apps);
    }

    private static CliRun Lint(params (string Path, string Text)[] sidecars) =>
        CliRunner.Run(Files([("app/jumpcloud.yaml", Export), ("app/strongdm.yaml", Settings), .. sidecars]), "/repo", ["app"]);

    private static MockFileSystem Files(params (string Path, string Text)[] files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, text) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(text));
        }

        return fs;
    }

    // The verbatim UserGroup of the spec fixture, under another id, as a GET /api/v2/usergroups array.
    private static string UserGroups(string id)
    {
        var group = File.ReadAllText(Path.Combine(Repo.Root, "tests/ScimLint.Tests/Fixtures/JumpCloudApi/usergroup.json"));
        var original = System.Text.Json.JsonDocument.Parse(group).RootElement.GetProperty("id").GetString()!;
        return "[\n" + group.Replace(original, id, StringComparison.Ordinal).TrimEnd() + "\n]\n";
    }
}
