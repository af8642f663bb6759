using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// One copy, for one run, of the strings that repeat across its findings: messages, value hashes, logical paths, fix
/// descriptions and replacement texts, and the source lines excerpts keep. A run keeps every finding until the end
/// (the output is sorted), and each finding built its strings anew, so the same message was held once per file that
/// has it. Owned by the run, never shared between runs (a message or a line can quote a secret, which must not outlive
/// its run). Bounded: when full it starts again, and strings handed out stay valid.
/// </summary>
internal sealed class RunStrings
{
    private const int MaxEntries = 1 << 14;

    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

    /// <summary>The run's copy of a string equal to <paramref name="value"/> (the first one seen).</summary>
    public string Get(string value)
    {
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (_pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (_pool.Count >= MaxEntries)
        {
            _pool.Clear();
        }

        _pool[value] = value;
        return value;
    }

    /// <summary>Replaces the findings from <paramref name="start"/> on by equal findings whose strings are the run's copies.</summary>
    public void Share(List<RawFinding> findings, int start)
    {
        for (var i = start; i < findings.Count; i++)
        {
            findings[i] = Share(findings[i]);
        }
    }

    /// <summary>An equal finding whose strings are the run's copies (the finding itself when they already are).</summary>
    public RawFinding Share(RawFinding finding)
    {
        var (message, hash, logical, fix) = (Get(finding.Message), Get(finding.ValueHash), Get(finding.LogicalPath), Share(finding.Fix));
        return ReferenceEquals(message, finding.Message) && ReferenceEquals(hash, finding.ValueHash) && ReferenceEquals(logical, finding.LogicalPath) && ReferenceEquals(fix, finding.Fix)
            ? finding
            : finding with { Message = message, ValueHash = hash, LogicalPath = logical, Fix = fix };
    }

    private Fix? Share(Fix? fix)
    {
        if (fix is null)
        {
            return null;
        }

        var description = Get(fix.Description);
        var changed = !ReferenceEquals(description, fix.Description);
        var replacements = new Replacement[fix.Replacements.Count];
        for (var i = 0; i < replacements.Length; i++)
        {
            var replacement = fix.Replacements[i];
            var text = Get(replacement.Text);
            changed |= !ReferenceEquals(text, replacement.Text);
            replacements[i] = ReferenceEquals(text, replacement.Text) ? replacement : replacement with { Text = text };
        }

        return changed ? fix with { Description = description, Replacements = replacements } : fix;
    }
}
