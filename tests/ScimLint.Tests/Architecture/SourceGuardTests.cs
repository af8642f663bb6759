using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Architecture;

/// <summary>
/// Guards on the shape of src/, read with Roslyn's syntax API: no method over 60 lines, no import cycle between
/// Core's folders, and rules that never reach into the engine.
/// </summary>
public sealed class SourceGuardTests
{
    private const int MaxMethodLines = 60;

    private static readonly Lazy<IReadOnlyList<SourceFile>> Sources = new(ReadSources);

    [Fact]
    public void No_method_in_src_is_longer_than_60_lines()
    {
        var tooLong = Sources.Value.SelectMany(f => LongMethods(f.Tree, f.RelativePath)).ToList();

        Assert.True(tooLong.Count == 0, "methods over " + MaxMethodLines + " lines:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void The_engine_that_composes_the_stages_stays_under_200_lines()
    {
        // Issue 7: LintEngine composes the stages and does no stage's work itself. It grew to 294 lines once the
        // stages were in place; the option records, the baseline files and the stdin run now live beside it.
        var engine = Sources.Value.Single(f => f.RelativePath == "ScimLint.Core/Engine/LintEngine.cs");

        var lines = engine.Tree.GetText().ToString().Count(c => c == '\n');

        Assert.True(lines < 200, $"LintEngine.cs has {lines} lines; move work into a stage");
    }

    [Fact]
    public void The_method_length_guard_can_fail()
    {
        string Method(int bodyLines) => "class C {\n void M()\n {\n" + string.Concat(Enumerable.Repeat("  int x = 0;\n", bodyLines)) + " }\n}\n";

        // Signature, two braces and the body: 58 body lines make a 61-line method.
        Assert.Empty(LongMethods(CSharpSyntaxTree.ParseText(Method(57)), "ok.cs"));
        Assert.Single(LongMethods(CSharpSyntaxTree.ParseText(Method(58)), "long.cs"));
        Assert.Single(LongMethods(CSharpSyntaxTree.ParseText("class C { int P { get {\n" + string.Concat(Enumerable.Repeat("x();\n", 60)) + "return 0; } } }"), "accessor.cs"));
    }

    [Fact]
    public void Core_folders_do_not_import_each_other_in_a_cycle()
    {
        var graph = FolderGraph(Sources.Value.Where(f => f.Folder is not null));

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, "import cycle between Core folders: " + string.Join(" -> ", cycle ?? []));
    }

    [Fact]
    public void Rules_and_stages_keep_their_distance()
    {
        var graph = FolderGraph(Sources.Value.Where(f => f.Folder is not null));

        Assert.True(graph.ContainsKey("Rules") && graph.ContainsKey("Engine"), "the folder graph lost Rules or Engine");
        Assert.DoesNotContain("Engine", graph["Rules"]);
        Assert.DoesNotContain("Reporting", graph["Rules"]);
        Assert.Contains("Rules", graph["Engine"]);
    }

    [Fact]
    public void The_cycle_guard_can_fail()
    {
        var files = new[]
        {
            Parse("A/One.cs", "using ScimLint.B;\nnamespace ScimLint.A;\nclass One { }"),
            Parse("B/Two.cs", "namespace ScimLint.B;\nclass Two { C.Three? t; }"),
            Parse("C/Three.cs", "namespace ScimLint.C;\nclass Three { void M() => A.One.ToString(); }"),
        };

        var cycle = FindCycle(FolderGraph(files));

        Assert.Equal(["A", "B", "C", "A"], cycle);
    }

    [Fact]
    public void Engine_stages_name_no_rule_id()
    {
        var named = Sources.Value
            .Where(f => f.Folder == "Engine")
            .SelectMany(f => f.Tree.GetRoot().DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) && System.Text.RegularExpressions.Regex.IsMatch(t.ValueText, @"\bSL\d{3}\b"))
                .Select(t => $"{f.RelativePath}: {t.Text}"))
            .ToList();

