using System.Globalization;
using System.Reflection.Metadata;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>A compiler error in a custom rule file: the file's name in the rules folder, the character range, the code and message.</summary>
internal sealed record CompileError(string FileName, int Start, int End, string Code, string Message);

/// <summary>What compiling the custom rules gave: the assembly and its XML documentation, or the errors.</summary>
internal sealed record CompileOutcome(byte[]? Image, byte[]? Documentation, IReadOnlyList<CompileError> Errors);

/// <summary>
/// The one class that compiles custom rules with Roslyn, in memory, against the framework and ScimLint.Core's public
/// API only. Nothing else in the custom-rule path names a Roslyn type, so a run whose rules come from the cache (or
/// that has none) never loads Roslyn.
/// </summary>
internal static class CustomRuleCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(CreateReferences);

    /// <summary>Compiles the files (names relative to the rules folder) into one assembly with embedded debug information.</summary>
    public static CompileOutcome Compile(IReadOnlyList<CustomRuleFile> files, string assemblyName)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, f.Name, Encoding.UTF8)).ToList();
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true);
        var compilation = CSharpCompilation.Create(assemblyName, trees, References.Value, options);
        using var image = new MemoryStream();
        using var documentation = new MemoryStream();
        var emit = compilation.Emit(image, xmlDocumentationStream: documentation, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (emit.Success)
        {
            return new CompileOutcome(image.ToArray(), documentation.ToArray(), []);
        }

        var errors = emit.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => new CompileError(
                d.Location.SourceTree?.FilePath ?? files[0].Name,
                d.Location.IsInSource ? d.Location.SourceSpan.Start : 0,
                d.Location.IsInSource ? d.Location.SourceSpan.End : 0,
                d.Id,
                d.GetMessage(CultureInfo.InvariantCulture)))
            .ToList();
        return new CompileOutcome(null, null, errors);
    }

    /// <summary>
    /// The framework's assemblies (the trusted platform assemblies in the runtime's own directory), ScimLint.Core read
    /// from its loaded metadata (not from <c>Assembly.Location</c>, empty in single-file builds), and
    /// System.IO.Abstractions, which the engine's public constructor names.
    /// </summary>
    private static IReadOnlyList<MetadataReference> CreateReferences()
    {
        var platform = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var coreLibrary = platform.FirstOrDefault(p => Path.GetFileName(p) == "System.Private.CoreLib.dll");
        var runtimeDirectory = coreLibrary is null ? null : Path.GetDirectoryName(coreLibrary);
        var references = platform
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && (string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("System.IO.Abstractions", StringComparison.Ordinal)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        references.Add(InMemory(typeof(Rule).Assembly));
        return references;
    }

    private static unsafe MetadataReference InMemory(System.Reflection.Assembly assembly)
    {
        if (!assembly.TryGetRawMetadata(out var blob, out var length))
        {
            throw new InvalidOperationException($"the metadata of {assembly.GetName().Name} is not available in memory");
        }

        return AssemblyMetadata.Create(ModuleMetadata.CreateFromMetadata((nint)blob, length)).GetReference();
    }
}
