using System.Diagnostics;

namespace ScimLint.Tests.Infrastructure;

/// <summary>
/// Runs the built scimlint as a real process with <see cref="StartupHook"/> injected, and returns the names of the
/// assemblies it had loaded when it exited (for start-up tests: what a lint must not load).
/// </summary>
internal static class LoadedAssemblies
{
    public static async Task<List<string>> Of(string[] args, Dictionary<string, string>? variables = null)
    {
        var log = Path.Combine(Path.GetTempPath(), $"scimlint-assemblies-{Guid.NewGuid():N}.txt");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Repo.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scimlint.dll"));
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
            start.Environment["SCIMLINT_TEST_ASSEMBLY_LOG"] = log;
            start.Environment.Remove("JUMPCLOUD_API_KEY");
            foreach (var (name, value) in variables ?? [])
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(File.Exists(log), $"exit code {process.ExitCode}, no assembly log: {await stderr}");
            return [.. File.ReadAllLines(log)];
        }
        finally
        {
            File.Delete(log);
        }
    }
}
