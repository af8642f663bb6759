using System.Diagnostics;
using System.IO.Abstractions.TestingHelpers;
using System.Text;
using ScimLint.Engine;
using ScimLint.Reporting;
using ScimLint.Text;
using ScimLint.Tests.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security;

/// <summary>
/// Issue 9, outputs and files: temporary files never outlive a run, '-' is stdout, a FIFO or device is written and not
/// renamed over, --output and --sarif are replaced as a pair, and text output cannot start a workflow command or an
/// ANSI sequence.
/// </summary>
public sealed class OutputHardeningTests
{
    private static string BadUrl => SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: https://app.strongdm.com/provisioning/generic/v2/");

    private static MockFileSystem Repo(params (string Path, string Text)[] files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, text) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(text));
        }

        return fs;
    }

    [Fact]
    public void Dash_as_output_means_stdout()
    {
        var fs = Repo(("jumpcloud.yaml", BadUrl), ("strongdm.yaml", SampleDocs.StrongDmUs));

        var run = CliRunner.Run(fs, "/repo", ".", "--output", "-", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"ruleId\": \"SL103\"", run.Out, StringComparison.Ordinal);
        Assert.False(fs.File.Exists("/repo/-"));
    }

    [Fact]
    public void Dash_as_sarif_writes_sarif_to_stdout_while_the_report_goes_to_a_file()
    {
        var fs = Repo(("jumpcloud.yaml", BadUrl), ("strongdm.yaml", SampleDocs.StrongDmUs));

        var run = CliRunner.Run(fs, "/repo", ".", "--sarif", "-", "--output", "report.txt");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("{", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"2.1.0\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("error SL103", fs.File.ReadAllText("/repo/report.txt"), StringComparison.Ordinal);
        Assert.False(fs.File.Exists("/repo/-"));
    }

    [Fact]
    public void Two_reports_on_stdout_is_a_usage_error()
    {
        var fs = Repo(("jumpcloud.yaml", BadUrl), ("strongdm.yaml", SampleDocs.StrongDmUs));

        var run = CliRunner.Run(fs, "/repo", ".", "--sarif", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("--sarif -", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_pair_write_changes_neither_file_and_leaves_no_temporary_file()
    {
        var fs = Repo(("jumpcloud.yaml", BadUrl), ("strongdm.yaml", SampleDocs.StrongDmUs), ("out/report.sarif", "old sarif"));
        fs.AddDirectory("/repo/out/report.txt"); // the report's target is a directory: its write fails

        var run = CliRunner.Run(fs, "/repo", ".", "--sarif", "out/report.sarif", "--output", "out/report.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("old sarif", fs.File.ReadAllText("/repo/out/report.sarif"));
        Assert.Empty(fs.Directory.GetFiles("/repo/out", "*.tmp"));
    }

    [Fact]
    public void Temporary_files_of_a_killed_run_are_removed_by_the_next_write()
    {
        var fs = Repo(("jumpcloud.yaml", BadUrl), ("strongdm.yaml", SampleDocs.StrongDmUs));
        fs.AddFile("/repo/out/.report.sarif.scimlint-2147483646-0123abcd.tmp", new MockFileData(new string('x', 4096)));
        fs.AddFile("/repo/out/.report.sarif.0123abcd.tmp", new MockFileData("left by an older version"));
        fs.File.SetLastWriteTimeUtc("/repo/out/.report.sarif.0123abcd.tmp", DateTime.UtcNow.AddHours(-1));
        var live = $"/repo/out/.report.sarif.scimlint-{Environment.ProcessId}-0123abcd.tmp";
        fs.AddFile(live, new MockFileData("a run still writing"));

        var run = CliRunner.Run(fs, "/repo", ".", "--sarif", "out/report.sarif");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([live], fs.Directory.GetFiles("/repo/out", "*.tmp"));
        Assert.Contains("\"version\": \"2.1.0\"", fs.File.ReadAllText("/repo/out/report.sarif"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_target_is_written_directly_and_stays_a_fifo()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        dir.Write("jumpcloud.yaml", BadUrl);
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        var fifo = Path.Combine(dir.Root, "report.fifo");
        Assert.Equal(0, TempRepo.Exec("mkfifo", fifo));
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = CliRunner.Run(dir.Root, ".", "--output", fifo, "--format", "json");

        var written = await reader.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"ruleId\": \"SL103\"", written, StringComparison.Ordinal);
        Assert.Equal("p", TempRepo.Capture("stat", "-c", "%A", fifo)[..1]);
        Assert.Empty(Directory.GetFiles(dir.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_link_to_a_fifo_like_dev_stdout_is_written_through_and_stays_a_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        dir.Write("jumpcloud.yaml", BadUrl);
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        var fifo = Path.Combine(dir.Root, "pipe");
        Assert.Equal(0, TempRepo.Exec("mkfifo", fifo));
        var link = Path.Combine(dir.Root, "stdout");
        File.CreateSymbolicLink(link, fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = CliRunner.Run(dir.Root, ".", "--sarif", link);

        var written = await reader.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"version\": \"2.1.0\"", written, StringComparison.Ordinal);
        Assert.Equal(fifo, new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_link_to_a_regular_report_file_stays_a_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempRepo();
        dir.Write("jumpcloud.yaml", BadUrl);
        dir.Write("strongdm.yaml", SampleDocs.StrongDmUs);
        dir.Write("reports/real.txt", "old");
        var link = Path.Combine(dir.Root, "report.txt");
        File.CreateSymbolicLink(link, Path.Combine(dir.Root, "reports/real.txt"));

        var run = CliRunner.Run(dir.Root, ".", "--output", "report.txt");

        Assert.Equal(1, run.ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("error SL103", File.ReadAllText(Path.Combine(dir.Root, "reports/real.txt")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Text_output_escapes_control_characters_so_no_line_starts_a_workflow_command()
    {
        // A quoted key with a newline and an escape character, and a file whose name starts like a workflow command.
        var hostile = "application:\n  name: strongdm\n  \"x\\n::error file=INJECTED::pwned\\e[31m\": 1\n  ssoUrl: 42\n";
        var fs = Repo(("::error title=INJECTED::x.yaml", hostile), ("jumpcloud.yaml", hostile));

        var run = CliRunner.Run(fs, "/repo", ".", "--no-color");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("::error", run.Out, StringComparison.Ordinal); // the text is there, escaped
        foreach (var line in (run.Out + run.Error).Split('\n'))
        {
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), $"a line starts a workflow command: {line}");
            Assert.DoesNotContain('\u001b', line);
            Assert.DoesNotContain('\r', line);
        }
    }

    [Fact]
    public void Escaping_covers_controls_separators_and_bidi_overrides()
    {
        Assert.Equal("a\\nb\\r\\u001b[31m\\u2028\\u202e\\t", ControlCharacters.Escape("a\nb\r\u001b[31m\u2028\u202e\t"));
        Assert.Equal("./::error x.yaml", ControlCharacters.PathAtLineStart("::error x.yaml"));
        const string plain = "nothing to escape: ü 日本";
        Assert.Same(plain, ControlCharacters.Escape(plain));
    }

    [Fact]
    public void A_200k_deep_json_file_prints_a_short_code_frame()
    {
        var deep = new string('[', 200_000) + new string(']', 200_000);
        var fs = Repo(("jumpcloud.json", deep));

        var run = CliRunner.Run(fs, "/repo", "jumpcloud.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SL001", run.Out, StringComparison.Ordinal);
        Assert.True(run.Out.Length < 2_000, $"{run.Out.Length} characters printed");
        Assert.All(run.Out.Split('\n'), l => Assert.True(l.Length <= TextReporter.FrameWidth + 20, $"line of {l.Length} characters"));
    }

    [Fact]
    public void A_long_line_frame_keeps_the_carets_under_the_span()
    {
        var line = new string('a', 500) + "XYZ" + new string('b', 500);
        var text = new SourceText("f.yaml", line);
        var span = text.Span(500, 503);

        var (shown, indent, carets) = TextReporter.Frame(line, span);

        Assert.True(shown.Length <= TextReporter.FrameWidth + 6);
        Assert.Equal(3, carets);
        Assert.Equal("XYZ", shown.Substring(indent.Length, carets));
    }
}

/// <summary>A temporary directory holding a repository (.git) on the real file system.</summary>
internal sealed class TempRepo : IDisposable
{
    public TempRepo()
    {
        Root = Path.Combine(Path.GetTempPath(), "scimlint-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
    }

    public string Root { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public static bool IsRoot => !OperatingSystem.IsWindows() && Capture("id", "-u").Trim() == "0";

    public static int Exec(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }

    public static string Capture(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
