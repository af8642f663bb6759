using System.Globalization;
using ScimLint.Documents;
using ScimLint.Rules;

namespace ScimLint.Configuration;

/// <summary>
/// One entry of the configuration's <c>ignore:</c> list: silences the findings of <paramref name="Rule"/> in the files
/// that match <paramref name="Path"/> (a glob relative to the configuration file) and, when <paramref name="Pointer"/>
/// is given, only the one at that JSON Pointer. This is how a JSON file, which has no comments, silences one finding.
/// </summary>
/// <param name="Rule">The rule's ID.</param>
/// <param name="Path">A glob (Microsoft.Extensions.FileSystemGlobbing), relative to the configuration file's directory.</param>
/// <param name="Pointer">The finding's logical location as a JSON Pointer (RFC 6901), such as <c>/identityManagement/baseUrl</c>; null: every finding of the rule in the files.</param>
/// <param name="Reason">Why; required.</param>
/// <param name="Until">The last day the entry applies (UTC); null: no expiry.</param>
public sealed record IgnoreEntry(string Rule, string Path, string? Pointer, string Reason, DateOnly? Until)
{
    /// <summary>Where the entry is written, <c>file:line:column</c>, for messages.</summary>
    public string Location { get; init; } = string.Empty;

    /// <summary>Whether the entry names a finding's rule and, when it has a pointer, its logical path (the file is matched by the glob).</summary>
    internal bool Names(RuleDescriptor rule, string logicalPath) =>
        string.Equals(rule.Id, Rule, StringComparison.Ordinal) && (Pointer is null || string.Equals(Pointer, logicalPath, StringComparison.Ordinal));

    /// <summary>The date as written in messages.</summary>
    internal string UntilText => Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>Reads the <c>ignore:</c> list, each problem at its <c>file:line:column</c>.</summary>
internal sealed class IgnoreReader(RuleCatalog catalog, ConfigErrors errors)
{
    private const string Keys = "rule, path, pointer, reason, until";

    public IReadOnlyList<IgnoreEntry> Read(DocNode value)
    {
        if (value is DocScalar { Kind: ScalarKind.Null })
        {
            return [];
        }

        if (value is not DocSequence list)
        {
            errors.Add(value, "'ignore' must be a list of { rule, path, pointer, reason, until }");
            return [];
        }

        var entries = new List<IgnoreEntry>();
        foreach (var item in list.Items)
        {
            if (item is not DocMapping mapping)
            {
                errors.Add(item, "each 'ignore' entry must be a mapping with rule, path and reason (pointer and until are optional)");
                continue;
            }

            if (ReadEntry(mapping) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private IgnoreEntry? ReadEntry(DocMapping mapping)
    {
        var before = errors.Count;
        foreach (var key in mapping.Properties.Select(p => p.Key).Where(k => !Keys.Split(", ").Contains(k.Value)))
        {
            errors.Add(key, $"unknown key '{key.Value}' in an ignore entry; known: {Keys}");
        }

        var rule = Text(mapping, "rule", "the rule ID or name to ignore, such as SL201") is { } name ? RuleId(mapping, name) : null;
        var path = Text(mapping, "path", "a glob of the files, relative to the configuration file, such as \"config/jumpcloud.json\" or \"**/*.json\"");
        var reason = Text(mapping, "reason", "why the finding is acceptable; reviewers read it");
        var pointer = mapping.Get("pointer") is { } p ? Pointer(p) : null;
        var until = mapping.Get("until") is { } u ? Date(u) : null;
        if (errors.Count > before || rule is null || path is null || reason is null)
        {
            return null;
        }

        return new IgnoreEntry(rule, path, pointer, reason, until) { Location = errors.Locate(mapping) };
    }

    private string? Text(DocMapping mapping, string key, string what)
    {
        var value = mapping.Get(key);
        if (value is DocScalar { Kind: ScalarKind.String } s && s.Value.Trim().Length > 0)
        {
            return s.Value.Trim();
        }

        errors.Add(value ?? mapping, value is null ? $"this ignore entry has no '{key}': {what}" : $"'{key}' must be text: {what}");
        return null;
    }

    private string? RuleId(DocMapping mapping, string name)
    {
        if (catalog.Find(name) is { } rule)
        {
            return rule.Descriptor.Id;
        }

        errors.Add(mapping.Get("rule")!, $"unknown rule '{name}'; run 'scimlint rules' for the list");
        return null;
    }

    /// <summary>A JSON Pointer (RFC 6901): empty (the whole document) or '/'-separated segments, '~' only as ~0 or ~1.</summary>
    private string? Pointer(DocNode value)
    {
        if (value is DocScalar { Kind: ScalarKind.String } s && IsPointer(s.Value))
        {
            return s.Value;
        }

        errors.Add(value, "pointer must be a JSON Pointer such as /identityManagement/baseUrl (each segment after '/', '~' written ~0 and '/' inside a key ~1)");
        return null;
    }

    internal static bool IsPointer(string text)
    {
        if (text.Length > 0 && text[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '~' && (i + 1 >= text.Length || (text[i + 1] != '0' && text[i + 1] != '1')))
            {
                return false;
            }
        }

        return true;
    }

    private DateOnly? Date(DocNode value)
    {
        if (value is DocScalar { Kind: ScalarKind.String } s && DateOnly.TryParseExact(s.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(value, "until must be a date, YYYY-MM-DD (the last day the entry applies)");
        return null;
    }
}
