using ScimLint.Configuration;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// Finds and reads the configuration of a run: the file named, else <c>.scimlint.yaml</c>, <c>.yml</c> or <c>.json</c> (in that order) in the working directory or
/// an ancestor, up to the repository root (<see cref="Workspace.UpToRepositoryRoot"/>, the same search pairing uses).
/// </summary>
internal sealed class ConfigDiscovery(Workspace workspace, RuleCatalog catalog)
{
    /// <summary>
    /// The configuration; <see cref="ScimLintConfig.Empty"/> when there is none. Throws
    /// <see cref="LintUsageException"/> for a named file that is missing or unreadable, and
    /// <see cref="ConfigException"/> for a malformed one.
    /// </summary>
    public ScimLintConfig Load(string? explicitPath)
    {
        var fs = workspace.FileSystem;
        string? path;
        if (explicitPath is not null)
        {
            path = workspace.Resolve(explicitPath);
            if (!fs.File.Exists(path))
            {
                throw new LintUsageException($"{explicitPath}: configuration file not found");
            }
        }
        else
        {
            path = workspace.UpToRepositoryRoot(workspace.WorkingDirectory)
                .SelectMany(dir => ScimLintConfig.FileNames.Select(name => fs.Path.Combine(dir, name)))
                .FirstOrDefault(fs.File.Exists);
        }

        if (path is null)
        {
            return ScimLintConfig.Empty;
        }

        var display = workspace.Display(path);
        try
        {
            return ScimLintConfig.Parse(display, fs.File.ReadAllBytes(path), catalog);
        }
        catch (IOException ex)
        {
            throw new LintUsageException($"{display}: cannot read configuration: {ex.Message}");
        }
    }
}
