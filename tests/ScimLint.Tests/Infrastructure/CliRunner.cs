using System.IO.Abstractions;
using ScimLint.Cli;

namespace ScimLint.Tests.Infrastructure;

internal sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Runs the CLI in process against a file system, with the version pinned for snapshots.</summary>
internal static class CliRunner
{
    public const string TestVersion = "0.0.0-test";

    public static CliRun Run(string workingDirectory, params string[] args) => Run(new FileSystem(), workingDirectory, args);

    public static CliRun Run(IFileSystem fs, string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment(fs, stdout, stderr, workingDirectory, OutputIsTerminal: false, GetVariable: _ => null) { ToolVersion = TestVersion, Commit = null };
        var code = ScimLintCli.Run(args, env);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
