using ScimLint.Configuration;

namespace ScimLint.Engine;

/// <summary>
/// The baseline stage's files: which baseline a run applies (the one named on the command line, else the
/// configuration's, relative to the configuration file), reading it, and the path keys of a baseline written
/// somewhere other than the working directory.
/// </summary>
internal sealed class BaselineFiles(Workspace workspace)
{
    /// <summary>The baseline of a run: <see cref="LintOptions.BaselinePath"/>, else the configuration's; null: none.</summary>
    public BaselineFile? Of(LintOptions options, ScimLintConfig config)
    {
        if (options.BaselinePath is { } named)
        {
            return Read(named);
        }

        if (config.Baseline is not { } configured)
        {
            return null;
        }

        var full = workspace.FileSystem.Path.GetFullPath(configured, config.Directory ?? workspace.WorkingDirectory);
        var display = workspace.Display(full);
        return Load(full, display, $"{display}: baseline file not found (named by 'baseline' in {config.Source}); write it with --write-baseline {display}");
    }

    /// <summary>Reads a baseline file; throws <see cref="LintUsageException"/> when it is missing or malformed.</summary>
    public BaselineFile Read(string path) => Load(workspace.Resolve(path), path, $"{path}: baseline file not found");

    /// <summary>
    /// The text of a baseline accepting a result's findings, its paths relative to the file's directory
    /// (<paramref name="path"/>; null or '-': the working directory).
    /// </summary>
    public string Text(LintResult result, string? path) =>
        Baseline.Write(result, Key(path is null or "-" ? null : workspace.FileSystem.Path.GetDirectoryName(workspace.Resolve(path))));

    /// <summary>A finding's path as a baseline in <paramref name="directory"/> keys it: relative to it, with '/'.</summary>
    public Func<string, string>? Key(string? directory) => directory is null || directory == workspace.WorkingDirectory
        ? null
        : display => workspace.FileSystem.Path.GetRelativePath(directory, workspace.Resolve(display)).Replace('\\', '/');

    private BaselineFile Load(string full, string display, string missing)
    {
        if (!workspace.FileSystem.File.Exists(full))
        {
            throw new LintUsageException(missing);
        }

        return Baseline.Read(display, workspace.FileSystem.File.ReadAllBytes(full)) with { Directory = workspace.FileSystem.Path.GetDirectoryName(full) };
    }
}
