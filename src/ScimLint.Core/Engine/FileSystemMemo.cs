using System.Collections.Concurrent;
using System.IO.Enumeration;

namespace ScimLint.Engine;

/// <summary>
/// One lint run's view of the file system: the answers to the questions a run asks of a directory or a file again and
/// again (its listing, whether it is a link and whether the link policy lets it be read, whether it holds <c>.git</c>),
/// each asked of the file system once. The walk, pairing, sidecars and the C# companions of a run all list the same
/// directories and check the same files; at 2,500 pair directories a run listed each directory seven times and checked
/// each file for a link four times.
/// </summary>
/// <remarks>
/// A memo lives for one run only (<see cref="Workspace.For"/>): a run after <c>--fix</c> wrote files, or a library
/// user's second run on the same engine, sees the file system afresh. Nothing a run does changes what it lists or
/// checks; it writes only after it has linted. Failures are not remembered: asking again throws again. The document
/// phase asks from several threads at once, so the tables are concurrent; two threads that ask the same question at
/// once both ask the file system and store the same answer.
/// </remarks>
internal sealed class FileSystemMemo
{
    // What Directory.GetFiles and GetDirectories list with: every entry, hidden ones included, errors thrown.
    private static readonly EnumerationOptions AsDirectoryGetFiles = new() { MatchType = MatchType.Win32, AttributesToSkip = 0, IgnoreInaccessible = false };

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>A yes/no answer as the tables of yes/no answers hold it (one box each, not one per entry).</summary>
    public static object Box(bool answer) => answer ? BoxedTrue : BoxedFalse;

    private readonly bool _remembers;

    private FileSystemMemo(bool remembers) => _remembers = remembers;

    /// <summary>Whether this memo remembers (false: <see cref="None"/>).</summary>
    public bool Remembers => _remembers;

    /// <summary>A memo that remembers nothing: every question goes to the file system (a workspace outside a run).</summary>
    public static FileSystemMemo None { get; } = new(remembers: false);

    /// <summary>A new, empty memo for one run.</summary>
    public static FileSystemMemo ForRun() => new(remembers: true);

    /// <summary>The files of a directory (<c>Directory.GetFiles</c>), by directory.</summary>
    public ConcurrentDictionary<string, string[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>The subdirectories of a directory (<c>Directory.GetDirectories</c>), by directory.</summary>
    public ConcurrentDictionary<string, string[]> Directories { get; } = new(StringComparer.Ordinal);

    /// <summary>Why <see cref="LinkPolicy"/> refuses a file (null: it may be read), by full path.</summary>
    public ConcurrentDictionary<string, string?> Refusals { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a directory is a symbolic link or junction (a boxed bool: <see cref="Box"/>), by directory.</summary>
    public ConcurrentDictionary<string, object> DirectoryLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a directory holds <c>.git</c> (a boxed bool: <see cref="Box"/>), by directory.</summary>
    public ConcurrentDictionary<string, object> RepositoryRoots { get; } = new(StringComparer.Ordinal);

    /// <summary>Where a search upwards from a file in a directory stops (<see cref="Workspace.StopDirectory"/>), by the file's directory.</summary>
    public ConcurrentDictionary<string, string> StopDirectories { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// What <c>Directory.GetFiles</c> and <c>Directory.GetDirectories</c> return for a directory of the real file
    /// system, from one read of it: the same enumeration, the same test for a directory (a link to one counts), the
    /// same paths (the directory as given, joined with each name).
    /// </summary>
    public static (string[] Files, string[] Directories) List(string directory)
    {
        var directories = new List<string>();
        var files = new FileSystemEnumerable<string>(directory, static (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(), AsDirectoryGetFiles)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
            {
                if (!entry.IsDirectory)
                {
                    return true;
                }

                directories.Add(entry.ToSpecifiedFullPath());
                return false;
            },
        };
        string[] fileList = [.. files];
        return (fileList, [.. directories]);
    }

    /// <summary>
    /// The answer of <paramref name="ask"/> for <paramref name="key"/>: remembered in <paramref name="table"/> from the
    /// first time it was asked this run, else asked now (and remembered, unless it threw).
    /// </summary>
    public TValue Remember<TValue>(ConcurrentDictionary<string, TValue> table, string key, Workspace workspace, Func<Workspace, string, TValue> ask)
    {
        if (_remembers && table.TryGetValue(key, out var known))
        {
            return known;
        }

        var answer = ask(workspace, key);
        if (_remembers)
        {
            table[key] = answer;
        }

        return answer;
    }
}
