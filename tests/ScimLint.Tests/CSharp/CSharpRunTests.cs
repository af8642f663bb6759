using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScimLint.Loading;

namespace ScimLint.Tests.CSharp;

/// <summary>
/// Issue 10's performance bullet: the C# files of a run are read and parsed once and indexed once, shared by every
/// document (before, each document parsed and indexed every companion file: quadratic in the run's C# files).
/// </summary>
public sealed class CSharpRunTests
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["/r/Hosts.cs"] = "public static class Hosts { public const string Eu = \"app.eu.strongdm.com\"; }",
        ["/r/a/Config.cs"] = "public static class A { public static object App => new { ssoUrl = \"https://\" + Hosts.Eu + \"/app/login\" }; }",
        ["/r/b/Config.cs"] = "public static class B { public static object App => new { ssoUrl = \"https://\" + Hosts.Eu + \"/app/login\" }; }",
    };

    [Fact]
    public void Each_file_of_the_run_is_read_and_parsed_once_for_all_documents()
    {
        var reads = new Dictionary<string, int>(StringComparer.Ordinal);
        var run = new CSharpRun(path => { reads[path] = reads.GetValueOrDefault(path) + 1; return Files.GetValueOrDefault(path); }, [.. Files.Keys.Order(StringComparer.Ordinal)], 256);

        foreach (var self in new[] { "/r/a/Config.cs", "/r/b/Config.cs" })
        {
            var companions = CSharpCompanions.OfRun(run, self, []);
            var own = companions.Own(Files[self]);
            Assert.NotNull(own);
            Assert.Same(run.Tree(self), own);
            Assert.Single(companions.Symbols(own).Constants("Eu"));
        }

        Assert.Same(run.Symbols, CSharpCompanions.OfRun(run, "/r/a/Config.cs", []).Symbols(run.Tree("/r/a/Config.cs")!));
        // Read once: the text the run compares a document's with is the text it parsed.
        Assert.Equal(1, reads["/r/Hosts.cs"]);
        Assert.Equal(1, reads["/r/a/Config.cs"]);
        Assert.Equal(1, reads["/r/b/Config.cs"]);
    }

    [Fact]
    public void A_document_read_from_its_file_hands_the_run_its_text_instead_of_a_second_read()
    {
        var reads = new Dictionary<string, int>(StringComparer.Ordinal);
        var run = new CSharpRun(path => { reads[path] = reads.GetValueOrDefault(path) + 1; return Files.GetValueOrDefault(path); }, [.. Files.Keys.Order(StringComparer.Ordinal)], 256);

        var documents = new[] { "/r/a/Config.cs", "/r/b/Config.cs" }.Select(self => (Companions: CSharpCompanions.OfRun(run, self, [], readFromFile: true), Text: Files[self])).ToList();
        var owns = documents.Select(d => d.Companions.Own(d.Text)).ToList();
        Assert.Same(run.Tree("/r/a/Config.cs"), owns[0]);
        Assert.Same(run.Tree("/r/b/Config.cs"), owns[1]);
        Assert.Single(documents[0].Companions.Symbols(owns[0]!).Constants("Eu"));

        Assert.Equal(1, reads["/r/Hosts.cs"]);
        Assert.False(reads.ContainsKey("/r/a/Config.cs"));
        Assert.False(reads.ContainsKey("/r/b/Config.cs"));

        // Not read from the file (stdin, an edited text): compared with the file, as before.
        Assert.Null(CSharpCompanions.OfRun(run, "/r/a/Config.cs", []).Own("public static class Edited { }"));
    }

    [Fact]
    public void A_document_outside_the_run_shares_its_parse_with_a_document_that_needs_it_as_a_sibling()
    {
        var reads = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/d/A.cs"] = "public static class A { public static object App => new { ssoUrl = \"https://\" + B.Host + \"/app/login\" }; }",
            ["/d/B.cs"] = "public static class B { public const string Host = \"app.strongdm.com\"; }",
        };
        var run = new CSharpRun(path => { reads[path] = reads.GetValueOrDefault(path) + 1; return texts.GetValueOrDefault(path); }, ["/r/Run.cs"], 256);

        var own = CSharpCompanions.OfRun(run, "/d/B.cs", ["/d/A.cs"], readFromFile: true).Own(texts["/d/B.cs"]);
        Assert.NotNull(own);
        Assert.Same(own, run.Tree("/d/B.cs"));
        Assert.False(reads.ContainsKey("/d/B.cs"));

        var companions = CSharpCompanions.OfRun(run, "/d/A.cs", ["/d/B.cs"], readFromFile: true);
        var ownA = companions.Own(texts["/d/A.cs"])!;
        Assert.Single(companions.Symbols(ownA).Constants("Host"));
        Assert.False(reads.ContainsKey("/d/B.cs"));

        // A text that is not the file's (stdin) is not taken as the file's, and an edited one is not reused.
        Assert.Null(CSharpCompanions.OfRun(run, "/d/C.cs", [], readFromFile: false).Own("class C { }"));
        Assert.Null(CSharpCompanions.OfRun(run, "/d/B.cs", [], readFromFile: true).Own("public static class Edited { }"));
    }

    [Fact]
    public void Trees_of_files_outside_the_run_are_kept_only_for_the_last_ones_asked()
    {
        var reads = new Dictionary<string, int>(StringComparer.Ordinal);
        var run = new CSharpRun(path => { reads[path] = reads.GetValueOrDefault(path) + 1; return "class C { const string X = \"x\"; }"; }, ["/r/Run.cs"], 256);
        var others = Enumerable.Range(0, CSharpRun.MaxOtherTrees + 10).Select(i => $"/other/{i}.cs").ToList();

        var first = run.Tree(others[0]);
        Assert.Same(first, run.Tree(others[0]));
        foreach (var other in others)
        {
            Assert.NotNull(run.Tree(other));
        }

        Assert.Same(run.Tree(others[^1]), run.Tree(others[^1]));
        Assert.NotSame(first, run.Tree(others[0])); // dropped, parsed again
        Assert.Equal(2, reads[others[0]]);
        Assert.Equal(1, reads[others[^1]]);
        Assert.Same(run.Tree("/r/Run.cs"), run.Tree("/r/Run.cs"));
    }

    [Fact]
    public void A_document_whose_text_differs_from_the_file_parses_its_own_text()
    {
        var run = new CSharpRun(Files.GetValueOrDefault, [.. Files.Keys], 256);

        Assert.Null(CSharpCompanions.OfRun(run, "/r/a/Config.cs", []).Own("public static class Edited { }"));
        Assert.Null(CSharpCompanions.OfRun(run, "/r/not-in-run.cs", []).Own(Files["/r/a/Config.cs"]));
    }

    [Fact]
    public void A_companion_nested_past_the_cap_is_not_parsed()
    {
        var deep = "public static class D { public const string X = " + new string('(', 300) + "\"x\"" + new string(')', 300) + "; }";
        var run = new CSharpRun(_ => deep, ["/r/Deep.cs"], 256);

        Assert.Null(run.Tree("/r/Deep.cs"));
        Assert.Empty(run.Symbols.Constants("X"));
    }

    [Theory]
    [InlineData("Host", "app.eu.strongdm.com")]
    [InlineData("Other.Host", "app.uk.strongdm.com")]
    public void A_name_declared_in_several_files_folds_from_the_declaration_in_scope(string reference, string expected)
    {
        var own = CSharpSyntaxTree.ParseText($"public static class Mine {{ private const string Host = \"app.eu.strongdm.com\"; public static string Url => {reference}; }}");
        var other = CSharpSyntaxTree.ParseText("public static class Other { public const string Host = \"app.uk.strongdm.com\"; }");
        var third = CSharpSyntaxTree.ParseText("public static class Third { private const string Host = \"app.strongdm.com\"; }");
        var symbols = new CSharpSymbols([own, other, third]);
        var expression = own.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>().Single(p => p.Identifier.ValueText == "Url").ExpressionBody!.Expression;

        Assert.True(CSharpFolding.TryFold(expression, () => symbols, 0, out var value));
        Assert.Equal(expected, value);
    }
}
