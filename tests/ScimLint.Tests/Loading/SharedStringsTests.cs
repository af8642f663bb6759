using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;

namespace ScimLint.Tests.Loading;

/// <summary>
/// Documents of a run share one copy of their repeated paths, keys, booleans and logical paths (the memory of a large
/// run), but never of a string or number value, which could be a secret.
/// </summary>
public sealed class SharedStringsTests
{
    private const string Settings = """
        controlPlane:
          baseUrl: https://app.strongdm.com/provisioning/generic/v2
        provisioning:
          scimActive: true
          token: 4f9c2d7e8a1b3c5d6e7f8091a2b3c4d5
          port: 8443
        """;

    [Theory]
    [InlineData("a/strongdm.yaml", "b/strongdm.yaml")]
    [InlineData("a/strongdm.json", "b/strongdm.json")]
    public void Paths_keys_and_booleans_are_shared_across_documents(string first, string second)
    {
        var (a, b) = (Load(first), Load(second));

        var (tokenA, tokenB) = (Scalar(a, "/provisioning/token"), Scalar(b, "/provisioning/token"));
        Assert.Same(tokenA.Path, tokenB.Path);
        Assert.Same(tokenA.Key!.Value, tokenB.Key!.Value);
        Assert.Same(Scalar(a, "/provisioning/scimActive").Value, Scalar(b, "/provisioning/scimActive").Value);

        Assert.Equal(tokenA.Value, tokenB.Value);
        Assert.NotSame(tokenA.Value, tokenB.Value);
        Assert.NotSame(Scalar(a, "/provisioning/port").Value, Scalar(b, "/provisioning/port").Value);
        Assert.NotSame(Scalar(a, "/controlPlane/baseUrl").Value, Scalar(b, "/controlPlane/baseUrl").Value);
    }

    [Fact]
    public void Logical_paths_of_bound_objects_are_shared()
    {
        var (a, b) = (ModelBinder.Bind(Load("a/strongdm.yaml")), ModelBinder.Bind(Load("b/strongdm.yaml")));

        Assert.Same(a.Settings!.Provisioning.LogicalPath, b.Settings!.Provisioning.LogicalPath);
    }

    private static SourceDocument Load(string path) => DocumentLoader.LoadText(path, path.EndsWith(".json", StringComparison.Ordinal) ? Json() : Settings);

    private static string Json() => """
        {"controlPlane": {"baseUrl": "https://app.strongdm.com/provisioning/generic/v2"},
         "provisioning": {"scimActive": true, "token": "4f9c2d7e8a1b3c5d6e7f8091a2b3c4d5", "port": 8443}}
        """;

    private static DocScalar Scalar(SourceDocument doc, string path)
    {
        var node = Find(doc.Root!, path);
        return Assert.IsType<DocScalar>(node);
    }

    private static DocNode? Find(DocNode node, string path) => node.Path == path
        ? node
        : node switch
        {
            DocMapping map => map.Properties.Select(p => Find(p.Value, path)).FirstOrDefault(n => n is not null),
            DocSequence seq => seq.Items.Select(i => Find(i, path)).FirstOrDefault(n => n is not null),
            _ => null,
        };
}
