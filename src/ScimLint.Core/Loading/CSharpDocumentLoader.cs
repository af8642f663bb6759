using System.Globalization;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TextSpan = Microsoft.CodeAnalysis.Text.TextSpan;
using ScimLint.Documents;
using ScimLint.Text;

namespace ScimLint.Loading;

/// <summary>
/// Reads configuration kept in C# source, wherever and however it is written: object initializers of any type, named
/// or anonymous, target-typed <c>new()</c>, <c>with</c> expressions, member assignments after construction, dictionary
/// initializers, named and positional (record) constructor arguments, collections. Objects are recognised by their
/// member names (PascalCase or camelCase), not their type names, and map to camelCase keys, so rules see the same tree
/// as for YAML and JSON. Values are resolved statically (<see cref="CSharpFolding"/>), never by running code. It
/// parses syntax only (Roslyn), and builds a compilation only when a value needs it. This is the only place that
/// references Roslyn, so Roslyn loads only when a C# file is read.
/// </summary>
internal static class CSharpDocumentLoader
{
    // "Application" and "Provisioning" are common words in C#; a configuration also names StrongDM, or one of the
    // members or types only this configuration has (in either case). Anything else is not parsed at all.
    private static readonly string[] Markers = ["JumpCloudExport", "IdentityManagement", "SsoUrl", "ScimProvider", "GroupManagementEnabled", "ScimVersion", "ScimActive"];

