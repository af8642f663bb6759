using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using System.Text.RegularExpressions;
using ScimLint.Cli;
using ScimLint.Engine;
using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Rules;

/// <summary>One rule is one unit: sealed class, descriptor, catalogue entry, docs page, good and bad fixtures.</summary>
public sealed partial class RuleGuardTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.Default.Rules)
        {
            data.Add(rule.Descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_a_sealed_class_with_a_well_formed_descriptor(string id)
    {
        var rule = RuleCatalog.Default.Find(id)!;
        var d = rule.Descriptor;

        Assert.True(rule.GetType().IsSealed, $"{rule.GetType().Name} must be sealed");
        Assert.Matches(IdPattern(), d.Id);
        Assert.Matches(NamePattern(), d.Name);
        Assert.False(string.IsNullOrWhiteSpace(d.Title));
        Assert.False(string.IsNullOrWhiteSpace(d.Description));
        Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat));
        Assert.NotEqual(Severity.None, d.DefaultSeverity);
        Assert.NotEmpty(d.Tags);
        Assert.EndsWith($"/docs/rules/{d.Id}.md", d.HelpUri.ToString(), StringComparison.Ordinal);
        Assert.Same(d, rule.Descriptor);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_written_docs_page_that_explain_and_sarif_embed(string id)
    {
        var path = Repo.Path_("docs", "rules", id + ".md");

        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing: run `{RuleDocsWriter.Command}` for a stub, then write its prose");
        var page = File.ReadAllText(path);
        Assert.DoesNotContain(RuleDocsWriter.StubText, page, StringComparison.Ordinal);
        Assert.Contains("\n## Why it matters\n", page, StringComparison.Ordinal);
        Assert.Equal(page, RuleDocs.Get(id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_bad_and_good_fixtures(string id)
    {
        var dir = Path.Combine(RuleFixtureTests.FixturesRoot, id);

        Assert.True(Directory.Exists(dir), $"no fixtures for {id} in {dir}");
        Assert.Contains(Directory.GetDirectories(dir), d => Path.GetFileName(d).StartsWith("bad-", StringComparison.Ordinal));
        Assert.Contains(Directory.GetDirectories(dir), d => Path.GetFileName(d).StartsWith("good-", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_docs_page_and_fixture_folder_belongs_to_a_catalogued_rule()
    {
        var ids = RuleCatalog.Default.Rules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Repo.Path_("docs", "rules"), "SL*.md").Select(Path.GetFileNameWithoutExtension);
        var fixtures = Directory.GetDirectories(RuleFixtureTests.FixturesRoot).Select(Path.GetFileName);

        Assert.All(pages, p => Assert.Contains(p!, ids));
        Assert.All(fixtures, f => Assert.Contains(f!, ids));
    }

    [Fact]
    public void Every_rule_class_in_the_assembly_is_in_the_catalogue()
    {
        var catalogued = RuleCatalog.Default.Rules.Select(r => r.GetType()).ToHashSet();
        var all = typeof(Rule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract);

        Assert.All(all, t => Assert.Contains(t, catalogued));
    }

    [Fact]
    public void Rule_docs_headers_index_and_readme_table_are_generated_from_the_catalogue()
    {
        var files = RuleDocsWriter.Render(new FileSystem(), Repo.Root, RuleCatalog.Default);

        Assert.Contains(files, f => f.Path == "README.md");
        Assert.Contains(files, f => f.Path == "docs/rules/README.md");
        Assert.All(files, f => Assert.True(
            File.Exists(Repo.Path_(f.Path)) && File.ReadAllText(Repo.Path_(f.Path)).Replace("\r\n", "\n", StringComparison.Ordinal) == f.Content,
            $"{f.Path} is not what the catalogue generates: run `{RuleDocsWriter.Command}` at the repository root"));
    }

    [Fact]
    public void Docs_generator_rewrites_a_drifted_header_and_keeps_the_prose()
    {
        var d = RuleCatalog.Default.Find("SL104")!.Descriptor;
        const string Prose = "## Why it matters\n\nHand-written.\n";
        var drifted = $"# {d.Id} - An old title\n\n| | |\n|---|---|\n| ID | {d.Id} |\n| Tags | old, tags |\n\n{Prose}";

        var page = RuleDocsWriter.Page(d, drifted);

        Assert.Equal(RuleDocsWriter.Header(d) + "\n" + Prose, page);
        Assert.StartsWith($"# SL104 - {d.Title}\n", page, StringComparison.Ordinal);
        Assert.Contains($"| Tags | {string.Join(", ", d.Tags)} |\n", page, StringComparison.Ordinal);
        Assert.Equal(page, RuleDocsWriter.Page(d, page));
    }

    [Fact]
    public void Rules_write_docs_rewrites_the_generated_parts_in_the_working_directory()
    {
        var d = RuleCatalog.Default.Find("SL101")!.Descriptor;
        var fs = new MockFileSystem();
        fs.AddFile("/repo/README.md", new MockFileData("# Readme\n\n<!-- rules:begin -->\nold table\n<!-- rules:end -->\n\nAfter.\n"));
        fs.AddFile("/repo/docs/rules/SL101.md", new MockFileData($"# SL101 - Old\n\n| Tags | old |\n\n## Why it matters\n\nKept.\n"));

        var run = CliRunner.Run(fs, "/repo", "rules", "--write-docs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("wrote docs/rules/SL101.md\n", run.Out, StringComparison.Ordinal);
        Assert.Equal(RuleDocsWriter.Header(d) + "\n## Why it matters\n\nKept.\n", fs.File.ReadAllText("/repo/docs/rules/SL101.md"));
        Assert.Equal($"# Readme\n\n<!-- rules:begin -->\n{RulesCommand.Markdown(RuleCatalog.Default)}<!-- rules:end -->\n\nAfter.\n", fs.File.ReadAllText("/repo/README.md"));
        Assert.Contains(RuleDocsWriter.StubText, fs.File.ReadAllText("/repo/docs/rules/SL102.md"), StringComparison.Ordinal);
        Assert.Equal(RuleDocsWriter.Index(RuleCatalog.Default), fs.File.ReadAllText("/repo/docs/rules/README.md"));
    }

    [GeneratedRegex(@"^SL\d{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*$")]
    private static partial Regex NamePattern();
}
