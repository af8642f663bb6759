using System.CommandLine;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Rules;

namespace ScimLint.Cli;

/// <summary><c>scimlint explain SL104</c>: prints a rule's documentation page, offline (custom rules' too).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("explain", "Print a rule's documentation (by ID or name), custom rules' included.");
        var rule = new Argument<string>("RULE") { Description = "A rule ID such as SL104, or a name such as bookmark-url." };
        var config = RulesCommand.ConfigOption();
        command.Arguments.Add(rule);
        command.Options.Add(config);
        command.SetAction(parse =>
        {
            var id = parse.GetValue(rule) ?? string.Empty;
            if (RulesCommand.Catalog(env, parse.GetValue(config), out var code) is not { } catalog)
            {
                return code;
            }

            var found = catalog.Find(id);
            if (found is null)
            {
                return ScimLintCli.Fail(env, $"unknown rule '{id}'; run 'scimlint rules' for the list");
            }

            var page = catalog.Custom.TryGetValue(found.Descriptor.Id, out var custom) ? custom.Page : RuleDocs.Get(found.Descriptor.Id);
            if (page is null)
            {
                return ScimLintCli.Fail(env, $"no documentation is embedded for {found.Descriptor.Id}");
            }

            env.Out.Write(page.EndsWith('\n') ? page : page + "\n");
            return ScimLintCli.Clean;
        });
        return command;
    }
}
