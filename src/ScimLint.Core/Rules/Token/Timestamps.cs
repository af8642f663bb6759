using System.Globalization;
using System.Text.RegularExpressions;
using ScimLint.Documents;
using ScimLint.Model;

namespace ScimLint.Rules.Token;

/// <summary>
/// Reads ISO 8601 / YAML 1.1 timestamps written as strings: <c>2025-03-02</c>, <c>2025-03-02T10:15:00Z</c>,
/// <c>2025-03-02 10:15:00.5 +01:00</c>, <c>2025-03-02t10:15:00+0100</c>. A time without a zone is UTC. Anything else,
/// or an impossible date, is not a timestamp (null).
/// </summary>
internal static partial class Timestamps
{
    /// <summary>The field's value as a timestamp, or null when it is missing, null or unparseable.</summary>
    public static DateTimeOffset? Of(ModelField field) =>
        field.Scalar is { Kind: ScalarKind.String } s ? Parse(s.Value) : null;

    /// <summary>Parses a timestamp, or returns null.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);
        try
        {
            var offset = TimeSpan.Zero;
            if (m.Groups["zh"].Success)
            {
                offset = new TimeSpan(Int(m.Groups["zh"]), m.Groups["zm"].Success ? Int(m.Groups["zm"]) : 0, 0);
                if (m.Groups["zs"].Value == "-")
                {
                    offset = -offset;
                }
            }

            if (!m.Groups["h"].Success)
            {
                return new DateTimeOffset(Int(m.Groups["y"]), Int(m.Groups["mo"]), Int(m.Groups["d"]), 0, 0, 0, TimeSpan.Zero);
            }

            var value = new DateTimeOffset(Int(m.Groups["y"]), Int(m.Groups["mo"]), Int(m.Groups["d"]), Int(m.Groups["h"]), Int(m.Groups["mi"]), Int(m.Groups["s"]), offset);
            if (m.Groups["f"].Success)
            {
                var fraction = (m.Groups["f"].Value + "0000000")[..7];
                value = value.AddTicks(long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture));
            }

            return value;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:(?:[Tt]|[ \t]+)(?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})(?:[.,](?<f>\d+))?(?:[ \t]*(?:[Zz]|(?<zs>[-+])(?<zh>\d{1,2})(?::?(?<zm>\d{2}))?))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
