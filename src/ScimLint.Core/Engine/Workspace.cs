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
    {
        FileSystem = fileSystem;
        WorkingDirectory = fileSystem.Path.GetFullPath(workingDirectory);
    }

    /// <summary>The file system.</summary>
    public IFileSystem FileSystem { get; }

    /// <summary>The document read from stdin for this run (<c>-</c> as a path), which shadows a file of its name; null: none.</summary>
    public StdinFile? Stdin { get; private init; }

    /// <summary>This workspace with a document read from stdin (itself when there is none).</summary>
    public Workspace For(StdinFile? stdin) => stdin is null ? this : new Workspace(FileSystem, WorkingDirectory) { Stdin = stdin };

    /// <summary>Whether a full path is the document read from stdin.</summary>
    public bool IsStdin(string fullPath) => Stdin is { } stdin && string.Equals(stdin.FullPath, fullPath, StringComparison.Ordinal);

    /// <summary>The files of a directory, with the stdin document when it is named as if it were there.</summary>
    public string[] FilesIn(string directory)
    {
        var files = FileSystem.Directory.GetFiles(directory);
        return Stdin is { } stdin && string.Equals(FileSystem.Path.GetDirectoryName(stdin.FullPath), directory, StringComparison.Ordinal) && !files.Contains(stdin.FullPath, StringComparer.Ordinal)
            ? [.. files, stdin.FullPath]
            : files;
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
    public bool IsRepositoryRoot(string directory)
    {
        var git = FileSystem.Path.Combine(directory, ".git");
        return FileSystem.Directory.Exists(git) || FileSystem.File.Exists(git);
    }

    /// <summary>
    /// Where a search upwards from a file stops: the repository root, else the working directory when it contains the
    /// file, else the file's own directory.
    /// </summary>
    public string StopDirectory(string filePath)
    {
        var fileDir = FileSystem.Path.GetDirectoryName(filePath)!;
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
