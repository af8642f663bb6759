using System.Text;

namespace ScimLint.Tests.Security.Fuzz;

/// <summary>The kinds of damage done to a seed.</summary>
internal enum MutationKind
{
    FlipBit,
    SetByte,
    DeleteLine,
    DuplicateLine,
    Indent,
    InsertSyntax,
    Truncate,
    DeepNesting,
    HugeNumber,
    ControlCharacter,
    Encoding,
    LineEndings,
    LongLine,
}

/// <summary>One mutation: a kind, a position (taken modulo the input's length) and a choice among the kind's variants.</summary>
internal readonly record struct Mutation(MutationKind Kind, int Position, int Choice)
{
    public override string ToString() => $"{Kind}@{Position}/{Choice}";
}

/// <summary>
/// Applies mutations to bytes. The canary's line is never touched (nor cut, nor split), so that the canary stays a
/// token value; every other line is fair game, including the key lines around it.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Syntax =
    [
        // YAML
        ": ", "- ", "? ", "&a ", "*a", "*a\n", "!!str ", "!!binary ", "!<tag> ", "|", "|-\n", ">", "---\n", "...\n", "%YAML 1.2\n", "<<: *a\n",
        "{", "}", "[", "]", ",", "#", "\"", "'", "@", "`", "\t", "\\", "~", "!!map {a: 1}", "&b [*b]",
        // JSON
        "{\"a\":", "\"\\u0000\"", "\"\\ud800\"", "null", "true", "-0", "1e400", "[[]]", "\"\":", "/* c */", "// c\n",

        // C#
        "(", ")", "new ", " = ", ";", "@\"", "$\"{", "\"\"\"", "/*", "*/", "#if X\n", "#endregion\n", "=>", "?.", "??", "global::", "\\u0041",
        "Token = \"x\";", "BaseUrl = \"https://app.strongdm.com/provisioning/generic/v2\",", "IdentityManagement = new() {",
    ];

    private static readonly string[] Numbers =
    [
        "123456789012345678901234567890", "-99999999999999999999999999999999999", "1e400", "-1e-400", "0x7FFFFFFFFFFFFFFFFF",
        "9223372036854775808", "-9223372036854775809", "79228162514264337593543950336", "1.7976931348623157e309", ".inf", "-.nan", "0o777", "1_000_000",
    ];

    private static readonly string[] Controls =
    [
        "\0", "\u001b[31m", "\r", "\u2028", "\u2029", "\u202e", "\u0007", "\f", "\v", "\u0085", "\ufeff", "\u200b", "\n::error file=x::injected\n", "\ud800",
    ];

    private static readonly int[] Depths = [3, 63, 64, 65, 100, 257, 1_000, 20_000];

    public static byte[] Apply(byte[] input, int canaryLine, IReadOnlyList<Mutation> mutations)
    {
        var bytes = input;
        foreach (var m in mutations)
        {
            bytes = ApplyOne(bytes, canaryLine, m);
            canaryLine = canaryLine < 0 ? -1 : FindCanary(bytes);
        }

        return bytes;
    }

    private static byte[] ApplyOne(byte[] bytes, int canaryLine, Mutation m)
    {
        var lines = Lines(bytes);
        var (start, end) = canaryLine >= 0 && canaryLine < lines.Count ? lines[canaryLine] : (-1, -1);

        // The canary's line and the line breaks around it are never touched: a position there moves before them.
        var guardStart = Math.Max(0, start - 2);
        var position = bytes.Length == 0 ? 0 : (int)((uint)m.Position % (uint)(bytes.Length + 1));
        if (start >= 0 && position >= guardStart && position < end + 2)
        {
            position = guardStart;
        }

        var lineIndex = lines.Count == 0 ? 0 : (int)((uint)m.Position % (uint)lines.Count);
        var canaryOrNeighbour = lineIndex == canaryLine;
        return m.Kind switch
        {
            MutationKind.FlipBit or MutationKind.SetByte => start >= 0 && position == guardStart && start - guardStart < 2 ? bytes : Overwrite(bytes, position, m),
            MutationKind.DeleteLine when !canaryOrNeighbour => Remove(bytes, lines[lineIndex]),
            MutationKind.DuplicateLine when !canaryOrNeighbour => Insert(bytes, lines[lineIndex].Start, Slice(bytes, lines[lineIndex])),
            MutationKind.Indent when !canaryOrNeighbour => Indent(bytes, lines[lineIndex].Start, m.Choice),
            MutationKind.InsertSyntax => Insert(bytes, position, Syntax[m.Choice % Syntax.Length]),
            MutationKind.Truncate => bytes[..position],
            MutationKind.DeepNesting => Insert(bytes, position, Nesting(m.Choice)),
            MutationKind.HugeNumber => Insert(bytes, position, Numbers[m.Choice % Numbers.Length]),
            MutationKind.ControlCharacter => Insert(bytes, position, Controls[m.Choice % Controls.Length]),
            MutationKind.Encoding => Encode(bytes, m.Choice),
            MutationKind.LineEndings => LineEndings(bytes, m.Choice),
            MutationKind.LongLine => Insert(bytes, position, new string((char)('a' + (m.Choice % 26)), 1_000 + (m.Choice % 9_000))),
            _ => bytes,
        };
    }

    private static string Nesting(int choice)
    {
        var depth = Depths[choice % Depths.Length];
        return (choice / Depths.Length % 4) switch
        {
            0 => new string('[', depth),
            1 => new string('(', depth),
            2 => string.Concat(Enumerable.Repeat("{\"a\":", depth)),
            _ => string.Concat(Enumerable.Range(0, Math.Min(depth, 300)).Select(i => "\n" + new string(' ', i) + "a:")),
        };
    }

    private static byte[] Insert(byte[] bytes, int position, string text) => Insert(bytes, position, Encoding.UTF8.GetBytes(text));

    private static int FindCanary(byte[] bytes)
    {
        var marker = Encoding.UTF8.GetBytes(FuzzSeeds.Canary);
        var index = bytes.AsSpan().IndexOf(marker);
        return index < 0 ? -1 : Lines(bytes).FindIndex(l => l.Start <= index && index <= l.End);
    }

    private static byte[] Overwrite(byte[] bytes, int position, Mutation m)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        var at = Math.Min(position, copy.Length - 1);
        copy[at] = m.Kind == MutationKind.FlipBit ? (byte)(copy[at] ^ (1 << (m.Choice & 7))) : (byte)m.Choice;
        return copy;
    }

    private static byte[] Indent(byte[] bytes, int lineStart, int choice) => (choice % 4) switch
    {
        0 => Insert(bytes, lineStart, " "u8.ToArray()),
        1 => Insert(bytes, lineStart, "    "u8.ToArray()),
        2 => Insert(bytes, lineStart, "\t"u8.ToArray()),
        _ => lineStart < bytes.Length && bytes[lineStart] == (byte)' ' ? Remove(bytes, (lineStart, lineStart + 1)) : bytes,
    };

    private static byte[] Encode(byte[] bytes, int choice)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return (choice % 5) switch
        {
            0 => [0xEF, 0xBB, 0xBF, .. bytes],
            1 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            2 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            3 => Encoding.Latin1.GetBytes(text),
            _ => Insert(bytes, (int)((uint)choice % (uint)(bytes.Length + 1)), [0xC3, 0x28, 0xFF]),
        };
    }

    private static byte[] LineEndings(byte[] bytes, int choice)
    {
        var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes((choice % 3) switch
        {
            0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            1 => text.Replace("\n", "\r", StringComparison.Ordinal),
            _ => text.TrimEnd('\n'),
        });
    }

    /// <summary>Line ranges (start, end without the break) split at LF, CRLF and a lone CR, as the engine does.</summary>
    internal static List<(int Start, int End)> Lines(byte[] bytes)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'\n' or (byte)'\r')
            {
                lines.Add((start, i));
                if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add((start, bytes.Length));
        return lines;
    }

    private static byte[] Slice(byte[] bytes, (int Start, int End) line)
    {
        var end = line.End;
        while (end < bytes.Length && bytes[end] is (byte)'\r' or (byte)'\n' && end - line.End < 2)
        {
            end++;
        }

        return bytes[line.Start..end];
    }

    private static byte[] Remove(byte[] bytes, (int Start, int End) line) => [.. bytes[..line.Start], .. bytes[Math.Min(bytes.Length, line.End + 1)..]];

    private static byte[] Insert(byte[] bytes, int position, byte[] inserted) => [.. bytes[..position], .. inserted, .. bytes[position..]];
}
