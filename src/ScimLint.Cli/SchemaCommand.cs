using System.CommandLine;
using ScimLint.Schema;

namespace ScimLint.Cli;

/// <summary><c>scimlint schema jumpcloud|strongdm|config</c>: prints a JSON Schema shipped inside the tool.</summary>
internal static class SchemaCommand
{
    /// <summary>The schemas by the name the command takes, with their file names under <c>schemas/</c>.</summary>
    public static IReadOnlyList<ShippedSchema> Schemas { get; } =
    [
        new("jumpcloud", "jumpcloud-export.schema.json"),
        new("strongdm", "strongdm-provisioning.schema.json"),
        new("config", SchemaValidator.ConfigSchemaFile),
    ];

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("schema", "Print a JSON Schema: the JumpCloud export, the StrongDM settings or the configuration file.");
        var names = Schemas.Select(s => s.Name).ToArray();
        var which = new Argument<string>("NAME")
        {
            Description = "jumpcloud, strongdm or config.",
            HelpName = string.Join('|', names),
        };
        which.CompletionSources.Add(names);
        command.Arguments.Add(which);
        command.SetAction(parse =>
        {
            var name = (parse.GetValue(which) ?? string.Empty).ToLowerInvariant();
            var file = Schemas.FirstOrDefault(s => s.Name == name)?.File;
            if (file is null)
            {
                var suggestion = Spelling.Closest(name, names);
                return ScimLintCli.Fail(env, $"unknown schema '{parse.GetValue(which)}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")} (one of: {string.Join(", ", names)})");
            }

            var text = SchemaValidator.SchemaText(file);
            env.Out.Write(text.EndsWith('\n') ? text : text + "\n");
            return ScimLintCli.Clean;
        });
        return command;
    }
}

/// <summary>
/// A schema the <c>schema</c> command prints: its name and its file under <c>schemas/</c>. A class, not a tuple: the
/// command is built on every run, and LINQ over a tuple would be JIT-compiled at start-up under ReadyToRun.
/// </summary>
internal sealed record ShippedSchema(string Name, string File);
