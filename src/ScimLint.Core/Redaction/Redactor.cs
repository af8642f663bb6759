using System.Text.RegularExpressions;
using ScimLint.Model;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Redaction;

/// <summary>
/// The one place where secrets are masked. The finding pipeline redacts every message and fix through it, and
/// every reporter that shows source (the text reporter's code frames) masks lines through it, so no output path can
/// forget a secret.
/// </summary>
/// <remarks>
/// <para>What it knows comes from the model: the values and spans of the fields the loaded documents declare secret
/// (<see cref="BoundDocument.SensitiveValues"/>, <see cref="BoundDocument.SensitiveSpans"/>).</para>
/// <para>It masks in three steps, each a private method below, and every output goes through all of them:</para>
/// <list type="number">
/// <item><see cref="ReplaceKnownValues"/>: every known secret value (and its trimmed form) becomes <c>***</c> in free
/// text (messages, fix descriptions).</item>
/// <item><see cref="MaskSpans"/>: in a source line, the characters of a secret field's value become <c>*</c>.</item>
/// <item><see cref="MaskTokenKeys"/>: in a source line, the value after a token-like key (<c>token:</c>,
/// <c>"scimToken":</c>...) becomes <c>*</c>, for files that did not parse or whose duplicate key kept the value out
/// of the model. References (<c>${env:NAME}</c>...) stay readable.</item>
/// </list>
/// <para>To extend redaction (say, by the shape or entropy of a value), add a step here and call it from both
/// <see cref="Redact(string)"/> and <see cref="MaskLine"/>; nothing else needs to change.</para>
/// </remarks>
internal sealed partial class Redactor
{
    // Values shorter than this are not masked in free text: "abc" would blank out ordinary words.
    private const int MinimumValueLength = 4;

    // No 8-character window of a known secret may appear in any output (the canary tests check exactly this).
    private const int Window = 8;

    private readonly IReadOnlyList<string> _values;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<SourceSpan>> _spans;
    private readonly HashSet<string> _windows;
    private readonly HashSet<string> _unparsed;

    private Redactor(IReadOnlyList<string> values, IReadOnlyDictionary<string, IReadOnlyList<SourceSpan>> spans, IEnumerable<string>? unparsed = null)
    {
        _values = values;
        _spans = spans;
        _windows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values.SelectMany(Pieces))
        {
            for (var i = 0; i + Window <= value.Length; i++)
            {
                _windows.Add(value.Substring(i, Window));
            }
        }

