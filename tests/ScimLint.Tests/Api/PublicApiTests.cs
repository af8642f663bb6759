using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PublicApiGenerator;
using ScimLint.Engine;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Api;

/// <summary>
/// The public API of ScimLint.Core is a checked file: changing it changes the snapshot, so a change is deliberate.
/// Accept an intended change with <c>SCIMLINT_ACCEPT_SNAPSHOTS=1</c> and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Core_public_api_matches_snapshot()
    {
        var api = typeof(LintEngine).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
        });

        Snapshot.Match(api, "txt");
    }

    /// <summary>
    /// A custom rule and its unit test, compiled into an assembly of their own (no InternalsVisibleTo), so they see
    /// only the public API: build the model from text, construct a context, run the rule, and lint with a custom catalogue.
    /// </summary>
    [Fact]
    public void A_custom_rule_and_its_unit_test_compile_and_run_against_the_public_api_alone()
    {
        const string Source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.IO.Abstractions.TestingHelpers;
            using ScimLint.Configuration;
            using ScimLint.Engine;
            using ScimLint.Rules;

            public sealed class DisplayLabelShoutingRule : Rule
            {
                public static readonly RuleDescriptor Rule = new(
                    "XY001", "display-label-shouting", "Display Label is all capitals", "Display Label '{0}' is all capitals.",
                    Severity.Note, "A shouting label.", ["style"]);

                public override RuleDescriptor Descriptor => Rule;

                public override void CheckApp(JumpCloudContext context)
                {
                    var label = context.App.DisplayLabel;
                    if (label.Text is { Length: > 1 } text && text == text.ToUpperInvariant())
                    {
                        context.Report(label, Rule.Format(text), Fix.ReplaceValue(label, "StrongDM"));
                    }
                }
            }

            public static class CustomRuleCheck
            {
                public static string Run(string jumpCloud)
                {
                    var findings = new List<RawFinding>();
                    var document = RuleInputs.Load("jumpcloud.yaml", jumpCloud);
                    new DisplayLabelShoutingRule().CheckApp(new JumpCloudContext(
                        DisplayLabelShoutingRule.Rule, LintPolicy.Default, findings.Add, document.Apps[0], null, PairingStatus.Missing, []));

                    var fs = new MockFileSystem();
                    fs.AddDirectory("/repo/.git");
                    fs.AddFile("/repo/jumpcloud.yaml", new MockFileData(jumpCloud));
                    var catalog = new RuleCatalog([.. RuleCatalog.Default.Rules, new DisplayLabelShoutingRule()]);
                    var result = new LintEngine(fs, "/repo", catalog).Run(new LintRequest(["."], ScimLintConfig.Empty));
                    var engine = result.Findings.Where(f => f.Rule.Id == "XY001").Single();

                    return $"{findings.Count} {findings[0].Message} {findings[0].Fix is not null} | {engine.Span.StartLine}:{engine.Span.StartColumn} {engine.Severity.Name()}";
                }
            }
            """;
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = platform
            .Concat([typeof(LintEngine).Assembly.Location, typeof(System.IO.Abstractions.IFileSystem).Assembly.Location, typeof(System.IO.Abstractions.TestingHelpers.MockFileSystem).Assembly.Location])
            .DistinctBy(Path.GetFileName, StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "CustomRules",
            [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();

        var emit = compilation.Emit(image);

        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var check = Assembly.Load(image.ToArray()).GetType("CustomRuleCheck")!.GetMethod("Run")!;
        var app = File.ReadAllText(Repo.Path_("examples", "us-correct", "jumpcloud.yaml")).Replace("displayLabel: StrongDM (prod)", "displayLabel: STRONGDM", StringComparison.Ordinal);
        Assert.Contains("displayLabel: STRONGDM", app, StringComparison.Ordinal);
        var outcome = (string)check.Invoke(null, [app])!;
        Assert.Matches(@"^1 Display Label 'STRONGDM' is all capitals\. True \| \d+:\d+ note$", outcome);
    }
}
