using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScimLint.Loading;

/// <summary>
/// What the C# files of a run declare that values may refer to: constants (<c>const</c> fields and locals,
/// <c>static readonly</c> fields and get-only static properties with an initializer), enum members, and the positional
/// parameters of records and primary constructors. Built from syntax only.
/// </summary>
internal sealed class CSharpSymbols
{
    private readonly Dictionary<string, List<ExpressionSyntax>> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _positional = new(StringComparer.Ordinal);

    private readonly CSharpSymbols? _parent;

    /// <summary>Indexes the trees; <paramref name="parent"/> (the run's shared index) answers what they do not declare too.</summary>
    public CSharpSymbols(IEnumerable<SyntaxTree> trees, CSharpSymbols? parent = null)
    {
        _parent = parent;
        foreach (var node in trees.SelectMany(t => t.GetRoot().DescendantNodes(n => n is not ExpressionSyntax)))
        {
            Index(node);
        }
    }

    private void Index(SyntaxNode node)
    {
        switch (node)
        {
            case FieldDeclarationSyntax f when f.Modifiers.Any(SyntaxKind.ConstKeyword) || (f.Modifiers.Any(SyntaxKind.StaticKeyword) && f.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)):
                AddAll(f.Declaration);
                break;
            case LocalDeclarationStatementSyntax { IsConst: true } l:
                AddAll(l.Declaration);
                break;
            case PropertyDeclarationSyntax p when p.Modifiers.Any(SyntaxKind.StaticKeyword) && (p.Initializer?.Value ?? p.ExpressionBody?.Expression) is { } value:
                Add(p.Identifier.ValueText, value);
                break;
            case EnumDeclarationSyntax e:
                var members = _enums.TryGetValue(e.Identifier.ValueText, out var set) ? set : _enums[e.Identifier.ValueText] = new(StringComparer.Ordinal);
                members.UnionWith(e.Members.Select(m => m.Identifier.ValueText));
                break;
            case TypeDeclarationSyntax { ParameterList.Parameters.Count: > 0 } type:
                _positional.TryAdd(type.Identifier.ValueText, [.. type.ParameterList!.Parameters.Select(p => p.Identifier.ValueText)]);
                break;
        }
    }

    private void AddAll(VariableDeclarationSyntax declaration)
    {
        foreach (var variable in declaration.Variables)
        {
            if (variable.Initializer is { } initializer)
            {
                Add(variable.Identifier.ValueText, initializer.Value);
            }
        }
    }

    private void Add(string name, ExpressionSyntax value)
    {
        if (!_constants.TryGetValue(name, out var list))
        {
            _constants[name] = list = [];
        }

        list.Add(value);
    }

    /// <summary>The initializers of every constant of this simple name.</summary>
    public IReadOnlyList<ExpressionSyntax> Constants(string name)
    {
        IReadOnlyList<ExpressionSyntax> own = _constants.TryGetValue(name, out var list) ? list : [];
        var inherited = _parent?.Constants(name) ?? [];
        return inherited.Count == 0 ? own : own.Count == 0 ? inherited : [.. own, .. inherited];
    }

    /// <summary>Whether an enum of this simple name declares the member.</summary>
    public bool IsEnumMember(string type, string member) => (_enums.TryGetValue(type, out var set) && set.Contains(member)) || _parent?.IsEnumMember(type, member) == true;

    /// <summary>The positional parameter names of a record or primary constructor of this simple name.</summary>
    public IReadOnlyList<string>? Positional(string type) => _positional.GetValueOrDefault(type) ?? _parent?.Positional(type);
}

/// <summary>Resolves C# expressions statically: folds constants and recognises references. Never runs code.</summary>
internal static class CSharpFolding
{
    private static readonly string[] RegionNames = ["US", "UK", "EU"];

