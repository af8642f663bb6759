using System.Diagnostics;

namespace ScimLint.Tests.Infrastructure;

/// <summary>What one run of the built tool as a child process produced: exit code, stdout bytes and stderr.</summary>
public sealed record ToolProcessRun(int ExitCode, byte[] Out, string Error);

/// <summary>Runs the built <c>scimlint.dll</c> (copied beside the test assembly) as its own process.</summary>
internal static class ToolProcess
{
    public static Task<ToolProcessRun> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs the tool with extra environment variables (for example <c>DOTNET_PROCESSOR_COUNT</c>).</summary>
    public static async Task<ToolProcessRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scimlint.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(copy, stderr);
        await process.WaitForExitAsync();
        return new ToolProcessRun(process.ExitCode, stdout.ToArray(), await stderr);
    }
}
