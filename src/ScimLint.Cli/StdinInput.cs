using ScimLint.Engine;

namespace ScimLint.Cli;

/// <summary>
/// <c>-</c> as a path: one document read from stdin, named by <c>--stdin-filename</c> (for messages, pairing and the
/// loader) or <c>&lt;stdin&gt;</c>. <c>--stdin-filename</c> without a path implies <c>-</c>, as in ruff.
/// </summary>
internal static class StdinInput
{
    /// <summary>The paths to lint and the document read from stdin (null when no path is <c>-</c>). Throws <see cref="LintUsageException"/>.</summary>
    public static (IReadOnlyList<string> Paths, StdinDocument? Document) Resolve(CheckOptions options, CliEnvironment env)
    {
        var paths = options.Paths;
        if (options.StdinFilename is not null && !paths.Contains("-"))
        {
            if (paths.Count > 0)
            {
                throw new LintUsageException("--stdin-filename names the document read from stdin: pass '-' as the only path (or no path)");
            }

            paths = ["-"];
        }

        if (!paths.Contains("-"))
        {
            return (paths, null);
        }

        if (paths.Count > 1)
        {
            throw new LintUsageException("'-' reads one document from stdin; it cannot be combined with other paths or a second '-'");
        }

        if (options.StdinFilename is { } name && (name.Trim().Length == 0 || name == "-"))
        {
            throw new LintUsageException($"--stdin-filename needs a file name such as provisioning/jumpcloud.yaml, not '{name}'");
        }

        return (paths, new StdinDocument(options.StdinFilename, Read(env)));
    }

    /// <summary>
    /// Reads stdin to its end, at most one byte more than the loader's size limit (a larger document is then reported as
    /// too large, without being held in memory).
    /// </summary>
    private static byte[] Read(CliEnvironment env)
    {
        var limit = Loading.LoadLimits.Default.MaxFileBytes + 1;
        try
        {
            using var stream = env.OpenStdin();
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            throw new LintUsageException($"cannot read stdin: {ex.Message}");
        }
    }
}
