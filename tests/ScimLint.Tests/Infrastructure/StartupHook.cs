// Loaded into a scimlint process through DOTNET_STARTUP_HOOKS by LoadedAssemblies: when the process exits, it writes
// the names of every loaded assembly to the file named by SCIMLINT_TEST_ASSEMBLY_LOG. The runtime looks the hook up
// by this exact name, in the global namespace.
#pragma warning disable CA1050 // A startup hook must be a type named StartupHook outside any namespace.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var log = Environment.GetEnvironmentVariable("SCIMLINT_TEST_ASSEMBLY_LOG");
        if (string.IsNullOrEmpty(log))
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(log, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty).Order(StringComparer.Ordinal));
    }
}
