using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Reporting;

/// <summary>Every bundled example, in every output format, against committed snapshots.</summary>
public sealed class ExampleSnapshotTests
{
    public static readonly string[] Formats = ["text", "sarif", "json", "github"];

    public static TheoryData<string, string> ExamplesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var example in ExampleNames())
        {
            foreach (var format in Formats)
            {
                data.Add(example, format);
            }
        }

        return data;
    }

    public static IEnumerable<string> ExampleNames() =>
        Directory.GetDirectories(Repo.Examples).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    public static string Extension(string format) => format switch
    {
        "sarif" => "sarif",
        "json" => "json",
        _ => "txt",
    };

    [Theory]
    [MemberData(nameof(ExamplesAndFormats))]
    public void Example_output_matches_snapshot(string example, string format)
    {
        var run = CliRunner.Run(Repo.Root, "check", $"examples/{example}", "--format", format);

        Assert.Equal(string.Empty, run.Error);
        Assert.True(run.ExitCode is 0 or 1, $"exit code {run.ExitCode}");
        Snapshot.Match(run.Out, Extension(format), $"{example}_{format}");
    }

    [Fact]
    public void All_examples_text_output_matches_snapshot()
    {
        var run = CliRunner.Run(Repo.Root, "examples");

        Assert.Equal(1, run.ExitCode);
        Snapshot.Match(run.Out, "txt");
    }

    [Fact]
    public void Every_committed_snapshot_is_produced_by_a_test()
    {
        var expected = ExampleNames()
            .SelectMany(e => Formats.Select(f => $"{nameof(ExampleSnapshotTests)}.{nameof(Example_output_matches_snapshot)}_{e}_{f}.verified.{Extension(f)}"))
            .Append($"{nameof(ExampleSnapshotTests)}.{nameof(All_examples_text_output_matches_snapshot)}.verified.txt")
            .ToHashSet(StringComparer.Ordinal);
        var dir = Repo.Path_("tests", "ScimLint.Tests", "Snapshots");
        var committed = Directory.GetFiles(dir, "*.verified.*").Select(Path.GetFileName).Where(n => n!.StartsWith(nameof(ExampleSnapshotTests) + ".", StringComparison.Ordinal));

        Assert.All(committed, name => Assert.Contains(name!, expected));
    }
}
