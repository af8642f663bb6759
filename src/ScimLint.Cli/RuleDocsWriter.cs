using System.Globalization;
using System.IO.Abstractions;
using System.Text;
using ScimLint.Engine;
using ScimLint.Rules;

namespace ScimLint.Cli;

/// <summary>
/// Generates the rule documentation that mirrors the catalogue, so it cannot drift: each <c>docs/rules/SLnnn.md</c>
/// heading and table (ID, name, default severity, security severity, tags), the index <c>docs/rules/README.md</c>, and
/// the README table between <c>&lt;!-- rules:begin --&gt;</c> and <c>&lt;!-- rules:end --&gt;</c>. A page's prose,
/// from its first <c>## </c> heading on, is hand-written and kept. A rule without a page gets a stub whose sections say
/// <see cref="StubText"/> (a guard test fails until they are written).
/// Run from the repository root: <c>dotnet run --project src/ScimLint.Cli -- rules --write-docs</c>.
/// </summary>
internal static class RuleDocsWriter
{
    public const string ReadmeBegin = "<!-- rules:begin -->\n";

    public const string ReadmeEnd = "<!-- rules:end -->";

    public const string StubText = "_To be written._";

    /// <summary>The command that rewrites the generated parts (for messages and docs).</summary>
    public const string Command = "dotnet run --project src/ScimLint.Cli -- rules --write-docs";

    /// <summary>Every generated file under <paramref name="root"/> (path relative to it, with '/') and its expected content.</summary>
    public static IReadOnlyList<(string Path, string Content)> Render(IFileSystem fs, string root, RuleCatalog catalog)
    {
        var files = new List<(string, string)>();
        foreach (var d in catalog.Rules.Select(r => r.Descriptor))
        {
            var path = $"docs/rules/{d.Id}.md";
            files.Add((path, Page(d, Read(fs, root, path))));
        }

        files.Add(("docs/rules/README.md", Index(catalog)));
        var readme = Read(fs, root, "README.md") ?? throw new LintUsageException($"{fs.Path.Combine(root, "README.md")} not found: run this from the repository root");
        files.Add(("README.md", Readme(readme, catalog)));
        return files;
    }

    /// <summary>Writes the files whose content differs; returns their paths.</summary>
    public static IReadOnlyList<string> Write(IFileSystem fs, string root, RuleCatalog catalog)
    {
        if (!fs.Directory.Exists(fs.Path.Combine(root, "docs", "rules")))
        {
            throw new LintUsageException($"{fs.Path.Combine(root, "docs", "rules")} not found: run this from the repository root");
        }

        var written = new List<string>();
        foreach (var (path, content) in Render(fs, root, catalog))
        {
            if (Read(fs, root, path) != content)
            {
                fs.File.WriteAllText(fs.Path.Combine(root, path), content, new UTF8Encoding(false));
                written.Add(path);
            }
        }

        return written;
    }

    /// <summary>The generated heading and table of a rule's page.</summary>
    public static string Header(RuleDescriptor d)
    {
        var builder = new StringBuilder();
        builder.Append($"# {d.Id} - {d.Title}\n\n| | |\n|---|---|\n| ID | {d.Id} |\n| Name | {d.Name} |\n| Default severity | {d.DefaultSeverity.Name()} |\n");
        if (d.SecuritySeverity is { } security)
        {
            builder.Append($"| Security severity | {security.ToString("0.0", CultureInfo.InvariantCulture)} |\n");
        }

        builder.Append($"| Tags | {string.Join(", ", d.Tags)} |\n");
        return builder.ToString();
    }

    /// <summary>A page: the generated header, then the prose of <paramref name="existing"/> (or a stub).</summary>
    public static string Page(RuleDescriptor d, string? existing)
    {
        var prose = existing is null ? null : Prose(existing);
        return Header(d) + "\n" + (prose ?? Stub(d));
    }

    /// <summary>The index of the rule pages.</summary>
    public static string Index(RuleCatalog catalog)
    {
        var builder = new StringBuilder("# ScimLint rules\n\nOne page per rule. `scimlint explain SLnnn` prints the same text.\n\n");
        foreach (var d in catalog.Rules.Select(r => r.Descriptor))
        {
            builder.Append($"- [{d.Id}]({d.Id}.md) {d.Name}: {d.Title}\n");
        }

        return builder.ToString();
    }

    /// <summary>The README with its rule table replaced by <see cref="RulesCommand.Markdown"/>.</summary>
    public static string Readme(string readme, RuleCatalog catalog)
    {
        var begin = readme.IndexOf(ReadmeBegin, StringComparison.Ordinal);
        var end = begin < 0 ? -1 : readme.IndexOf(ReadmeEnd, begin, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new LintUsageException($"README.md lacks the {ReadmeBegin.TrimEnd()} ... {ReadmeEnd} block");
        }

        var start = begin + ReadmeBegin.Length;
        return string.Concat(readme.AsSpan(0, start), RulesCommand.Markdown(catalog), readme.AsSpan(end));
    }

    /// <summary>The hand-written part of a page: from its first second-level heading on, or null when it has none.</summary>
    private static string? Prose(string page)
    {
        if (page.StartsWith("## ", StringComparison.Ordinal))
        {
            return page;
        }

        var at = page.IndexOf("\n## ", StringComparison.Ordinal);
        return at < 0 ? null : page[(at + 1)..];
    }

    private static string Stub(RuleDescriptor d) =>
        $"""
        ## Why it matters

        {StubText}

        ## Non-compliant

        {StubText}

        ## Compliant

        {StubText}

        ## How to fix

        {StubText}

        ## Configuration

        Change the severity or turn the rule off in `.scimlint.yaml`:

        ```yaml
        rules:
          {d.Id}: {(d.DefaultSeverity == Severity.Note ? "warning" : "note")}   # error | warning | note | off
        ```

        """;

    private static string? Read(IFileSystem fs, string root, string relative)
    {
        var path = fs.Path.Combine(root, relative);
        return fs.File.Exists(path) ? fs.File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
    }
}
