using System.Diagnostics;
using System.Globalization;
using System.IO.Abstractions;
using System.Text;
using ScimLint.Configuration;
using ScimLint.Documents;
using ScimLint.Engine;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Schema;
using YamlDotNet.Core;

namespace ScimLint.Benchmarks;

/// <summary>
/// What a corpus costs in one process, stage by stage, each stage run several times (the first pass pays its JIT and
/// type loading, the later ones show the warm rate): reading the files, YamlDotNet's parser alone, ScimLint's loader
/// (YamlDotNet plus the positioned tree), the loader plus NJsonSchema's validation (SL002's work), and the whole engine. No stage keeps what it builds, as the engine does not.
/// The library stages run on every core, as the engine does. It separates what the design card's libraries cost per
/// document from what ScimLint adds, and a warm process from a cold one (docs/performance.md, "Throughput floor").
/// </summary>
internal static class Floor
{
    public static void Run(string directory, int passes, bool engineOnly)
    {
        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(DocumentLoader.IsSupportedExtension)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var bytes = new byte[files.Length][];
        Console.WriteLine($"{files.Length} documents in {directory}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("| Stage | Pass | Wall [ms] | CPU [ms] | Docs/s (wall) | Docs per CPU-s | gen0 | Allocated [MB] |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        if (engineOnly)
        {
            Engine(root, files.Length, passes);
            return;
        }

        Stage("read the files", 1, files.Length, () => Parallel.For(0, files.Length, i => bytes[i] = File.ReadAllBytes(files[i])));
        for (var pass = 1; pass <= passes; pass++)
        {
            Stage("YamlDotNet parser events", pass, files.Length, () => Parallel.For(0, files.Length, i => ParseEvents(bytes[i])));
        }

        for (var pass = 1; pass <= passes; pass++)
        {
            Stage("ScimLint load (YamlDotNet + positioned tree)", pass, files.Length, () => Parallel.For(0, files.Length, i => DocumentLoader.Load(files[i], bytes[i])));
        }

        for (var pass = 1; pass <= passes; pass++)
        {
            Stage("ScimLint load + NJsonSchema validation (SL002)", pass, files.Length, () => Parallel.For(0, files.Length, i => Validate(files[i], DocumentLoader.Load(files[i], bytes[i]).Root)));
        }

        Engine(root, files.Length, passes);
    }

    private static void Engine(string root, int documents, int passes)
    {
        var fileSystem = new FileSystem();
        for (var pass = 1; pass <= passes; pass++)
        {
            Stage("whole engine (LintEngine.Run)", pass, documents, () => new LintEngine(fileSystem, root).Run(new LintRequest(["."], ScimLintConfig.Empty)));
        }
    }

    /// <summary>
    /// The first call of each stage on one file, in a fresh process (run it once per process): what a pre-commit run
    /// pays before any of the file's work is warm. The design card's libraries come first (YamlDotNet through the
    /// loader, then NJsonSchema's first validation with its schema build and static constructors), then the rest of a
    /// whole-engine run over the same file, then that run again, warm.
    /// </summary>
    public static void Cold(string path)
    {
        var full = Path.GetFullPath(path);
        var clock = Stopwatch.StartNew();
        var bytes = File.ReadAllBytes(full);
        var read = clock.Elapsed.TotalMilliseconds;
        var root = DocumentLoader.Load(full, bytes).Root;
        var load = clock.Elapsed.TotalMilliseconds;
        Validate(full, root);
        var validate = clock.Elapsed.TotalMilliseconds;
        var fileSystem = new FileSystem();
        var directory = Path.GetDirectoryName(full)!;
        new LintEngine(fileSystem, directory).Run(new LintRequest([full], ScimLintConfig.Empty));
        var engine = clock.Elapsed.TotalMilliseconds;
        new LintEngine(fileSystem, directory).Run(new LintRequest([full], ScimLintConfig.Empty));
        var warm = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"since main: read {read:F1} ms, YamlDotNet load {load - read:F1} ms, NJsonSchema first validation {validate - load:F1} ms, rest of a cold engine run {engine - validate:F1} ms, warm engine run {warm - engine:F1} ms; jit {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods"));
    }

    private static int ParseEvents(byte[] bytes)
    {
        var parser = new Parser(new StringReader(Encoding.UTF8.GetString(bytes)));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    private static int Validate(string path, DocNode? root)
    {
        if (root is null)
        {
            return 0;
        }

        var kind = Path.GetFileName(path).StartsWith("strongdm", StringComparison.Ordinal) ? DocumentKind.StrongDm : DocumentKind.JumpCloud;
        return SchemaValidator.Validate(root, kind).Count;
    }

    private static void Stage(string name, int pass, int documents, Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var gen0 = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var wallMs = clock.Elapsed.TotalMilliseconds;
        var mb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {pass} | {wallMs:F0} | {cpuMs:F0} | {documents / (wallMs / 1000):F0} | {documents / (cpuMs / 1000):F0} | {GC.CollectionCount(0) - gen0} | {mb:F0} |"));
    }
}
