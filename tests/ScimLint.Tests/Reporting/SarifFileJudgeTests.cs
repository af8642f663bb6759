using System.Diagnostics;
using NJsonSchema;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Reporting;

/// <summary>
/// The first SARIF judge on real files: the built tool runs as its own process, writes each example's SARIF with
/// <c>--output</c>, and NJsonSchema validates the file against the official SARIF 2.1.0 schema. (.ci/run runs the
/// second judge, the SARIF multitool with GitHub's rules, on files written the same way.)
/// </summary>
public sealed class SarifFileJudgeTests
{
    public static TheoryData<string> Examples() => SarifSchemaTests.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Sarif_file_written_by_the_tool_process_is_valid_against_the_official_schema(string example)
    {
        var schema = await JsonSchema.FromFileAsync(Repo.Path_("tests", "ScimLint.Tests", "Schemas", "sarif-schema-2.1.0.json"));
        var output = Path.Combine(Path.GetTempPath(), $"scimlint-{example}-{Guid.NewGuid():N}.sarif");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Repo.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "scimlint.dll"), $"examples/{example}", "--format", "sarif", "--output", output })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = await process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode is 0 or 1, $"exit code {process.ExitCode}: {stderr}");
            Assert.Equal(string.Empty, stdout);
            Assert.Equal(string.Empty, stderr);
            var errors = schema.Validate(await File.ReadAllTextAsync(output));
            Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
