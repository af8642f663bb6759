namespace ScimLint.Engine;

/// <summary>
/// Which file symbolic links a run reads. A link is followed only when its final target exists inside the repository
/// root (or, outside a repository, the directory the search stops at) and not inside <c>.git</c>, <c>/proc</c>,
/// <c>/dev</c> or <c>/sys</c>. The audit showed why: <c>jumpcloud-env.yaml -&gt; /proc/self/environ</c> printed the CI
/// job's environment in a code frame, and <c>jumpcloud.yaml -&gt; ../.git/config</c> printed its credentials. A link
/// that is skipped, dangling or looping is a note (SL004), never a failed run.
/// </summary>
internal static class LinkPolicy
{
    /// <summary>
    /// Null when the file may be read; otherwise why it is not (a phrase for the SL004 note). Asked of the file system
    /// once per run (<see cref="Workspace.Memo"/>): the walk, pairing and sidecars all ask it of the same files.
    /// </summary>
    public static string? Refusal(Workspace workspace, string fullPath) =>
        workspace.Memo.Remember(workspace.Memo.Refusals, fullPath, workspace, static (w, p) => Check(w, p));

    private static string? Check(Workspace workspace, string fullPath)
    {
        var fs = workspace.FileSystem;
        var info = fs.FileInfo.New(fullPath);
        try
        {
            // A missing file reports every attribute bit set, so ReparsePoint is asked only of a file that exists.
            if (info.LinkTarget is null && !(info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint)))
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // not a link we can see; the read reports what is wrong
        }

        string target;
        try
        {
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            if (final is null || !fs.File.Exists(final.FullName))
            {
                return "is a dangling symbolic link";
            }

            target = final.FullName;
        }
        catch (IOException)
        {
            return "is a symbolic link that loops";
        }
        catch (UnauthorizedAccessException)
        {
            return "is a symbolic link whose target cannot be read";
        }

        if (target.StartsWith("/proc/", StringComparison.Ordinal) || target.StartsWith("/dev/", StringComparison.Ordinal) || target.StartsWith("/sys/", StringComparison.Ordinal))
        {
            return "is a symbolic link into /proc, /dev or /sys (not followed)";
        }

        var root = workspace.StopDirectory(fullPath);
        var targetDir = fs.Path.GetDirectoryName(target) ?? target;
        if (!workspace.IsWithin(targetDir, root))
        {
            return "is a symbolic link to a file outside the repository (not followed)";
        }

        var inside = fs.Path.GetRelativePath(root, target).Replace('\\', '/');
        if (inside.Split('/').Any(part => part == ".git"))
        {
            return "is a symbolic link into .git (not followed)";
        }

        return null;
    }

    /// <summary>Whether a file may be read (see <see cref="Refusal"/>).</summary>
    public static bool MayRead(Workspace workspace, string fullPath) => Refusal(workspace, fullPath) is null;
}
