using System.CommandLine;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Rules;

namespace ScimLint.Cli;

/// <summary><c>scimlint rules</c>: the catalogue, as a table or as the README's Markdown table.</summary>
public static class RulesCommand
{
    internal static Command Create(CliEnvironment env)
    {
        var command = new Command("rules", "List every rule with its default severity, custom rules included.");
        var format = new Option<string>("--format", "-f") { Description = "text or markdown (the README table).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown");
        command.Options.Add(format);
        var writeDocs = new Option<bool>("--write-docs")
        {
            Description = "Contributors: rewrite the generated parts of docs/rules and the README rule table from the catalogue (run at the repository root).",
            Hidden = true,
        };
        command.Options.Add(writeDocs);
        var config = ConfigOption();
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            if (parse.GetValue(writeDocs))
            {
                return WriteDocs(env);
            }

            if (Catalog(env, parse.GetValue(config), out var code) is not { } catalog)
            {
                return code;
            }

            env.Out.Write(parse.GetValue(format) == "markdown" ? Markdown(catalog) : Text(catalog));
            return ScimLintCli.Clean;
        });
        return command;
    }

    /// <summary>The <c>--config</c> option of <c>rules</c> and <c>explain</c> (whose <c>customRules</c> folder they read).</summary>
    internal static Option<string?> ConfigOption() =>
        new("--config", "-c") { Description = "Configuration file whose custom rules to include (default: found as for check; custom rules in .scimlint/rules beside it or at the repository root).", HelpName = "FILE" };

    /// <summary>
    /// The built-in rules and the custom rules of the repository or configuration; null (with the exit code) when the
    /// configuration or the custom rules are unusable. Custom rules that do not compile are left out with a warning.
    /// </summary>
    internal static RuleCatalog? Catalog(CliEnvironment env, string? configPath, out int code)
    {
        code = ScimLintCli.Clean;
        try
        {
            var setup = env.Setup(configPath);
            if (setup.Custom is { CompileFailed: true } failed)
            {
                env.Error.Write($"scimlint: warning: the custom rules in {failed.Sources.Display} do not compile ({failed.Findings.Count} error{(failed.Findings.Count == 1 ? string.Empty : "s")}); they are not listed; 'scimlint check' reports the errors as SL007\n");
            }

            return setup.Catalog;
        }
        catch (LintUsageException ex)
        {
            code = ScimLintCli.Fail(env, ex.Message);
        }
        catch (ConfigException ex)
        {
            foreach (var error in ex.Errors)
            {
                code = ScimLintCli.Fail(env, error);
            }
        }

        return null;
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
        var lines = catalog.Rules.Select(r => r.Descriptor).Select(d => $"{d.Id}  {d.DefaultSeverity.Name(),-7}  {d.Name,-30}  {d.Title}"
            + (catalog.Custom.TryGetValue(d.Id, out var custom) ? $"  (custom: {custom.Source})" : string.Empty));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The README rule table.</summary>
    public static string Markdown(RuleCatalog catalog)
    {
        var builder = new System.Text.StringBuilder();
        builder.Append("| ID | Name | Default | Title |\n|---|---|---|---|\n");
        foreach (var d in catalog.Rules.Select(r => r.Descriptor))
        {
            var link = catalog.Custom.TryGetValue(d.Id, out var custom) ? custom.Source : $"docs/rules/{d.Id}.md";
            builder.Append($"| [{d.Id}]({link}) | {d.Name} | {d.DefaultSeverity.Name()} | {d.Title} |\n");
        }

        return builder.ToString();
    }
}
