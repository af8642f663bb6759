using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// Drives the run over the inputs a batch at a time, so that memory stays flat in the number of documents: the
/// document phase loads, binds and checks a batch (<see cref="DocumentPhase"/>); the sidecars of each directory whose
/// files have all been processed are merged (<see cref="Sidecars"/>); then the cross-document rules run, in input
/// order, on every input that is ready (<see cref="RuleDispatch.RunCrossDocument"/>), and the store drops the
/// documents nothing needs any more (<see cref="DocumentStore.Trim"/>).
/// </summary>
/// <remarks>
/// An input is ready when every walked file of its directory and of the directories below it has been processed: a
/// settings document pairs with the exports below it, and every export it reads has then been merged with its
/// sidecars. A walk lists a directory's files before its subdirectories, so in a tree of one pair per directory each
/// input is ready as soon as its batch is done. The raw findings come out in the order a run over all inputs at once
/// gave: cross-document findings in input order, the counterparts' in path order, the sidecar notes by directory, then
/// the document findings in input order.
/// </remarks>
internal sealed class CrossDocumentPhase(Workspace workspace, DocumentStore store, DocumentPhase phase, Sidecars sidecars, RuleDispatch dispatch, Pairing pairing)
{
    /// <summary>Runs both halves on the files; returns the raw findings.</summary>
    public List<RawFinding> Run(IReadOnlyList<InputFile> files)
    {
        var schedule = new Schedule(workspace, files);
        var pending = new Queue<DocumentPhase.ProcessedInput>();
        var byDirectory = new Dictionary<string, List<InputFacts>>(StringComparer.Ordinal);
        var notes = new SortedDictionary<string, List<RawFinding>>(StringComparer.Ordinal);
        var findingLines = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var batch = Math.Max(1, store.Limits.DocumentBatch);
        var next = files.Count > 0 ? phase.Begin(files, 0, Math.Min(batch, files.Count)) : null;
        try
        {
            for (var start = 0; start < files.Count; start += batch)
            {
                var count = Math.Min(batch, files.Count - start);
                var processed = phase.Finish(files, next!);

                // The next batch's documents load, bind and get their document rules while this batch's cross-document
                // half runs here, so that both cores stay busy; its results are taken after that half, in input order,
                // as in a run that did one batch after the other.
                next = start + count < files.Count ? phase.Begin(files, start + count, Math.Min(batch, files.Count - start - count)) : null;
                foreach (var processedInput in processed)
                {
                    pending.Enqueue(processedInput);
                    Add(byDirectory, schedule.DirectoryOf(processedInput.Index), processedInput.Input);
                }

                foreach (var directory in schedule.Completed(start, start + count).Where(byDirectory.ContainsKey))
                {
                    if (sidecars.Merge(byDirectory[directory]) is { Count: > 0 } merged)
                    {
                        notes[directory] = merged;
                    }

                    byDirectory.Remove(directory);
                }

                RunReady(pending, index => schedule.IsReady(index, start + count));

                // Every finding is kept to the end: the ones that repeat (a message per file that has it) share their strings.
                store.Strings.Share(dispatch.CrossDocumentFindings, _seen);
                store.Strings.Share(phase.Findings, _seenDocument);
                foreach (var finding in dispatch.CrossDocumentFindings.Skip(_seen).Concat(phase.Findings.Skip(_seenDocument)).Concat(notes.Values.SelectMany(n => n)))
                {
                    AddLine(findingLines, finding.Span);
                }

                (_seen, _seenDocument) = (dispatch.CrossDocumentFindings.Count, phase.Findings.Count);
                store.Trim(findingLines, WholeTexts);
            }
        }
        finally
        {
            // A run that fails leaves no work behind it: the batch in flight, if any, ends before the failure leaves.
            next?.Settle();
        }

        RunReady(pending, _ => true);
        dispatch.CheckCounterparts(phase.Inputs.Select(i => i.FullPath).ToHashSet(StringComparer.Ordinal));
        return [.. dispatch.CrossDocumentFindings, .. notes.Values.SelectMany(n => n), .. phase.Findings];
    }

