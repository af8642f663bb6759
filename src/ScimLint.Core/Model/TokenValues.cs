using System.Text.RegularExpressions;

namespace ScimLint.Model;

/// <summary>Classifies what a token field holds: a reference, a masked value, or a literal.</summary>
public static partial class TokenValues
{
    /// <summary>
    /// Whether a value written in a file is a reference (<c>${env:NAME}</c>, <c>${NAME}</c>, <c>env:NAME</c>,
    /// <c>file:PATH</c>, <c>${{ secrets.NAME }}</c>) or a masked value of four or more <c>*</c> or <c>•</c>. (A C#
    /// reference or run-time expression is not a string at all: see <see cref="Documents.ValueOrigin"/>.)
    /// </summary>
    public static bool IsReference(string? value) => value is not null && (Reference().IsMatch(value) || Masked().IsMatch(value));

    [GeneratedRegex(@"^(\$\{env:[A-Za-z_][A-Za-z0-9_]*\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|env:[A-Za-z_][A-Za-z0-9_]*|file:\S+|\$\{\{\s*secrets\.[A-Za-z_][A-Za-z0-9_]*\s*\}\})$", RegexOptions.Singleline)]
    private static partial Regex Reference();

    [GeneratedRegex(@"^[*•]{4,}$")]
    private static partial Regex Masked();
}