    /// <summary>Whether C# source may hold configuration (cheap: no parsing).</summary>
    public static bool MayHoldConfiguration(string source) =>
        source.Contains("strongdm", StringComparison.OrdinalIgnoreCase) || Markers.Any(m => source.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one parse options object of every C# file (C# preview, so that new syntax parses).</summary>
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static SourceDocument Load(SourceText text, LoadLimits limits, Func<CSharpCompanions>? companions = null)
    {
        if (!MayHoldConfiguration(text.Text))
        {
            return new SourceDocument(text, DocumentFormat.CSharp, null, [], []);
        }

        var shared = companions?.Invoke();
        var tree = shared?.Own(text.Text) ?? CSharpSyntaxTree.ParseText(text.Text, ParseOptions);
        var root = tree.GetCompilationUnitRoot();
        if (SyntaxErrors(text, tree) is not { } diagnostics)
        {
            return new SourceDocument(text, DocumentFormat.CSharp, null, [], [new LoadDiagnostic(text.Span(0, 0), "C# source could not be read: the C# parser failed while listing its syntax errors; the file was not parsed")]);
        }

        var comments = Comments(text, root);
        var builder = new Builder(text, tree, limits, shared);
        DocNode? docRoot;
        IReadOnlyList<DocumentGroup> groups;
        try
        {
            (docRoot, groups) = builder.BuildRoot(root);
        }
        catch (LimitException ex)
        {
            diagnostics.Add(new LoadDiagnostic(ex.Span, ex.Message));
            (docRoot, groups) = (null, []);
        }

        return new SourceDocument(text, DocumentFormat.CSharp, docRoot, comments, diagnostics) { Groups = groups };
    }

    /// <summary>
    /// The first 20 syntax errors; null when Roslyn fails listing them. Roslyn 5.0 throws ArgumentOutOfRangeException
    /// from its diagnostic enumerator on some malformed files (an interpolation hole holding a <c>#region</c> line:
    /// <c>$"{#region r //c</c>), which ended the whole run with an internal error.
    /// </summary>
    private static List<LoadDiagnostic>? SyntaxErrors(SourceText text, SyntaxTree tree)
    {
        var errors = new List<LoadDiagnostic>();
        try
        {
            foreach (var diagnostic in tree.GetDiagnostics())
            {
                if (diagnostic.Severity != DiagnosticSeverity.Error)
                {
                    continue;
                }

                var span = diagnostic.Location.SourceSpan;
                errors.Add(new LoadDiagnostic(text.Span(span.Start, span.End), "C# syntax error " + diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture)));
                if (errors.Count == 20)
                {
                    break;
                }
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }

        return errors;
    }

    /// <summary>
    /// The file's comments (not documentation comments, which are structured trivia), in source order: each <c>//</c>
    /// or <c>/*</c> of the text that the tree places in comment trivia. The same list as walking every trivia of the
    /// tree (<c>DescendantTrivia</c>), which cost about as much as parsing the file; a configuration file has a few
    /// slashes (its URLs), each found by one descent from the root.
    /// </summary>
    internal static List<SourceComment> Comments(SourceText text, CompilationUnitSyntax root)
    {
        var comments = new List<SourceComment>();
        var source = text.Text;
        var searched = 0;
        for (var i = source.IndexOf('/', StringComparison.Ordinal); i >= 0 && i + 1 < source.Length; i = source.IndexOf('/', i + 1))
        {
            if (i < searched || source[i + 1] is not ('/' or '*'))
            {
                continue;
            }

            // Trivia outside comments (directives, disabled code, documentation) is skipped whole; inside a token
            // (a string literal's "https://") there is no trivia.
            var trivia = root.FindTrivia(i);
            searched = Math.Max(searched, trivia.Span.End);
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                comments.Add(new SourceComment(text.Span(trivia.Span.Start, trivia.Span.End), CommentText(trivia.ToString())));
            }
        }

        return comments;
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

    private static readonly CSharpCompanions NoCompanions = CSharpCompanions.FromTexts([]);

    /// <summary>The fallback compilation over some trees (core library only: configuration constants need no more).</summary>
    internal static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("scimlint-config", trees, [CoreLibrary.Value], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private sealed class LimitException(SourceSpan span, string message) : Exception(message)
    {
        public SourceSpan Span { get; } = span;
    }

    private sealed record Member(string Name, TextSpan KeySpan, ExpressionSyntax Value);

    /// <summary>One object as written: its members in source order, whatever the syntax that wrote them.</summary>
    private sealed class Shape(TextSpan span, TextSpan anchor, string? typeName)
    {
        public TextSpan Span { get; set; } = span;

        /// <summary>The syntax that wrote the object (its creation, or the first assignment to it).</summary>
        public SyntaxNode? Node { get; set; }

        private List<SyntaxNode>? _chain;

        /// <summary>The node's ancestors from the compilation unit down to the node itself.</summary>
        public List<SyntaxNode> Chain => _chain ??= Node is null ? [] : [.. Node.AncestorsAndSelf().Reverse()];

        /// <summary>Where the object's key points when it is a part at the root: the type, <c>new</c>, <c>with</c> or the variable.</summary>
        public TextSpan Anchor { get; } = anchor;

        public string? TypeName { get; } = typeName;

        public List<Member> Members { get; } = [];

        public HashSet<string> Keys => [.. Members.Select(m => Camel(m.Name))];

        /// <summary>For <c>x with { … }</c>: the object x, which this one supersedes.</summary>
        public Shape? Source { get; init; }

        /// <summary>Adds a member written after construction: it replaces one of the same name.</summary>
        public void Assign(Member member)
        {
            Members.RemoveAll(m => Camel(m.Name) == Camel(member.Name));
            Members.Add(member);
            Span = TextSpan.FromBounds(Math.Min(Span.Start, member.Value.SpanStart), Math.Max(Span.End, member.Value.Span.End));
        }
    }

    /// <summary>A configuration object and what it is (a class: a tuple in a list would be JIT-compiled at start-up).</summary>
    private sealed record Classified(Shape Shape, Role Role);

    /// <summary>What an object is, recognised by its member names (PascalCase or camelCase) or, failing that, its type's name.</summary>
    private enum Role
    {
        None,
        Bundle,
        Settings,
        Application,
        IdentityManagement,
        ControlPlane,
        Provisioning,
    }

    private static string Camel(string member) => member.Length == 0 || char.IsLower(member[0]) ? member : char.ToLowerInvariant(member[0]) + member[1..];

    private static Role RoleOfKey(string key) => key switch
    {
        "application" => Role.Application,
        "identityManagement" => Role.IdentityManagement,
        "controlPlane" => Role.ControlPlane,
        "provisioning" => Role.Provisioning,
        _ => Role.None,
    };
    private sealed class Builder(SourceText text, SyntaxTree tree, LoadLimits limits, CSharpCompanions? companions)
    {
        private readonly Dictionary<SyntaxNode, Shape?> _shapes = [];
        private SemanticModel? _model;
        private CSharpSymbols? _symbols;
        private Dictionary<string, ExpressionSyntax>? _locals;
        private int _nodes;

        /// <summary>
        /// The file's configuration objects: one tree when it holds one (an export or settings), else a sequence of
        /// them, one group each (<see cref="CSharpGroups"/> says how parts are grouped and paired).
        /// </summary>
        public (DocNode? Root, IReadOnlyList<DocumentGroup> Groups) BuildRoot(CompilationUnitSyntax unit)
        {
            var (written, statements) = Walk(unit);
            var shapes = new List<Shape>();
            foreach (var expression in written)
            {
                if (ShapeOf(expression) is { Members.Count: > 0 } shape)
                {
                    shapes.Add(shape);
                }
            }

            shapes.AddRange(AssignedAfterConstruction(statements));
            var superseded = shapes.Select(s => s.Source).OfType<Shape>().ToHashSet();
            var classified = shapes.Distinct().Where(s => !superseded.Contains(s)).Select(s => new Classified(s, Classify(s))).Where(c => c.Role != Role.None).ToList();
            var used = UsedByOthers(classified.Select(c => c.Shape));
            var outermost = classified.Where(c => !used.Contains(c.Shape) && !classified.Any(o => o.Shape != c.Shape && o.Shape.Span.Contains(c.Shape.Span) && o.Shape.Span != c.Shape.Span)).ToList();
            var groups = CSharpGroups.Of(outermost, c => c.Role is Role.Bundle or Role.Settings, c => c.Role is Role.Settings or Role.ControlPlane or Role.Provisioning, c => c.Shape.Chain, c => c.Shape.Span.Start, c => (int)c.Role);
            if (groups.Count <= 1)
            {
                return (groups.Count == 0 ? null : Group(groups[0].Parts, string.Empty), []);
            }

            var roots = new List<DocMapping>();
            for (var i = 0; i < groups.Count; i++)
            {
                roots.Add(Group(groups[i].Parts, "/" + i.ToString(CultureInfo.InvariantCulture)));
            }

            var sequence = new DocSequence(text.Span(roots.Min(r => r.Span.StartOffset), roots.Max(r => r.Span.EndOffset)), string.Empty, roots);
            return (sequence, [.. groups.Select((g, i) => new DocumentGroup(roots[i], g.IsSettings, g.Partner))]);
        }

        /// <summary>
        /// One walk of the tree, in source order: the expressions that may write an object, the statements that may
        /// assign to one after construction, and the initializers of the file's locals, fields and properties (the
        /// first of each name), which names are looked up in (<see cref="Local"/>).
        /// </summary>
        private (List<ExpressionSyntax> Written, List<ExpressionStatementSyntax> Statements) Walk(CompilationUnitSyntax unit)
        {
            var written = new List<ExpressionSyntax>();
            var statements = new List<ExpressionStatementSyntax>();
            _locals = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
            foreach (var node in unit.DescendantNodes())
            {
                switch (node)
                {
                    case AnonymousObjectCreationExpressionSyntax or BaseObjectCreationExpressionSyntax or WithExpressionSyntax:
                        written.Add((ExpressionSyntax)node);
                        break;
                    case ExpressionStatementSyntax statement:
                        statements.Add(statement);
                        break;
                    case VariableDeclaratorSyntax { Initializer.Value: var value } variable:
                        _locals.TryAdd(variable.Identifier.ValueText, value);
                        break;
                    case PropertyDeclarationSyntax { Initializer.Value: var value } property:
                        _locals.TryAdd(property.Identifier.ValueText, value);
                        break;
                    case PropertyDeclarationSyntax { ExpressionBody.Expression: var value } property:
                        _locals.TryAdd(property.Identifier.ValueText, value);
                        break;
                }
            }

            return (written, statements);
        }

        private DocMapping Group(IReadOnlyList<Classified> parts, string path) =>
            parts is [{ Role: Role.Bundle or Role.Settings } whole] ? Mapping(whole.Shape, path, 0, whole.Role) : Parts(parts, path);

        // An object a configuration object refers to by name (`Application = app`) is part of it, not one of its own.
        private HashSet<Shape> UsedByOthers(IEnumerable<Shape> shapes)
        {
            var used = new HashSet<Shape>();
            foreach (var shape in shapes)
            {
                // `app`, not the member of `Hosts.Eu` (which may share a name with a property of this file).
                foreach (var name in shape.Members.SelectMany(m => m.Value.DescendantNodesAndSelf()).OfType<IdentifierNameSyntax>()
                    .Where(n => n.Parent is not MemberAccessExpressionSyntax access || access.Expression == n))
                {
                    if (Local(name.Identifier.ValueText) is not null && ShapeOf(name) is { } referenced && referenced != shape)
                    {
                        used.Add(referenced);
                    }
                }
            }

            return used;
        }

        private DocMapping Parts(IReadOnlyList<Classified> parts, string path)
        {
            var properties = new List<DocProperty>();
            var seen = 0;
            int start = int.MaxValue, end = int.MinValue;
            foreach (var (shape, role) in parts)
            {
                start = Math.Min(start, shape.Span.Start);
                end = Math.Max(end, shape.Span.End);
                if ((seen & (1 << (int)role)) != 0)
                {
                    continue; // the first object of each role
                }

                seen |= 1 << (int)role;
                var keyName = Camel(role.ToString());
                var key = new DocScalar(text.Span(shape.Anchor.Start, shape.Anchor.End), path + "/" + keyName, keyName, ScalarKind.String, quoted: false);
                var value = Mapping(shape, path + "/" + keyName, 1, role);
                value.Key ??= key;
                properties.Add(new DocProperty(key, value));
            }

            return new DocMapping(text.Span(start, end), path, properties);
        }

        private static Role Classify(Shape shape)
        {
            var keys = shape.Keys;
            var type = shape.TypeName;
            return type switch
            {
                "JumpCloudExport" => Role.Bundle,
                "StrongDmSettings" or "StrongDmProvisioning" => Role.Settings,
                _ when keys.Contains("application") || keys.Contains("identityManagement") && !keys.Contains("controlPlane") => Role.Bundle,
                _ when keys.Contains("controlPlane") || keys.Contains("provisioning") => Role.Settings,
                "Application" => Role.Application,
                "IdentityManagement" => Role.IdentityManagement,
                _ when keys.Contains("ssoUrl") => Role.Application,
                _ when keys.Contains("groupManagementEnabled") || keys.Contains("scimVersion") || keys.Contains("apiType") || (keys.Contains("baseUrl") && keys.Contains("token")) => Role.IdentityManagement,
                "ControlPlane" => Role.ControlPlane,
                "Provisioning" => Role.Provisioning,
                _ when keys.Contains("scimProvider") || keys.Contains("scimActive") || keys.Contains("legacyApiSyncEnabled") => Role.Provisioning,
                _ when keys.Contains("region") && keys.Contains("host") => Role.ControlPlane,
                _ => Role.None,
            };
        }

        /// <summary>The object an expression writes, if it writes one (cached per node, so that later assignments add to it).</summary>
        private Shape? ShapeOf(ExpressionSyntax expression)
        {
            if (_shapes.TryGetValue(expression, out var cached))
            {
                return cached;
            }

            _shapes[expression] = null; // a variable initialised from itself (through others) ends here

            var shape = expression switch
            {
                ParenthesizedExpressionSyntax p => ShapeOf(p.Expression),
                AnonymousObjectCreationExpressionSyntax anonymous => Anonymous(anonymous),
                BaseObjectCreationExpressionSyntax creation => Creation(creation, allowEmpty: false),
                WithExpressionSyntax with => With(with),
                IdentifierNameSyntax name when Local(name.Identifier.ValueText) is { } initializer && initializer != expression => ShapeOf(initializer),
                _ => null,
            };
            _shapes[expression] = shape;
            if (shape is not null)
            {
                shape.Node ??= expression;
            }

            return shape;
        }

        private static Shape Anonymous(AnonymousObjectCreationExpressionSyntax anonymous)
        {
            var shape = new Shape(anonymous.Span, anonymous.NewKeyword.Span, null);
            foreach (var member in anonymous.Initializers)
            {
                if (member.NameEquals is { } named)
                {
                    shape.Members.Add(new Member(named.Name.Identifier.ValueText, named.Name.Span, member.Expression));
                }
                else if (CSharpFolding.SimpleName(member.Expression) is { } inferred)
                {
                    shape.Members.Add(new Member(inferred, member.Expression.Span, member.Expression));
                }
            }

            return shape;
        }

        private Shape? Creation(BaseObjectCreationExpressionSyntax creation, bool allowEmpty)
        {
            var typeName = TypeName(creation);
            var anchor = creation is ObjectCreationExpressionSyntax e ? e.Type.Span : creation.NewKeyword.Span;
            var shape = new Shape(creation.Span, anchor, typeName);
            if (!AddArguments(shape, creation.ArgumentList) || !AddInitializer(shape, creation.Initializer))
            {
                return null;
            }

            return shape.Members.Count > 0 || allowEmpty || creation.Initializer is { RawKind: (int)SyntaxKind.ObjectInitializerExpression } ? shape : null;
        }

        // Named arguments name their member; positional ones take the parameter names of a record or primary
        // constructor of that type declared in the run. Anything else is a constructor we cannot see into.
        private bool AddArguments(Shape shape, ArgumentListSyntax? arguments)
        {
            if (arguments is not { Arguments.Count: > 0 })
            {
                return true;
            }

            var positional = arguments.Arguments.Any(a => a.NameColon is null) && shape.TypeName is { } type ? Symbols.Positional(type) : null;
            for (var i = 0; i < arguments.Arguments.Count; i++)
            {
                var argument = arguments.Arguments[i];
                if (argument.NameColon is { } name)
                {
                    shape.Members.Add(new Member(name.Name.Identifier.ValueText, name.Name.Span, argument.Expression));
                }
                else if (positional is not null && i < positional.Count)
                {
                    shape.Members.Add(new Member(positional[i], argument.Expression.Span, argument.Expression));
                }
                else
                {
                    return false;
                }
            }

            return true;
        }

        // Object initializers (Member = value, ["key"] = value) and dictionary initializers ({ "key", value }); a
        // collection initializer of plain elements is a list, not an object.
        private bool AddInitializer(Shape shape, InitializerExpressionSyntax? initializer)
        {
            foreach (var expression in initializer?.Expressions ?? [])
            {
                switch (expression)
                {
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax member } assignment:
                        shape.Members.Add(new Member(member.Identifier.ValueText, member.Span, assignment.Right));
                        break;
                    case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: [{ Expression: var key }] } } indexed when FoldedKey(key) is { } name:
                        shape.Members.Add(new Member(name, key.Span, indexed.Right));
                        break;
                    case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression, Expressions: [var key, var value] } when FoldedKey(key) is { } name:
                        shape.Members.Add(new Member(name, key.Span, value));
                        break;
                    case AssignmentExpressionSyntax or InitializerExpressionSyntax:
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private string? FoldedKey(ExpressionSyntax key) => CSharpFolding.TryFold(key, () => Symbols, 0, out var value) && value is string name && name.Length > 0 ? name : null;

        // x with { A = … }: the members of x (when it is declared in this file as an object), then the new ones.
        private Shape With(WithExpressionSyntax with)
        {
            var source = ShapeOf(with.Expression);
            var shape = new Shape(with.Span, with.WithKeyword.Span, source?.TypeName) { Source = source };
            shape.Members.AddRange(source?.Members ?? []);
            var added = new Shape(with.Span, with.WithKeyword.Span, null);
            AddInitializer(added, with.Initializer);
            foreach (var member in added.Members)
            {
                shape.Members.RemoveAll(m => Camel(m.Name) == Camel(member.Name));
                shape.Members.Add(member);
            }

            return shape;
        }

        /// <summary>
        /// <c>app.SsoUrl = …;</c> statements: added to the object the variable was initialised with in this file, or,
        /// when there is none (a parameter, a field set elsewhere), gathered into an object of their own.
        /// </summary>
        private List<Shape> AssignedAfterConstruction(List<ExpressionStatementSyntax> statements)
        {
            var result = new List<Shape>();
            var byVariable = new Dictionary<string, Shape>(StringComparer.Ordinal);
            foreach (var statement in statements)
            {
                if (statement.Expression is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax variable, Name: IdentifierNameSyntax member } } assignment)
                {
                    continue;
                }

                var name = variable.Identifier.ValueText;
                if (!byVariable.TryGetValue(name, out var shape))
                {
                    shape = Local(name) is { } initializer ? ShapeOf(initializer) ?? (initializer is BaseObjectCreationExpressionSyntax creation ? Creation(creation, allowEmpty: true) : null) : null;
                    shape ??= new Shape(statement.Span, variable.Span, null) { Node = statement };
                    shape.Node ??= statement;
                    byVariable[name] = shape;
                    result.Add(shape);
                }

                shape.Assign(new Member(member.Identifier.ValueText, member.Span, assignment.Right));
            }

            return result;
        }

