using System.Globalization;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScimLint.Documents;
using ScimLint.Text;

namespace ScimLint.Loading;

/// <summary>
/// Reads configuration kept in C# source: object initializers of the JumpCloud SDK's <c>Application</c> model and of
/// teams' own <c>IdentityManagement</c>, <c>JumpCloudExport</c>, <c>StrongDmSettings</c>, <c>ControlPlane</c> and
/// <c>Provisioning</c> types. It parses syntax only (Roslyn), and builds a compilation only when a value needs constant
/// folding. Members map to camelCase keys, so rules see the same tree as for YAML and JSON. This class is the only
/// place that references Roslyn, so Roslyn loads only when a C# file is read.
/// </summary>
internal static class CSharpDocumentLoader
{
    /// <summary>Type names whose initializers hold JumpCloud export parts, with the key each becomes at the root.</summary>
    private static readonly Dictionary<string, string> JumpCloudParts = new(StringComparer.Ordinal)
    {
        ["Application"] = "application",
        ["IdentityManagement"] = "identityManagement",
    };

    /// <summary>Type names whose initializers hold StrongDM settings parts.</summary>
    private static readonly Dictionary<string, string> StrongDmParts = new(StringComparer.Ordinal)
    {
        ["ControlPlane"] = "controlPlane",
        ["Provisioning"] = "provisioning",
    };

    // "Application" and "Provisioning" are common words in C#; a configuration also names StrongDM, or one of the
    // members or types only this configuration has. Anything else is not parsed at all.
    private static readonly string[] Markers = ["JumpCloudExport", "StrongDmSettings", "StrongDmProvisioning", "IdentityManagement", "SsoUrl", "ScimProvider"];

    /// <summary>Whether C# source may hold configuration (cheap: no parsing).</summary>
    public static bool MayHoldConfiguration(string source) =>
        source.Contains("strongdm", StringComparison.OrdinalIgnoreCase) || Markers.Any(m => source.Contains(m, StringComparison.Ordinal));