    private static void Add(Dictionary<string, List<InputFacts>> byDirectory, string directory, InputFacts input)
    {
        if (!byDirectory.TryGetValue(directory, out var list))
        {
            byDirectory[directory] = list = [];
        }

        list.Add(input);
    }

    private int _seen;
    private int _seenDocument;

    /// <summary>Keep whole texts for the files with findings, not only the lines code frames show (fixes are to be applied).</summary>
    public bool WholeTexts { get; init; }

    /// <summary>
    /// Adds the line a span starts on (as the reporters show it: never line 0) to its file's set. One span at a time,
    /// from the findings: a sequence of spans (a struct) would JIT-compile LINQ at start-up in a ReadyToRun build.
    /// </summary>
    public static void AddLine(Dictionary<string, HashSet<int>> lines, Text.SourceSpan span)
    {
        if (!lines.TryGetValue(span.Path, out var set))
        {
            lines[span.Path] = set = [];
        }

        set.Add(Math.Max(1, span.StartLine));
    }

    /// <summary>Runs the cross-document rules on the pending inputs, in order, while the next one is ready.</summary>
    private void RunReady(Queue<DocumentPhase.ProcessedInput> pending, Func<int, bool> isReady)
    {
        while (pending.Count > 0 && isReady(pending.Peek().Index))
        {
            var input = pending.Dequeue().Input;
            if (store.Load(input.FullPath, mustRead: false) is { } bound)
            {
                dispatch.RunCrossDocument(input, bound);
                input.Entries = InputListing.EntriesOf(workspace, pairing, sidecars, new InputDocument(bound, input.FullPath, input.Explicit, input.LooksLikeConfig));
            }

            store.Unpin(input.FullPath);
        }
    }

    /// <summary>
    /// Which files each directory holds, and from which file on a directory and all below it are processed. Kept as
    /// numbers (a directory index per file, the last file per directory), not as a directory name per file: the
    /// schedule lives for the whole run, so it must cost little per file.
    /// </summary>
    private sealed class Schedule
    {
        private readonly IReadOnlyList<InputFile> _files;
        private readonly System.IO.Abstractions.IPath _path;
        private readonly int[] _directoryOf;
        private readonly int[] _lastInDirectory;
        private readonly int[] _lastInTree;

        public Schedule(Workspace workspace, IReadOnlyList<InputFile> files)
        {
            (_files, _path) = (files, workspace.FileSystem.Path);
            _directoryOf = new int[files.Count];
            var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
            var lastInDirectory = new List<int>();
            var lastInTree = new List<int>();
            int IndexOf(string directory)
            {
                if (!indexes.TryGetValue(directory, out var index))
                {
                    indexes[directory] = index = lastInTree.Count;
                    lastInDirectory.Add(-1);
                    lastInTree.Add(-1);
                }

                return index;
            }

            for (var i = 0; i < files.Count; i++)
            {
                var directory = DirectoryName(i);
                _directoryOf[i] = IndexOf(directory);
                lastInDirectory[_directoryOf[i]] = i;
                for (var d = directory; !string.IsNullOrEmpty(d); d = _path.GetDirectoryName(d))
                {
                    lastInTree[IndexOf(d)] = i;
                }
            }

            (_lastInDirectory, _lastInTree) = ([.. lastInDirectory], [.. lastInTree]);
        }

        /// <summary>The directory of a file (a new string each time: the schedule keeps no names).</summary>
        public string DirectoryOf(int index) => DirectoryName(index);

        private string DirectoryName(int index) => _path.GetDirectoryName(_files[index].FullPath) ?? string.Empty;

        /// <summary>Whether the file's directory and every directory below it have been processed, up to <paramref name="processed"/> files.</summary>
        public bool IsReady(int index, int processed) => _lastInTree[_directoryOf[index]] < processed;

        /// <summary>The directories whose last file is among the files from <paramref name="start"/> to <paramref name="end"/>.</summary>
        public IEnumerable<string> Completed(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (_lastInDirectory[_directoryOf[i]] == i)
                {
                    yield return DirectoryName(i);
                }
            }
        }
    }
}
