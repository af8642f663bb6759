using System.Globalization;
using System.Text;

namespace ScimLint.Reporting;

/// <summary>
/// Escapes what a terminal or a CI log would act on. A file name, a quoted key or a value may hold a newline, a
/// carriage return or an escape character; printed raw, a newline lets the rest of the line start a GitHub workflow
/// command (<c>::error …</c>) in the build log, and ESC starts an ANSI sequence. They are written as <c>\n</c>,
/// <c>\r</c>, <c>\t</c> or <c>\u001b</c> instead, together with the other C0 and C1 controls, the line and paragraph
/// separators and the bidirectional overrides (which can make a line read differently from what it holds).
/// </summary>
internal static class ControlCharacters
{
    /// <summary>Whether a character is escaped (a tab only when <paramref name="keepTab"/> is false).</summary>
    public static bool NeedsEscape(char c, bool keepTab = false) =>
        (char.IsControl(c) && !(keepTab && c == '\t'))
        || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text with every control character escaped; the same instance when there is none.</summary>
    public static string Escape(string text, bool keepTab = false)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text[i], keepTab))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            Append(builder, text[i], keepTab);
        }

        return builder.ToString();
    }

    /// <summary>Appends one character, escaped when it must be.</summary>
    public static void Append(StringBuilder builder, char c, bool keepTab = false)
    {
        if (!NeedsEscape(c, keepTab))
        {
            builder.Append(c);
            return;
        }

        builder.Append(c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>
    /// A display path safe at the start of a log line: escaped, and prefixed with <c>./</c> when it would begin like
    /// a workflow command (<c>::</c>) or a log group marker (<c>##</c>).
    /// </summary>
    public static string PathAtLineStart(string path)
    {
        var escaped = Escape(path);
        return escaped.StartsWith(':') || escaped.StartsWith('#') ? "./" + escaped : escaped;
    }
}
