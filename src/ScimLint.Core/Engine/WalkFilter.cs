using Microsoft.Extensions.FileSystemGlobbing;
using ScimLint.Configuration;

namespace ScimLint.Engine;

/// <summary>
/// The configuration's <c>include</c> and <c>exclude</c> globs (Microsoft.Extensions.FileSystemGlobbing), applied to
/// the files a directory walk finds, relative to the configuration file's directory. A walked file is kept when it
/// matches an include glob (every file, when there is none) and no exclude glob. Files named on the command line and
/// files outside the configuration's directory are not filtered.
/// </summary>
internal sealed class WalkFilter
{
    // A delegate, not the Matcher: a run without globs never loads Microsoft.Extensions.FileSystemGlobbing.
    private readonly Func<string, bool>? _matches;
    private readonly string _root;
    private readonly Workspace _workspace;
    private readonly string? _source;

    private WalkFilter(Workspace workspace, string root, Func<string, bool>? matches, string? source = null)
    {
        _source = source;
        _workspace = workspace;
        _root = root;
        _matches = matches;
    }

    /// <summary>The filter of a configuration (one that keeps everything when it sets no globs).</summary>
    public static WalkFilter For(ScimLintConfig config, Workspace workspace)
    {
        var root = config.Directory ?? workspace.WorkingDirectory;
        if (config.Include.Count == 0 && config.Exclude.Count == 0)
        {
            return new WalkFilter(workspace, root, null);
        }

        return new WalkFilter(workspace, root, BuildMatcher(config), config.Source);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Func<string, bool> BuildMatcher(ScimLintConfig config)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(config.Include.Count == 0 ? ["**/*"] : config.Include);
        matcher.AddExcludePatterns(config.Exclude);
        return relative => matcher.Match(relative).HasMatches;
    }

    /// <summary>Why a walked file was not kept (for <c>--list-files</c>).</summary>
    public string Reason => $"excluded by the include/exclude globs of {_source ?? "the configuration"}";

    /// <summary>Whether a walked file is kept.</summary>
    public bool Keeps(string fullPath)
    {
        if (_matches is null)
        {
            return true;
        }

        var relative = RelativePath(_workspace, _root, fullPath);
        return relative is null || _matches(relative);
    }

    /// <summary>A path relative to a directory with '/' separators; null when it is not below the directory.</summary>
    public static string? RelativePath(Workspace workspace, string directory, string fullPath)
    {
        var relative = workspace.FileSystem.Path.GetRelativePath(directory, fullPath).Replace('\\', '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || workspace.FileSystem.Path.IsPathRooted(relative) ? null : relative;
    }
}
