using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Abstractions;
using System.Text;

namespace ScimLint.Engine;

/// <summary>
/// Writes report files so that readers see the old content or the new, never half of it: each goes to a hidden
/// temporary file beside its target, which is then renamed over it. Several files (<c>--output</c> and
/// <c>--sarif</c>) are replaced as a pair as far as a file system allows: every temporary file is written completely
/// before the first rename, so a full disk or a missing permission leaves all targets as they were.
/// <para>
/// Temporary files are removed on every exit path: on an exception, at process exit (SIGTERM, Ctrl+C), and, for a
/// run killed outright (SIGKILL), by the next write beside the same target: their names carry the writer's process
/// id, and a temporary file whose process is gone is deleted.
/// </para>
/// <para>
/// A target that is not a regular file (a FIFO, <c>/dev/stdout</c>, a terminal, anything under <c>/dev</c> or
/// <c>/proc</c>) is written directly and never renamed over. A symbolic link to a regular file stays a link: the
/// file it points at is replaced.
/// </para>
/// </summary>
internal static class AtomicFile
{
    private const string TempMarker = ".scimlint-";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Temporary files not yet renamed, deleted at process exit if a signal ends the run between write and rename.
    private static readonly ConcurrentDictionary<string, IFileSystem> Pending = new(StringComparer.Ordinal);

    static AtomicFile()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeletePending();
    }

    /// <summary>Writes text (UTF-8, no byte order mark).</summary>
    public static void Write(IFileSystem fs, string path, string content) => Write(fs, path, Utf8NoBom.GetBytes(content));

    /// <summary>Writes bytes.</summary>
    public static void Write(IFileSystem fs, string path, byte[] content) => WriteAll(fs, [(path, content)]);

    /// <summary>Writes text files as a set (see the class remarks).</summary>
    public static void WriteAll(IFileSystem fs, IReadOnlyList<(string Path, string Content)> files) =>
        WriteAll(fs, [.. files.Select(f => (f.Path, Utf8NoBom.GetBytes(f.Content)))]);

    /// <summary>Writes files as a set: every temporary file first, then the direct writes, then the renames.</summary>
    public static void WriteAll(IFileSystem fs, IReadOnlyList<(string Path, byte[] Content)> files)
    {
        var staged = new List<(string Display, string Temp, string Target)>();
        var direct = new List<(string Display, string Target, byte[] Content)>();
        string current = files.Count > 0 ? files[0].Path : string.Empty;
        try
        {
            foreach (var (path, content) in files)
            {
                current = path;
                var full = fs.Path.GetFullPath(path);
                switch (FileKinds.Of(fs, full))
                {
                    case FileKind.Special:
                        direct.Add((path, full, content));
                        continue;
                    case FileKind.Directory:
                        throw new LintUsageException($"{path}: is a directory");
                }

                Stage(fs, path, full, content, staged);
            }

            foreach (var (display, target, content) in direct)
            {
                current = display;
                using var stream = fs.FileStream.New(target, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                stream.Write(content);
            }

            foreach (var (display, temp, target) in staged)
            {
                current = display;
                fs.File.Move(temp, target, overwrite: true);
                Pending.TryRemove(temp, out _);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new LintUsageException($"{current}: cannot write: {ex.Message}");
        }
        finally
        {
            foreach (var (_, temp, _) in staged)
            {
                if (Pending.TryRemove(temp, out _))
                {
                    TryDelete(fs, temp);
                }
            }
        }
    }

    /// <summary>Writes one file's temporary file beside its target (a link to a regular file stays a link: its target is replaced).</summary>
    private static void Stage(IFileSystem fs, string path, string full, byte[] content, List<(string Display, string Temp, string Target)> staged)
    {
        var target = FileKinds.FinalTarget(fs, full);
        var directory = CheckDirectory(fs, target);
        var name = fs.Path.GetFileName(target);
        RemoveStale(fs, directory, name);
        var temp = fs.Path.Combine(directory, "." + name + TempMarker + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        Pending[temp] = fs;
        staged.Add((path, temp, target));
        fs.File.WriteAllBytes(temp, content);
    }

    /// <summary>
    /// Throws <see cref="LintUsageException"/> when the directory that would hold <paramref name="path"/> does not exist,
    /// so that a run with several outputs can fail before it writes any of them. Returns the directory.
    /// </summary>
    public static string CheckDirectory(IFileSystem fs, string path)
    {
        var directory = fs.Path.GetDirectoryName(fs.Path.GetFullPath(path)) ?? ".";
        if (!fs.Directory.Exists(directory))
        {
            throw new LintUsageException($"{path}: directory {directory} does not exist");
        }

        return directory;
    }

    /// <summary>
    /// Deletes the temporary files a killed run left for <paramref name="name"/> in <paramref name="directory"/>: ours
    /// whose process is gone, and the older pid-less form (<c>.name.0123abcd.tmp</c>) once it is a minute old.
    /// </summary>
    internal static int RemoveStale(IFileSystem fs, string directory, string name)
    {
        var removed = 0;
        string[] candidates;
        try
        {
            candidates = fs.Directory.GetFiles(directory, "." + name + ".*.tmp");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        var prefix = "." + name + ".";
        foreach (var candidate in candidates)
        {
            var middle = fs.Path.GetFileName(candidate)[prefix.Length..^".tmp".Length];
            bool stale;
            if (middle.StartsWith(TempMarker[1..], StringComparison.Ordinal))
            {
                var pidText = middle[(TempMarker.Length - 1)..].Split('-')[0];
                stale = int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Pending.ContainsKey(candidate) && !IsRunning(pid);
            }
            else
            {
                stale = middle.Length == 8 && middle.All(char.IsAsciiHexDigitLower) && Age(fs, candidate) > TimeSpan.FromMinutes(1);
            }

            if (stale && TryDelete(fs, candidate))
            {
                removed++;
            }
        }

        return removed;
    }

    private static TimeSpan Age(IFileSystem fs, string path)
    {
        try
        {
            return DateTime.UtcNow - fs.File.GetLastWriteTimeUtc(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero;
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private static void DeletePending()
    {
        foreach (var (temp, fs) in Pending)
        {
            if (Pending.TryRemove(temp, out _))
            {
                TryDelete(fs, temp);
            }
        }
    }

    private static bool TryDelete(IFileSystem fs, string path)
    {
        try
        {
            if (fs.File.Exists(path))
            {
                fs.File.Delete(path);
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temporary file is hidden and names its process; the next run removes it.
        }

        return false;
    }
}
