using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ScimLint.Rules;
using ScimLint.Text;

namespace ScimLint.Engine;

/// <summary>One custom rule file: its full path, its name in the rules folder, its display path and its text.</summary>
internal sealed record CustomRuleFile(string FullPath, string Name, string Display, string Text);

/// <summary>
/// The <c>*.cs</c> files of a custom rules folder (the folder itself, not its subfolders), in name order, and the
/// cache key they make. Reading them needs no Roslyn.
/// </summary>
internal sealed class CustomRuleSources
{
    private CustomRuleSources(string folder, string display, IReadOnlyList<CustomRuleFile> files)
    {
        Folder = folder;
        Display = display;
        Files = files;
    }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    /// <summary>The folder's display path.</summary>
    public string Display { get; }

    /// <summary>The rule files, in ordinal name order.</summary>
    public IReadOnlyList<CustomRuleFile> Files { get; }

    /// <summary>Whether a file (full path) is one of the rule files.</summary>
    public bool Contains(string fullPath) => Files.Any(f => string.Equals(f.FullPath, fullPath, StringComparison.Ordinal));

    /// <summary>The rule files of a folder, or null when it does not exist or holds none.</summary>
    public static CustomRuleSources? Read(Workspace workspace, string folder)
    {
        var fs = workspace.FileSystem;
        if (!fs.Directory.Exists(folder))
        {
            return null;
        }

        var files = new List<CustomRuleFile>();
        foreach (var path in fs.Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal))
        {
            try
            {
                files.Add(new CustomRuleFile(path, fs.Path.GetFileName(path), workspace.Display(path), fs.File.ReadAllText(path, Encoding.UTF8)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new LintUsageException($"{workspace.Display(path)}: cannot read custom rule: {ex.Message}");
            }
        }

        return files.Count == 0 ? null : new CustomRuleSources(folder, workspace.Display(folder), files);
    }

    /// <summary>
    /// The cache key: SHA-256 of the file names and texts, of ScimLint's informational version (so a new build
    /// compiles again against its own API) and of the runtime.
    /// </summary>
    public string Key()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var version = typeof(Rule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        Append(hash, $"scimlint-custom-rules/1\n{version}\n{RuntimeInformation.FrameworkDescription}\n");
        foreach (var file in Files)
        {
            Append(hash, $"{file.Name}\n{file.Text.Length.ToString(CultureInfo.InvariantCulture)}\n{file.Text}\n");
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Where a piece of source text first occurs (an ID's string literal, a class declaration), as
    /// <c>file:line:column</c>; the folder when it occurs nowhere.
    /// </summary>
    public string Locate(params string[] needles)
    {
        foreach (var needle in needles)
        {
            foreach (var file in Files)
            {
                var at = file.Text.IndexOf(needle, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var span = new SourceText(file.Display, file.Text).Span(at, at + needle.Length);
                    return $"{file.Display}:{span.StartLine}:{span.StartColumn}";
                }
            }
        }

        return Display;
    }

    /// <summary>The file that declares a class (by its simple name), or null.</summary>
    public CustomRuleFile? Declaring(string typeName) =>
        Files.FirstOrDefault(f => System.Text.RegularExpressions.Regex.IsMatch(f.Text, $@"\b(class|record)\s+{System.Text.RegularExpressions.Regex.Escape(typeName)}\b"));

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