    public static SourceDocument Load(SourceText text, LoadLimits limits, Func<IReadOnlyList<string>>? companions = null)
    {
        if (!MayHoldConfiguration(text.Text))
        {
            return new SourceDocument(text, DocumentFormat.CSharp, null, [], []);
        }

        var tree = CSharpSyntaxTree.ParseText(text.Text, new CSharpParseOptions(LanguageVersion.Preview));
        var root = tree.GetCompilationUnitRoot();
        var diagnostics = tree.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Take(20)
            .Select(d => new LoadDiagnostic(text.Span(d.Location.SourceSpan.Start, d.Location.SourceSpan.End), "C# syntax error " + d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
        var comments = root.DescendantTrivia()
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            .Select(t => new SourceComment(text.Span(t.Span.Start, t.Span.End), CommentText(t.ToString())))
            .ToList();
        var builder = new Builder(text, tree, limits, companions);
        DocNode? docRoot;
        try
        {
            docRoot = builder.BuildRoot(root);
        }
        catch (LimitException ex)
        {
            diagnostics.Add(new LoadDiagnostic(ex.Span, ex.Message));
            docRoot = null;
        }

        return new SourceDocument(text, DocumentFormat.CSharp, docRoot, comments, diagnostics);
    }

    private static string CommentText(string comment) =>
        comment.StartsWith("//", StringComparison.Ordinal) ? comment[2..].Trim() : comment.Trim('/', '*').Trim();

    /// <summary>The simple type name of an object creation (explicit, or implicit from its declaration).</summary>
    internal static string? TypeName(BaseObjectCreationExpressionSyntax creation)
    {
        TypeSyntax? type = creation switch
        {
            ObjectCreationExpressionSyntax explicitNew => explicitNew.Type,
            ImplicitObjectCreationExpressionSyntax => creation.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
                ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
                ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => method.ReturnType,
                ReturnStatementSyntax { Parent: BlockSyntax { Parent: MethodDeclarationSyntax method } } => method.ReturnType,
                _ => null,
            },
            _ => null,
        };
        return type switch
        {
            null => null,
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            NullableTypeSyntax n => n.ElementType is SimpleNameSyntax ns ? ns.Identifier.ValueText : null,
            _ => null,
        };
    }

    /// <summary>
    /// The core library for the fallback compilation, read from the loaded assembly's metadata in memory. Not from
    /// <c>Assembly.Location</c>: that is empty in single-file builds (IL3000), and the file may not exist.
    /// </summary>
    private static readonly Lazy<MetadataReference> CoreLibrary = new(CoreLibraryReference);

    private static unsafe MetadataReference CoreLibraryReference()
    {
        if (!typeof(object).Assembly.TryGetRawMetadata(out var blob, out var length))
        {
            throw new InvalidOperationException("the core library's metadata is not available in memory");
        }

        return AssemblyMetadata.Create(ModuleMetadata.CreateFromMetadata((nint)blob, length)).GetReference();
    }

    private sealed class LimitException(SourceSpan span, string message) : Exception(message)
    {
        public SourceSpan Span { get; } = span;
    }

    private sealed class Builder(SourceText text, SyntaxTree tree, LoadLimits limits, Func<IReadOnlyList<string>>? companions)
    {
        private SemanticModel? _model;
        private int _nodes;

        public DocNode? BuildRoot(CompilationUnitSyntax unit)
        {
            var creations = unit.DescendantNodes()
                .OfType<BaseObjectCreationExpressionSyntax>()
                .Where(c => c.Initializer is { RawKind: (int)SyntaxKind.ObjectInitializerExpression })
                .Select(c => (Creation: c, Type: TypeName(c)))
                .Where(c => c.Type is not null)
                .ToList();

            var export = creations.FirstOrDefault(c => c.Type is "JumpCloudExport");
            if (export.Creation is not null)
            {
                return Mapping(export.Creation, string.Empty, 0, export.Type!);
            }

            var settings = creations.FirstOrDefault(c => c.Type is "StrongDmSettings" or "StrongDmProvisioning");
            if (settings.Creation is not null)
            {
                return Mapping(settings.Creation, string.Empty, 0, settings.Type!);
            }

            var parts = JumpCloudParts;
            var found = Outermost(creations.Where(c => parts.ContainsKey(c.Type!)));
            if (!found.Any(c => c.Type == "Application"))
            {
                parts = StrongDmParts;
                found = Outermost(creations.Where(c => parts.ContainsKey(c.Type!)));
            }

            if (found.Count == 0)
            {
                return null;
            }

            var properties = new List<DocProperty>();
            foreach (var (creation, type) in found.DistinctBy(c => c.Type))
            {
                var keyName = parts[type!];
                var typeToken = creation is ObjectCreationExpressionSyntax e ? e.Type.Span : creation.NewKeyword.Span;
                var key = new DocScalar(text.Span(typeToken.Start, typeToken.End), "/" + keyName, keyName, ScalarKind.String, quoted: false);
                var value = Mapping(creation, "/" + keyName, 1, type!);
                value.Key ??= key;
                properties.Add(new DocProperty(key, value));
            }

            var start = found.Min(c => c.Creation.SpanStart);
            var end = found.Max(c => c.Creation.Span.End);
            return new DocMapping(text.Span(start, end), string.Empty, properties);
        }

        private static List<(BaseObjectCreationExpressionSyntax Creation, string? Type)> Outermost(IEnumerable<(BaseObjectCreationExpressionSyntax Creation, string? Type)> items)
        {
            var list = items.ToList();
            return [.. list.Where(c => !list.Any(o => o.Creation != c.Creation && o.Creation.Span.Contains(c.Creation.Span)))];
        }

        private DocMapping Mapping(BaseObjectCreationExpressionSyntax creation, string path, int depth, string typeName)
        {
            Count(creation);
            if (depth > limits.MaxDepth)
            {
                throw new LimitException(text.Span(creation.SpanStart, creation.SpanStart), $"nesting deeper than {limits.MaxDepth} levels; the file was not parsed");
            }

            var properties = new List<DocProperty>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var sso = new List<DocProperty>();
            foreach (var expression in creation.Initializer!.Expressions)
            {
                if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax member } assignment)
                {
                    continue;
                }

                var name = KeyName(member.Identifier.ValueText, typeName);
                if (typeName == "Application" && member.Identifier.ValueText == "SsoType")
                {
                    var ssoKey = Key(member, path + "/sso/type", "type");
                    var ssoValue = Value(assignment.Right, ssoKey.Path, depth + 1, member.Identifier.ValueText);
                    ssoValue.Key ??= ssoKey;
                    sso.Add(new DocProperty(ssoKey, ssoValue));
                    continue;
                }

                if (!seen.Add(name))
                {
                    continue;
                }

                var key = Key(member, path + "/" + DocNode.Escape(name), name);
                var value = Value(assignment.Right, key.Path, depth + 1, member.Identifier.ValueText);
                value.Key ??= key;
                properties.Add(new DocProperty(key, value));
            }

            if (sso.Count > 0 && !seen.Contains("sso"))
            {
                var first = sso[0].Key;
                var ssoKey = new DocScalar(first.Span, path + "/sso", "sso", ScalarKind.String, quoted: false);
                var map = new DocMapping(sso[0].Value.Span, path + "/sso", sso) { Key = ssoKey };
                properties.Add(new DocProperty(ssoKey, map));
            }

            return new DocMapping(text.Span(creation.SpanStart, creation.Span.End), path, properties);
        }

