using System.CommandLine;
using System.CommandLine.Help;
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
        var root = Build(env);
        var parse = root.Parse(args);
        int code;
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                env.Error.Write($"scimlint: {WithSuggestion(error.Message, parse)}\n");
            }

            var command = parse.CommandResult.Command;
            env.Error.Write(command is RootCommand ? "Run 'scimlint --help' for usage.\n" : $"Run 'scimlint {command.Name} --help' for usage.\n");
            code = Usage;
        }
        else
        {
            try
            {
                code = Invoke(parse, env);
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

    /// <summary>The whole command tree (also what <c>completion</c> and the usage test read).</summary>
    internal static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand("Lints JumpCloud -> StrongDM SCIM provisioning configuration (YAML, JSON, C#).\nExit codes: 0 no finding at or above --fail-level; 1 findings; 2 usage error, unreadable path, bad configuration or internal error.");
        CheckCommand.Configure(root, env);
        var check = new Command("check", "Lint files and directories (the default command).");
        CheckCommand.Configure(check, env);
        root.Subcommands.Add(check);
        root.Subcommands.Add(RulesCommand.Create(env));
        root.Subcommands.Add(ExplainCommand.Create(env));
        root.Subcommands.Add(Pull.PullCommand.Create(env));
        root.Subcommands.Add(SchemaCommand.Create(env));
        root.Subcommands.Add(InitCommand.Create(env));
        root.Subcommands.Add(CompletionCommand.Create(env));
        root.Subcommands.Add(VersionCommand(env));
        root.Subcommands.Add(HelpCommand(root, env));
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            // The default prints the entry assembly's version: the test host's, when run in process.
            version.Action = new PrintVersion(env);
        }

        return root;
    }

    /// <summary>Writes a usage error and returns exit code 2.</summary>
    internal static int Fail(CliEnvironment env, string message)
    {
        env.Error.Write($"scimlint: {ControlCharacters.Escape(message)}\n");
        return Usage;
    }

    /// <summary>The version line: <c>0.1.0 (commit 0123abc…)</c>, or the version alone when the build had no git.</summary>
    internal static string VersionText(CliEnvironment env) =>
        env.Commit is { } commit ? $"{env.ToolVersion} (commit {commit})" : env.ToolVersion;

    /// <summary>The reporter for a format.</summary>
    internal static IReporter Reporter(string format) => ToolInfo.ReporterFor(format);

    private static Command VersionCommand(CliEnvironment env)
    {
        var command = new Command("version", "Print the version and the commit it was built from.");
        command.SetAction(_ =>
        {
            env.Out.Write(VersionText(env) + "\n");
            return Clean;
        });
        return command;
    }

    private static Command HelpCommand(RootCommand root, CliEnvironment env)
    {
        var command = new Command("help", "Show help for scimlint or for one command.");
        var topic = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.ZeroOrMore, Description = "The command to explain, e.g. rules." };
        topic.CompletionSources.Add(_ => root.Subcommands.Select(c => new System.CommandLine.Completions.CompletionItem(c.Name)));
        command.Arguments.Add(topic);
        command.SetAction(parse =>
        {
            var words = parse.GetValue(topic) ?? [];
            var target = words.Length == 0 ? null : root.Subcommands.FirstOrDefault(c => c.Name == words[0]);
            if (words.Length > 0 && target is null)
            {
                var suggestion = Spelling.Closest(words[0], root.Subcommands.Select(c => c.Name));
                return Fail(env, $"unknown command '{words[0]}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}; run 'scimlint help' for the list");
            }

            string[] args = target is null ? ["--help"] : [target.Name, "--help"];
            return Invoke(root.Parse(args), env);
        });
        return command;
    }

    /// <summary>
    /// Invokes a parse. System.CommandLine's own output (help, the suggest directive) is captured first: the default
    /// help of a subcommand shows its parent's PATH argument too (<c>scimlint [&lt;PATH&gt;...] rules</c>), which reads as
    /// if <c>rules</c> took paths, so a subcommand's usage and argument list keep only its own.
    /// </summary>
    internal static int Invoke(ParseResult parse, CliEnvironment env)
    {
        var captured = new StringWriter { NewLine = "\n" };
        var code = parse.Invoke(new InvocationConfiguration { Output = captured, Error = env.Error, EnableDefaultExceptionHandler = false });
        var text = captured.ToString();
        if (parse.Action is HelpAction && parse.RootCommandResult.Command is RootCommand root)
        {
            // Usage says 'scimlint' however the process was started (dotnet scimlint.dll, a test host).
            text = text.Replace($"\n  {root.Name} ", "\n  scimlint ", StringComparison.Ordinal);
            if (parse.CommandResult.Command is not RootCommand)
            {
                text = OwnArgumentsOnly(text, root, parse.CommandResult.Command);
            }
        }

        env.Out.Write(text);
        return code;
    }

    private static string OwnArgumentsOnly(string help, RootCommand root, Command command)
    {
        var lines = help.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        foreach (var argument in root.Arguments)
        {
            var label = "<" + (argument.HelpName ?? argument.Name) + ">";
            var usage = lines.FindIndex(l => l.StartsWith("  scimlint ", StringComparison.Ordinal));
            if (usage >= 0)
            {
                // The parent's label comes first; a subcommand's own argument of the same name (check's PATH) stays.
                foreach (var form in new[] { $" [{label}...] ", $" {label} " })
                {
                    var at = lines[usage].IndexOf(form, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        lines[usage] = lines[usage].Remove(at, form.Length).Insert(at, " ");
                        break;
                    }
                }
            }

            var header = lines.IndexOf("Arguments:");
            var row = header < 0 || command.Arguments.Any(a => a.Name == argument.Name) ? -1 : lines.FindIndex(header, l => l.TrimStart().StartsWith(label + " ", StringComparison.Ordinal));
            if (row >= 0)
            {
                lines.RemoveAt(row);
                if (row < lines.Count && lines[row].Length == 0 && row == header + 1)
                {
                    // The section is empty now: drop its header and blank line.
                    lines.RemoveRange(header, 2);
                }
            }
        }

        return string.Join('\n', lines);
    }

    // System.CommandLine says "Unrecognized command or argument 'x'"; add the nearest option or command.
    private static string WithSuggestion(string message, ParseResult parse)
    {
        var token = parse.UnmatchedTokens.FirstOrDefault(t => message.Contains($"'{t}'", StringComparison.Ordinal));
        if (token is null)
        {
            return message;
        }

        var command = parse.CommandResult.Command;
        var names = token.StartsWith('-')
            ? command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive))).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))
            : command.Subcommands.Select(c => c.Name);
        var suggestion = Spelling.Closest(token, names);
        return suggestion is null ? message : $"{message.TrimEnd('.')}; did you mean '{suggestion}'?";
    }

    private sealed class PrintVersion(CliEnvironment env) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            env.Out.Write(VersionText(env) + "\n");
            return Clean;
        }
    }
}
