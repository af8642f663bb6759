namespace ScimLint.Engine;

/// <summary>
/// One input of a run: a file, and whether the user named it (rather than it being found by a walk). A class: lists of
/// it share the framework's precompiled code, so a ReadyToRun build does not JIT-compile them at start-up.
/// </summary>
internal sealed record InputFile(string FullPath, bool Explicit);

/// <summary>
/// Stage 1, input discovery: turns the paths of a request into files. Named files are always inputs; directories are
/// walked in a stable order, skipping hidden, dependency and build-output directories and never following links.
/// Whether a walked file can be ours is <see cref="OwnershipCheck"/>'s job. The configuration's <c>include</c> and
/// <c>exclude</c> globs (<see cref="WalkFilter"/>) narrow every walk, the counterpart search of pairing included.
/// </summary>
internal sealed class InputDiscovery(Workspace workspace, WalkFilter? filter = null)
{
    private static readonly HashSet<string> SkippedDirectoryNames = new(StringComparer.Ordinal) { "node_modules", "bin", "obj", "TestResults" };

    /// <summary>The file links the inputs held that <see cref="LinkPolicy"/> does not follow, with why (for SL004 notes).</summary>
    public List<SkippedPath> SkippedLinks { get; } = [];

    /// <summary>The walked files the configuration's include/exclude globs left out, with why (for <c>--list-files</c>).</summary>
    public List<SkippedPath> Excluded { get; } = [];

    /// <summary>The directories the walks of the inputs did not enter, with why (for <c>--list-files</c>; <c>.git</c> left out).</summary>
    public List<SkippedPath> SkippedDirectories { get; } = [];

    /// <summary>The files of a request, each once, in argument then walk order. Throws <see cref="LintUsageException"/> for a missing path.</summary>
    public List<InputFile> Resolve(IReadOnlyList<string> paths)
    {
        var fs = workspace.FileSystem;
        var result = new List<InputFile>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = path == "-" && workspace.Stdin is { } stdin ? stdin.FullPath : workspace.Resolve(path);
            if (workspace.IsStdin(full))
            {
                if (seen.TryAdd(full, result.Count))
                {
                    result.Add(new InputFile(full, true));
                }
            }
            else if (!fs.Directory.Exists(full) && LinkPolicy.Refusal(workspace, full) is { } refusal)
            {
                SkippedLinks.Add(new(full, refusal));
            }
            else if (fs.File.Exists(full))
            {
                if (seen.TryGetValue(full, out var index))
                {
                    // Named after its directory was walked ('scimlint . notes.yaml'): it is still named.
                    result[index] = new InputFile(full, true);
                }
                else
                {
                    seen.Add(full, result.Count);
                    result.Add(new InputFile(full, true));
                }
            }
            else if (fs.Directory.Exists(full))
            {
                foreach (var file in Walk(full, int.MaxValue, SkippedLinks, SkippedDirectories).Where(f => seen.TryAdd(f, result.Count)))
                {
                    result.Add(new InputFile(file, false));
                }
            }
            else
            {
                throw new LintUsageException($"{path}: no such file or directory");
            }
        }

        return result;
    }

    /// <summary>The supported files below a directory, depth first in ordinal order, at most <paramref name="maxFiles"/>.</summary>
    public IEnumerable<string> Walk(string directory, int maxFiles, List<SkippedPath>? skippedLinks = null, List<SkippedPath>? skippedDirectories = null)
    {
        var fs = workspace.FileSystem;
        var stack = new Stack<string>();
        stack.Push(directory);
        var count = 0;
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            var (files, dirs) = List(dir);
            foreach (var file in files.Where(Loading.DocumentLoader.IsSupportedExtension).Order(StringComparer.Ordinal))
            {
                if (filter is not null && !filter.Keeps(file))
                {
                    // Listed (--list-files) for the walks of the inputs; the counterpart search passes no lists.
                    if (skippedLinks is not null)
                    {
                        Excluded.Add(new(file, filter.Reason));
                    }

                    continue;
                }

                if (LinkPolicy.Refusal(workspace, file) is { } refusal)
                {
                    skippedLinks?.Add(new(file, refusal));
                    continue;
                }

                if (++count > maxFiles)
                {
                    yield break;
                }

                yield return file;
            }

            foreach (var sub in dirs.OrderDescending(StringComparer.Ordinal))
            {
                if (WhyNotWalked(sub) is not { } reason)
                {
                    stack.Push(sub);
                }
                else if (fs.Path.GetFileName(sub) != ".git")
                {
                    skippedDirectories?.Add(new(sub, reason));
                }
            }
        }
    }

    /// <summary>Null when a walk enters the directory; otherwise why not.</summary>
    private string? WhyNotWalked(string directory)
    {
        var name = workspace.FileSystem.Path.GetFileName(directory);
        if (name.StartsWith('.'))
        {
            return "hidden directory (name it to lint it)";
        }

        if (SkippedDirectoryNames.Contains(name))
        {
            return "dependency or build-output directory";
        }

        return IsLink(directory) ? "directory link, not followed (name it to lint it)" : null;
    }

    private (string[] Files, string[] Directories) List(string dir)
    {
        try
        {
            return (workspace.Files(dir), workspace.Directories(dir));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LintUsageException($"{workspace.Display(dir)}: cannot read directory: {ex.Message}");
        }
    }

    /// <summary>
    /// Whether a directory is a symbolic link (or junction). The walk does not follow them: a link to '.' or '..'
    /// would loop, and one to '/' would walk the whole disk. A linked directory can still be named explicitly.
    /// </summary>
    private bool IsLink(string directory) =>
        (bool)workspace.Memo.Remember(workspace.Memo.DirectoryLinks, directory, workspace, static (w, d) => FileSystemMemo.Box(IsLink(w, d)));

    private static bool IsLink(Workspace workspace, string directory)
    {
        try
        {
            var info = workspace.FileSystem.DirectoryInfo.New(directory);
            return info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
