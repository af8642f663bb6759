using System.IO.Abstractions;

namespace ScimLint.Cli;

/// <summary>Everything the CLI touches outside itself, so tests run it in process.</summary>
public sealed record CliEnvironment(IFileSystem FileSystem, TextWriter Out, TextWriter Error, string WorkingDirectory, bool OutputIsTerminal, Func<string, string?> GetVariable)
{
    /// <summary>The version written into reports (tests pin it).</summary>
    public string ToolVersion { get; init; } = ScimLint.Reporting.ToolInfo.Version;

    /// <summary>Whether stderr is a terminal (progress lines are written only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The clock (tests pin it; <c>scimlint pull</c> writes one timestamp).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The commit the tool was built from, or null when unknown (tests pin it).</summary>
    public string? Commit { get; init; } = ScimLint.Reporting.ToolInfo.Commit;

    /// <summary>
    /// Whether SARIF reports carry the repository and commit (<c>versionControlProvenance</c>), read from <c>.git</c> or
    /// the GitHub Actions variables. Snapshot tests turn it off, so that their output does not depend on the clone.
    /// </summary>
    public bool ReadRepository { get; init; } = true;

    /// <summary>
    /// Where compiled custom rules are cached: <c>$XDG_CACHE_HOME/scimlint</c> when that is an absolute path, else
    /// <c>~/.cache/scimlint</c>; null (compile on every run) when there is no home directory either.
    /// </summary>
    internal string? CacheDirectory()
    {
        var xdg = GetVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "scimlint");
        }

        var home = GetVariable("HOME") is { Length: > 0 } h ? h : GetVariable("USERPROFILE");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "scimlint");
    }

    /// <summary>The configuration and rules (built-in and custom) a command would use.</summary>
    internal ScimLint.Engine.RunSetup Setup(string? configPath, Action<string>? log = null) =>
        new ScimLint.Engine.LintEngine(FileSystem, WorkingDirectory).Setup(configPath, CacheDirectory(), log);

    /// <summary>Opens stdin, read when a path is <c>-</c> (tests give a stream of their own).</summary>
    public Func<Stream> OpenStdin { get; init; } = Console.OpenStandardInput;

    /// <summary>The real console, file system and environment.</summary>
    public static CliEnvironment FromSystem()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        return new CliEnvironment(new FileSystem(), stdout, stderr, Environment.CurrentDirectory, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
    }
}
