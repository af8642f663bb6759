using Microsoft.CodeAnalysis;
using ScimLint.Documents;

namespace ScimLint.Loading;

/// <summary>
/// Groups the configuration objects of one C# file into exports and settings, and pairs them within the file.
/// <list type="bullet">
/// <item>A whole object (an export bundle, or settings with their control plane and provisioning) is a group.</item>
/// <item>Parts (applications, Identity Management objects; control planes, provisioning blocks) form one group when
/// no part repeats. Otherwise they are split by where they are written: the type, then the member (method, property,
/// field), then the statement or list element, down to the object itself. Parts written one per member in a strict
/// repeating order (an application, its Identity Management, the next application, its Identity Management) group in
/// that order.</item>
/// <item>An export pairs with the file's settings when there is one; when there are several, with the one written
/// closest to it (the innermost type or member holding both), unless two are equally close (ambiguous).</item>
/// </list>
/// </summary>
internal static class CSharpGroups
{
    /// <summary>One group: its objects in source order, whether it is settings, and its partner (a group index, or a <see cref="DocumentGroup"/> constant).</summary>
    public sealed record Group<T>(IReadOnlyList<T> Parts, bool IsSettings, int Partner);

    /// <summary>The groups of the objects, in source order.</summary>
    public static List<Group<T>> Of<T>(IReadOnlyList<T> objects, Func<T, bool> isWhole, Func<T, bool> isSettings, Func<T, List<SyntaxNode>> chain, Func<T, int> start, Func<T, int> role)
    {
        var groups = new List<(List<T> Parts, bool Settings)>();
        groups.AddRange(objects.Where(isWhole).Select(o => (new List<T> { o }, isSettings(o))));
        foreach (var settings in new[] { false, true })
        {
            var parts = objects.Where(o => !isWhole(o) && isSettings(o) == settings).OrderBy(start).ToList();
            if (parts.Count > 0)
            {
                groups.AddRange(Split(parts, 0, chain, role).Select(g => (g, settings)));
            }
        }

        groups = [.. groups.OrderBy(g => g.Parts.Min(start))];
        var prefixes = groups.Select(g => CommonPrefix(g.Parts.Select(chain).ToList())).ToList();
        var settingsGroups = Enumerable.Range(0, groups.Count).Where(i => groups[i].Settings).ToList();
        return [.. groups.Select((g, i) => new Group<T>(g.Parts, g.Settings, g.Settings ? DocumentGroup.NoPartner : Partner(i, prefixes, settingsGroups)))];
    }

    private static int Partner(int export, List<List<SyntaxNode>> prefixes, List<int> settings)
    {
        if (settings.Count <= 1)
        {
            return settings.Count == 0 ? DocumentGroup.NoPartner : settings[0];
        }

        var closeness = settings.Select(s => (Group: s, Depth: CommonPrefix([prefixes[export], prefixes[s]]).Count)).OrderByDescending(c => c.Depth).ToList();
        return closeness[0].Depth > closeness[1].Depth ? closeness[0].Group : DocumentGroup.AmbiguousPartner;
    }

    private static List<List<T>> Split<T>(List<T> parts, int level, Func<T, List<SyntaxNode>> chain, Func<T, int> role)
    {
        if (parts.Count == 1 || parts.DistinctBy(role).Count() == parts.Count)
        {
            return [parts];
        }

        if (level > parts.Max(p => chain(p).Count))
        {
            return [.. parts.Select(p => new List<T> { p })];
        }

        var split = parts.GroupBy(p => chain(p) is { Count: > 0 } c ? c[Math.Min(level, c.Count - 1)] : null).Select(g => g.ToList()).ToList();
        if (split.Count == 1)
        {
            return Split(parts, level + 1, chain, role);
        }

        return split.All(s => s.Count == 1) && InRepeatingOrder(parts, role) is { } chunks
            ? chunks
            : [.. split.SelectMany(s => Split(s, level + 1, chain, role))];
    }

    // Roles in a strict cycle (A, B, A, B): each cycle is one group. Anything else is not guessed at.
    private static List<List<T>>? InRepeatingOrder<T>(List<T> parts, Func<T, int> role)
    {
        var width = parts.DistinctBy(role).Count();
        if (parts.Count % width != 0 || parts.Take(width).DistinctBy(role).Count() != width)
        {
            return null;
        }

        for (var i = width; i < parts.Count; i++)
        {
            if (role(parts[i]) != role(parts[i % width]))
            {
                return null;
            }
        }

        return [.. parts.Chunk(width).Select(c => c.ToList())];
    }

    private static List<SyntaxNode> CommonPrefix(List<List<SyntaxNode>> chains)
    {
        var prefix = new List<SyntaxNode>();
        for (var i = 0; chains.Count > 0 && chains.All(c => c.Count > i && c[i] == chains[0][i]); i++)
        {
            prefix.Add(chains[0][i]);
        }

        return prefix;
    }
}