    /// <summary>
    /// Whether the expression reads a value kept outside the source: an environment variable, an
    /// <c>IConfiguration</c> lookup (<c>config["X"]</c>, <c>GetValue&lt;T&gt;</c>, <c>GetSection</c>,
    /// <c>GetConnectionString</c>) or a secret manager (a method whose name contains <c>Secret</c>).
    /// </summary>
    public static bool IsReference(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax p => IsReference(p.Expression),
        AwaitExpressionSyntax a => IsReference(a.Expression),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } n => IsReference(n.Operand),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } c => IsReference(c.Left),
        ConditionalAccessExpressionSyntax c => IsReference(c.Expression),
        MemberAccessExpressionSyntax m when m.Expression is InvocationExpressionSyntax or ElementAccessExpressionSyntax or AwaitExpressionSyntax or ParenthesizedExpressionSyntax => IsReference(m.Expression),
        InvocationExpressionSyntax i => MethodName(i) is { } name && (name is "GetEnvironmentVariable" or "GetValue" or "GetSection" or "GetRequiredSection" or "GetConnectionString"
            || name.Contains("Secret", StringComparison.OrdinalIgnoreCase)) || (i.Expression is MemberAccessExpressionSyntax inner && IsReference(inner.Expression)),
        ElementAccessExpressionSyntax e => IsConfiguration(e.Expression) || IsReference(e.Expression),
        _ => false,
    };

    private static bool IsConfiguration(ExpressionSyntax target) => SimpleName(target) is { } name
        && (name.Contains("config", StringComparison.OrdinalIgnoreCase) || name.Contains("settings", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase));

    private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        MemberBindingExpressionSyntax b => b.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The simple name an expression ends in (<c>a.b.C</c> is <c>C</c>), if any.</summary>
    public static string? SimpleName(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax s => s.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Folds literals, concatenation, interpolation, <c>nameof</c>, <c>string.Format</c>/<c>string.Concat</c> with
    /// constant arguments, unambiguous constants declared in any C# file of the run, and enum members.
    /// </summary>
    public static bool TryFold(ExpressionSyntax expression, Func<CSharpSymbols> symbols, int depth, out object? value)
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
                return TryFold(parenthesized.Expression, symbols, depth + 1, out value);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add
                when TryFold(add.Left, symbols, depth + 1, out var left) && TryFold(add.Right, symbols, depth + 1, out var right) && (left is string || right is string):
                value = Convert.ToString(left, CultureInfo.InvariantCulture) + Convert.ToString(right, CultureInfo.InvariantCulture);
                return true;
            case InterpolatedStringExpressionSyntax interpolated:
                return TryInterpolation(interpolated, symbols, depth, out value);
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [{ Expression: var target }] }:
                value = SimpleName(target);
                return value is not null;
            case InvocationExpressionSyntax invocation:
                return TryStringMethod(invocation, symbols, depth, out value);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return TryName(expression, symbols, depth, out value);
            default:
                return false;
        }
    }

    private static bool TryInterpolation(InterpolatedStringExpressionSyntax interpolated, Func<CSharpSymbols> symbols, int depth, out object? value)
    {
        value = null;
        var builder = new StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax textPart)
            {
                builder.Append(textPart.TextToken.ValueText);
            }
            else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole && TryFold(hole.Expression, symbols, depth + 1, out var part) && part is string or char)
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

    private static bool TryStringMethod(InvocationExpressionSyntax invocation, Func<CSharpSymbols> symbols, int depth, out object? value)
    {
        value = null;
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Format" or "Concat" } member
            || member.Expression.ToString() is not ("string" or "String" or "System.String" or "global::System.String"))
        {
            return false;
        }

        var method = member.Name.Identifier.ValueText;

        var parts = new List<string>();
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.NameColon is not null || !TryFold(argument.Expression, symbols, depth + 1, out var part) || part is null)
            {
                return false;
            }

            parts.Add(Convert.ToString(part, CultureInfo.InvariantCulture)!);
        }

        if (method == "Concat")
        {
            value = string.Concat(parts);
            return true;
        }

        return parts.Count > 0 && TryFormat(parts[0], parts[1..], out value);
    }

    // Only {0}-style holes: an alignment or format specifier could change the text in ways not worth guessing.
    private static bool TryFormat(string format, List<string> args, out object? value)
    {
        value = null;
        var builder = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                builder.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = format.IndexOf('}', i);
                if (close < 0 || !int.TryParse(format.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= args.Count)
                {
                    return false;
                }

                builder.Append(args[index]);
                i = close;
            }
            else if (c == '}')
            {
                return false;
            }
            else
            {
                builder.Append(c);
            }
        }

        value = builder.ToString();
        return true;
    }

    private static bool TryName(ExpressionSyntax expression, Func<CSharpSymbols> symbols, int depth, out object? value)
    {
        value = null;
        var name = SimpleName(expression)!;
        var initializers = InScope(expression, symbols().Constants(name));
        if (initializers.Count == 0)
        {
            return TryEnumMember(expression, symbols, out value);
        }

        object? first = null;
        for (var i = 0; i < initializers.Count; i++)
        {
            if (!TryFold(initializers[i], symbols, depth + 1, out var candidate) || (i > 0 && !Equals(candidate, first)))
            {
                return false;
            }

            first = candidate;
        }

        value = first;
        return true;
    }

    /// <summary>
    /// The constants a name can mean where it is written, as C# looks it up: <c>T.Name</c> in a type named T, a simple
    /// <c>Name</c> in the types and blocks that enclose it. When none is declared there (a <c>using static</c>, an
    /// alias), every constant of the name is a candidate, and the fold succeeds only when they all agree. A run whose
    /// files each declare a private <c>Host</c> so folds each from syntax, instead of building a compilation.
    /// </summary>
    internal static IReadOnlyList<ExpressionSyntax> InScope(ExpressionSyntax reference, IReadOnlyList<ExpressionSyntax> candidates)
    {
        if (candidates.Count < 2)
        {
            return candidates;
        }

        var distinct = candidates.Distinct().ToList();
        var chosen = reference is MemberAccessExpressionSyntax { Expression: var owner } && SimpleName(owner) is { } type
            ? distinct.Where(c => c.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText == type).ToList()
            : distinct.Where(c => c.Ancestors().FirstOrDefault(a => a is BlockSyntax or BaseTypeDeclarationSyntax) is { } scope
                && scope.SyntaxTree == reference.SyntaxTree && scope.FullSpan.Contains(reference.Span)).ToList();
        return chosen.Count > 0 ? chosen : distinct;
    }

    // Region.EU: an enum member declared in the run, or a region name on a type whose name says Region.
    private static bool TryEnumMember(ExpressionSyntax expression, Func<CSharpSymbols> symbols, out object? value)
    {
        value = null;
        if (expression is not MemberAccessExpressionSyntax { Expression: var owner, Name.Identifier.ValueText: var member } || SimpleName(owner) is not { } type)
        {
            return false;
        }

        if (symbols().IsEnumMember(type, member)
            || (type.Contains("Region", StringComparison.OrdinalIgnoreCase) && RegionNames.Contains(member, StringComparer.OrdinalIgnoreCase)))
        {
            value = member;
            return true;
        }

        return false;
    }
}