        /// <summary>The initializer of a local variable, field or property of this name declared in this file (the first; indexed by <see cref="Walk"/>).</summary>
        private ExpressionSyntax? Local(string name) => _locals?.GetValueOrDefault(name);

        private DocMapping Mapping(Shape shape, string path, int depth, Role role)
        {
            if (depth > limits.MaxDepth)
            {
                throw new LimitException(text.Span(shape.Span.Start, shape.Span.Start), $"nesting deeper than {limits.MaxDepth} levels; the file was not parsed");
            }

            Count(shape.Span.Start);
            var properties = new List<DocProperty>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var sso = new List<DocProperty>();
            foreach (var member in shape.Members)
            {
                var name = KeyName(member.Name, role);
                if (role == Role.Application && name == "ssoType")
                {
                    var ssoKey = Key(member.KeySpan, path + "/sso/type", "type");
                    var ssoValue = Value(member.Value, ssoKey.Path, depth + 1, Role.None);
                    ssoValue.Key ??= ssoKey;
                    sso.Add(new DocProperty(ssoKey, ssoValue));
                    continue;
                }

                if (!seen.Add(name))
                {
                    continue;
                }

                var key = Key(member.KeySpan, path + "/" + DocNode.Escape(name), name);
                var value = Value(member.Value, key.Path, depth + 1, RoleOfKey(name));
                value.Key ??= key;
                properties.Add(new DocProperty(key, value));
            }

            if (sso.Count > 0 && !seen.Contains("sso"))
            {
                var ssoKey = new DocScalar(sso[0].Key.Span, path + "/sso", "sso", ScalarKind.String, quoted: false);
                properties.Add(new DocProperty(ssoKey, new DocMapping(sso[0].Value.Span, path + "/sso", sso) { Key = ssoKey }));
            }

            return new DocMapping(text.Span(shape.Span.Start, shape.Span.End), path, properties);
        }

