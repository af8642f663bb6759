using System.IO.Abstractions;
using System.Text;

namespace ScimLint.Engine;

/// <summary>
/// The version control facts SARIF's <c>versionControlProvenance</c> carries: the repository's URI (never with
/// credentials), the commit, and the branch when known. <see cref="MappedToWorkingDirectory"/> says whether the
/// repository root is the working directory (SARIF's <c>mappedTo</c> is then <c>%SRCROOT%</c>).
/// </summary>
public sealed partial record RepositoryInfo(string RepositoryUri, string RevisionId, string? Branch, bool MappedToWorkingDirectory)
{
    // A ref or config file larger than this is not git's: it is left unread.
    private const int MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Reads the repository of a working directory without starting git: in GitHub Actions (<c>GITHUB_ACTIONS=true</c>)
    /// from <c>GITHUB_SERVER_URL</c>, <c>GITHUB_REPOSITORY</c>, <c>GITHUB_SHA</c> and the ref variables; otherwise from
    /// the nearest <c>.git</c> (a directory, or a worktree's <c>gitdir:</c> file): <c>HEAD</c>, the loose ref or
    /// <c>packed-refs</c>, and <c>remote.origin.url</c> in <c>config</c>. Null when the URI or the commit is unknown,
    /// or the remote is a local path (an absolute path would make the report machine-dependent).
    /// </summary>
    public static RepositoryInfo? Detect(IFileSystem fileSystem, string workingDirectory, Func<string, string?> environment)
    {
        var workspace = new Workspace(fileSystem, workingDirectory);
        if (environment("GITHUB_ACTIONS") == "true")
        {
            return FromActions(workspace, environment);
        }

        var root = workspace.UpToRepositoryRoot(workspace.WorkingDirectory).Last();
        if (!workspace.IsRepositoryRoot(root))
        {
            return null;
        }

        try
        {
            return FromGitDirectory(fileSystem, root, root == workspace.WorkingDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A remote URL as a URI without credentials: user information, query and fragment are dropped
    /// (<c>https://user:token@host/org/repo.git</c> becomes <c>https://host/org/repo.git</c>) and an scp-like
    /// <c>git@host:org/repo.git</c> becomes <c>ssh://host/org/repo.git</c>. Null for a local path or anything else.
    /// </summary>
    public static string? SafeUri(string? url)
    {
        url = url?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        if (!url.Contains("://", StringComparison.Ordinal))
        {
            // scp-like [user[:password]@]host:path; a one-letter "host" is a Windows drive.
            var slash = url.IndexOf('/', StringComparison.Ordinal);
            var at = url.LastIndexOf('@', slash < 0 ? url.Length - 1 : slash);
            var rest = url[(at + 1)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 1 || rest[..colon].Contains('/', StringComparison.Ordinal) || rest[..colon].Contains('\\', StringComparison.Ordinal))
            {
                return null;
            }

            url = $"ssh://{rest[..colon]}/{rest[(colon + 1)..].TrimStart('/')}";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh" or "git") || uri.Host.Length == 0)
        {
            return null;
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{uri.Scheme}://{uri.IdnHost}{port}{uri.AbsolutePath}";
    }

    private static RepositoryInfo? FromActions(Workspace workspace, Func<string, string?> environment)
    {
        var server = SafeUri(environment("GITHUB_SERVER_URL") is { Length: > 0 } s ? s : "https://github.com");
        var repository = environment("GITHUB_REPOSITORY");
        var sha = environment("GITHUB_SHA");
        if (server is null || repository is null || !OwnerAndName().IsMatch(repository) || !IsObjectId(sha))
        {
            return null;
        }

        var branch = environment("GITHUB_HEAD_REF") is { Length: > 0 } head ? head
            : environment("GITHUB_REF") is { } gitRef && gitRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? gitRef["refs/heads/".Length..]
            : null;
        var checkout = environment("GITHUB_WORKSPACE");
        var mapped = !string.IsNullOrEmpty(checkout) && workspace.Resolve(checkout) == workspace.WorkingDirectory;
        return new RepositoryInfo($"{server.TrimEnd('/')}/{repository}", sha!, branch, mapped);
    }

    private static RepositoryInfo? FromGitDirectory(IFileSystem fs, string root, bool mapped)
    {
        var gitDir = fs.Path.Combine(root, ".git");
        if (fs.File.Exists(gitDir))
        {
            // A worktree or submodule: ".git" is a file "gitdir: PATH".
            var line = ReadSmall(fs, gitDir)?.Split('\n')[0].Trim() ?? string.Empty;
            if (!line.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                return null;
            }

            gitDir = fs.Path.GetFullPath(line["gitdir:".Length..].Trim(), root);
        }

        var commonDir = ReadSmall(fs, fs.Path.Combine(gitDir, "commondir")) is { } common
            ? fs.Path.GetFullPath(common.Trim(), gitDir)
            : gitDir;
        var head = ReadSmall(fs, fs.Path.Combine(gitDir, "HEAD"))?.Trim();
        if (head is null)
        {
            return null;
        }

        string? branch = null;
        var revision = head;
        if (head.StartsWith("ref:", StringComparison.Ordinal))
        {
            var name = head["ref:".Length..].Trim();
            branch = name.StartsWith("refs/heads/", StringComparison.Ordinal) ? name["refs/heads/".Length..] : null;
            revision = ResolveRef(fs, gitDir, commonDir, name);
        }

        var uri = SafeUri(RemoteOriginUrl(ReadSmall(fs, fs.Path.Combine(commonDir, "config"))));
        return uri is not null && IsObjectId(revision) ? new RepositoryInfo(uri, revision!, branch, mapped) : null;
    }

    private static string? ResolveRef(IFileSystem fs, string gitDir, string commonDir, string name)
    {
        if (name.Contains("..", StringComparison.Ordinal) || !name.StartsWith("refs/", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var dir in new[] { gitDir, commonDir })
        {
            if (ReadSmall(fs, fs.Path.Combine(dir, name.Replace('/', fs.Path.DirectorySeparatorChar)))?.Trim() is { } loose)
            {
                return loose;
            }
        }

        var packed = ReadSmall(fs, fs.Path.Combine(commonDir, "packed-refs"));
        foreach (var line in packed?.Split('\n') ?? [])
        {
            var parts = line.Trim().Split(' ');
            if (parts.Length == 2 && parts[1] == name)
            {
                return parts[0];
            }
        }

        return null;
    }

    /// <summary>The <c>url</c> of <c>[remote "origin"]</c> in a git config file (the last one wins, as in git).</summary>
    private static string? RemoteOriginUrl(string? config)
    {
        string? url = null;
        var inOrigin = false;
        foreach (var raw in config?.Split('\n') ?? [])
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                var section = line.TrimStart('[').Split(']')[0].Trim();
                inOrigin = section.StartsWith("remote", StringComparison.OrdinalIgnoreCase) && section[6..].Trim() == "\"origin\"";
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (inOrigin && equals > 0 && line[..equals].Trim().Equals("url", StringComparison.OrdinalIgnoreCase))
            {
                url = line[(equals + 1)..].Trim().Trim('"');
            }
        }

        return url;
    }

    private static bool IsObjectId(string? value) =>
        value is { Length: 40 or 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial System.Text.RegularExpressions.Regex OwnerAndName();

    // Only regular files: a FIFO named HEAD would block the run, a link into /proc would read the process.
    private static string? ReadSmall(IFileSystem fs, string path)
    {
        if (FileKinds.Of(fs, path) != FileKind.Regular || fs.FileInfo.New(path).Length > MaxFileBytes)
        {
            return null;
        }

        return Encoding.UTF8.GetString(fs.File.ReadAllBytes(path)).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
