using System.Collections.Concurrent;

namespace ScimLint.Documents;

/// <summary>
/// One copy of the strings that repeat in every document of a run: node paths (<c>/identityManagement/baseUrl</c>),
/// keys and the text of booleans and nulls. A run of 20,000 documents held 1.7 million strings, most of them these
/// (117 MB of a 307 MB heap, measured with dotnet-dump's <c>dumpheap -strings</c>); documents stay alive until the
/// cross-document rules have run, so each repeated string was paid for once per document. String and number
/// values could be secrets, so they are never pooled. Bounded in entries and length, so that
/// a run of unique keys costs no more than it did before.
/// </summary>
internal static class SharedStrings
{
    private const int MaxLength = 256;
    private const int MaxEntries = 1 << 16;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    // The pool searched by characters, so that a path already pooled is found without building it first.
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars = Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled copy of a string equal to <paramref name="value"/>, or the string itself once the pool is full.</summary>
    public static string Get(string value)
    {
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (value.Length > MaxLength)
        {
            return value;
        }

        if (Pool.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return Pool.Count < MaxEntries ? Pool.GetOrAdd(value, value) : value;
    }

    /// <summary>
    /// <c>path + "/" + segment</c> (a child's node path), pooled as <see cref="Get"/> pools it; the string is built
    /// only when the pool does not hold it yet (every document of a run repeats the same paths).
    /// </summary>
    public static string Child(string path, string segment)
    {
        var length = path.Length + 1 + segment.Length;
        if (length > MaxLength)
        {
            return path + "/" + segment;
        }

        Span<char> buffer = stackalloc char[MaxLength];
        path.CopyTo(buffer);
        buffer[path.Length] = '/';
        segment.CopyTo(buffer[(path.Length + 1)..]);
        return ByChars.TryGetValue(buffer[..length], out var shared) ? shared : Get(buffer[..length].ToString());
    }
}
