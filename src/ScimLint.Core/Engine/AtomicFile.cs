using System.IO.Abstractions;
using System.Text;

namespace ScimLint.Engine;

/// <summary>Writes a file so that readers see the old content or the new, never half of it.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes to a temporary file beside the target, then renames it over the target.</summary>
    public static void Write(IFileSystem fs, string path, string content) => Write(fs, path, Utf8NoBom.GetBytes(content));

    /// <summary>Writes bytes to a temporary file beside the target, then renames it over the target.</summary>
    public static void Write(IFileSystem fs, string path, byte[] content)
    {
        var full = fs.Path.GetFullPath(path);
        var directory = CheckDirectory(fs, path);

        var temp = fs.Path.Combine(directory, "." + fs.Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            fs.File.WriteAllBytes(temp, content);
            fs.File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(fs, temp);
            throw new LintUsageException($"{path}: cannot write: {ex.Message}");
        }
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

    private static void TryDelete(IFileSystem fs, string path)
    {
        try
        {
            if (fs.File.Exists(path))
            {
                fs.File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temporary file is hidden and uniquely named; leaving it is better than masking the real error.
        }
    }
}
