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
    public void Rule_has_a_docs_page_whose_heading_matches_the_descriptor(string id)
    {
        var d = RuleCatalog.Default.Find(id)!.Descriptor;
        var path = Repo.Path_("docs", "rules", id + ".md");

        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing");
        var firstLine = File.ReadLines(path).First();
        Assert.Equal($"# {d.Id} - {d.Title}", firstLine);
        Assert.Equal(File.ReadAllText(path), RuleDocs.Get(id));
        Assert.Contains($"| Name | {d.Name} |", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains($"| Default severity | {d.DefaultSeverity.Name()} |", File.ReadAllText(path), StringComparison.Ordinal);
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
    public void Readme_rule_table_is_generated_from_the_catalogue()
    {
        var readme = File.ReadAllText(Repo.Path_("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var match = TableBlock().Match(readme);

        Assert.True(match.Success, "README.md lacks the <!-- rules:begin --> ... <!-- rules:end --> block");
        Assert.Equal(RulesCommand.Markdown(RuleCatalog.Default), match.Groups["table"].Value);
    }

    [GeneratedRegex(@"^SL\d{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"<!-- rules:begin -->\n(?<table>.*?)<!-- rules:end -->", RegexOptions.Singleline)]
    private static partial Regex TableBlock();
}