        private DocScalar Key(IdentifierNameSyntax member, string path, string name) =>
            new(text.Span(member.Span.Start, member.Span.End), path, name, ScalarKind.String, quoted: false);

        private static string KeyName(string member, string typeName)
        {
            if (typeName == "Application" && member == "Id")
            {
                return "_id";
            }

            return member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
        }

        private DocNode Value(ExpressionSyntax expression, string path, int depth, string memberName)
        {
            Count(expression);
            var span = text.Span(expression.SpanStart, expression.Span.End);
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p:
                    return Value(p.Expression, path, depth, memberName);
                case BaseObjectCreationExpressionSyntax { Initializer.RawKind: (int)SyntaxKind.ObjectInitializerExpression } nested:
                    return Mapping(nested, path, depth, TypeName(nested) ?? memberName);
                case BaseObjectCreationExpressionSyntax { Initializer.RawKind: (int)SyntaxKind.CollectionInitializerExpression } list:
                    return Sequence(list.Initializer!.Expressions, span, path, depth, memberName);
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return Sequence(implicitArray.Initializer.Expressions, span, path, depth, memberName);
                case ArrayCreationExpressionSyntax { Initializer: not null } array:
                    return Sequence(array.Initializer.Expressions, span, path, depth, memberName);
                case CollectionExpressionSyntax collection:
                    return Sequence([.. collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression)], span, path, depth, memberName);
                case LiteralExpressionSyntax literal:
                    return Literal(literal, span, path);
                case InvocationExpressionSyntax invocation when EnvironmentVariable(invocation) is { } variable:
                    return new DocScalar(span, path, OneLine(invocation), ScalarKind.String, quoted: false, ValueOrigin.Reference);
                default:
                    // Most configuration constants fold from syntax alone; the compilation (slow to build cold) is the
                    // fallback for what syntax cannot settle, such as two constants of one name in different types.
                    if (TryFold(expression, 0, out var folded))
                    {
                        return Constant(folded, span, path);
                    }

                    var constant = Model.GetConstantValue(expression);
                    if (constant.HasValue)
                    {
                        return Constant(constant.Value, span, path);
                    }

