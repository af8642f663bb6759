using Microsoft.Extensions.FileSystemGlobbing;
using ScimLint.Configuration;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>The configuration's <c>ignore:</c> entries, matched against findings by rule, file glob and JSON Pointer.</summary>
internal sealed class ConfigIgnores(ScimLintConfig config, Workspace workspace)
{
    private readonly string _root = config.Directory ?? workspace.WorkingDirectory;
    private readonly Dictionary<string, string?> _relative = new(StringComparer.Ordinal);
    // Delegates, not Matchers: a run without ignore entries never loads Microsoft.Extensions.FileSystemGlobbing.
    private readonly Dictionary<string, Func<string, bool>> _globs = new(StringComparer.Ordinal);

    /// <summary>Whether there are any entries.</summary>
    public bool Any => config.Ignores.Count > 0;

    /// <summary>
    /// The entries that cover a finding: the first one still in force, else the first expired one (so the finding can
    /// say its ignore expired); both null when none covers it.
    /// </summary>
    public (IgnoreEntry? Active, IgnoreEntry? Expired) Match(Finding finding, DateOnly today)
    {
        if (!_relative.TryGetValue(finding.Path, out var relative))
        {
            relative = WalkFilter.RelativePath(workspace, _root, workspace.Resolve(finding.Path));
            _relative[finding.Path] = relative;
        }

        if (relative is null)
        {
            return (null, null);
        }

        IgnoreEntry? expired = null;
        foreach (var entry in config.Ignores.Where(e => e.Names(finding.Rule, finding.LogicalPath) && Glob(e.Path)(relative)))
        {
            if (entry.Until is not { } until || until >= today)
            {
                return (entry, null);
            }

            expired ??= entry;
        }

        return (null, expired);
    }

    private Func<string, bool> Glob(string glob)
    {
        if (!_globs.TryGetValue(glob, out var matches))
        {
            matches = Build(glob);
            _globs[glob] = matches;
        }

        return matches;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Func<string, bool> Build(string glob)
    {
        var matcher = new Matcher(StringComparison.Ordinal).AddInclude(glob);
        return relative => matcher.Match(relative).HasMatches;
    }
}
