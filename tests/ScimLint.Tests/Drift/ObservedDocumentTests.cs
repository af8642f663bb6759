using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Drift;

/// <summary>
/// A pulled document (<c>source.kind: observed</c>) is what the console holds: findings on it speak of the live console,
/// --fix never edits it, and drift is reported on the hand-kept document beside it.
/// </summary>
public sealed class ObservedDocumentTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scimlint-observed-" + Guid.NewGuid().ToString("N")[..12]);

    public ObservedDocumentTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
        foreach (var file in Directory.GetFiles(Repo.Path_("examples", "pulled-drift")))
        {
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Fix_never_edits_a_pulled_document_and_its_fix_line_names_the_console()
    {
        var before = File.ReadAllBytes(Path.Combine(_dir, "jumpcloud.live.json"));

        var run = CliRunner.Run(_dir, ".", "--fix");

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_dir, "jumpcloud.live.json")));
        Assert.DoesNotContain("scimlint: fixed", run.Error, StringComparison.Ordinal);
        Assert.Contains("jumpcloud.live.json:70:15: error SL104: live JumpCloud console: Bookmark URL (application.ssoUrl) path is '/login'", run.Out, StringComparison.Ordinal);
        Assert.Contains("= fix: in the JumpCloud console, set the app's Bookmark tab, URL to https://app.strongdm.com/app/login, then pull again", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_is_reported_on_the_hand_kept_document_when_only_the_pulled_one_is_named()
    {
        var run = CliRunner.Run(_dir, "jumpcloud.live.json", "--quiet");

        Assert.Contains("jumpcloud.yaml:9:17: warning SL601: Display Label (application.displayLabel) is 'StrongDM' in the live JumpCloud console", run.Out, StringComparison.Ordinal);
        Assert.Contains("jumpcloud.yaml:26:1: warning SL602: group 'sdm-contractors'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pulled_document_built_from_the_spec_gives_no_schema_error_and_no_absent_data_error()
    {
        File.Delete(Path.Combine(_dir, "jumpcloud.yaml"));
        File.Copy(Repo.Path_("tests", "ScimLint.Tests", "Fixtures", "Rules", "SL006", "bad-pulled-alone", "jumpcloud.live.json"), Path.Combine(_dir, "jumpcloud.live.json"), overwrite: true);

        var run = CliRunner.Run(_dir, ".", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("\"SL002\"", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SL202\"", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SL501\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"SL006\"", run.Out, StringComparison.Ordinal);
    }
}
