using BenchmarkDotNet.Attributes;
using ScimLint.Loading;
using ScimLint.Model;

namespace ScimLint.Benchmarks;

/// <summary>Bytes to typed model for one real-sized export: the per-file work of every run.</summary>
[MemoryDiagnoser]
public class LoadBindBenchmarks
{
    private const string YamlPath = "examples/us-correct/jumpcloud.yaml";
    private const string JsonPath = "examples/eu-correct/jumpcloud.json";

    private byte[] _yaml = [];
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup()
    {
        _yaml = RepoFiles.Bytes(YamlPath);
        _json = RepoFiles.Bytes(JsonPath);
    }

    [Benchmark(Baseline = true)]
    public BoundDocument Yaml() => ModelBinder.Bind(DocumentLoader.Load(YamlPath, _yaml));

    [Benchmark]
    public BoundDocument Json() => ModelBinder.Bind(DocumentLoader.Load(JsonPath, _json));
}
