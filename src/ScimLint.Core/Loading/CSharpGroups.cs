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
    /// <remarks>
    /// <typeparamref name="T"/> is a class and roles are small numbers (an enum): tuples, int keys and int sets in
    /// the framework's generic collections and LINQ would each be JIT-compiled at start-up, as a ReadyToRun image
    /// cannot hold them, so this groups with loops and a bit set.
    /// </remarks>
    public static List<Group<T>> Of<T>(IReadOnlyList<T> objects, Func<T, bool> isWhole, Func<T, bool> isSettings, Func<T, List<SyntaxNode>> chain, Func<T, int> start, Func<T, int> role)
        where T : class
    {
        var drafts = new List<Draft<T>>();
        foreach (var o in objects)
        {
            if (isWhole(o))
            {
                drafts.Add(new Draft<T>([o], isSettings(o)));
            }
        }

        foreach (var settings in new[] { false, true })
        {
            var parts = ByStart(objects.Where(o => !isWhole(o) && isSettings(o) == settings), start);
            if (parts.Count > 0)
            {
                drafts.AddRange(Split(parts, 0, chain, role).Select(g => new Draft<T>(g, settings)));
            }
        }

        drafts = ByStart(drafts, d => Min(d.Parts, start));
        var prefixes = drafts.Select(d => CommonPrefix(d.Parts.Select(chain).ToList())).ToList();
        var settingsGroups = new List<int>();
        for (var i = 0; i < drafts.Count; i++)
        {
            if (drafts[i].Settings)
            {
                settingsGroups.Add(i);
            }
        }

        var groups = new List<Group<T>>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            groups.Add(new Group<T>(drafts[i].Parts, drafts[i].Settings, drafts[i].Settings ? DocumentGroup.NoPartner : Partner(i, prefixes, settingsGroups)));
        }

        return groups;
    }

    private sealed record Draft<T>(List<T> Parts, bool Settings);

    // The closest settings group: the deepest common prefix, unless two settings groups share that depth.
    private static int Partner(int export, List<List<SyntaxNode>> prefixes, List<int> settings)
    {
        if (settings.Count <= 1)
        {
            return settings.Count == 0 ? DocumentGroup.NoPartner : settings[0];
        }

        int best = -1, bestDepth = -1, atBest = 0;
        foreach (var s in settings)
        {
            var depth = CommonPrefix([prefixes[export], prefixes[s]]).Count;
            if (depth > bestDepth)
            {
                best = s;
                bestDepth = depth;
                atBest = 1;
            }
            else if (depth == bestDepth)
            {
                atBest++;
            }
        }

        return atBest == 1 ? best : DocumentGroup.AmbiguousPartner;
    }

    // A stable sort by start offset. The lists are usually in order already, and OrderBy with an int key is
    // JIT-compiled (a ReadyToRun image cannot hold it), so it runs only when they are not: an insertion sort here
    // would be quadratic on a hostile file with thousands of objects out of order.
    private static List<T> ByStart<T>(IEnumerable<T> items, Func<T, int> start)
    {
        var list = items.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            if (start(list[i - 1]) > start(list[i]))
            {
                return [.. list.OrderBy(start)];
            }
        }

        return list;
    }

    private static int Min<T>(List<T> items, Func<T, int> of)
    {
        var min = int.MaxValue;
        foreach (var item in items)
        {
            min = Math.Min(min, of(item));
        }

        return min;
    }

    // How many different roles the parts have (roles are enum values below 64).
    private static int DistinctRoles<T>(IEnumerable<T> parts, Func<T, int> role)
    {
        var seen = 0UL;
        foreach (var part in parts)
        {
            seen |= 1UL << role(part);
        }

        return System.Numerics.BitOperations.PopCount(seen);
    }

    private static List<List<T>> Split<T>(List<T> parts, int level, Func<T, List<SyntaxNode>> chain, Func<T, int> role)
    {
        if (parts.Count == 1 || DistinctRoles(parts, role) == parts.Count)
        {
            return [parts];
        }

        var deepest = 0;
        foreach (var part in parts)
        {
            deepest = Math.Max(deepest, chain(part).Count);
        }

        if (level > deepest)
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
        var width = DistinctRoles(parts, role);
        if (parts.Count % width != 0 || DistinctRoles(parts.Take(width), role) != width)
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
