using System.CommandLine;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Reporting;
using ScimLint.Rules;

namespace ScimLint.Cli;

/// <summary>Options of a check run, bound from the command line.</summary>
public sealed record CheckOptions(
    IReadOnlyList<string> Paths,
    string Format,
    string? Output,
    string? Sarif,
    Severity? FailLevel,
    string? Config,
    bool NoColor,
    bool Quiet,
    bool Fix = false,
    string? Baseline = null,
    string? WriteBaseline = null)
{
    /// <summary>A run that finds no JumpCloud export and no StrongDM settings exits 0 instead of 2 (pre-commit hooks).</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>Also list, on stderr, the values that could not be resolved statically (rules that need them stayed silent).</summary>
    public bool Verbose { get; init; }

    /// <summary>The name of the document read from stdin (<c>-</c>), for messages, pairing and the loader.</summary>
    public string? StdinFilename { get; init; }

    /// <summary>Print each input with its kind and pairing on stdout, then exit 0 without reporting findings or writing anything.</summary>
    public bool ListFiles { get; init; }

    /// <summary>Show suppressed findings (inline, configuration <c>ignore:</c>, baseline) as active (<c>--no-ignore</c>).</summary>
    public bool NoIgnore { get; init; }

    /// <summary>Write suppressed and baselined findings into SARIF with their <c>suppressions</c> (<c>--report-suppressed</c>).</summary>
    public bool ReportSuppressed { get; init; }

    /// <summary>Extra reports, <c>--report FORMAT=PATH</c> (repeatable; <c>-</c> is stdout).</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];
}

/// <summary><c>scimlint [check] [PATH...]</c>.</summary>
internal static class CheckCommand
{
    public static void Configure(Command command, CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.ZeroOrMore, Description = "Files and/or directories to lint (default: .)." };
        var format = Choices.Option("--format", ["-f"], "Output format (any letter case).", "text", ToolInfo.Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE (atomically) instead of stdout.", HelpName = "FILE" };
        var sarif = new Option<string?>("--sarif") { Description = "Also write SARIF to FILE (atomically) while printing the chosen format.", HelpName = "FILE" };
        var failLevel = Choices.Option("--fail-level", [], "Exit 1 when a finding is at or above this level (wins over the configuration's failLevel; without either: error).", "error", ["error", "warning", "note", "none"]);
        var config = new Option<string?>("--config", "-c") { Description = $"Configuration file (default: {string.Join(", ", ScimLintConfig.FileNames)}, found from the working directory up to the repository root).", HelpName = "FILE" };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour text output (NO_COLOR is honoured too)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Text output: findings only, no code frames or summary." };
        var fix = new Option<bool>("--fix") { Description = "Apply the machine-applicable fixes (exact spans only; never a token), then report what remains." };
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { format, output, sarif, failLevel, config, noColor, quiet, fix })
        {
            command.Options.Add(option);
        }

        var baseline = new Option<string?>("--baseline") { Description = "Report only findings that FILE (from --write-baseline) does not accept.", HelpName = "FILE" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write every current finding to FILE as the accepted baseline, then exit 0.", HelpName = "FILE" };
        command.Options.Add(baseline);
        command.Options.Add(writeBaseline);
        var (verbose, listFiles, stdinFilename) = InputOptions(command);
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Exit 0 when the paths hold no JumpCloud export and no StrongDM settings (default: exit 2, a run that checked nothing is not a pass)." };
        command.Options.Add(allowEmpty);
        var reports = ReportOption();
        command.Options.Add(reports);
        var (noIgnore, reportSuppressed) = SuppressionOptions(command);
        command.SetAction(parse =>
        {
            if (Misspelt(command, parse, parse.GetValue(paths) ?? [], env) is { } usage)
            {
                return usage;
            }

            // Given on the command line, --fail-level wins over the configuration's failLevel; its default does not.
            Severity? level = parse.GetResult(failLevel) is { Implicit: false } && SeverityNames.TryParse(parse.GetValue(failLevel), out var parsed) ? parsed : null;
            var options = new CheckOptions(
                parse.GetValue(paths) ?? [],
                parse.GetValue(format) ?? "text",
                parse.GetValue(output),
                parse.GetValue(sarif),
                level,
                parse.GetValue(config),
                parse.GetValue(noColor),
                parse.GetValue(quiet),
                parse.GetValue(fix),
                parse.GetValue(baseline),
                parse.GetValue(writeBaseline))
            {
                AllowEmpty = parse.GetValue(allowEmpty),
                Verbose = parse.GetValue(verbose),
                ListFiles = parse.GetValue(listFiles),
                StdinFilename = parse.GetValue(stdinFilename),
                Reports = parse.GetValue(reports) ?? [],
                NoIgnore = parse.GetValue(noIgnore),
                ReportSuppressed = parse.GetValue(reportSuppressed),
            };
            return Run(options, env);
        });
    }

