using System.Text;

namespace ScimLint.Engine;

/// <summary>The rule pages embedded in the tool, so that <c>scimlint explain</c> works offline.</summary>
internal static class RuleDocs
{
    /// <summary>The Markdown page of a rule, or null.</summary>
    public static string? Get(string id)
    {
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream("docs/rules/" + id.ToUpperInvariant() + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
