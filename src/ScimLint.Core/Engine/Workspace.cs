using System.IO.Abstractions;

namespace ScimLint.Engine;

/// <summary>The document read from stdin: where it is taken to be, its bytes and the format to read it as.</summary>
internal sealed record StdinFile(string FullPath, byte[] Bytes, Documents.DocumentFormat Format);

/// <summary>
/// The file system and working directory of a run, and the one definition of "the repository": the nearest ancestor
/// directory holding <c>.git</c>. Configuration discovery and pairing both stop there.
/// </summary>
internal sealed class Workspace
{
    /// <summary>Creates a workspace rooted at a working directory.</summary>
    public Workspace(IFileSystem fileSystem, string workingDirectory)
        : this(fileSystem, fileSystem.Path.GetFullPath(workingDirectory), FileSystemMemo.None)
    {
    }

    private Workspace(IFileSystem fileSystem, string fullWorkingDirectory, FileSystemMemo memo)
    {
        FileSystem = fileSystem;
        WorkingDirectory = fullWorkingDirectory;
        Memo = memo;
    }

    /// <summary>The file system.</summary>
    public IFileSystem FileSystem { get; }

    /// <summary>The document read from stdin for this run (<c>-</c> as a path), which shadows a file of its name; null: none.</summary>
    public StdinFile? Stdin { get; private init; }

    /// <summary>
    /// What this run has learnt of the file system (<see cref="FileSystemMemo"/>); a workspace made by the constructor
    /// remembers nothing, one made by <see cref="For"/> remembers for its run.
    /// </summary>
    public FileSystemMemo Memo { get; }

    /// <summary>The workspace of one run, with the document read from stdin (if any) and a memo of its own.</summary>
    public Workspace For(StdinFile? stdin) => new(FileSystem, WorkingDirectory, FileSystemMemo.ForRun()) { Stdin = stdin };

    /// <summary>Whether a full path is the document read from stdin.</summary>
    public bool IsStdin(string fullPath) => Stdin is { } stdin && string.Equals(stdin.FullPath, fullPath, StringComparison.Ordinal);

    /// <summary>The files of a directory, with the stdin document when it is named as if it were there.</summary>
    public string[] FilesIn(string directory)
    {
        var files = Files(directory);
        return Stdin is { } stdin && string.Equals(FileSystem.Path.GetDirectoryName(stdin.FullPath), directory, StringComparison.Ordinal) && !files.Contains(stdin.FullPath, StringComparer.Ordinal)
            ? [.. files, stdin.FullPath]
            : files;
    }

    /// <summary>The files of a directory (once per run: see <see cref="Memo"/>). Callers must not change the array.</summary>
    public string[] Files(string directory) =>
        Memo.Remember(Memo.Files, directory, this, static (w, d) => w.ListOnce(d, files: true));

    /// <summary>The subdirectories of a directory (once per run). Callers must not change the array.</summary>
    public string[] Directories(string directory) =>
        Memo.Remember(Memo.Directories, directory, this, static (w, d) => w.ListOnce(d, files: false));

    // Directory.GetFiles and GetDirectories each read the directory. A run on the real file system reads it once for
    // both and remembers the half not asked for yet (the walk asks for both; pairing and sidecars for the files).
    private string[] ListOnce(string directory, bool files)
    {
        if (!Memo.Remembers || FileSystem is not System.IO.Abstractions.FileSystem)
        {
            return files ? FileSystem.Directory.GetFiles(directory) : FileSystem.Directory.GetDirectories(directory);
        }

        var (fileList, directoryList) = FileSystemMemo.List(directory);
        if (files)
        {
            Memo.Directories.TryAdd(directory, directoryList);
            return fileList;
        }

        Memo.Files.TryAdd(directory, fileList);
        return directoryList;
    }

    /// <summary>The full path of the working directory.</summary>
    public string WorkingDirectory { get; }

    /// <summary>A path made absolute against the working directory.</summary>
    public string Resolve(string path) => FileSystem.Path.GetFullPath(path, WorkingDirectory);

    /// <summary>The display path of a file: relative to the working directory, with forward slashes.</summary>
    public string Display(string fullPath) => FileSystem.Path.GetRelativePath(WorkingDirectory, fullPath).Replace('\\', '/');

    /// <summary>
    /// A directory and its ancestors, nearest first, up to and including the repository root (the first that holds
    /// <c>.git</c>), or up to the file system root when there is none.
    /// </summary>
    public IEnumerable<string> UpToRepositoryRoot(string directory)
    {
        for (var dir = directory; dir is not null; dir = FileSystem.Path.GetDirectoryName(dir))
        {
            yield return dir;
            if (IsRepositoryRoot(dir))
            {
                yield break;
            }
        }
    }

    /// <summary>Whether a directory holds <c>.git</c> (a directory, or a file in a git worktree).</summary>
    public bool IsRepositoryRoot(string directory) =>
        (bool)Memo.Remember(Memo.RepositoryRoots, directory, this, static (w, d) => FileSystemMemo.Box(w.HoldsGit(d)));

    private bool HoldsGit(string directory)
    {
        // A directory this run has listed holds no .git of any kind (directory, file, link) when the listing names
        // none (ignoring case, so that .GIT on a case-insensitive file system is still asked about): at 2,500 pair
        // directories that saves a failing stat and lstat for each.
        if (Memo.Files.TryGetValue(directory, out var files) && Memo.Directories.TryGetValue(directory, out var directories)
            && !Names(files, ".git") && !Names(directories, ".git"))
        {
            return false;
        }

        var git = FileSystem.Path.Combine(directory, ".git");
        return FileSystem.Directory.Exists(git) || FileSystem.File.Exists(git);
    }

    private bool Names(string[] paths, string name)
    {
        foreach (var path in paths)
        {
            if (path.EndsWith(name, StringComparison.OrdinalIgnoreCase) && string.Equals(FileSystem.Path.GetFileName(path), name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a search upwards from a file stops: the repository root, else the working directory when it contains the
    /// file, else the file's own directory.
    /// </summary>
    public string StopDirectory(string filePath) =>
        Memo.Remember(Memo.StopDirectories, FileSystem.Path.GetDirectoryName(filePath)!, this, static (w, d) => w.StopDirectoryOf(d));

    private string StopDirectoryOf(string fileDir)
    {
        var last = UpToRepositoryRoot(fileDir).Last();
        if (IsRepositoryRoot(last))
        {
            return last;
        }

        return IsWithin(fileDir, WorkingDirectory) ? WorkingDirectory : fileDir;
    }

    /// <summary>Whether a directory is <paramref name="ancestor"/> or below it (not merely a string prefix: /repo2 is not in /repo).</summary>
    public bool IsWithin(string directory, string ancestor)
    {
        var separator = FileSystem.Path.DirectorySeparatorChar;
        var prefix = ancestor.EndsWith(separator) ? ancestor : ancestor + separator;
        return string.Equals(directory, ancestor, StringComparison.Ordinal) || directory.StartsWith(prefix, StringComparison.Ordinal);
    }
}
