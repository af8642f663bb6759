using System.IO.Abstractions;
using System.Text;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>What <c>--fix</c> changed.</summary>
/// <param name="Fixes">The findings whose fix was applied.</param>
/// <param name="Files">The files rewritten, as display paths.</param>
/// <param name="Skipped">Files left alone, with why (changed since the lint, or not UTF-8 any more).</param>
public sealed record FixOutcome(int Fixes, IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// Applies the machine-applicable fixes of a lint result. Only the exact spans of the fixes change: the rest of each
/// file, its line endings and its byte order mark stay as they were. Files are written atomically. A fix never writes
/// a token: the engine drops any fix whose text would contain one.
/// </summary>
internal static class FixApplier
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Applies every fix in <paramref name="result"/> to the files under <paramref name="workingDirectory"/>.</summary>
    public static FixOutcome Apply(IFileSystem fs, string workingDirectory, LintResult result)
    {
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

            var bytes = fs.File.ReadAllBytes(full);
            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            string text;
            try
            {
                text = Strict.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            }
            catch (DecoderFallbackException)
            {
                skipped.Add($"{group.Key}: not valid UTF-8");
                continue;
            }

            if (!string.Equals(text, source.Text, StringComparison.Ordinal))
            {
                skipped.Add($"{group.Key}: changed since it was linted");
                continue;
            }

            var (replacements, count) = Choose(group);
            applied += count;
            var updated = Fix.Apply(text, replacements);
            var encoded = Encoding.UTF8.GetBytes(updated);
            AtomicFile.Write(fs, full, bom ? [0xEF, 0xBB, 0xBF, .. encoded] : encoded);
            files.Add(group.Key);
        }

        return new FixOutcome(applied, files, skipped);
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
}