    private static (Option<bool> Verbose, Option<bool> ListFiles, Option<string?> StdinFilename) InputOptions(Command command)
    {
        var stdinFilename = new Option<string?>("--stdin-filename") { Description = "With '-' as the path: the name of the document read from stdin, for messages, pairing and the format (by extension). Default: <stdin>, read as JSON when it starts with { or [, else YAML.", HelpName = "NAME" };
        command.Options.Add(stdinFilename);
        var verbose = new Option<bool>("--verbose") { Description = "Also list on stderr each input with its kind and pairing, the values that could not be resolved statically (C# computed at run time), and how custom rules were loaded (compiled or from the cache)." };
        var listFiles = new Option<bool>("--list-files") { Description = "Print each input with its kind and pairing, and what was skipped and why, then exit 0 (no report, nothing written)." };
        command.Options.Add(verbose);
        command.Options.Add(listFiles);
        return (verbose, listFiles, stdinFilename);
    }

    public static int Run(CheckOptions options, CliEnvironment env)
    {
        var fs = env.FileSystem;
        try
        {
            CheckOutputs(options, env);
            var (paths, stdin) = StdinInput.Resolve(options, env);
            var fixingStdin = stdin is not null && options.Fix && !options.ListFiles;
            CheckStdoutFree(fixingStdin, options);

            var engine = new LintEngine(fs, env.WorkingDirectory);
            var result = engine.Run(LintOptionsOf(options, env) with { Paths = paths, Stdin = stdin });
            if (options.ListFiles)
            {
                ListInputs(env.Out, result);
                return ScimLintCli.Clean;
            }

            if (options.WriteBaseline is not null)
            {
                return WriteBaseline(options.WriteBaseline, env, engine, result);
            }

            env.Out.Write(result.FixedStdin ?? string.Empty);
            Report(options, env, result, fixingStdin ? env.Error : env.Out);
            if (options.Verbose)
            {
                ListInputs(env.Error, result);
                ReportUnresolved(env, result);
            }
            if (result.ConfigInputs == 0 && !options.AllowEmpty)
            {
                var where = stdin is not null ? "stdin" : options.Paths.Count == 0 ? "." : string.Join(' ', options.Paths);
                return ScimLintCli.Fail(env, $"nothing was checked: {where} holds no JumpCloud export and no StrongDM settings; check the paths, or pass --allow-empty when that is expected (a commit that touches no configuration)");
            }

            return result.Failed ? ScimLintCli.Findings : ScimLintCli.Clean;
        }
        catch (LintUsageException ex)
        {
            return ScimLintCli.Fail(env, ex.Message);
        }
        catch (ConfigException ex)
        {
            // Every configuration problem at once, one line each, so one run shows them all.
            foreach (var error in ex.Errors.SkipLast(1))
            {
                ScimLintCli.Fail(env, error);
            }

            return ScimLintCli.Fail(env, ex.Errors.Count > 0 ? ex.Errors[^1] : ex.Message);
        }
    }

    private static int WriteBaseline(string path, CliEnvironment env, LintEngine engine, LintResult result)
    {
        var baselineText = engine.BaselineText(result, path);
        if (IsStdout(path))
        {
            env.Out.Write(baselineText);
        }
        else
        {
            AtomicFile.Write(env.FileSystem, Resolve(env.FileSystem, env, path), baselineText);
        }

        env.Error.Write($"scimlint: wrote {result.Findings.Count} finding{(result.Findings.Count == 1 ? string.Empty : "s")} to the baseline {ControlCharacters.Escape(path)}\n");
        return ScimLintCli.Clean;
    }

    private static void ListInputs(TextWriter writer, LintResult result)
    {
        foreach (var entry in result.Inputs)
        {
            writer.Write(ControlCharacters.Escape(entry.Describe()) + "\n");
        }
    }

    /// <summary>The engine's options: the command line only names them; the engine owns what they mean.</summary>
    private static LintOptions LintOptionsOf(CheckOptions options, CliEnvironment env) => new(options.Paths)
    {
        ConfigPath = options.Config,
        BaselinePath = options.WriteBaseline is null ? options.Baseline : null,
        NoBaseline = options.WriteBaseline is not null,
        NoIgnore = options.NoIgnore,
        FailLevel = options.FailLevel,
        Clock = env.Clock,
        Fix = options.Fix && !options.ListFiles,
        FixesApplied = outcome => ReportFixes(env, outcome),
        CustomRulesCache = env.CacheDirectory(),
        Log = options.Verbose ? line => env.Error.Write($"scimlint: {ControlCharacters.Escape(line)}\n") : null,
    };

