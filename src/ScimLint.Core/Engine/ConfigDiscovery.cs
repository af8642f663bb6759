using ScimLint.Configuration;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>The configuration file of a run, read once: its full path, its display path and its bytes.</summary>
internal sealed record ConfigFile(string FullPath, string Display, byte[] Bytes);

/// <summary>The configuration and the rules of a run: built-in rules plus the custom rules, if any.</summary>
internal sealed record RunSetup(ScimLintConfig Config, RuleCatalog Catalog, CustomRuleSet? Custom);

/// <summary>
/// Finds and reads the configuration of a run: the file named, else <c>.scimlint.yaml</c>, <c>.yml</c> or <c>.json</c> (in that order) in the working directory or
/// an ancestor, up to the repository root (<see cref="Workspace.UpToRepositoryRoot"/>, the same search pairing uses).
/// Then the custom rules: the folder <c>customRules</c> names (relative to the configuration file), else
/// <c>.scimlint/rules</c> beside the configuration file, else at the repository root (or the working directory outside
/// a repository). Never a folder found by walking the inputs.
/// </summary>
internal sealed class ConfigDiscovery(Workspace workspace, RuleCatalog catalog)
{
    /// <summary>The default folder of custom rules, relative to the configuration file or the repository root.</summary>
    public const string DefaultRulesFolder = ".scimlint/rules";

    /// <summary>
    /// The configuration; <see cref="ScimLintConfig.Empty"/> when there is none. Throws
    /// <see cref="LintUsageException"/> for a named file that is missing or unreadable, and
    /// <see cref="ConfigException"/> for a malformed one.
    /// </summary>
    public ScimLintConfig Load(string? explicitPath) => Setup(explicitPath, null, null).Config;

    /// <summary>
    /// The configuration and the rules (custom rules compiled or taken from <paramref name="cacheDirectory"/>; null:
    /// no cache). The configuration is parsed against the catalogue with the custom rules, so it can set their
    /// severities; when they did not compile, IDs it names that are not ScimLint's are let through (the compile
    /// errors are the findings to see).
    /// </summary>
    public RunSetup Setup(string? explicitPath, string? cacheDirectory, Action<string>? log)
    {
        var file = Read(Find(explicitPath));
        var folder = RulesFolder(file);
        var custom = folder is null ? null : new CustomRuleLoader(workspace, catalog, cacheDirectory, log).Load(folder);
        var rules = custom?.Extend(catalog) ?? catalog;
        if (file is null)
        {
            return new RunSetup(ScimLintConfig.Empty, rules, custom);
        }

        Func<string, bool>? tolerate = custom?.CompileFailed == true ? id => !id.StartsWith("SL", StringComparison.OrdinalIgnoreCase) : null;
        return new RunSetup(ScimLintConfig.Parse(file.Display, file.Bytes, rules, tolerate) with { Directory = workspace.FileSystem.Path.GetDirectoryName(file.FullPath) }, rules, custom);
    }

    private string? Find(string? explicitPath)
    {
        var fs = workspace.FileSystem;
        if (explicitPath is not null)
        {
            var path = workspace.Resolve(explicitPath);
            return fs.File.Exists(path) ? path : throw new LintUsageException($"{explicitPath}: configuration file not found");
        }

        return workspace.UpToRepositoryRoot(workspace.WorkingDirectory)
            .SelectMany(dir => ScimLintConfig.FileNames.Select(name => fs.Path.Combine(dir, name)))
            .FirstOrDefault(fs.File.Exists);
    }

    private ConfigFile? Read(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var display = workspace.Display(path);
        try
        {
            return new ConfigFile(path, display, workspace.FileSystem.File.ReadAllBytes(path));
        }
        catch (IOException ex)
        {
            throw new LintUsageException($"{display}: cannot read configuration: {ex.Message}");
        }
    }

    /// <summary>The custom rules folder of a run, or null when there is none.</summary>
    private string? RulesFolder(ConfigFile? file)
    {
        var fs = workspace.FileSystem;
        if (file is not null && ScimLintConfig.ReadCustomRules(file.Display, file.Bytes) is { } named)
        {
            var folder = fs.Path.GetFullPath(named.Value, fs.Path.GetDirectoryName(file.FullPath)!);
            return fs.Directory.Exists(folder)
                ? folder
                : throw new ConfigException($"{file.Display}:{named.Span.StartLine}:{named.Span.StartColumn}: {ScimLintConfig.CustomRulesKey}: folder '{named.Value}' not found (relative to {file.Display})");
        }

        var candidates = new List<string>();
        if (file is not null)
        {
            candidates.Add(fs.Path.GetDirectoryName(file.FullPath)!);
        }

        candidates.Add(workspace.UpToRepositoryRoot(workspace.WorkingDirectory).Last() is var top && workspace.IsRepositoryRoot(top) ? top : workspace.WorkingDirectory);
        return candidates.Select(dir => fs.Path.Combine(dir, DefaultRulesFolder)).FirstOrDefault(fs.Directory.Exists);
    }
}
