using System.CommandLine;
using ScimLint.Engine;
using ScimLint.Reporting;

namespace ScimLint.Cli;

/// <summary>Builds the command line and runs it. Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage.</summary>
public static class ScimLintCli
{
    /// <summary>Exit code: nothing at or above the fail level.</summary>
    public const int Clean = 0;

    /// <summary>Exit code: findings at or above the fail level.</summary>
    public const int Findings = 1;

    /// <summary>Exit code: usage error, unreadable path or bad option.</summary>
    public const int Usage = 2;

    /// <summary>Runs the CLI.</summary>
    public static int Run(string[] args, CliEnvironment env)
    {
        var root = new RootCommand("Lints JumpCloud -> StrongDM SCIM provisioning configuration (YAML, JSON, C#).\nExit codes: 0 no finding at or above --fail-level; 1 findings; 2 usage error, unreadable path, bad configuration or internal error.");
        CheckCommand.Configure(root, env);
        var check = new Command("check", "Lint files and directories (the default command).");
        CheckCommand.Configure(check, env);
        root.Subcommands.Add(check);
        root.Subcommands.Add(RulesCommand.Create(env));
        root.Subcommands.Add(ExplainCommand.Create(env));
        root.Subcommands.Add(Pull.PullCommand.Create(env));
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            // The default prints the entry assembly's version: the test host's, when run in process.
            version.Action = new PrintVersion(env);
        }

        var parse = root.Parse(args);
        int code;
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                env.Error.Write($"scimlint: {error.Message}\n");
            }

            env.Error.Write("Run 'scimlint --help' for usage.\n");
            code = Usage;
        }
        else
        {
            try
            {
                code = parse.Invoke(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false });
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A defect of ours: say so in one line, without the message (it could quote input) or a stack trace.
                code = Fail(env, $"internal error ({ex.GetType().Name}); please report it with the command line you ran");
            }
        }

        env.Out.Flush();
        return code;
    }

    /// <summary>Writes a usage error and returns exit code 2.</summary>
    internal static int Fail(CliEnvironment env, string message)
    {
        env.Error.Write($"scimlint: {message}\n");
        return Usage;
    }

    private sealed class PrintVersion(CliEnvironment env) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            env.Out.Write(env.ToolVersion + "\n");
            return Clean;
        }
    }
}
