using NJsonSchema;

namespace ScimLint.Tests.Infrastructure;

/// <summary>Validates SARIF text against the official SARIF 2.1.0 schema (tests/ScimLint.Tests/Schemas).</summary>
internal static class SarifJudge
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(Repo.Path_("tests", "ScimLint.Tests", "Schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    /// <summary>The schema errors of a SARIF log, as "path: kind"; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string sarif) => [.. Schema.Value.Validate(sarif).Select(e => $"{e.Path}: {e.Kind}")];
}
