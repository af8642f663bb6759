using System.Text;
using System.Text.RegularExpressions;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security.Fuzz;

/// <summary>
/// One input the property tests start from: a file of the examples or the rule and C# fixtures, its counterpart in the
/// same folder (linted beside it, unmutated, when the case says so), and the line where a canary token was planted.
/// </summary>
internal sealed record FuzzSeed(string Source, string FileName, byte[] Bytes, string? CounterpartName, byte[]? Counterpart, int CanaryLine)
{
    public override string ToString() => Source;
}

/// <summary>Loads the seeds once, each with the canary planted in a token field when it has one.</summary>
internal static partial class FuzzSeeds
{
    /// <summary>The canary planted in every seed that has a token field: no 8-character window of it may reach an output.</summary>
    public const string Canary = "CANARYq7Z3x9K2mL5vB8nR4tY6wP1";

    private static readonly Lazy<IReadOnlyList<FuzzSeed>> Loaded = new(Load);

    public static IReadOnlyList<FuzzSeed> All => Loaded.Value;

    private static List<FuzzSeed> Load()
    {
        var folders = Directory.GetDirectories(Repo.Examples)
            .Concat(Directory.GetDirectories(Path.Combine(Repo.Fixtures, "Rules")).SelectMany(Directory.GetDirectories))
            .Concat(Directory.GetDirectories(Path.Combine(Repo.Fixtures, "CSharpShapes")))
            .Order(StringComparer.Ordinal);
        var seeds = new List<FuzzSeed>();
        foreach (var folder in folders)
        {
            var files = Directory.GetFiles(folder).Where(IsInput).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                var counterpart = files.FirstOrDefault(f => f != file);
                var (bytes, line) = Plant(file, File.ReadAllText(file));
                var source = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
                seeds.Add(new FuzzSeed(source, Path.GetFileName(file), bytes, counterpart is null ? null : Path.GetFileName(counterpart), counterpart is null ? null : File.ReadAllBytes(counterpart), line));
            }
        }

        return seeds;
    }

    private static bool IsInput(string file) => Path.GetExtension(file) is ".yaml" or ".yml" or ".json" or ".cs";

    /// <summary>Puts the canary in the first token field (YAML, JSON or C#); returns the bytes and its 0-based line, or -1.</summary>
    private static (byte[] Bytes, int Line) Plant(string file, string text)
    {
        var regex = Path.GetExtension(file) switch
        {
            ".json" => JsonToken(),
            ".cs" => CSharpToken(),
            _ => YamlToken(),
        };
        var match = regex.Match(text);
        if (!match.Success)
        {
            return (Encoding.UTF8.GetBytes(text), -1);
        }

        var replacement = Path.GetExtension(file) switch
        {
            ".json" => $"\"token\": \"{Canary}\"",
            ".cs" => $"Token = \"{Canary}\"",
            _ => $"{match.Groups["indent"].Value}token: {Canary}",
        };
        var planted = string.Concat(text.AsSpan(0, match.Index), replacement, text.AsSpan(match.Index + match.Length));
        var line = planted.AsSpan(0, match.Index).Count('\n');
        return (Encoding.UTF8.GetBytes(planted), line);
    }

    // A scalar token, reference or value: its key is secret by name wherever the line ends up.
    [GeneratedRegex(@"^(?<indent>[ ]*)(?:token|ref|value):[ \t]+\S[^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex YamlToken();

    [GeneratedRegex(@"""(?:token|ref|value)""\s*:\s*(?:""[^""\r\n]*""|null)")]
    private static partial Regex JsonToken();

    [GeneratedRegex(@"\bToken\s*=\s*(?:""[^""\r\n]*""|[A-Za-z_][A-Za-z0-9_.]*)")]
    private static partial Regex CSharpToken();
}
