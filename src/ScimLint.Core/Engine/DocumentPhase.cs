using System.Runtime.ExceptionServices;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// The per-document half of a run, a batch of inputs at a time (<see cref="CrossDocumentPhase"/> drives it): the
/// ownership check, loading (stage 2), binding (stage 3) and the document rules (stage 5's
/// <see cref="RuleDispatch.CheckDocument"/>). A batch's inputs are processed in parallel, at most
/// <see cref="Environment.ProcessorCount"/> at a time (<c>DOTNET_PROCESSOR_COUNT</c> sets it), and their results are
/// then taken in input order: the store's cache, the inputs, their findings and the first error are the same whatever
/// the number of threads, so the output is byte-identical to a single-threaded run.
/// </summary>
internal sealed class DocumentPhase(DocumentStore store, OwnershipCheck ownership, RuleDispatch dispatch)
{
    /// <summary>The walked files that were not taken as inputs, with why (for <see cref="LintResult.Inputs"/>), in input order.</summary>
    public List<SkippedPath> Skipped { get; } = [];

    /// <summary>The inputs processed so far (those that are ours), in input order.</summary>
    public List<InputFacts> Inputs { get; } = [];

    /// <summary>The document rules' findings so far, in input order.</summary>
    public List<RawFinding> Findings { get; } = [];

    /// <summary>
    /// Processes <paramref name="count"/> files from <paramref name="start"/>; returns the inputs among them with their
    /// indexes. Their documents stay pinned in the store until the cross-document rules have run on them.
    /// </summary>
    public List<ProcessedInput> Run(IReadOnlyList<InputFile> files, int start, int count) => Finish(files, Begin(files, start, count));

    /// <summary>
    /// Starts the per-document work of <paramref name="count"/> files from <paramref name="start"/> on the thread
    /// pool, so that the caller can do other work meanwhile (<see cref="CrossDocumentPhase"/> runs the previous
    /// batch's cross-document half); <see cref="Finish"/> takes its results. The work touches nothing that half uses:
    /// each file gets documents of its own, the store's shared parts are concurrent, and none of it is visible until
    /// <see cref="Finish"/>.
    /// </summary>
    public Batch Begin(IReadOnlyList<InputFile> files, int start, int count) =>
        new(start, count, Task.Run(() => ProcessAll(files, start, count)));

    /// <summary>
    /// Waits for a batch's per-document work and takes its results in input order (see <see cref="Run"/>): the inputs
    /// among its files, with their indexes.
    /// </summary>
    public List<ProcessedInput> Finish(IReadOnlyList<InputFile> files, Batch batch)
    {
        var (start, count) = (batch.Start, batch.Count);
        var outcomes = batch.Work.GetAwaiter().GetResult();
        var inputs = new List<ProcessedInput>();
        for (var i = 0; i < count; i++)
        {
            var outcome = outcomes[i];
            outcome.Error?.Throw();
            var fullPath = files[start + i].FullPath;
            if (outcome.Loaded)
            {
                store.Add(fullPath, outcome.Bound, pin: outcome.Input is not null);
            }

            if (outcome.Input is { } input)
            {
                Inputs.Add(input);
                inputs.Add(new ProcessedInput(start + i, input));
                Findings.AddRange(outcome.Findings);
            }
            else if (outcome.Skipped is { } reason)
            {
                Skipped.Add(new SkippedPath(fullPath, reason));
            }
        }

        return inputs;
    }

    private Outcome[] ProcessAll(IReadOnlyList<InputFile> files, int start, int count)
    {
        var outcomes = new Outcome[count];
        if (HoldsCSharp(files, start, count))
        {
            // C# is parsed on threads with a large stack (CSharpGuard): process the batch on them, rather than hand
            // each C# file from a pool thread to one of them and wait.
            LargeStack.For(count, Environment.ProcessorCount, i => outcomes[i] = Process(files[start + i]));
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, count, parallel, i => outcomes[i] = Process(files[start + i]));
        }

        return outcomes;
    }

    private static bool HoldsCSharp(IReadOnlyList<InputFile> files, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (files[i].FullPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private Outcome Process(InputFile file)
    {
        try
        {
            var (fullPath, isExplicit) = file;
            if (!isExplicit && !ownership.MayBeOurs(fullPath, kind: null))
            {
                return new Outcome { Skipped = "does not mention strongdm, controlPlane or provisioning (not parsed)" };
            }

            var bound = store.LoadUncached(fullPath, mustRead: true)!;
            var looksOurs = ownership.LooksOurs(bound, fullPath);

            // A walked file that is not recognised is ours only when it failed to load and looks like ours.
            if (!isExplicit && bound.Kind == DocumentKind.Unknown && !(bound.Document.Diagnostics.Count > 0 && looksOurs))
            {
                return new Outcome { Loaded = true, Bound = bound, Skipped = "neither a JumpCloud export nor StrongDM settings" };
            }

            DocumentBinder.PrepareInput(bound);
            var input = new InputDocument(bound, fullPath, isExplicit, looksOurs);
            return new Outcome { Loaded = true, Bound = bound, Input = InputFacts.Of(input), Findings = dispatch.CheckDocument(input) };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Rethrown in input order, so that the first failing input is the one reported, as in a serial run.
            return new Outcome { Error = ExceptionDispatchInfo.Capture(ex) };
        }
    }

    /// <summary>A batch of files whose per-document work <see cref="Begin"/> started.</summary>
    internal sealed class Batch
    {
        internal Batch(int start, int count, Task<Outcome[]> work) => (Start, Count, Work) = (start, count, work);

        /// <summary>The index of its first file.</summary>
        public int Start { get; }

        /// <summary>The number of its files.</summary>
        public int Count { get; }

        internal Task<Outcome[]> Work { get; }

        /// <summary>Waits for the work to end, whatever its outcome (which is dropped).</summary>
        public void Settle() => ((IAsyncResult)Work).AsyncWaitHandle.WaitOne();
    }

    /// <summary>
    /// An input of a batch with its index among the run's files. A class, not a tuple: lists and queues of it share
    /// the framework's precompiled code, so a ReadyToRun build does not JIT-compile them at start-up.
    /// </summary>
    internal sealed record ProcessedInput(int Index, InputFacts Input);

    internal readonly record struct Outcome(bool Loaded, BoundDocument? Bound, InputFacts? Input, List<RawFinding> Findings, ExceptionDispatchInfo? Error, string? Skipped)
    {
        public Outcome()
            : this(false, null, null, [], null, null)
        {
        }
    }
}
