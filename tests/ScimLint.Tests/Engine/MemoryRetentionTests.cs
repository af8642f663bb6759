using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using System.Runtime.CompilerServices;
using ScimLint.Engine;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Reporting;
using ScimLint.Rules;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Engine;

/// <summary>
/// Issue 12's memory target: a run does not keep every document's text, tree and model until the end. The store
/// drops documents nothing needs any more (loading one again if a later search needs it), the result keeps the texts
/// of the files with findings only, and the output is the same whatever the size of the store's cache.
/// </summary>
public sealed class MemoryRetentionTests
{
    private const int Pairs = 120;

    private static MockFileSystem PairTree(int pairs, int brokenEvery)
    {
        var fs = new MockFileSystem();
        fs.AddDirectory("/repo/.git");
        for (var i = 0; i < pairs; i++)
        {
            var dir = $"/repo/teams/t{i:D4}";
            var export = i % brokenEvery == 0
                ? SampleDocs.JumpCloudUsWith("baseUrl", "  baseUrl: http://app.strongdm.com/provisioning/generic/v2/")
                : SampleDocs.JumpCloudUs;
            fs.AddFile($"{dir}/jumpcloud.yaml", new MockFileData(export));
            fs.AddFile($"{dir}/strongdm.yaml", new MockFileData(SampleDocs.StrongDmUs));
        }

        return fs;
    }

    [Fact]
    public void Documents_leave_memory_while_the_run_goes_on()
    {
        var probe = new RetentionProbe();
        var limits = new LoadLimits { MaxCachedDocuments = 8, DocumentBatch = 8 };
        var engine = new LintEngine(PairTree(Pairs, brokenEvery: 10), "/repo", new RuleCatalog([.. RuleCatalog.Default.Rules, probe]), limits);

        var result = engine.Run(new LintRequest(["."], ScimLint.Configuration.ScimLintConfig.Empty));

        Assert.Equal(2 * Pairs, result.FilesChecked);
        Assert.Equal(2 * Pairs, probe.Seen);
        Assert.True(probe.Checks >= 4, $"the probe looked {probe.Checks} times");

        // Without the bounded store every document of the run (240) was still alive at the last settings document;
        // now at most the cache (2 x 8), a batch (8) and the documents in use remain.
        Assert.InRange(probe.MostAlive, 1, 40);
    }

    [Fact]
    public void The_result_keeps_the_texts_of_the_files_with_findings_only_and_names_every_file()
    {
        var engine = new LintEngine(PairTree(20, brokenEvery: 5), "/repo", null, new LoadLimits { MaxCachedDocuments = 2, DocumentBatch = 4 });

        var result = engine.Run(new LintRequest(["."], ScimLint.Configuration.ScimLintConfig.Empty));

        var withFindings = result.Findings.Select(f => f.Path).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains("teams/t0005/jumpcloud.yaml", withFindings);
        Assert.DoesNotContain("teams/t0001/jumpcloud.yaml", withFindings);
        Assert.Equal(withFindings, result.Sources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(40, result.Files!.Count);
        Assert.Contains("teams/t0001/strongdm.yaml", result.Files);

        // Only the lines the findings start on (what code frames and regions read), not whole texts.
        var source = result.Sources["teams/t0005/jumpcloud.yaml"];
        Assert.True(source.IsExcerpt);
        var shown = result.Findings.Where(f => f.Path == "teams/t0005/jumpcloud.yaml").Select(f => f.Span.StartLine).ToHashSet();
        Assert.All(Enumerable.Range(1, source.LineCount), line => Assert.Equal(shown.Contains(line), source.GetLine(line).Length > 0));
        Assert.Equal("  baseUrl: http://app.strongdm.com/provisioning/generic/v2/", source.GetLine(Assert.Single(shown)));
    }

    [Fact]
    public void A_run_that_applies_fixes_keeps_whole_texts()
    {
        var fs = PairTree(20, brokenEvery: 5);
        var engine = new LintEngine(fs, "/repo", null, new LoadLimits { MaxCachedDocuments = 2, DocumentBatch = 4 });
        var before = fs.File.ReadAllText("/repo/teams/t0005/jumpcloud.yaml");

        var outcome = default(FixOutcome);
        engine.Run(new LintOptions(["."]) { Fix = true, FixesApplied = o => outcome = o });

        Assert.NotNull(outcome);
        Assert.Contains("teams/t0005/jumpcloud.yaml", outcome.Files);
        var after = fs.File.ReadAllText("/repo/teams/t0005/jumpcloud.yaml").Split('\n');
        var changed = before.Split('\n').Zip(after).Where(p => p.First != p.Second).ToList();
        Assert.Equal(before.Split('\n').Length, after.Length);
        var (old, fixedLine) = Assert.Single(changed);
        Assert.StartsWith("  baseUrl: http://", old, StringComparison.Ordinal);
        Assert.StartsWith("  baseUrl: https://", fixedLine, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_is_the_same_when_every_document_is_dropped_and_loaded_again()
    {
        // The examples hold sidecars, pulled documents beside hand-kept ones, C#, custom rules and pairs in one
        // directory each: a store of one document and batches of one file load counterparts again and again.
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        string Render(LoadLimits? limits)
        {
            var engine = new LintEngine(new FileSystem(), Repo.Root, null, limits);
            var result = engine.Run(new LintOptions(["examples"]) { Clock = clock });
            var writer = new StringWriter();
            foreach (var format in ToolInfo.Formats)
            {
                ToolInfo.ReporterFor(format).Write(result, writer, new ReportOptions { ToolVersion = "test", ReportSuppressed = true });
            }

            writer.Write(string.Join('\n', result.Inputs.Select(i => i.Describe())));
            return writer.ToString();
        }

        var whole = Render(null);
        var streamed = Render(new LoadLimits { MaxCachedDocuments = 1, DocumentBatch = 1 });

        Assert.Contains("SL", whole, StringComparison.Ordinal);
        Assert.Equal(whole, streamed);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>
    /// Remembers every document it is shown, weakly, and counts from time to time how many are still alive (after a
    /// full collection), from a settings check, that is, in the middle of the cross-document phase.
    /// </summary>
    private sealed class RetentionProbe : Rule
    {
        private static readonly RuleDescriptor Probe = new("SL990", "retention-probe", "Test rule", "{0}", Severity.Note, "Counts live documents.", ["test"]);
        private readonly List<WeakReference<BoundDocument>> _seen = [];
        private int _settingsChecks;

        public override RuleDescriptor Descriptor => Probe;

        public int Seen
        {
            get
            {
                lock (_seen)
                {
                    return _seen.Count;
                }
            }
        }

        public int Checks { get; private set; }

        public int MostAlive { get; private set; }

        public override void CheckDocument(DocumentContext context)
        {
            lock (_seen)
            {
                _seen.Add(new WeakReference<BoundDocument>(context.Document));
            }
        }

        public override void CheckSettings(StrongDmContext context)
        {
            if (++_settingsChecks % 25 == 0)
            {
                MostAlive = Math.Max(MostAlive, CountAlive());
                Checks++;
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private int CountAlive()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            lock (_seen)
            {
                return _seen.Count(w => w.TryGetTarget(out _));
            }
        }
    }
}
