using System.IO.Abstractions.TestingHelpers;
using System.Text;
using ScimLint.Configuration;
using ScimLint.Engine;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Reporting;
using ScimLint.Rules;
using ScimLint.Schema;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Security.Fuzz;

/// <summary>One generated case: a seed, the mutations applied to it, and whether its counterpart is linted beside it.</summary>
internal sealed record FuzzCase(FuzzSeed Seed, Mutation[] Mutations, bool WithCounterpart, bool CheckSarif)
{
    public override string ToString() =>
        $"{Seed.Source} [{string.Join(", ", Mutations)}]{(WithCounterpart ? " +counterpart" : string.Empty)}{(CheckSarif ? " +sarif" : string.Empty)}";
}

/// <summary>
/// Runs the engine in process on one mutated input and checks the properties of issue 9: no exception escapes, every
/// position is 1-based and inside its file, the SARIF validates (when the case asks), a second run renders the same
/// bytes in every format, and no 8-character window of the planted canary reaches any output.
/// </summary>
internal static class FuzzRun
{
    private static readonly ReportOptions Options = new() { ToolVersion = CliRunner.TestVersion };

    private static long _executions;

    /// <summary>Engine runs so far in this process (two per case).</summary>
    public static long Executions => Interlocked.Read(ref _executions);

    public static void Check(FuzzCase c)
    {
        var bytes = Mutator.Apply(c.Seed.Bytes, c.Seed.CanaryLine, c.Mutations);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [c.Seed.FileName] = bytes };
        if (c.WithCounterpart && c.Seed.CounterpartName is { } name && c.Seed.Counterpart is { } counterpart)
        {
            files[name] = counterpart;
        }

        var (result, outputs) = Run(files);
        var (_, again) = Run(files);
        for (var i = 0; i < outputs.Count; i++)
        {
            Assert.True(outputs[i].Text == again[i].Text, $"{outputs[i].Format} differs between two runs of the same input");
        }

        CheckPositions(result, files);
        if (c.Seed.CanaryLine >= 0)
        {
            CheckCanary(outputs);
        }

        if (c.CheckSarif)
        {
            var errors = SarifJudge.Errors(outputs.Single(o => o.Format == "sarif").Text);
            Assert.True(errors.Count == 0, "SARIF is not valid: " + string.Join("; ", errors));
        }
    }

    private static (LintResult Result, List<(string Format, string Text)> Outputs) Run(Dictionary<string, byte[]> files)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        foreach (var (path, content) in files)
        {
            fs.AddFile("/repo/" + path, new MockFileData(content));
        }

        var result = new LintEngine(fs, "/repo").Run(new LintRequest(["."], ScimLintConfig.Empty));
        Interlocked.Increment(ref _executions);
        var outputs = new List<(string, string)>();
        foreach (var format in ToolInfo.Formats)
        {
            var writer = new StringWriter { NewLine = "\n" };
            ToolInfo.ReporterFor(format).Write(result, writer, Options);
            outputs.Add((format, writer.ToString()));
        }

        outputs.Add(("baseline", Baseline.Write(result)));
        return (result, outputs);
    }

    private static void CheckPositions(LintResult result, Dictionary<string, byte[]> files)
    {
        foreach (var f in result.Findings)
        {
            Assert.True(files.TryGetValue(f.Path, out var bytes), $"{f.Rule.Id} reports on '{f.Path}', which is not an input");
            CheckSpan(f.Span, Lines(bytes), f.Rule.Id);
        }
    }

    /// <summary>
    /// The loader-level property, cheap enough for a million runs: the mutated file loads, binds and validates against
    /// its schema without an exception, and every diagnostic, node, key and schema error lies inside the file.
    /// </summary>
    public static void CheckDocument(FuzzCase c)
    {
        var bytes = Mutator.Apply(c.Seed.Bytes, c.Seed.CanaryLine, c.Mutations);
        var lines = Lines(bytes);
        var doc = DocumentLoader.Load(c.Seed.FileName, bytes);
        Interlocked.Increment(ref _executions);
        foreach (var d in doc.Diagnostics)
        {
            CheckSpan(d.Span, lines, "diagnostic '" + d.Message + "'");
        }

        var stack = new Stack<Documents.DocNode>();
        if (doc.Root is not null)
        {
            stack.Push(doc.Root);
        }

        while (stack.TryPop(out var node))
        {
            CheckSpan(node.Span, lines, "node " + node.Path);
            var children = node switch
            {
                Documents.DocMapping m => m.Properties.SelectMany(p => new[] { p.Key, p.Value }),
                Documents.DocSequence s => s.Items,
                _ => [],
            };
            foreach (var child in children)
            {
                stack.Push(child);
            }
        }

        var bound = ModelBinder.Bind(doc);
        if (doc.Root is not null && bound.Kind != DocumentKind.Unknown)
        {
            foreach (var e in SchemaValidator.Validate(doc.Root, bound.Kind))
            {
                CheckSpan(e.Span, lines, "schema error '" + e.Message + "'");
            }
        }
    }

    private static string[] Lines(byte[] bytes) => Decode(bytes).Split(["\r\n", "\r", "\n"], StringSplitOptions.None);

    private static void CheckSpan(Text.SourceSpan s, string[] lines, string what)
    {
        var where = $"{what} at {s.StartLine}:{s.StartColumn}-{s.EndLine}:{s.EndColumn} ({lines.Length} lines)";
        Assert.True(s.StartLine >= 1 && s.StartColumn >= 1 && s.EndLine >= 1 && s.EndColumn >= 1, where + ": not 1-based");
        Assert.True(s.StartLine < s.EndLine || (s.StartLine == s.EndLine && s.StartColumn <= s.EndColumn), where + ": ends before it starts");
        Assert.True(s.EndLine <= lines.Length, where + ": past the last line");
        Assert.True(s.StartColumn <= lines[s.StartLine - 1].Length + 1, where + $": start column past the line's end ({lines[s.StartLine - 1].Length} characters)");
        Assert.True(s.EndColumn <= lines[s.EndLine - 1].Length + 1, where + $": end column past the line's end ({lines[s.EndLine - 1].Length} characters)");
    }

    /// <summary>The file's text as the engine decodes it: a UTF-8 BOM dropped, UTF-16 by its BOM, invalid UTF-8 replaced.</summary>
    private static string Decode(byte[] bytes) => bytes switch
    {
        [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2),
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2),
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3),
        _ => Encoding.UTF8.GetString(bytes),
    };

    private static void CheckCanary(List<(string Format, string Text)> outputs)
    {
        foreach (var (format, text) in outputs)
        {
            for (var i = 0; i + 8 <= FuzzSeeds.Canary.Length; i++)
            {
                var window = FuzzSeeds.Canary.Substring(i, 8);
                Assert.False(text.Contains(window, StringComparison.Ordinal), $"'{window}' of the canary appears in the {format} output:\n{text}");
            }
        }
    }
}