        private DocScalar Key(TextSpan span, string path, string name) =>
            new(text.Span(span.Start, span.End), path, name, ScalarKind.String, quoted: false);

        private static string KeyName(string member, Role role)
        {
            var name = Camel(member);
            return role == Role.Application && name == "id" ? "_id" : name;
        }

        private DocNode Value(ExpressionSyntax expression, string path, int depth, Role role)
        {
            Count(expression.SpanStart);
            var span = text.Span(expression.SpanStart, expression.Span.End);
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p:
                    return Value(p.Expression, path, depth, role);
                case LiteralExpressionSyntax literal:
                    return Literal(literal, span, path);
                case BaseObjectCreationExpressionSyntax { Initializer: { RawKind: (int)SyntaxKind.CollectionInitializerExpression } list } when !list.Expressions.Any(e => e is InitializerExpressionSyntax or AssignmentExpressionSyntax):
                    return Sequence(list.Expressions, span, path, depth);
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return Sequence(implicitArray.Initializer.Expressions, span, path, depth);
                case ArrayCreationExpressionSyntax { Initializer: not null } array:
                    return Sequence(array.Initializer.Expressions, span, path, depth);
                case CollectionExpressionSyntax collection:
                    return Sequence([.. collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression)], span, path, depth);
                case var _ when CSharpFolding.IsReference(expression):
                    return new DocScalar(span, path, OneLine(expression), ScalarKind.String, quoted: false, ValueOrigin.Reference);
                case var _ when ShapeOf(expression) is { } shape:
                    return Mapping(shape, path, depth, role);
                default:
                    return Resolved(expression, span, path);
            }
        }

        private DocScalar Resolved(ExpressionSyntax expression, SourceSpan span, string path)
        {
            // Most configuration constants fold from syntax alone; the compilation (slow to build cold) is the
            // fallback for what syntax cannot settle, such as two constants of one name in different types.
            if (CSharpFolding.TryFold(expression, () => Symbols, 0, out var folded))
            {
                var scalar = Constant(folded, span, path);
                scalar.DeclaredAt = folded is string ? SoleDeclaration(expression) : null;
                return scalar;
            }

            // Binding is not linear in a hostile expression's size (a 40,000-level `a ? b : …` chain took 50 s), and
            // no configuration value is kilobytes of code, so only short expressions are worth the compilation.
            var constant = expression.Span.Length <= MaxBoundExpressionLength ? Model.GetConstantValue(expression) : default;
            if (constant.HasValue)
            {
                return Constant(constant.Value, span, path);
            }

            // A value computed at run time is not in the source: keep the expression, so no rule judges it.
            return new DocScalar(span, path, OneLine(expression), ScalarKind.String, quoted: false, ValueOrigin.Expression);
        }

        // A bare constant declared in this file as a regular string literal and used once in the run: its declaration
        // is the value's one place, so a fix may write it there. Declared in another file, or used twice: no fix.
        private SourceSpan? SoleDeclaration(ExpressionSyntax expression)
        {
            if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax) || CSharpFolding.SimpleName(expression) is not { } name
                || CSharpFolding.InScope(expression, Symbols.Constants(name)) is not [LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal]
                || literal.SyntaxTree != tree || !literal.Token.Text.StartsWith('"') || literal.Token.Text.StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                return null;
            }

            return Companions.Uses(tree, name) == 1 ? text.Span(literal.SpanStart, literal.Span.End) : null;
        }

        private DocSequence Sequence(IReadOnlyList<ExpressionSyntax> items, SourceSpan span, string path, int depth)
        {
            var nodes = new List<DocNode>();
            foreach (var item in items)
            {
                nodes.Add(Value(item, path + "/" + nodes.Count.ToString(CultureInfo.InvariantCulture), depth + 1, Role.None));
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

        /// <summary>The longest expression (in characters) handed to the semantic model when syntax cannot fold it.</summary>
        private const int MaxBoundExpressionLength = 4096;

        private static string OneLine(ExpressionSyntax expression) => expression.ToString().ReplaceLineEndings(" ");

        // Constants may be declared in any C# file of the run (a Constants.cs beside the configuration, or elsewhere):
        // the run parses and indexes those once for all its documents.
        private CSharpCompanions Companions => companions ?? NoCompanions;

        private CSharpSymbols Symbols => _symbols ??= Companions.Symbols(tree);

        private SemanticModel Model => _model ??= Companions.Model(tree);

        private void Count(int position)
        {
            if (++_nodes > limits.MaxNodes)
            {
                throw new LimitException(text.Span(position, position), $"more than {limits.MaxNodes} values; the file was not parsed");
            }
        }
    }
}
