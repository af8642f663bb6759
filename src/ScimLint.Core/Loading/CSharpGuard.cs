using System.Runtime.ExceptionServices;
using ScimLint.Documents;
using ScimLint.Text;

namespace ScimLint.Loading;

/// <summary>
/// Keeps a pathological C# file from killing the run. Roslyn's parser recurses once per nesting level, and a stack
/// overflow cannot be caught in .NET: 20,000 nested parentheses (40 KB) used to end the whole process. So the nesting
/// of parentheses, brackets and braces is measured before Roslyn sees the file, and a file nested deeper than
/// <see cref="LoadLimits.MaxCSharpNesting"/> becomes one SL001 finding. What that scan cannot see (nesting inside
/// interpolation holes, long chains of unary operators or else-ifs) is parsed on a thread with a large stack, where
/// Roslyn's own stack guard ("expression is too long or complex") and ours get room to work.
/// </summary>
internal static class CSharpGuard
{
    /// <summary>Loads C# source with the depth cap and the large stack.</summary>
    public static SourceDocument Load(SourceText text, LoadLimits limits, Func<SourceDocument> load)
    {
        if (!CSharpDocumentLoader.MayHoldConfiguration(text.Text))
        {
            return load();
        }

        var (depth, offset) = NestingDepth(text.Text, limits.MaxCSharpNesting);
        if (depth > limits.MaxCSharpNesting)
        {
            return TooDeep(text, offset, $"C# nesting deeper than {limits.MaxCSharpNesting} levels of parentheses, brackets or braces; the file was not parsed");
        }

        SourceDocument? result = null;
        ExceptionDispatchInfo? failure = null;
        LargeStack.Run(() =>
        {
            try
            {
                result = load();
            }
            catch (InsufficientExecutionStackException)
            {
                result = TooDeep(text, 0, "C# source is nested too deeply or is too complex to read; the file was not parsed");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        });
        failure?.Throw();
        return result!;
    }

    private static SourceDocument TooDeep(SourceText text, int offset, string message) =>
        new(text, DocumentFormat.CSharp, null, [], [new LoadDiagnostic(text.Span(offset, offset), message)]);

    /// <summary>
    /// The deepest nesting of <c>( [ {</c> outside comments, strings and character literals, and the offset where it
    /// first passed <paramref name="cap"/> (the scan stops there). Linear, no allocation.
    /// </summary>
    internal static (int Depth, int Offset) NestingDepth(string source, int cap)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        var n = source.Length;
        while (i < n)
        {
            var c = source[i];
            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    if (depth > max)
                    {
                        max = depth;
                        if (max > cap)
                        {
                            return (max, i);
                        }
                    }

                    i++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    i++;
                    break;
                case '/' when i + 1 < n && source[i + 1] == '/':
                    while (i < n && source[i] is not '\n' and not '\r')
                    {
                        i++;
                    }

                    break;
                case '/' when i + 1 < n && source[i + 1] == '*':
                    var close = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? n : close + 2;
                    break;
                case '\'':
                    i = SkipCharLiteral(source, i);
                    break;
                case '"':
                    max = Math.Max(max, IsInterpolated(source, i) ? depth + BracketDepth(source, i + 1, SkipString(source, i)) : 0);
                    if (max > cap)
                    {
                        return (max, i);
                    }

                    i = SkipString(source, i);
                    break;
                default:
                    i++;
                    break;
            }
        }

        return (max, n);
    }

    /// <summary>Whether the string starting at <paramref name="quote"/> is interpolated (<c>$"</c>, <c>$@"</c>, <c>@$"</c>, <c>$$"""</c>).</summary>
    private static bool IsInterpolated(string source, int quote)
    {
        for (var j = quote - 1; j >= 0 && source[j] is '$' or '@'; j--)
        {
            if (source[j] == '$')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The deepest bracket nesting inside an interpolated string. Roslyn parses its holes as code, so their brackets
    /// count; the text parts are counted too, which can only over-count (a conservative cap, never a bypass).
    /// </summary>
    private static int BracketDepth(string source, int start, int end)
    {
        var depth = 0;
        var max = 0;
        for (var j = start; j < end && j < source.Length; j++)
        {
            if (source[j] is '{' or '}' && j + 1 < end && source[j + 1] == source[j])
            {
                j++; // {{ and }} are literal braces in the text
                continue;
            }

            depth = source[j] switch
            {
                '(' or '[' or '{' => depth + 1,
                ')' or ']' or '}' => Math.Max(0, depth - 1),
                _ => depth,
            };
            max = Math.Max(max, depth);
        }

        return max;
    }

    private static int SkipCharLiteral(string source, int i)
    {
        // 'x', '\n', '\u0041': at most a few characters; anything else is not a literal and is stepped over.
        var end = Math.Min(source.Length, i + 12);
        for (var j = i + 1; j < end; j++)
        {
            if (source[j] == '\\')
            {
                j++;
                continue;
            }

            if (source[j] == '\'')
            {
                return j + 1;
            }

            if (source[j] is '\n' or '\r')
            {
                break;
            }
        }

        return i + 1;
    }

    private static int SkipString(string source, int i)
    {
        var n = source.Length;
        var quotes = 0;
        while (i + quotes < n && source[i + quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3)
        {
            // A raw string literal ends at the same number of quotes.
            var end = source.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
            return end < 0 ? n : end + quotes;
        }

        if (quotes == 2)
        {
            return i + 2; // ""
        }

        var verbatim = IsVerbatim(source, i);
        var j = i + 1;
        while (j < n)
        {
            var c = source[j];
            if (!verbatim && c == '\\')
            {
                j += 2;
                continue;
            }

            if (c == '"')
            {
                if (verbatim && j + 1 < n && source[j + 1] == '"')
                {
                    j += 2;
                    continue;
                }

                return j + 1;
            }

            if (!verbatim && c is '\n' or '\r')
            {
                return j;
            }

            j++;
        }

        return n;
    }

    private static bool IsVerbatim(string source, int quote)
    {
        for (var k = quote - 1; k >= 0 && k >= quote - 4; k--)
        {
            if (source[k] == '@')
            {
                return true;
            }

            if (source[k] != '$')
            {
                return false;
            }
        }

        return false;
    }
}