        _unparsed = new HashSet<string>(unparsed ?? [], StringComparer.Ordinal);
    }

    /// <summary>
    /// The parts of a secret whose pieces are masked wherever they appear: the value split at URL punctuation, keeping
    /// parts of 8 characters or more that look generated (a digit, or mixed case, or 16 characters and more). A token
    /// pasted as a whole URL must not mask "provisioning" or "app.strongdm.com" in every message.
    /// </summary>
    private static IEnumerable<string> Pieces(string value) =>
        value.Split(['/', '?', '&', '=', ':', ';', '@', '#', '.', ' ', '\t', ',', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Length >= Window && (p.Length >= 16 || p.Any(char.IsAsciiDigit) || (p.Any(char.IsAsciiLetterUpper) && p.Any(char.IsAsciiLetterLower))));

    /// <summary>A redactor that knows no secret values (key-shaped values in frames are still masked).</summary>
    public static Redactor Empty { get; } = new([], new Dictionary<string, IReadOnlyList<SourceSpan>>());

    /// <summary>The redactor for a run: the secret values and spans of every loaded document.</summary>
    public static Redactor For(IEnumerable<BoundDocument> documents) => For(documents.Select(RedactionFacts.Of));

    /// <summary>
    /// The redactor for a run, from what each loaded document contributes (<see cref="RedactionFacts.Of"/>), so that
    /// the documents themselves need not stay in memory; facts that contribute nothing may be left out. The spans of a
    /// path come from its first facts (paths without spans are not kept). Values are masked longest first, then in
    /// ordinal order, whatever the order the documents were loaded in.
    /// </summary>
    public static Redactor For(IEnumerable<RedactionFacts> documents)
    {
        var loaded = documents.ToList();
        var values = loaded.SelectMany(d => d.Values)
            .Where(v => v.Trim().Length >= MinimumValueLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ThenBy(v => v, StringComparer.Ordinal)
            .ToList();
        var spans = loaded.GroupBy(d => d.Path, StringComparer.Ordinal)
            .Select(g => g.First())
            .Where(d => d.Spans.Count > 0)
            .ToDictionary(d => d.Path, d => d.Spans, StringComparer.Ordinal);
        var unparsed = loaded.Where(d => d.Unparsed).Select(d => d.Path);
        return new Redactor(values, spans, unparsed);
    }

    /// <summary>
    /// Whether a file's lines may be shown at all. A file that did not parse has no model, so nothing in it could be
    /// classified as secret or not: its findings show the position only, never a line.
    /// </summary>
    public bool MayShowSource(string path) => !_unparsed.Contains(path);

    /// <summary>In a file that did not parse, the values after secret-looking keys, found in the raw text.</summary>
    internal static IEnumerable<string> ValuesInUnparsedText(BoundDocument document)
    {
        if (document.Document.Root is not null || document.Document.Text.Text.Length == 0)
        {
            return [];
        }

        return SecretAssignment().Matches(document.Document.Text.Text)
            .Select(m => m.Groups["value"].Value.Trim().Trim('"', '\'', ',', '*', '&', '!').Trim())
            .Where(v => v.Length >= MinimumValueLength && !TokenValues.IsReference(v));
    }

    /// <summary>The spans of secret values by display path, for renderers that mark rather than print source.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SourceSpan>> SecretSpans => _spans;

    /// <summary>Free text (a message, a description) with every known secret value replaced by <c>***</c>.</summary>
    public string Redact(string text) => ReplaceKnownValues(text);

    /// <summary>A fix with its description redacted; null when applying it would write a secret.</summary>
    public Fix? Redact(Fix? fix)
    {
        if (fix is null)
        {
            return null;
        }

        return fix.Replacements.Any(r => Redact(r.Text) != r.Text) ? null : fix with { Description = Redact(fix.Description) };
    }

    /// <summary>One line of a file's source as a code frame may show it: every secret masked with <c>*</c>, same length.</summary>
    public string MaskLine(string path, SourceText source, int line)
    {
        var text = source.GetLine(line);
        var spans = _spans.TryGetValue(path, out var found) ? found : [];
        return MaskWindows(MaskTokenKeys(MaskSpans(text, source.GetOffset(line, 1), spans)));
    }

    private string ReplaceKnownValues(string text)
    {
        foreach (var secret in _values)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
            var trimmed = secret.Trim();
            if (trimmed.Length >= MinimumValueLength && trimmed != secret)
            {
                text = text.Replace(trimmed, "***", StringComparison.Ordinal);
            }
        }

        // Any long piece of a secret too (a token cut by a message, or quoted with part of it escaped).
        var hits = WindowHits(text);
        if (hits is null)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!hits[i])
            {
                builder.Append(text[i]);
            }
            else if (i == 0 || !hits[i - 1])
            {
                builder.Append("***");
            }
        }

        return builder.ToString();
    }

    /// <summary>Which characters of a text belong to an 8-character window of a known secret; null when none does.</summary>
    private bool[]? WindowHits(string text)
    {
        if (_windows.Count == 0 || text.Length < Window)
        {
            return null;
        }

        bool[]? hits = null;
        for (var i = 0; i + Window <= text.Length; i++)
        {
            if (_windows.Contains(text.Substring(i, Window)))
            {
                hits ??= new bool[text.Length];
                Array.Fill(hits, true, i, Window);
            }
        }

        return hits;
    }

    private string MaskWindows(string line)
    {
        var hits = WindowHits(line);
        if (hits is null)
        {
            return line;
        }

        var chars = line.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (hits[i])
            {
                chars[i] = '*';
            }
        }

        return new string(chars);
    }

    private static string MaskSpans(string text, int lineStart, IReadOnlyList<SourceSpan> spans)
    {
        var chars = text.ToCharArray();
        foreach (var secret in spans)
        {
            for (var offset = Math.Max(secret.StartOffset, lineStart); offset < Math.Min(secret.EndOffset, lineStart + chars.Length); offset++)
            {
                chars[offset - lineStart] = '*';
            }
        }

        return new string(chars);
    }

    private static string MaskTokenKeys(string masked)
    {
        var match = TokenLine().Match(masked);
        if (match.Success && !TokenValues.IsReference(match.Groups["value"].Value.Trim().Trim('"', '\'', ',').Trim()))
        {
            var value = match.Groups["value"];
            masked = masked[..value.Index] + new string('*', value.Length) + masked[(value.Index + value.Length)..];
        }

        // Token-like keys inside a line too: minified JSON and YAML flow mappings that did not parse, or whose
        // duplicate key kept the value out of the model.
        return InlineToken().Replace(masked, m =>
        {
            var value = m.Groups["value"];
            return TokenValues.IsReference(value.Value.Trim().Trim('"', '\'').Trim())
                ? m.Value
                : m.Value[..(value.Index - m.Index)] + new string('*', value.Length) + m.Value[(value.Index - m.Index + value.Length)..];
        });
    }

    // The keys of SecretValues.SecretKeys and SecretSuffixes (and StrongDM's current/previous token slots), followed by
    // ':' (YAML, JSON) or '=' (C#, INI-like text). Kept in step with SecretValues by a test.
    internal const string KeyWords = "token|tokne|toekn|tokn|secret|password|passwd|pwd|passphrase|api_?key|credentials?|authorization|auth|bearer|private_?key|signature|sig";
    internal const string Keys = @"(?:[A-Za-z_]*(?:" + KeyWords + @")|value|current|previous)";

    // Keys for an unanchored search: the letter prefix starts only where a run of letters starts. A match starting
    // inside the run also matches from its start (the prefix takes the letters), so the matches are the same; without
    // it, every position of a long run of letters restarts the prefix and backtracks over the rest of the run, which
    // is quadratic: a 9,000-letter line in a code frame took 6 s to mask.
    internal const string RunStartKeys = @"(?:(?<![A-Za-z_])[A-Za-z_]*(?:" + KeyWords + @")|value|current|previous)";

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[""']?" + Keys + @"[""']?\s*[:=]\s*(?<value>[^\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"^\s*(-\s*)?[""']?" + Keys + @"[""']?\s*[:=]\s*(?<value>.*?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TokenLine();

    // A token-like key and its value inside a line (after RunStartKeys or Keys).
    internal const string InlineValue = @"[""']?\s*[:=]\s*(?<value>""(?:[^""\\]|\\.)*""?|'[^']*'?|\$\{\{[^}]*\}\}|\$\{[^}]*\}|[^\s,;{}\[\]#""'][^,;{}\[\]#]*)";

    [GeneratedRegex(RunStartKeys + InlineValue, RegexOptions.IgnoreCase)]
    private static partial Regex InlineToken();
}

/// <summary>
/// What one loaded document contributes to a run's <see cref="Redactor"/>: its display path, its secret values (and
/// those found after secret-looking keys in a file that did not parse), the spans of its written secrets, and whether
/// it did not parse (its lines are then never shown).
/// </summary>
internal sealed record RedactionFacts(string Path, IReadOnlyList<string> Values, IReadOnlyList<SourceSpan> Spans, bool Unparsed)
{
    /// <summary>The facts of a bound document.</summary>
    public static RedactionFacts Of(BoundDocument document)
    {
        var values = document.SensitiveValues.Concat(Redactor.ValuesInUnparsedText(document)).ToArray();
        IReadOnlyList<SourceSpan> spans = document.SensitiveSpans.Count == 0 ? [] : [.. document.SensitiveSpans];
        return new RedactionFacts(document.Document.Path, values.Length == 0 ? [] : values, spans, document.Document.Root is null && document.Document.Diagnostics.Count > 0);
    }

    /// <summary>Whether the document gives the redactor anything: a value, a span, or lines never to show.</summary>
    public bool Contributes => Values.Count > 0 || Spans.Count > 0 || Unparsed;
}
