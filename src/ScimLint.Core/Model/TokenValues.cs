using System.Text.RegularExpressions;

namespace ScimLint.Model;

/// <summary>Classifies what a token field holds: a reference, a masked value, or a literal.</summary>
public static partial class TokenValues
{
    /// <summary>
    /// Whether the value is a reference (<c>${env:NAME}</c>, <c>${NAME}</c>, <c>env:NAME</c>, <c>file:PATH</c>,
    /// <c>${{ secrets.NAME }}</c>, or <c>${expr:…}</c>, a C# value computed at run time) or a masked value of four or
    /// more <c>*</c> or <c>•</c>.
    /// </summary>
    public static bool IsReference(string? value) => value is not null && (Reference().IsMatch(value) || Masked().IsMatch(value));

    /// <summary>Whether the value stands for a C# expression evaluated at run time (<c>${expr:…}</c>).</summary>
    public static bool IsRuntimeValue(string? value) =>
        value is not null && value.StartsWith("${expr:", StringComparison.Ordinal) && value.EndsWith('}');

    /// <summary>Whether the value is a masked display value.</summary>
    public static bool IsMasked(string? value) => value is not null && Masked().IsMatch(value);

    [GeneratedRegex(@"^(\$\{env:[A-Za-z_][A-Za-z0-9_]*\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|env:[A-Za-z_][A-Za-z0-9_]*|file:\S+|\$\{\{\s*secrets\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}|\$\{expr:.+\})$", RegexOptions.Singleline)]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[*•]{4,}$")]
    private static partial Regex Masked();
}