        Assert.Empty(named);
    }

    [Fact]
    public void Engine_stages_keep_value_tuples_out_of_generic_collections()
    {
        // Issue 12, start-up: a framework-dependent ReadyToRun image holds no code for the framework's generics over a
        // value tuple (List<(string, string)>, Queue<(int, T)>, DistinctBy(x => (a, b)), ...), so each one on the
        // lint path was JIT-compiled on every run: 534 methods before session 17, 231 after (docs/performance.md,
        // "Start-up JIT (session 17)"). Use a small sealed record instead. The exceptions are off the pre-commit path.
        // The C# loader's grouping and the SARIF results (a lambda making a tuple: Select(x => (x, y))) cost 180 and 72
        // methods the same way, so Loading/ and Reporting/ are checked too.
        string[] allowed =
        [
            "ScimLint.Core/Engine/AtomicFile.cs", // report files written with --output/--sarif/--report only
            "ScimLint.Core/Engine/Pairing.cs: (string FullPath, int AppIndex)", // the exports of a settings input
            "ScimLint.Core/Engine/Pairing.cs: (string, int)",
        ];

        var found = Sources.Value
            .Where(f => f.Folder is "Engine" or "Loading" or "Reporting")
            .SelectMany(f => TuplesInCollections(f.Tree, f.RelativePath))
            .Where(t => !allowed.Any(a => t == a || t.StartsWith(a + ":", StringComparison.Ordinal)))
            .ToList();

        Assert.True(found.Count == 0, "value tuples as type arguments or made by lambdas in Engine, Loading or Reporting (JIT-compiled at start-up under ReadyToRun; use a sealed record):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_tuple_guard_can_fail()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class C
            {
                System.Collections.Generic.List<(string Path, string Reason)> skipped = new();
                object M(System.Collections.Generic.IEnumerable<R> items) => items.DistinctBy(i => (i.A, i.B));
                object N(System.Collections.Generic.IEnumerable<R> items) => items.Select(i => (Item: i, i.A)).ToList();
                System.Collections.Generic.List<R> fine = new();
                (int, int) Pair() => (1, 2);
            }
            """);

        var found = TuplesInCollections(tree, "x.cs").ToList();

        Assert.Equal(["x.cs: (string Path, string Reason)", "x.cs: DistinctBy(i => (i.A, i.B))", "x.cs: Select(i => (Item: i, i.A))"], found);
    }

    /// <summary>Value tuples used as a generic type argument, and lambdas passed to a call that make a tuple (a DistinctBy key, a Select), as "file: text".</summary>
    internal static IEnumerable<string> TuplesInCollections(SyntaxTree tree, string path)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is TupleTypeSyntax tuple && tuple.Parent is TypeArgumentListSyntax)
            {
                yield return $"{path}: {tuple}";
            }
            else if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: var method } } call
                && call.ArgumentList.Arguments.FirstOrDefault(a => a.Expression is LambdaExpressionSyntax { ExpressionBody: TupleExpressionSyntax }) is { } lambda)
            {
                // A lambda that makes a tuple (DistinctBy(x => (a, b)), Select(x => (x, y))) instantiates the call over it.
                yield return $"{path}: {method}({lambda})";
            }
        }
    }

    /// <summary>Methods, constructors, operators, accessors and local functions longer than the limit, as "file:line name (n lines)".</summary>
    internal static IEnumerable<string> LongMethods(SyntaxTree tree, string path)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var name = node switch
            {
                MethodDeclarationSyntax m => m.Identifier.Text,
                ConstructorDeclarationSyntax c => c.Identifier.Text + " (constructor)",
                LocalFunctionStatementSyntax l => l.Identifier.Text + " (local function)",
                AccessorDeclarationSyntax a => a.Keyword.Text + " accessor",
                OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
                ConversionOperatorDeclarationSyntax => "conversion operator",
                _ => null,
            };
            if (name is null)
            {
                continue;
            }

            var span = node.GetLocation().GetLineSpan();
            var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (lines > MaxMethodLines)
            {
                yield return $"{path}:{span.StartLinePosition.Line + 1} {name} ({lines} lines)";
            }
        }
    }

    /// <summary>
    /// Which Core folders each folder's files refer to: <c>using ScimLint.X</c> directives, and names qualified by a
    /// folder (<c>ScimLint.X.T</c>, or <c>X.T</c> inside the ScimLint namespace) whose next part is a type or
    /// namespace declared in that folder (so a property that happens to be called <c>Rules</c> does not count).
    /// </summary>
    internal static Dictionary<string, SortedSet<string>> FolderGraph(IEnumerable<SourceFile> files)
    {
        var list = files.ToList();
        var declared = list.GroupBy(f => f.Folder!).ToDictionary(g => g.Key, g => g.SelectMany(f => DeclaredNames(f.Tree)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var graph = declared.Keys.ToDictionary(k => k, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var file in list)
        {
            foreach (var target in References(file.Tree, declared).Where(t => t != file.Folder))
            {
                graph[file.Folder!].Add(target);
            }
        }

        return graph;
    }

    /// <summary>A cycle as folder names, first folder repeated at the end; null when there is none.</summary>
    internal static List<string>? FindCycle(Dictionary<string, SortedSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path[path.IndexOf(next)..], next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Where(k => state.GetValueOrDefault(k) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static IEnumerable<string> DeclaredNames(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
        {
            yield return type.Identifier.Text;
        }

        foreach (var type in root.DescendantNodes().OfType<DelegateDeclarationSyntax>())
        {
            yield return type.Identifier.Text;
        }

        foreach (var ns in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
        {
            // ScimLint.Rules.Urls declares "Urls" inside Rules.
            foreach (var part in ns.Name.ToString().Split('.').Skip(2))
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<string> References(SyntaxTree tree, Dictionary<string, HashSet<string>> declared)
    {
        var root = tree.GetRoot();
        foreach (var directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
        {
            var parts = directive.NamespaceOrType.ToString().Split('.');
            if (parts is ["ScimLint", var folder, ..] && declared.ContainsKey(folder))
            {
                yield return folder;
            }
        }

        foreach (var node in root.DescendantNodes().Where(n => n is QualifiedNameSyntax or MemberAccessExpressionSyntax && n.Parent is not (QualifiedNameSyntax or MemberAccessExpressionSyntax)))
        {
            var parts = node.ToString().Split('.').Select(p => p.Trim()).ToArray();
            var start = parts is ["ScimLint", ..] ? 1 : 0;
            if (parts.Length > start + 1 && declared.TryGetValue(parts[start], out var names) && names.Contains(Identifier(parts[start + 1])))
            {
                yield return parts[start];
            }
        }
    }

    private static string Identifier(string part)
    {
        var end = part.IndexOfAny(['<', '(', '[', ' ']);
        return end < 0 ? part : part[..end];
    }

    private static SourceFile Parse(string relativePath, string text) =>
        new(relativePath, relativePath.Split('/')[0], CSharpSyntaxTree.ParseText(text));

    private static IReadOnlyList<SourceFile> ReadSources()
    {
        var src = Path.Combine(Repo.Root, "src");
        var core = Path.Combine(src, "ScimLint.Core");
        return [.. Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "obj" or "bin"))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var relative = Path.GetRelativePath(src, f).Replace('\\', '/');
                var inCore = Path.GetRelativePath(core, f).Replace('\\', '/').Split('/');
                var folder = !relative.StartsWith("ScimLint.Core/", StringComparison.Ordinal) || inCore.Length < 2 ? null : inCore[0];
                return new SourceFile(relative, folder, CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f));
            })];
    }

    /// <summary>One source file; <see cref="Folder"/> is its top folder in ScimLint.Core, null elsewhere.</summary>
    internal sealed record SourceFile(string RelativePath, string? Folder, SyntaxTree Tree);
}
