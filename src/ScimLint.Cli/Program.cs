using ScimLint.Cli;

var code = ScimLintCli.Run(args, CliEnvironment.FromSystem());

// For the start-up test: which assemblies a run loaded (Roslyn must load only when a C# file is parsed).
if (Environment.GetEnvironmentVariable("SCIMLINT_LIST_ASSEMBLIES") == "1")
{
    foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))
    {
        Console.Error.WriteLine("loaded: " + name);
    }
}

return code;
