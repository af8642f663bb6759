using System.Security.Cryptography;
using System.Text;
using ScimLint.Text;

namespace ScimLint.Rules;

/// <summary>One problem found, after severity configuration.</summary>
public sealed record Finding(
    RuleDescriptor Rule,
    Severity Severity,
    string Message,
    SourceSpan Span,
    string LogicalPath,
    string ValueHash,
    Fix? Fix)
{
    /// <summary>The display path of the file.</summary>
    public string Path => Span.Path;

    /// <summary>
    /// A fingerprint that survives edits elsewhere in the file: rule, file, logical path and value hash, never lines.
    /// </summary>
    public string Fingerprint => Hash($"{Rule.Id}|{Path}|{LogicalPath}|{ValueHash}")[..32];

    /// <summary>The hash of a value as used in fingerprints and baselines; sensitive values hash to a constant.</summary>
    internal static string HashValue(string? value, bool sensitive) => sensitive ? "sensitive" : Hash(value ?? string.Empty)[..16];

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
