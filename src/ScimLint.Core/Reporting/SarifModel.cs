using System.Text.Json.Serialization;

namespace ScimLint.Reporting;

#pragma warning disable CS1591 // The SARIF object model mirrors the SARIF 2.1.0 specification's property names.
#pragma warning disable CA1056 // SARIF URIs are strings in the format.

public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

public sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind);

public sealed record SarifTool(SarifDriver Driver);

public sealed record SarifDriver(
    string Name,
    string SemanticVersion,
    string InformationUri,
    IReadOnlyList<SarifRule> Rules);

public sealed record SarifRule(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifMultiformatMessage Help,
    string HelpUri,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

public sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    string Precision,
    [property: JsonPropertyName("problem.severity")] string ProblemSeverity,
    [property: JsonPropertyName("security-severity"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SecuritySeverity);

public sealed record SarifConfiguration(string Level);

public sealed record SarifMessage(string Text);

public sealed record SarifMultiformatMessage(string Text, string Markdown);

public sealed record SarifArtifactLocation(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UriBaseId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SarifMessage? Description = null);

public sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SarifFix>? Fixes);

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, IReadOnlyList<SarifLogicalLocation>? LogicalLocations);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

public sealed record SarifLogicalLocation(string FullyQualifiedName, string Kind);

public sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

public sealed record SarifFix(SarifMessage Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges);

public sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

public sealed record SarifReplacement(SarifRegion DeletedRegion, SarifInsertedContent InsertedContent);

public sealed record SarifInsertedContent(string Text);

/// <summary>Source-generated serialisation for every JSON the tool writes: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(JsonReport))]
[JsonSerializable(typeof(string))]
internal sealed partial class ScimLintJsonContext : JsonSerializerContext;
