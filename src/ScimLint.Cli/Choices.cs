using System.CommandLine;

namespace ScimLint.Cli;

/// <summary>Options that take one of a few words, in any letter case, with "did you mean" for a typo.</summary>
internal static class Choices
{
    /// <summary>An option whose value is one of <paramref name="allowed"/> in any letter case, parsed to its spelling there.</summary>
    public static Option<string> Option(string name, string[] aliases, string description, string defaultValue, IReadOnlyList<string> allowed)
    {
        var option = new Option<string>(name, aliases)
        {
            Description = description,
            HelpName = string.Join('|', allowed),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue;
                var match = allowed.FirstOrDefault(a => a.Equals(token, StringComparison.OrdinalIgnoreCase));
                if (match is not null)
                {
                    return match;
                }

                var suggestion = Spelling.Closest(token, allowed);
                result.AddError($"unknown {name} value '{token}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")} (one of: {string.Join(", ", allowed)})");
                return defaultValue;
            },
        };
        option.CompletionSources.Add([.. allowed]);
        return option;
    }
}

/// <summary>"Did you mean": the closest known word within a small edit distance.</summary>
internal static class Spelling
{
    /// <summary>The closest candidate, or null when none is close enough to be a typo.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var w = word.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            var d = Distance(w, candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        var bare = word.TrimStart('-');
        return best is not null && bestDistance > 0 && bestDistance <= Math.Max(1, Math.Min(3, bare.Length / 3)) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        // Optimal string alignment: insertions, deletions, substitutions and swaps of two neighbours cost 1.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
