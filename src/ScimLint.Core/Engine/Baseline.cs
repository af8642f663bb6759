using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ScimLint.Rules;

namespace ScimLint.Engine;

#pragma warning disable CS1591 // The baseline file's shape is documented in the README.

/// <summary>One accepted finding. The key is rule, file, logical path and value hash; never a line number.</summary>
internal sealed record BaselineEntry(string RuleId, string Path, string LogicalPath, string ValueHash, string Message);

/// <summary>The baseline file: findings accepted when ScimLint was adopted, so that only new ones fail the build.</summary>
internal sealed record BaselineFile(int Version, string Tool, IReadOnlyList<BaselineEntry> Findings)
{
    /// <summary>The directory of the baseline file: entry paths are relative to it (null: to the working directory).</summary>
    [JsonIgnore]
    public string? Directory { get; init; }
}

#pragma warning restore CS1591

/// <summary>
/// Reads, writes and applies a baseline. Entry paths are relative to the baseline file's directory, so a baseline
/// named in the configuration matches from any working directory (a baseline written in the directory it lives in, the
/// usual case, reads the same as before).
/// </summary>
internal static class Baseline
{
    /// <summary>The format version written and understood.</summary>
    public const int Version = 1;

    private static readonly BaselineJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    /// <summary>
    /// The baseline of a result, sorted so that it diffs well. <paramref name="pathKey"/> turns a finding's display path
    /// into the entry's path (relative to the baseline file's directory); null: the display path.
    /// </summary>
    public static string Write(LintResult result, Func<string, string>? pathKey = null)
    {
        var entries = result.Findings
            .Select(f => new BaselineEntry(f.Rule.Id, pathKey?.Invoke(f.Path) ?? f.Path, f.LogicalPath, f.ValueHash, f.Message))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.LogicalPath, StringComparer.Ordinal)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.ValueHash, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();
        return JsonSerializer.Serialize(new BaselineFile(Version, "scimlint", entries), Context.BaselineFile) + "\n";
    }

    /// <summary>Parses a baseline; throws <see cref="LintUsageException"/> with <c>file:line:column</c> when it is malformed.</summary>
    public static BaselineFile Read(string displayPath, byte[] bytes)
    {
        try
        {
            var file = JsonSerializer.Deserialize(bytes, Context.BaselineFile);
            if (file is null || file.Version != Version || file.Findings is null || file.Findings.Any(e => e.RuleId is null || e.Path is null || e.LogicalPath is null || e.ValueHash is null))
            {
                throw new LintUsageException($"{displayPath}:1:1: not a ScimLint baseline (version {Version}); write one with --write-baseline");
            }

            return file;
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new LintUsageException($"{displayPath}:{line}:{column}: the baseline is not valid JSON");
        }
    }

    /// <summary>What a baseline entry matches on (a record: a tuple key would be JIT-compiled at run time).</summary>
    private sealed record EntryKey(string RuleId, string Path, string LogicalPath, string ValueHash);

    /// <summary>
    /// Splits findings into new ones and ones the baseline accepts. Each entry accepts one finding, so a second
    /// identical mistake is still reported.
    /// </summary>
    public static (List<Finding> New, List<Finding> Accepted) Apply(IReadOnlyList<Finding> findings, BaselineFile baseline, Func<string, string>? pathKey = null)
    {
        var remaining = baseline.Findings
            .GroupBy(e => new EntryKey(e.RuleId, e.Path, e.LogicalPath, e.ValueHash))
            .ToDictionary(g => g.Key, g => g.Count());
        var fresh = new List<Finding>();
        var accepted = new List<Finding>();
        foreach (var finding in findings)
        {
            var key = new EntryKey(finding.Rule.Id, pathKey?.Invoke(finding.Path) ?? finding.Path, finding.LogicalPath, finding.ValueHash);
            if (remaining.TryGetValue(key, out var count) && count > 0)
            {
                remaining[key] = count - 1;
                accepted.Add(finding);
            }
            else
            {
                fresh.Add(finding);
            }
        }

        return (fresh, accepted);
    }
}

/// <summary>Source-generated serialisation of the baseline file (no reflection at start-up).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BaselineFile))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