    /// <summary><c>--no-ignore</c> and <c>--report-suppressed</c>.</summary>
    private static (Option<bool> NoIgnore, Option<bool> ReportSuppressed) SuppressionOptions(Command command)
    {
        var noIgnore = new Option<bool>("--no-ignore") { Description = "Show suppressed findings as active: inline ignore comments, the configuration's ignore entries and the baseline are not applied." };
        var reportSuppressed = new Option<bool>("--report-suppressed") { Description = "Write suppressed and baselined findings into SARIF, each with suppressions[{kind: inSource|external, justification}] (default: left out)." };
        command.Options.Add(noIgnore);
        command.Options.Add(reportSuppressed);
        return (noIgnore, reportSuppressed);
    }

    private static void ReportUnresolved(CliEnvironment env, LintResult result)
    {
        foreach (var value in result.Unresolved)
        {
            var what = value.Expression is { } expression ? $"'{result.Redactor.Redact(expression)}'" : "a secret field's expression";
            env.Error.Write($"{value.Span.Path}:{value.Span.StartLine}:{value.Span.StartColumn}: unresolved {value.LogicalPath}: {what} is computed at run time; rules that need it stayed silent\n");
        }

        var count = result.Unresolved.Count;
        env.Error.Write($"scimlint: {count} value{(count == 1 ? string.Empty : "s")} could not be resolved statically\n");
    }

    private static void ReportFixes(CliEnvironment env, FixOutcome outcome)
    {
        foreach (var skipped in outcome.Skipped)
        {
            env.Error.Write($"scimlint: --fix left {ControlCharacters.Escape(skipped)}\n");
        }

        if (outcome.Files.Count > 0)
        {
            env.Error.Write($"scimlint: fixed {outcome.Fixes} finding{(outcome.Fixes == 1 ? string.Empty : "s")} in {ControlCharacters.Escape(string.Join(", ", outcome.Files))}\n");
        }
    }

    /// <summary>Picks the reporter and writes the report (and the extra SARIF file) where the options say.</summary>
    private static void Report(CheckOptions options, CliEnvironment env, LintResult result, TextWriter stdout)
    {
        var fs = env.FileSystem;
        var toStdout = options.Output is null || IsStdout(options.Output);
        var color = !options.NoColor && toStdout && env.OutputIsTerminal && string.IsNullOrEmpty(env.GetVariable("NO_COLOR")) && options.Format.Equals("text", StringComparison.OrdinalIgnoreCase);
        var report = new ReportOptions { Color = color, Quiet = options.Quiet, ToolVersion = env.ToolVersion, Repository = Repository(options, env), ReportSuppressed = options.ReportSuppressed };
        // A report for stdout goes straight to it (buffered); one for a file is kept whole until AtomicFile writes it.
        // Building the stdout report as a string first cost three copies of it: about 30 MB at 10k pairs in JSON.
        var buffer = toStdout ? null : new StringWriter { NewLine = "\n" };
        ToolInfo.ReporterFor(options.Format).Write(result, buffer ?? stdout, report);

        // Both files are written completely before either is renamed into place, so a failure leaves both as they
        // were (see AtomicFile). '-' is stdout.
        var files = new List<(string Path, string Content)>();
        if (options.Sarif is not null)
        {
            var sarif = new StringWriter { NewLine = "\n" };
            new SarifReporter().Write(result, sarif, report with { Color = false });
            if (IsStdout(options.Sarif))
            {
                env.Out.Write(sarif.ToString());
            }
            else
            {
                files.Add((Resolve(fs, env, options.Sarif), sarif.ToString()));
            }
        }

        if (buffer is not null)
        {
            files.Add((Resolve(fs, env, options.Output!), buffer.ToString()));
        }

        files.AddRange(ReportFiles(options, env, result, report with { Color = false }));
        if (files.Count > 0)
        {
            AtomicFile.WriteAll(fs, files);
        }
    }

    /// <summary>The repository SARIF records, read only when a SARIF report is written.</summary>
    private static RepositoryInfo? Repository(CheckOptions options, CliEnvironment env)
    {
        var sarif = options.Sarif is not null
            || options.Format.Equals("sarif", StringComparison.OrdinalIgnoreCase)
            || options.Reports.Any(r => ParseReport(r).Format == "sarif");
        return sarif && env.ReadRepository ? RepositoryInfo.Detect(env.FileSystem, env.WorkingDirectory, env.GetVariable) : null;
    }

