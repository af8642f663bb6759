using System.IO.Abstractions;
using System.Text;
using BenchmarkDotNet.Attributes;
using ScimLint.Configuration;
using ScimLint.Documents;
using ScimLint.Engine;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Schema;

namespace ScimLint.Benchmarks;

/// <summary>
/// A generated JumpCloud export of 16 KiB, 256 KiB and 2 MiB (thousands of associations and user groups), to show how
/// each stage scales with input size. Real exports are a few KiB; the loader refuses files over 4 MiB.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private const string FileName = "jumpcloud.yaml";

    private byte[] _bytes = [];
    private DocNode _root = null!;
    private string _directory = string.Empty;
    private readonly FileSystem _fileSystem = new();

    [Params(16, 256, 2048)]
    public int SizeKiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (yaml, groups) = LargeExport.Yaml(SizeKiB * 1024);
        _bytes = Encoding.UTF8.GetBytes(yaml);
        var document = DocumentLoader.Load(FileName, _bytes);
        if (document.Root is null || document.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException("the generated export did not load: " + string.Join("; ", document.Diagnostics.Select(d => d.Message)));
        }

        _root = document.Root;
        SchemaValidator.Validate(_root, DocumentKind.JumpCloud);

        _directory = Directory.CreateTempSubdirectory("scimlint-bench-").FullName;
        File.WriteAllBytes(Path.Combine(_directory, FileName), _bytes);
        File.Copy(RepoFiles.PathOf("examples/us-correct/strongdm.yaml"), Path.Combine(_directory, "strongdm.yaml"));
        Console.WriteLine($"// {SizeKiB} KiB target: {_bytes.Length} bytes, {groups} associations and user groups");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_directory.Length > 0)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public BoundDocument LoadBind() => ModelBinder.Bind(DocumentLoader.Load(FileName, _bytes));

    [Benchmark]
    public int ValidateWarm() => SchemaValidator.Validate(_root, DocumentKind.JumpCloud).Count;

    [Benchmark]
    public LintResult Engine() =>
        new LintEngine(_fileSystem, _directory).Run(new LintRequest([FileName], ScimLintConfig.Empty));
}
