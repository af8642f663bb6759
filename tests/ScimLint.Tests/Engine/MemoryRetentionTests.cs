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

    [Fact]
    public void Findings_that_repeat_across_files_share_their_strings()
    {
        // Every finding is kept until the end of the run: the same message in many files is one string, not one each.
        var engine = new LintEngine(PairTree(20, brokenEvery: 5), "/repo", null, new LoadLimits { MaxCachedDocuments = 2, DocumentBatch = 4 });

        var result = engine.Run(new LintRequest(["."], ScimLint.Configuration.ScimLintConfig.Empty));

        var repeated = result.Findings.GroupBy(f => (f.Rule.Id, f.Message)).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(repeated);
        Assert.All(repeated, g => Assert.All(g, f => Assert.Same(g.First().Message, f.Message)));

        // So are the lines the files' excerpts keep for code frames.
        var lines = result.Findings.Where(f => f.Rule.Id == repeated[0].First().Rule.Id)
            .Select(f => result.Sources[f.Path].GetLine(f.Span.StartLine)).ToList();
        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.Same(lines[0], l));
    }

    [Fact]
    public void A_digest_keeps_redaction_facts_only_for_a_document_that_has_some()
    {
        var fs = new MockFileSystem();
        fs.AddFile("/repo/a/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        fs.AddFile("/repo/b/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUsWith("token:", "  token: 9f8e7d6c5b4a39281706f5e4d3c2b1a0")));
        var store = new DocumentStore(new Workspace(fs, "/repo"), LoadLimits.Default);

        store.Load("/repo/a/jumpcloud.yaml", mustRead: true);
        store.Load("/repo/b/jumpcloud.yaml", mustRead: true);

        var digests = store.Digests.ToDictionary(d => d.Path);
        Assert.Null(digests["a/jumpcloud.yaml"].Redaction);
        Assert.Contains("9f8e7d6c5b4a39281706f5e4d3c2b1a0", digests["b/jumpcloud.yaml"].Redaction!.Values);
    }

    [Fact]
    public void A_dropped_document_takes_its_finding_lines_into_its_digest_and_keeps_them_when_dropped_again()
    {
        var fs = new MockFileSystem();
        for (var i = 0; i < 4; i++)
        {
            fs.AddFile($"/repo/t{i}/jumpcloud.yaml", new MockFileData(SampleDocs.JumpCloudUs));
        }

        var store = new DocumentStore(new Workspace(fs, "/repo"), new LoadLimits { MaxCachedDocuments = 1 });
        var lines = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal) { ["t0/jumpcloud.yaml"] = [4], ["t3/jumpcloud.yaml"] = [5] };
        for (var i = 0; i < 4; i++)
        {
            store.Load($"/repo/t{i}/jumpcloud.yaml", mustRead: true);
        }

        store.Trim(lines, wholeTexts: false);

        // t0 was dropped: its lines moved into its digest; t3, the most recent, is still cached and keeps its entry.
        Assert.Equal(["t3/jumpcloud.yaml"], lines.Keys);
        var t0 = store.Digests.Single(d => d.Path == "t0/jumpcloud.yaml");
        Assert.Equal("  displayLabel: StrongDM", t0.Text!.GetLine(4));

        // Loaded again (a later search) and dropped again with a new finding line: both lines are kept.
        store.Load("/repo/t0/jumpcloud.yaml", mustRead: true);
        lines["t0/jumpcloud.yaml"] = [5];
        for (var i = 1; i < 4; i++)
        {
            store.Load($"/repo/t{i}/jumpcloud.yaml", mustRead: true);
        }

        store.Trim(lines, wholeTexts: false);
        Assert.Equal([4, 5], t0.Text!.ExcerptLines.Order());
        Assert.Equal("  ssoUrl: https://app.strongdm.com/app/login", t0.Text.GetLine(5));
    }

    [Fact]
    public void Pairing_forgets_the_answers_of_directories_it_has_moved_past()
    {
        const int Directories = 600;
        var workspace = new Workspace(PairTree(Directories, brokenEvery: 1000), "/repo").For(null);
        var store = new DocumentStore(workspace, LoadLimits.Default);
        var discovery = new InputDiscovery(workspace, WalkFilter.For(ScimLint.Configuration.ScimLintConfig.Empty, workspace));
        var pairing = new Pairing(workspace, store, new OwnershipCheck(workspace, store), discovery);

        var first = Probe(pairing, store, 0);
        var firstExports = Exports(pairing, store, 0);
        for (var i = 1; i < Directories; i++)
        {
            Probe(pairing, store, i);
        }

        var last = Probe(pairing, store, Directories - 1);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The first directory's answer is gone; the most recent one is still remembered (so the probe can see one alive).
        Assert.False(first.TryGetTarget(out _));
        Assert.True(last.TryGetTarget(out _));
        Assert.InRange(pairing.Remembered, 1, 2 * 256);

        // Asked again, a forgotten answer is found again, the same.
        Assert.Equal(firstExports, Exports(pairing, store, 0));
        Assert.Equal(["/repo/teams/t0000/jumpcloud.yaml"], firstExports);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<SettingsPairing> Probe(Pairing pairing, DocumentStore store, int directory)
    {
        var settings = $"/repo/teams/t{directory:D4}/strongdm.yaml";
        var exports = pairing.ForSettings(settings, store.Load(settings, mustRead: true)!.Settings!);
        Assert.Empty(pairing.Siblings($"/repo/teams/t{directory:D4}/jumpcloud.yaml"));
        return new WeakReference<SettingsPairing>(exports);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<string> Exports(Pairing pairing, DocumentStore store, int directory)
    {
        var settings = $"/repo/teams/t{directory:D4}/strongdm.yaml";
        return [.. pairing.ForSettings(settings, store.Load(settings, mustRead: true)!.Settings!).Exports.Select(e => e.FullPath)];
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
