using BenchmarkDotNet.Attributes;
using NJsonSchema;
using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Schema;

namespace ScimLint.Benchmarks;

/// <summary>
/// Schema validation once the embedded schemas are loaded (warm), and the one-off schema load that every process
/// pays on its first validation, measured on its own since it is outside <see cref="SchemaValidator.Validate(DocNode, DocumentKind)"/>'s
/// steady state: <see cref="SchemaBuilder"/>, which ScimLint uses, and NJsonSchema's own parser for comparison.
/// </summary>
[MemoryDiagnoser]
public class SchemaValidationBenchmarks
{
    private DocNode _jumpCloud = null!;
    private DocNode _strongDm = null!;
    private string _jumpCloudSchema = string.Empty;
    private string _strongDmSchema = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _jumpCloud = Root("examples/us-correct/jumpcloud.yaml");
        _strongDm = Root("examples/us-correct/strongdm.yaml");
        _jumpCloudSchema = SchemaValidator.SchemaText("jumpcloud-export.schema.json");
        _strongDmSchema = SchemaValidator.SchemaText("strongdm-provisioning.schema.json");

        // Pays the lazy schema parse here, so the Validate benchmarks below measure the warm path only.
        SchemaValidator.Validate(_jumpCloud, DocumentKind.JumpCloud);
        SchemaValidator.Validate(_strongDm, DocumentKind.StrongDm);
    }

    [Benchmark(Baseline = true)]
    public int ValidateJumpCloudWarm() => SchemaValidator.Validate(_jumpCloud, DocumentKind.JumpCloud).Count;

    [Benchmark]
    public int ValidateStrongDmWarm() => SchemaValidator.Validate(_strongDm, DocumentKind.StrongDm).Count;

    [Benchmark]
    public JsonSchema ParseJumpCloudSchema() => JsonSchema.FromJsonAsync(_jumpCloudSchema).GetAwaiter().GetResult();

    [Benchmark]
    public JsonSchema ParseStrongDmSchema() => JsonSchema.FromJsonAsync(_strongDmSchema).GetAwaiter().GetResult();

    /// <summary>What ScimLint does instead of <see cref="ParseJumpCloudSchema"/> (see <see cref="SchemaBuilder"/>).</summary>
    [Benchmark]
    public JsonSchema BuildJumpCloudSchema() => SchemaBuilder.Build(_jumpCloudSchema);

    [Benchmark]
    public JsonSchema BuildStrongDmSchema() => SchemaBuilder.Build(_strongDmSchema);

    private static DocNode Root(string relative) =>
        DocumentLoader.Load(relative, RepoFiles.Bytes(relative)).Root
        ?? throw new InvalidOperationException(relative + " did not parse");
}
