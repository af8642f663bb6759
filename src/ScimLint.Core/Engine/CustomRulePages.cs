using System.IO.Abstractions;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// The page of each custom rule, for <c>scimlint explain</c> and SARIF's <c>help.markdown</c>: an <c>ID.md</c> beside
/// the rule files when there is one (used as written), else a page made of the descriptor and the class's XML doc
/// comment (<c>summary</c> and <c>remarks</c>, read from the documentation the compiler wrote; no Roslyn needed).
/// </summary>
internal static partial class CustomRulePages
{
    private static readonly XName[] Sections = ["summary", "remarks"];

    /// <summary>Each rule's source file and page, by ID.</summary>
    public static Dictionary<string, CustomRuleInfo> For(IFileSystem fs, CustomRuleSources sources, IReadOnlyList<Rule> rules, byte[] documentation)
    {
        var members = Members(documentation);
        var result = new Dictionary<string, CustomRuleInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var d = rule.Descriptor;
            var type = rule.GetType();
            var source = sources.Declaring(type.Name)?.Display ?? sources.Display;
            var beside = fs.Path.Combine(sources.Folder, d.Id + ".md");
            string page;
            if (fs.File.Exists(beside))
            {
                page = fs.File.ReadAllText(beside, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
            }
            else
            {
                members.TryGetValue("T:" + type.FullName?.Replace('+', '.'), out var member);
                page = Generated(d, source, Markdown(member) ?? d.Description);
            }

            result[d.Id] = new CustomRuleInfo(source, page.TrimEnd() + "\n");
        }

        return result;
    }

    private static string Generated(RuleDescriptor d, string source, string body) =>
        $"""
        # {d.Id} - {d.Title}

        | | |
        |---|---|
        | ID | {d.Id} |
        | Name | {d.Name} |
        | Default severity | {d.DefaultSeverity.Name()} |
        | Tags | {string.Join(", ", d.Tags)} |
        | Source | `{source}` (a custom rule of this repository) |

        {body}
        """;

    private static Dictionary<string, XElement> Members(byte[] documentation)
    {
        try
        {
            using var stream = new MemoryStream(documentation);
            var xml = XDocument.Load(stream);
            return xml.Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }
        catch (XmlException)
        {
            return [];
        }
    }

    /// <summary>The summary and remarks of a doc comment as Markdown paragraphs, or null when it has neither.</summary>
    internal static string? Markdown(XElement? member)
    {
        if (member is null)
        {
            return null;
        }

        var parts = Sections
            .Select(name => member.Element(name))
            .OfType<XElement>()
            .Select(e => Paragraphs(Render(e)))
            .Where(p => p.Length > 0)
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    private static string Render(XElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            builder.Append(node switch
            {
                XText text => Whitespace().Replace(text.Value, " "),
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement { Name.LocalName: "code" } code => $"\n\n```csharp\n{Dedent(code.Value)}\n```\n\n",
                XElement { Name.LocalName: "para" } para => $"\n\n{Render(para)}\n\n",
                XElement { Name.LocalName: "see" or "seealso" } see => Reference(see),
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => $"`{reference.Attribute("name")?.Value}`",
                XElement { Name.LocalName: "item" } item => $"\n\n- {Render(item).Trim()}\n\n",
                XElement other => Render(other),
                _ => string.Empty,
            });
        }

        return builder.ToString();
    }

    private static string Reference(XElement see)
    {
        if (see.Attribute("href")?.Value is { } href)
        {
            return see.Value.Length > 0 ? $"[{see.Value}]({href})" : href;
        }

        var name = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Value;
        return $"`{name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..]}`";
    }

    private static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .SkipWhile(l => l.Trim().Length == 0).Reverse().SkipWhile(l => l.Trim().Length == 0).Reverse().ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));
    }

    /// <summary>Paragraphs trimmed, blank lines between them, and code blocks left as they are.</summary>
    private static string Paragraphs(string text) =>
        string.Join("\n\n", ParagraphBreak().Split(text).Select(p => p.StartsWith("```", StringComparison.Ordinal) ? p.Trim('\n') : p.Trim()).Where(p => p.Length > 0));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();
}
