using System.IO.Abstractions;
using ScimLint.Cli;

namespace ScimLint.Tests.Infrastructure;

internal sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Runs the CLI in process against a file system, with the version pinned for snapshots.</summary>
internal static class CliRunner
{
    public const string TestVersion = "0.0.0-test";

    public static CliRun Run(string workingDirectory, params string[] args) => Run(new FileSystem(), workingDirectory, args);

    public static CliRun Run(IFileSystem fs, string workingDirectory, params string[] args) => Run(fs, workingDirectory, null, null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (for '-' as a path).</summary>
    public static CliRun RunWithStdin(IFileSystem fs, string workingDirectory, Func<Stream> stdin, params string[] args) =>
        Run(fs, workingDirectory, null, null, args, stdin);

    /// <summary>Runs with the UTF-8 text <paramref name="stdin"/> as standard input.</summary>
    public static CliRun RunWithStdin(IFileSystem fs, string workingDirectory, string stdin, params string[] args) =>
        RunWithStdin(fs, workingDirectory, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)), args);

    /// <summary>
    /// Runs with the repository read for SARIF's versionControlProvenance (off in <see cref="Run(IFileSystem, string, string[])"/>,
    /// so snapshots do not depend on the clone), with these environment variables and no others.
    /// </summary>
    public static CliRun RunWithRepository(IFileSystem fs, string workingDirectory, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        Run(fs, workingDirectory, variables, null, args);

    /// <summary>Runs with "today" pinned (suppression expiry, token age); null: the real clock.</summary>
    public static CliRun RunAt(TimeProvider? clock, IFileSystem fs, string workingDirectory, params string[] args) => Run(fs, workingDirectory, null, clock, args);

    private static CliRun Run(IFileSystem fs, string workingDirectory, IReadOnlyDictionary<string, string>? variables, TimeProvider? clock, string[] args, Func<Stream>? stdin = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment(fs, stdout, stderr, workingDirectory, OutputIsTerminal: false, GetVariable: name => variables?.GetValueOrDefault(name))
        {
            ToolVersion = TestVersion,
            Commit = null,
            ReadRepository = variables is not null,
            Clock = clock ?? TimeProvider.System,
            OpenStdin = stdin ?? (() => throw new InvalidOperationException("this test gives no stdin")),
        };
        var code = ScimLintCli.Run(args, env);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