    private static Option<string[]> ReportOption()
    {
        var reports = new Option<string[]>("--report")
        {
            Description = $"Also write the report in FORMAT to PATH ('-' is stdout); repeatable. FORMAT: {string.Join(", ", ToolInfo.Formats)}.",
            HelpName = "FORMAT=PATH",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        reports.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (ParseReport(token.Value) is { Error: { } error })
                {
                    result.AddError(error);
                }
            }
        });
        return reports;
    }

    /// <summary>
    /// The <c>--report FORMAT=PATH</c> outputs, in the order given: <c>-</c> is written to stdout now, the files are
    /// returned so that they are replaced together with <c>--output</c> and <c>--sarif</c>.
    /// </summary>
    private static List<(string Path, string Content)> ReportFiles(CheckOptions options, CliEnvironment env, LintResult result, ReportOptions report)
    {
        var files = new List<(string Path, string Content)>();
        foreach (var value in options.Reports)
        {
            var (format, path, _) = ParseReport(value);
            var text = new StringWriter { NewLine = "\n" };
            ToolInfo.ReporterFor(format!).Write(result, text, report);
            if (IsStdout(path))
            {
                env.Out.Write(text.ToString());
            }
            else
            {
                files.Add((Resolve(env.FileSystem, env, path!), text.ToString()));
            }
        }

        return files;
    }

    /// <summary>Splits <c>FORMAT=PATH</c>; the format in any letter case.</summary>
    internal static (string? Format, string? Path, string? Error) ParseReport(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            return (null, null, $"--report takes FORMAT=PATH (for example sarif=scimlint.sarif, or json=- for stdout), not '{value}'");
        }

        var format = value[..equals];
        var known = ToolInfo.Formats.FirstOrDefault(f => f.Equals(format, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            var suggestion = Spelling.Closest(format, ToolInfo.Formats);
            return (null, null, $"unknown --report format '{format}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")} (one of: {string.Join(", ", ToolInfo.Formats)})");
        }

        return (known, value[(equals + 1)..], null);
    }

    // PATH takes any token, so a mistyped option or command arrives here as a path: name it and suggest the nearest.
    private static int? Misspelt(Command command, ParseResult parse, string[] given, CliEnvironment env)
    {
        var unknown = given.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !Exists(env, p));
        if (unknown is not null)
        {
            var name = unknown.Split('=')[0];
            var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive).SelectMany(o => o.Aliases.Prepend(o.Name)));
            var suggestion = Spelling.Closest(name, known.Where(n => n.StartsWith("--", StringComparison.Ordinal)));
            return ScimLintCli.Fail(env, $"unknown option '{unknown}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}; run 'scimlint --help' for usage");
        }

        // 'scimlint chek' is a typo of a command far more often than a file named 'chek'.
        if (command is RootCommand && given.Length > 0 && !given[0].Contains('/', StringComparison.Ordinal) && !given[0].Contains('\\', StringComparison.Ordinal) && !given[0].Contains('.', StringComparison.Ordinal) && !Exists(env, given[0])
            && Spelling.Closest(given[0], command.Subcommands.Select(c => c.Name)) is { } verb)
        {
            return ScimLintCli.Fail(env, $"unknown command '{given[0]}'; did you mean '{verb}'? (a path named so does not exist either)");
        }

        return null;
    }

    /// <summary>Fails before anything is written when an output cannot be written ('-' is stdout, and only one report can go there).</summary>
    private static void CheckOutputs(CheckOptions options, CliEnvironment env)
    {
        var fs = env.FileSystem;

        // '-' is stdout; only one report can go there.
        if (IsStdout(options.Sarif) && (options.Output is null || IsStdout(options.Output)))
        {
            throw new LintUsageException("--sarif -: stdout already carries the report; write one of them to a file (--output FILE)");
        }

        // Fail before writing anything when an output cannot be written.
        foreach (var output in new[] { options.Output, options.Sarif, options.WriteBaseline }.Concat(options.Reports.Select(r => ParseReport(r).Path)).OfType<string>().Where(o => !IsStdout(o)))
        {
            AtomicFile.CheckDirectory(fs, Resolve(fs, env, output));
        }
    }

    /// <summary>With --fix and '-', stdout carries the fixed document: no other report or the baseline may go there.</summary>
    private static void CheckStdoutFree(bool fixingStdin, CheckOptions options)
    {
        if (fixingStdin && (IsStdout(options.Sarif) || IsStdout(options.WriteBaseline) || options.Reports.Any(r => IsStdout(ParseReport(r).Path))))
        {
            throw new LintUsageException("--fix with '-' writes the fixed document to stdout: write the other reports to files");
        }
    }

    /// <summary>Whether an output option names stdout ('-').</summary>
    private static bool IsStdout(string? path) => path == "-";

    private static bool Exists(CliEnvironment env, string path)
    {
        var full = Resolve(env.FileSystem, env, path);
        return env.FileSystem.File.Exists(full) || env.FileSystem.Directory.Exists(full);
    }

    private static string Resolve(System.IO.Abstractions.IFileSystem fs, CliEnvironment env, string path) => fs.Path.GetFullPath(path, env.WorkingDirectory);
}
