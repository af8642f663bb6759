using System.CommandLine;
using ScimLint.Rules;

namespace ScimLint.Cli;

/// <summary><c>scimlint rules</c>: the catalogue, as a table or as the README's Markdown table.</summary>
public static class RulesCommand
{
    internal static Command Create(CliEnvironment env)
    {
        var command = new Command("rules", "List every rule with its default severity.");
        var format = new Option<string>("--format", "-f") { Description = "text or markdown (the README table).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown");
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            env.Out.Write(parse.GetValue(format) == "markdown" ? Markdown(RuleCatalog.Default) : Text(RuleCatalog.Default));
            return ScimLintCli.Clean;
        });
        return command;
    }

    internal static string Text(RuleCatalog catalog)
    {
        var lines = catalog.Rules.Select(r => r.Descriptor).Select(d => $"{d.Id}  {d.DefaultSeverity.Name(),-7}  {d.Name,-30}  {d.Title}");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The README rule table.</summary>
    public static string Markdown(RuleCatalog catalog)
    {
        var builder = new System.Text.StringBuilder();
        builder.Append("| ID | Name | Default | Title |\n|---|---|---|---|\n");
        foreach (var d in catalog.Rules.Select(r => r.Descriptor))
        {
            builder.Append($"| [{d.Id}](docs/rules/{d.Id}.md) | {d.Name} | {d.DefaultSeverity.Name()} | {d.Title} |\n");
        }

        return builder.ToString();
    }
}