                    // A value computed at run time is not in the source: keep the expression, so no rule judges it.
                    return new DocScalar(span, path, OneLine(expression), ScalarKind.String, quoted: false, ValueOrigin.Expression);
            }
        }

        private DocSequence Sequence(IReadOnlyList<ExpressionSyntax> items, SourceSpan span, string path, int depth, string memberName)
        {
            var nodes = new List<DocNode>();
            foreach (var item in items)
            {
                nodes.Add(Value(item, path + "/" + nodes.Count.ToString(CultureInfo.InvariantCulture), depth + 1, memberName));
            }

            return new DocSequence(span, path, nodes);
        }

        private static DocScalar Literal(LiteralExpressionSyntax literal, SourceSpan span, string path) => literal.Kind() switch
        {
            SyntaxKind.TrueLiteralExpression => new DocScalar(span, path, "true", ScalarKind.Boolean, quoted: false),
            SyntaxKind.FalseLiteralExpression => new DocScalar(span, path, "false", ScalarKind.Boolean, quoted: false),
            SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression => new DocScalar(span, path, string.Empty, ScalarKind.Null, quoted: false),
            SyntaxKind.NumericLiteralExpression => new DocScalar(span, path, Convert.ToString(literal.Token.Value, CultureInfo.InvariantCulture) ?? literal.Token.Text, ScalarKind.Number, quoted: false),
            _ => new DocScalar(span, path, literal.Token.ValueText, ScalarKind.String, quoted: literal.Token.Text.StartsWith('"')),
        };

        private static DocScalar Constant(object? value, SourceSpan span, string path) => value switch
        {
            null => new DocScalar(span, path, string.Empty, ScalarKind.Null, quoted: false, ValueOrigin.Constant),
            bool b => new DocScalar(span, path, b ? "true" : "false", ScalarKind.Boolean, quoted: false, ValueOrigin.Constant),
            string s => new DocScalar(span, path, s, ScalarKind.String, quoted: false, ValueOrigin.Constant),
            char c => new DocScalar(span, path, c.ToString(), ScalarKind.String, quoted: false, ValueOrigin.Constant),
            IFormattable f => new DocScalar(span, path, f.ToString(null, CultureInfo.InvariantCulture), ScalarKind.Number, quoted: false, ValueOrigin.Constant),
            _ => new DocScalar(span, path, value.ToString() ?? string.Empty, ScalarKind.String, quoted: false, ValueOrigin.Constant),
        };

        private static string OneLine(ExpressionSyntax expression) => expression.ToString().ReplaceLineEndings(" ");

        private static string? EnvironmentVariable(InvocationExpressionSyntax invocation) =>
            invocation is
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetEnvironmentVariable", Expression: var target },
                ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } name }],
            } && target.ToString() is "Environment" or "System.Environment" or "global::System.Environment"
                ? name.Token.ValueText
                : null;

        private List<SyntaxTree>? _companionTrees;
        private Dictionary<string, List<ExpressionSyntax>>? _constants;

        // Constants may be declared in sibling files (a Constants.cs beside the configuration).
        private List<SyntaxTree> CompanionTrees => _companionTrees ??=
            [.. (companions?.Invoke() ?? []).Select(source => CSharpSyntaxTree.ParseText(source, (CSharpParseOptions)tree.Options))];

        /// <summary>Every <c>const</c> declarator in this file and its siblings, by simple name.</summary>
        private Dictionary<string, List<ExpressionSyntax>> Constants => _constants ??= new[] { tree }.Concat(CompanionTrees)
            .SelectMany(t => t.GetRoot().DescendantNodes())
            .Select(n => n switch
            {
                FieldDeclarationSyntax f when f.Modifiers.Any(SyntaxKind.ConstKeyword) => f.Declaration,
                LocalDeclarationStatementSyntax l when l.IsConst => l.Declaration,
                _ => null,
            })
            .OfType<VariableDeclarationSyntax>()
            .SelectMany(d => d.Variables)
            .Where(v => v.Initializer is not null)
            .GroupBy(v => v.Identifier.ValueText, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Initializer!.Value).ToList(), StringComparer.Ordinal);

        /// <summary>Folds literals, string concatenation, interpolation, <c>nameof</c> and unambiguous constants.</summary>
        private bool TryFold(ExpressionSyntax expression, int depth, out object? value)
        {
            value = null;
            if (depth > 32)
            {
                return false;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    value = literal.Token.Value;
                    return !literal.IsKind(SyntaxKind.DefaultLiteralExpression);
                case ParenthesizedExpressionSyntax parenthesized:
                    return TryFold(parenthesized.Expression, depth + 1, out value);
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add
                    when TryFold(add.Left, depth + 1, out var left) && TryFold(add.Right, depth + 1, out var right) && (left is string || right is string):
                    value = Convert.ToString(left, CultureInfo.InvariantCulture) + Convert.ToString(right, CultureInfo.InvariantCulture);
                    return true;
                case InterpolatedStringExpressionSyntax interpolated:
                    return TryFoldInterpolation(interpolated, depth, out value);
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [{ Expression: var target }] }:
                    value = target switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        _ => null,
                    };
                    return value is not null;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    return TryFoldConstant(expression, depth, out value);
                default:
                    return false;
            }
        }

        private bool TryFoldInterpolation(InterpolatedStringExpressionSyntax interpolated, int depth, out object? value)
        {
            value = null;
            var builder = new System.Text.StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax textPart)
                {
                    builder.Append(textPart.TextToken.ValueText);
                }
                else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole && TryFold(hole.Expression, depth + 1, out var part) && part is string or char)
                {
                    builder.Append(part);
                }
                else
                {
                    return false;
                }
            }

            value = builder.ToString();
            return true;
        }

        /// <summary>Folds a constant by name when every declaration of that name folds to the same value.</summary>
        private bool TryFoldConstant(ExpressionSyntax expression, int depth, out object? value)
        {
            value = null;
            var name = expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : ((IdentifierNameSyntax)expression).Identifier.ValueText;
            if (!Constants.TryGetValue(name, out var initializers))
            {
                return false;
            }

            object? first = null;
            for (var i = 0; i < initializers.Count; i++)
            {
                if (!TryFold(initializers[i], depth + 1, out var candidate) || (i > 0 && !Equals(candidate, first)))
                {
                    return false;
                }

                first = candidate;
            }

            value = first;
            return true;
        }

        private SemanticModel Model => _model ??= CSharpCompilation.Create(
                "scimlint-config",
                [tree, .. CompanionTrees],
                [CoreLibrary.Value],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .GetSemanticModel(tree);

        private void Count(SyntaxNode node)
        {
            if (++_nodes > limits.MaxNodes)
            {
                throw new LimitException(text.Span(node.SpanStart, node.SpanStart), $"more than {limits.MaxNodes} values; the file was not parsed");
            }
        }
    }
}
