using System.IO.Abstractions.TestingHelpers;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Engine;

/// <summary>A JumpCloud export pairs with the StrongDM settings in its directory or the nearest ancestor, up to the repository root.</summary>
public sealed class PairingTests
{
    [Fact]
    public void Export_pairs_with_settings_in_the_same_directory()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmEu });

        Assert.Empty(result.Of("SL003"));
        Assert.Equal(["SL105 jumpcloud.yaml:5:11-5:45", "SL105 jumpcloud.yaml:13:12-13:60"], result.Of("SL105").Select(f => f.Brief()));
        Assert.Contains("StrongDM control plane is EU", result.Of("SL105").First().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_pairs_with_the_nearest_ancestor_that_holds_settings()
    {
        var result = Lint.Files(new Dictionary<string, string>
        {
            ["strongdm.yaml"] = SampleDocs.StrongDmUs,
            ["eu/strongdm.yaml"] = SampleDocs.StrongDmEu,
            ["eu/jumpcloud/prod/jumpcloud.yaml"] = SampleDocs.JumpCloudUs,
        });

        Assert.Equal(2, result.Of("SL105").Count());
        Assert.All(result.Of("SL105"), f => Assert.Equal("eu/jumpcloud/prod/jumpcloud.yaml", f.Path));
        Assert.Equal(["SL003 strongdm.yaml:1:1-1:13"], result.Of("SL003").Select(f => f.Brief()));
    }

    [Fact]
    public void Settings_in_a_sibling_directory_are_not_a_counterpart()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud/jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm/strongdm.yaml"] = SampleDocs.StrongDmUs });

        Assert.Equal(["SL003 jumpcloud/jumpcloud.yaml:1:1-1:12", "SL003 strongdm/strongdm.yaml:1:1-1:13"], result.Of("SL003").Select(f => f.Brief()));
        Assert.Contains("no StrongDM settings document found", result.Of("SL003").First().Message, StringComparison.Ordinal);
        Assert.Contains("no JumpCloud export pairs with these StrongDM settings", result.Of("SL003").Last().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_stops_at_the_repository_root()
    {
        var fs = new MockFileSystem();
        fs.AddFile("/outer/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        fs.AddDirectory("/outer/repo/.git");
        fs.AddFile("/outer/repo/configs/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));

        var result = new LintEngine(fs, "/outer/repo").Run(new LintRequest(["."], ScimLintConfig.Empty));

        Assert.Equal(["SL003 configs/jumpcloud.yaml:1:1-1:12"], result.Of("SL003").Select(f => f.Brief()));
        Assert.Empty(result.Of("SL105"));
    }

    [Fact]
    public void Search_stops_at_a_git_file_of_a_worktree_or_submodule()
    {
        var fs = new MockFileSystem();
        fs.AddFile("/outer/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        fs.AddFile("/outer/repo/.git", new MockFileData("gitdir: ../.git/worktrees/repo\n"));
        fs.AddFile("/outer/repo/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));

        var result = new LintEngine(fs, "/outer/repo").Run(new LintRequest(["."], ScimLintConfig.Empty));

        Assert.Single(result.Of("SL003"));
        Assert.Empty(result.Of("SL105"));
    }

    [Fact]
    public void Settings_at_the_repository_root_pair_with_an_export_deep_below()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["strongdm.yaml"] = SampleDocs.StrongDmUs, ["a/b/c/d/jumpcloud.yaml"] = SampleDocs.JumpCloudUs });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Outside_a_repository_the_search_stops_at_the_working_directory()
    {
        var fs = new MockFileSystem();
        fs.AddFile("/work/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        fs.AddFile("/work/project/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));

        var result = new LintEngine(fs, "/work/project").Run(new LintRequest(["."], ScimLintConfig.Empty));

        Assert.Single(result.Of("SL003"));
        Assert.Empty(result.Of("SL105"));
    }

    [Fact]
    public void Outside_a_repository_a_file_beyond_the_working_directory_does_not_search_its_parents()
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/work/project");
        fs.AddFile("/work/project2/strongdm.yaml", new MockFileData(SampleDocs.StrongDmEu));
        fs.AddFile("/work/project2/app/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));

        var result = new LintEngine(fs, "/work/project").Run(new LintRequest(["../project2/app/jumpcloud.yaml"], ScimLintConfig.Empty));

        Assert.Equal(["SL003 ../project2/app/jumpcloud.yaml:1:1-1:12"], result.Of("SL003").Select(f => f.Brief()));
    }

    [Fact]
    public void Export_named_alone_still_finds_its_settings_on_disk()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmEu }, null, "jumpcloud.yaml");

        Assert.Empty(result.Of("SL003"));
        Assert.Equal(2, result.Of("SL105").Count());
        Assert.Equal(1, result.FilesChecked);
    }

    [Fact]
    public void Settings_named_alone_still_find_their_export_on_disk()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmUs }, null, "strongdm.yaml");

        Assert.Empty(result.Findings);
        Assert.Equal(1, result.FilesChecked);
    }

    [Fact]
    public void Settings_named_alone_report_a_region_mismatch_in_the_export_on_disk()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["apps/jumpcloud.yaml"] = SampleDocs.JumpCloudUs, ["strongdm.yaml"] = SampleDocs.StrongDmEu }, null, "strongdm.yaml");

        Assert.Equal(["SL105 apps/jumpcloud.yaml:5:11-5:45", "SL105 apps/jumpcloud.yaml:13:12-13:60"], result.Findings.Select(f => f.Brief()));
    }

    [Fact]
    public void Settings_named_alone_do_not_run_single_file_rules_on_the_export_on_disk()
    {
        var broken = SampleDocs.JumpCloudUsWith("groupManagementEnabled", "  groupManagementEnabled: false");

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = broken, ["strongdm.yaml"] = SampleDocs.StrongDmUs }, null, "strongdm.yaml");

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Two_settings_documents_in_one_directory_make_pairing_ambiguous()
    {
        var result = Lint.Files(new Dictionary<string, string>
        {
            ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs,
            ["strongdm.yaml"] = SampleDocs.StrongDmUs,
            ["strongdm-old.yaml"] = SampleDocs.StrongDmEu,
        });

        var finding = Assert.Single(result.Of("SL003"));
        Assert.Equal("SL003 jumpcloud.yaml:1:1-1:12", finding.Brief());
        Assert.Contains("pairing is ambiguous", finding.Message, StringComparison.Ordinal);
        Assert.Contains("(strongdm-old.yaml, strongdm.yaml)", finding.Message, StringComparison.Ordinal);
        Assert.Empty(result.Of("SL105"));
    }

    [Fact]
    public void Ambiguity_in_the_nearest_directory_is_not_resolved_by_an_ancestor()
    {
        var result = Lint.Files(new Dictionary<string, string>
        {
            ["strongdm.yaml"] = SampleDocs.StrongDmUs,
            ["team/jumpcloud.yaml"] = SampleDocs.JumpCloudUs,
            ["team/a.yaml"] = SampleDocs.StrongDmUs,
            ["team/b.json"] = """{"controlPlane": {"region": "US"}, "provisioning": {"scimProvider": "generic", "scimActive": true}}""",
        });

        Assert.Contains(result.Of("SL003"), f => f.Path == "team/jumpcloud.yaml" && f.Message.Contains("(team/a.yaml, team/b.json)", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_alone_report_that_no_export_pairs_with_them()
    {
        var result = Lint.Files(new Dictionary<string, string> { ["strongdm.yaml"] = SampleDocs.StrongDmUs });

        var finding = Assert.Single(result.Findings);
        Assert.Equal("SL003 strongdm.yaml:1:1-1:13", finding.Brief());
    }

    [Fact]
    public void Export_alone_reports_the_region_it_assumes_from_its_urls()
    {
        var eu = SampleDocs.JumpCloudUs.Replace("app.strongdm.com", "app.eu.strongdm.com", StringComparison.Ordinal);

        var result = Lint.Files(new Dictionary<string, string> { ["jumpcloud.yaml"] = eu });

        var finding = Assert.Single(result.Findings);
        Assert.Equal("SL003 jumpcloud.yaml:1:1-1:12", finding.Brief());
        Assert.Contains("assumed to be EU from the URLs", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_exports_share_one_settings_document()
    {
        var result = Lint.Files(new Dictionary<string, string>
        {
            ["strongdm.yaml"] = SampleDocs.StrongDmEu,
            ["prod/jumpcloud.yaml"] = SampleDocs.JumpCloudUs,
            ["staging/jumpcloud.json"] = """
                {
                  "application": {"name": "strongdm", "ssoUrl": "https://app.eu.strongdm.com/app/login"},
                  "identityManagement": {"baseUrl": "https://app.strongdm.com/provisioning/generic/v2"}
                }
                """,
        });

        Assert.Empty(result.Of("SL003"));
        Assert.Equal(["prod/jumpcloud.yaml", "prod/jumpcloud.yaml", "staging/jumpcloud.json"], result.Of("SL105").Select(f => f.Path));
    }

    [Fact]
    public void Unrelated_yaml_beside_the_export_is_not_a_candidate()
    {
        var result = Lint.Files(new Dictionary<string, string>
        {
            ["jumpcloud.yaml"] = SampleDocs.JumpCloudUs,
            ["strongdm.yaml"] = SampleDocs.StrongDmUs,
            ["docker-compose.yml"] = "services:\n  web:\n    image: nginx\n",
            ["package.json"] = """{"name": "x"}""",
        });

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Settings_in_a_skipped_directory_are_not_walked_but_still_pair_by_ancestry()
    {
        var result = Lint.Files(new Dictionary<string, string>
        {
            ["strongdm.yaml"] = SampleDocs.StrongDmUs,
            ["node_modules/pkg/jumpcloud.yaml"] = SampleDocs.JumpCloudUs.Replace("name: strongdm", "name: strongdm\n  junk: [", StringComparison.Ordinal),
            ["apps/jumpcloud.yaml"] = SampleDocs.JumpCloudUs,
        });

        Assert.Empty(result.Findings);
        Assert.Equal(2, result.FilesChecked);
    }
}
