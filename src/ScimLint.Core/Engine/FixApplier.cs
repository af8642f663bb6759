using System.IO.Abstractions;
using System.Text;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>What <c>--fix</c> changed.</summary>
/// <param name="Fixes">The findings whose fix was applied.</param>
/// <param name="Files">The files rewritten, as display paths.</param>
/// <param name="Skipped">Files left alone, with why (not named, a link, changed since the lint, not UTF-8 any more).</param>
public sealed record FixOutcome(int Fixes, IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// Applies the machine-applicable fixes of a lint result. Only the exact spans of the fixes change: the rest of each
/// file, its line endings and its byte order mark stay as they were. A fix never writes a token: the engine drops any
/// fix whose text would contain one.
/// <para>
/// What it may write: only files named on the command line, or found under a directory named there. A fix that
/// belongs to another file (SL105 reports on the JumpCloud export when only <c>strongdm.yaml</c> was named) is shown,
/// not applied. A file that is a symbolic link, or that is reached through a linked directory at or below the named
/// path, is never written.
/// </para>
/// <para>
/// How: in place. The file is opened once for reading and writing, its content is compared with what was linted, and
/// only then is it overwritten through the same handle and truncated to the new length. The file keeps its inode, so
/// its mode, owner, ACLs and hard links stay as they were (a rename of a temporary file would give it the writer's
/// owner and umask, and split a hard link). The price: the write of these few kilobytes is not atomic.
/// </para>
/// </summary>
internal static class FixApplier
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Applies every fix in <paramref name="result"/> that belongs to a file named in <paramref name="named"/> (files
    /// or directories, relative to <paramref name="workingDirectory"/>; empty or null means the working directory).
    /// </summary>
    public static FixOutcome Apply(IFileSystem fs, string workingDirectory, LintResult result, IReadOnlyList<string>? named = null)
    {
        var roots = (named is null || named.Count == 0 ? ["."] : named).Select(p => fs.Path.GetFullPath(p, workingDirectory)).ToList();
        var files = new List<string>();
        var skipped = new List<string>();
        var applied = 0;
        foreach (var group in result.Findings.Where(f => f.Fix is { Replacements.Count: > 0 }).GroupBy(f => f.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var full = fs.Path.GetFullPath(group.Key, workingDirectory);
            if (!result.Sources.TryGetValue(group.Key, out var source) || !fs.File.Exists(full))
            {
                skipped.Add($"{group.Key}: not found");
                continue;
            }

            var root = roots.FirstOrDefault(r => IsWithin(fs, full, r));
            if (root is null)
            {
                skipped.Add($"{group.Key}: not named on the command line; its fix is shown, not applied");
                continue;
            }

            if (ThroughLink(fs, full, root))
            {
                skipped.Add($"{group.Key}: a symbolic link, or inside a linked directory; fixes are never written through links");
                continue;
            }

            var (replacements, count) = Choose(group);
            var problem = Rewrite(fs, full, source.Text, replacements);
            if (problem is not null)
            {
                skipped.Add($"{group.Key}: {problem}");
                continue;
            }

            applied += count;
            files.Add(group.Key);
        }

        return new FixOutcome(applied, files, skipped);
    }

    /// <summary>
    /// The text of one document (read from stdin) with its fixes applied, and how many findings they fix; null text
    /// when none applies. Nothing is written.
    /// </summary>
    public static (string? Text, int Fixes) FixText(LintResult result, string displayPath)
    {
        var findings = result.Findings.Where(f => f.Fix is { Replacements.Count: > 0 } && string.Equals(f.Path, displayPath, StringComparison.Ordinal)).ToList();
        if (findings.Count == 0 || !result.Sources.TryGetValue(displayPath, out var source))
        {
            return (null, 0);
        }

        var (replacements, count) = Choose(findings);
        return (Fix.Apply(source.Text, replacements), count);
    }

    /// <summary>
    /// The replacements to apply to one file, and how many findings they fix. Identical replacements from several
    /// findings (SL104 and SL105 on one URL) count once; overlapping different ones keep the first in source order and
    /// leave the rest for the next run.
    /// </summary>
    private static (List<Replacement> Replacements, int Fixed) Choose(IEnumerable<Finding> findings)
    {
        var replacements = new List<Replacement>();
        var applied = 0;
        foreach (var finding in findings.OrderBy(f => f.Span.StartOffset))
        {
            var fix = finding.Fix!;
            if (fix.Replacements.All(r => replacements.Contains(r)))
            {
                applied++;
                continue;
            }

            if (fix.Replacements.Any(r => replacements.Any(o => r.Span.StartOffset < o.Span.EndOffset && o.Span.StartOffset < r.Span.EndOffset)))
            {
                continue;
            }

            replacements.AddRange(fix.Replacements);
            applied++;
        }

        return (replacements, applied);
    }

    /// <summary>Verifies and rewrites one file in place through one handle; returns why it was left alone, or null.</summary>
    private static string? Rewrite(IFileSystem fs, string full, string linted, List<Replacement> replacements)
    {
        try
        {
            using var stream = fs.FileStream.New(full, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            string text;
            try
            {
                text = Strict.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            }
            catch (DecoderFallbackException)
            {
                return "not valid UTF-8";
            }

            if (!string.Equals(text, linted, StringComparison.Ordinal))
            {
                return "changed since it was linted";
            }

            var encoded = Encoding.UTF8.GetBytes(Fix.Apply(text, replacements));
            byte[] updated = bom ? [0xEF, 0xBB, 0xBF, .. encoded] : encoded;
            stream.Position = 0;
            stream.Write(updated);
            stream.SetLength(updated.Length);
            stream.Flush(flushToDisk: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LintUsageException($"{full}: cannot write: {ex.Message}");
        }
    }

    /// <summary>Whether the file, or a directory between it and the named <paramref name="root"/> (inclusive), is a link.</summary>
    private static bool ThroughLink(IFileSystem fs, string full, string root)
    {
        if (IsLink(fs.FileInfo.New(full)))
        {
            return true;
        }

        var dir = fs.Path.GetDirectoryName(full);
        while (dir is not null && IsWithin(fs, dir, root))
        {
            if (IsLink(fs.DirectoryInfo.New(dir)))
            {
                return true;
            }

            if (string.Equals(dir, root, StringComparison.Ordinal))
            {
                break;
            }

            dir = fs.Path.GetDirectoryName(dir);
        }

        return false;
    }

    private static bool IsLink(IFileSystemInfo info)
    {
        try
        {
            return info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="ancestor"/> or below it (/repo2 is not in /repo).</summary>
    private static bool IsWithin(IFileSystem fs, string path, string ancestor)
    {
        var separator = fs.Path.DirectorySeparatorChar;
        var trimmed = ancestor.Length > 1 ? ancestor.TrimEnd(separator) : ancestor;
        var prefix = trimmed.EndsWith(separator) ? trimmed : trimmed + separator;
        return string.Equals(path, trimmed, StringComparison.Ordinal) || path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
