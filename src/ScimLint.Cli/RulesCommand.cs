using System.CommandLine;
using ScimLint.Engine;
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
        var writeDocs = new Option<bool>("--write-docs")
        {
            Description = "Contributors: rewrite the generated parts of docs/rules and the README rule table from the catalogue (run at the repository root).",
            Hidden = true,
        };
        command.Options.Add(writeDocs);
        command.SetAction(parse =>
        {
            if (parse.GetValue(writeDocs))
            {
                return WriteDocs(env);
            }

            env.Out.Write(parse.GetValue(format) == "markdown" ? Markdown(RuleCatalog.Default) : Text(RuleCatalog.Default));
            return ScimLintCli.Clean;
        });
        return command;
    }

    private static int WriteDocs(CliEnvironment env)
    {
        try
        {
            var written = RuleDocsWriter.Write(env.FileSystem, env.WorkingDirectory, RuleCatalog.Default);
            foreach (var path in written)
            {
                env.Out.Write($"wrote {path}\n");
            }

            env.Out.Write(written.Count == 0 ? "rule docs are up to date\n" : $"rewrote {written.Count} file{(written.Count == 1 ? string.Empty : "s")}; rebuild so that explain and SARIF embed them\n");
            return ScimLintCli.Clean;
        }
        catch (LintUsageException ex)
        {
            return ScimLintCli.Fail(env, ex.Message);
        }
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
