using System.Runtime.ExceptionServices;
using ScimLint.Model;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// The per-document half of a run, for every input at once: the ownership check, loading (stage 2), binding
/// (stage 3) and the document rules (stage 5's <see cref="RuleDispatch.CheckDocument"/>). Inputs are processed in
/// parallel, at most <see cref="Environment.ProcessorCount"/> at a time (<c>DOTNET_PROCESSOR_COUNT</c> sets it), and
/// their results are then taken in input order: the store's cache, the inputs, their findings and the first error are
/// the same whatever the number of threads, so the output is byte-identical to a single-threaded run.
/// </summary>
internal sealed class DocumentPhase(DocumentStore store, OwnershipCheck ownership, RuleDispatch dispatch)
{
    /// <summary>The walked files that were not taken as inputs, with why (for <see cref="LintResult.Inputs"/>), in input order.</summary>
    public List<(string FullPath, string Reason)> Skipped { get; } = [];

    /// <summary>Processes the inputs; returns those that are ours, and their document rules' findings, in input order.</summary>
    public (List<InputDocument> Inputs, List<RawFinding> Findings) Run(IReadOnlyList<InputFile> files)
    {
        var outcomes = new Outcome[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, files.Count, parallel, i => outcomes[i] = Process(files[i]));

        var inputs = new List<InputDocument>();
        var findings = new List<RawFinding>();
        for (var i = 0; i < files.Count; i++)
        {
            var outcome = outcomes[i];
            outcome.Error?.Throw();
            if (outcome.Loaded)
            {
                store.Add(files[i].FullPath, outcome.Bound);
            }

            if (outcome.Input is { } input)
            {
                inputs.Add(input);
                findings.AddRange(outcome.Findings);
            }
            else if (outcome.Skipped is { } reason)
            {
                Skipped.Add((files[i].FullPath, reason));
            }
        }

        return (inputs, findings);
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
            return new Outcome { Loaded = true, Bound = bound, Input = input, Findings = dispatch.CheckDocument(input) };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Rethrown in input order, so that the first failing input is the one reported, as in a serial run.
            return new Outcome { Error = ExceptionDispatchInfo.Capture(ex) };
        }
    }

    private readonly record struct Outcome(bool Loaded, BoundDocument? Bound, InputDocument? Input, List<RawFinding> Findings, ExceptionDispatchInfo? Error, string? Skipped)
    {
        public Outcome()
            : this(false, null, null, [], null, null)
        {
        }
    }
}
