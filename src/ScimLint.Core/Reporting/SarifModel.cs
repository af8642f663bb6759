using System.Text.Json.Serialization;

namespace ScimLint.Reporting;

#pragma warning disable CS1591 // The SARIF object model mirrors the SARIF 2.1.0 specification's property names.
#pragma warning disable CA1056 // SARIF URIs are strings in the format.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SarifVersionControlDetails>? VersionControlProvenance = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SarifInvocation>? Invocations = null);

internal sealed record SarifVersionControlDetails(
    string RepositoryUri,
    string RevisionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Branch,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SarifArtifactLocation? MappedTo);

internal sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification> ToolExecutionNotifications);

internal sealed record SarifNotification(
    SarifMessage Message,
    string Level,
    IReadOnlyList<SarifLocation> Locations,
    SarifDescriptorReference AssociatedRule,
    SarifException Exception);

internal sealed record SarifDescriptorReference(string Id, int Index);

internal sealed record SarifException(string Kind);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(
    string Name,
    string SemanticVersion,
    string InformationUri,
    IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifMultiformatMessage Help,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? HelpUri,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

internal sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    string Precision,
    [property: JsonPropertyName("problem.severity")] string ProblemSeverity,
    [property: JsonPropertyName("security-severity"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SecuritySeverity);

internal sealed record SarifConfiguration(string Level);

internal sealed record SarifMessage(string Text);

internal sealed record SarifMultiformatMessage(string Text, string Markdown);

internal sealed record SarifArtifactLocation(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Uri,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UriBaseId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SarifMessage? Description = null);

internal sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SarifFix>? Fixes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BaselineState = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SarifSuppression>? Suppressions { get; init; }
}

internal sealed record SarifSuppression(string Kind, string Status, string Justification);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, IReadOnlyList<SarifLogicalLocation>? LogicalLocations);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

internal sealed record SarifLogicalLocation(string FullyQualifiedName, string Kind);

internal sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

internal sealed record SarifFix(SarifMessage Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges);

internal sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

internal sealed record SarifReplacement(SarifRegion DeletedRegion, SarifInsertedContent InsertedContent);

internal sealed record SarifInsertedContent(string Text);

/// <summary>Source-generated serialisation for every JSON the tool writes: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(JsonReport))]
[JsonSerializable(typeof(string))]
internal sealed partial class ScimLintJsonContext : JsonSerializerContext;
