using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Tests.Infrastructure;
using ScimLint.Text;

namespace ScimLint.Tests.CSharp;

/// <summary>
/// Issue 12's C# bullet: the syntax-only path skips Roslyn work nothing reads. The comments are found from the text's
/// slashes instead of a walk over every trivia of the tree, and a batch of C# files runs on the large-stack threads
/// instead of handing each file to one of them; both must give exactly what they replaced.
/// </summary>
public sealed class CSharpSyntaxPathTests
{
    // The walk the loader used before: every comment trivia of the tree, in order (documentation comments are
    // structured trivia of other kinds, and are not comments here).
    private static List<(SourceSpan Span, string Text)> CommentsByWalk(SourceText text)
    {
        var root = CSharpSyntaxTree.ParseText(text.Text, CSharpDocumentLoader.ParseOptions).GetCompilationUnitRoot();
        return [.. root.DescendantTrivia()
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            .Select(t => (text.Span(t.Span.Start, t.Span.End), t.ToString()))];
    }

    private static List<(SourceSpan Span, string Text)> CommentsFound(SourceText text)
    {
        var root = CSharpSyntaxTree.ParseText(text.Text, CSharpDocumentLoader.ParseOptions).GetCompilationUnitRoot();
        return [.. CSharpDocumentLoader.Comments(text, root).Select(c => (c.Span, text.Text[c.Span.StartOffset..c.Span.EndOffset]))];
    }

    private static readonly string[] Fragments =
    [
        "///", "/// <summary>x</summary>", "////", "/**", "/***", "/**/", "*/", "//", "/*", " ", "\n", "\r\n", "\"", "@\"", "$\"{", "}", "{",
        "'", "#if X", "#endif", "#region r //c", "#else", "class C {", "int x = 1;", "var s = \"http://a\";", "/// <see cref=\"", ">", "<",
        "<![CDATA[", "]]>", "x", ";", "$@\"", "\"\"\"", "/", "*", "// scimlint: ignore[SL104] why", "#pragma warning disable // x", "#define Y", "\t",
    ];

    public static TheoryData<string> RepositorySources()
    {
        var root = Repo.Root;
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "ScimLint.Tests", "Fixtures"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "ScimLint.Core", "Loading"), "*.cs"))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RepositorySources))]
    public void Comments_of_the_repository_sources_are_those_of_the_trivia_walk(string relativePath)
    {
        var text = new SourceText(relativePath, File.ReadAllText(Path.Combine(Repo.Root, relativePath)));

        Assert.Equal(CommentsByWalk(text), CommentsFound(text));
    }

    [Fact]
    public void Comments_of_random_fragments_are_those_of_the_trivia_walk()
    {
        // Comments inside strings, directives, disabled code, documentation comments and unterminated constructs.
        var random = new Random(12);
        var compared = 0;
        for (var n = 0; n < 3000; n++)
        {
            var source = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            var text = new SourceText("f.cs", source);
            List<(SourceSpan, string)> expected;
            try
            {
                expected = CommentsByWalk(text);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue; // Roslyn itself fails on a few of these; the loader reports that as an error, not as comments
            }

            Assert.True(expected.SequenceEqual(CommentsFound(text)), source);
            compared++;
        }

        Assert.True(compared > 2900, $"only {compared} compared");
    }

    [Fact]
    public void Comments_are_found_where_they_are_and_nowhere_else()
    {
        const string Source = """
            // strongdm
            class C
            {
                /// <summary>documentation: not a comment here // nor this</summary>
                string Url = "https://app.strongdm.com/* not a comment */"; // scimlint: ignore[SL104] reason
                /* block // with slashes */ int X = 1;
            #if NEVER
                // disabled code
            #endif
            }
            """;
        var text = new SourceText("c.cs", Source);

        Assert.Equal(["// strongdm", "// scimlint: ignore[SL104] reason", "/* block // with slashes */"], CommentsFound(text).Select(c => c.Text));
    }

    [Fact]
    public void A_batch_runs_every_index_once_on_large_stack_threads()
    {
        var seen = new int[1000];
        var onLargeStack = 0;
        LargeStack.For(seen.Length, 4, i =>
        {
            Interlocked.Increment(ref seen[i]);
            if (LargeStack.IsCurrent)
            {
                Interlocked.Increment(ref onLargeStack);
            }
        });

        Assert.All(seen, count => Assert.Equal(1, count));
        Assert.Equal(seen.Length, onLargeStack);
        Assert.False(LargeStack.IsCurrent);
    }

    [Fact]
    public void Work_already_on_a_large_stack_thread_runs_inline_and_failures_reach_the_caller()
    {
        var threads = new System.Collections.Concurrent.ConcurrentBag<(int Outer, int Inner)>();
        LargeStack.For(8, 2, _ => LargeStack.Run(() => threads.Add((Environment.CurrentManagedThreadId, Environment.CurrentManagedThreadId))));
        Assert.Equal(8, threads.Count);

        var outer = 0;
        var inner = -1;
        LargeStack.Run(() =>
        {
            outer = Environment.CurrentManagedThreadId;
            LargeStack.Run(() => inner = Environment.CurrentManagedThreadId);
        });
        Assert.Equal(outer, inner);
        Assert.NotEqual(Environment.CurrentManagedThreadId, outer);

        var failure = Assert.Throws<InvalidOperationException>(() => LargeStack.For(100, 2, i =>
        {
            if (i == 50)
            {
                throw new InvalidOperationException("index 50");
            }
        }));
        Assert.Equal("index 50", failure.Message);
    }
}
