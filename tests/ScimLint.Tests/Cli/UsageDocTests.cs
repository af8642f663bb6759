using System.CommandLine;
using System.Text.RegularExpressions;
using ScimLint.Cli;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Cli;

/// <summary>
/// Issue 11: <c>docs/usage.md</c> is checked against <c>--help</c>, so it cannot drift again. The synopsis under
/// "## Command line" has one entry per command (<c>scimlint pull jumpcloud ...</c> and its indented continuation
/// lines); every option a command's <c>--help</c> shows is in its entry, and every option an entry names is in that
/// command's <c>--help</c>.
/// </summary>
public sealed partial class UsageDocTests
{
    private static readonly string[] HelpNames = ["-?", "-h", "--help"];

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var path in CommandPaths())
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_option_of_the_help_is_in_the_usage_synopsis_and_no_other(string command)
    {
        var help = HelpOptions(command);
        var entry = SynopsisEntry(command);

        Assert.True(entry is not null, $"docs/usage.md has no synopsis line 'scimlint {command}' under '## Command line'");
        var documented = OptionTokens(entry!);
        Assert.All(help, option => Assert.True(documented.Contains(option), $"'scimlint {command}' has {option} (see its --help), but docs/usage.md's synopsis does not list it"));
        Assert.All(documented, option => Assert.True(help.Contains(option) || HelpNames.Contains(option), $"docs/usage.md lists {option} for 'scimlint {command}', but its --help has no such option"));
    }

    [Fact]
    public void The_synopsis_names_no_command_the_tool_lacks()
    {
        var known = CommandPaths().ToHashSet(StringComparer.Ordinal);
        var entries = Synopsis().Select(e => e.Command).ToList();

        Assert.All(entries, command => Assert.Contains(command, known));
        Assert.Equal(entries.Count, entries.Distinct().Count());
    }

    [Fact]
    public void The_check_can_fail_on_a_missing_and_on_an_invented_option()
    {
        // A check that cannot fail proves nothing: the parser and the synopsis reader see what they should.
        Assert.Contains("--fix", HelpOptions(string.Empty));
        Assert.Contains("--write-baseline", HelpOptions(string.Empty));
        Assert.DoesNotContain("--fixx", HelpOptions(string.Empty));
        Assert.True(OptionTokens("scimlint pull jumpcloud [--api-url URL] [-o/--output DIR] FILE=PATH '-' e.g.").SetEquals(["--api-url", "-o", "--output"]));
    }

    [Fact]
    public void The_usage_documents_the_suggest_directive_and_fix_baseline_options()
    {
        var usage = File.ReadAllText(Repo.Path_("docs", "usage.md"));

        Assert.Contains("[suggest:", usage, StringComparison.Ordinal);
        Assert.Contains("`[suggest]`", usage, StringComparison.Ordinal);
        foreach (var option in new[] { "--fix", "--baseline", "--write-baseline", "--list-files" })
        {
            Assert.Matches($"(?m)^- `{Regex.Escape(option)}", usage);
        }
    }

    [Fact]
    public void The_usage_states_the_hook_file_types_of_the_hooks_file()
    {
        var hooks = File.ReadAllLines(Repo.Path_(".pre-commit-hooks.yaml")).Select(l => l.Trim()).Where(l => l.StartsWith("types_or:", StringComparison.Ordinal)).Distinct().ToList();
        var usage = File.ReadAllText(Repo.Path_("docs", "usage.md"));

        var types = Assert.Single(hooks);
        Assert.Contains($"`{types}`", usage, StringComparison.Ordinal);
        Assert.Equal("types_or: [yaml, json, c#]", types);

        // pre-commit tags .jsonc as neither json nor yaml, so the usage must not promise that the hook passes them.
        Assert.Contains("`.jsonc` files are not passed by the hook", usage, StringComparison.Ordinal);
    }

    // ---- helpers ----

    /// <summary>Every command path with options or an action of its own ("" is the root), hidden ones left out.</summary>
    private static IEnumerable<string> CommandPaths()
    {
        var root = ScimLintCli.Build(new CliEnvironment(new System.IO.Abstractions.FileSystem(), TextWriter.Null, TextWriter.Null, Repo.Root, false, _ => null));
        return Walk(root, string.Empty).Where(p => p != "check");

        static IEnumerable<string> Walk(Command command, string path)
        {
            if (command.Action is not null || command.Options.Any(o => !o.Hidden && !HelpNames.Contains(o.Name)))
            {
                yield return path;
            }

            foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            {
                foreach (var inner in Walk(sub, (path + " " + sub.Name).Trim()))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The option names and aliases the command's --help shows, help itself left out.</summary>
    private static HashSet<string> HelpOptions(string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();
        var run = CliRunner.Run(Repo.Root, args);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        var start = Array.IndexOf(lines, "Options:");
        Assert.True(start >= 0, $"'scimlint {command} --help' has no Options section");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.Length > 0))
        {
            var column = HelpRow().Match(line);
            if (column.Success)
            {
                foreach (var name in column.Groups[1].Value.Split(", "))
                {
                    names.Add(name.Split(' ')[0]);
                }
            }
        }

        names.ExceptWith(HelpNames);
        return names;
    }

    private static string? SynopsisEntry(string command) =>
        Synopsis().Where(e => e.Command == command).Select(e => e.Text).FirstOrDefault();

    /// <summary>The entries of the ```text block under "## Command line": a 'scimlint ...' line and its indented continuations.</summary>
    private static List<(string Command, string Text)> Synopsis()
    {
        var lines = File.ReadAllLines(Repo.Path_("docs", "usage.md"));
        var heading = Array.IndexOf(lines, "## Command line");
        Assert.True(heading >= 0, "docs/usage.md has no '## Command line' section");
        var open = Array.FindIndex(lines, heading, l => l == "```text");
        var known = CommandPaths().Where(p => p.Length > 0).OrderByDescending(p => p.Length).ToList();
        var entries = new List<(string Command, string Text)>();
        foreach (var line in lines.Skip(open + 1).TakeWhile(l => l != "```"))
        {
            if (line.StartsWith("scimlint", StringComparison.Ordinal))
            {
                var rest = line["scimlint".Length..].TrimStart();
                var command = known.FirstOrDefault(k => rest == k || rest.StartsWith(k + " ", StringComparison.Ordinal)) ?? string.Empty;
                entries.Add((command, line));
            }
            else if (entries.Count > 0)
            {
                entries[^1] = (entries[^1].Command, entries[^1].Text + "\n" + line);
            }
        }

        return entries;
    }

    private static HashSet<string> OptionTokens(string text) =>
        OptionToken().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![\w-])(--?[A-Za-z?][\w-]*)")]
    private static partial Regex OptionToken();

    [GeneratedRegex(@"^  (\S.*?)(?:\s{2,}|$)")]
    private static partial Regex HelpRow();
}
