using ScimLint.Documents;
using ScimLint.Model;

namespace ScimLint.Rules;

/// <summary>
/// A check. A rule overrides one or more of the <c>Check*</c> methods and reports against model nodes; it never
/// sees a parser type or a file format. Subclasses are sealed, carry one static descriptor and are listed in
/// <see cref="RuleCatalog"/>.
/// </summary>
public abstract class Rule
{
    /// <summary>The rule's identity.</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>
    /// Whether the rule compares a JumpCloud app with its StrongDM counterpart. Such rules also run on a counterpart
    /// found on disk when only the other side was passed (pre-commit passes only changed files).
    /// </summary>
    public virtual bool CrossFile => false;

    /// <summary>Checks one input document, whatever its kind.</summary>
    public virtual void CheckDocument(DocumentContext context)
    {
    }

    /// <summary>Checks one StrongDM application of a JumpCloud export, with its paired settings when found.</summary>
    public virtual void CheckApp(JumpCloudContext context)
    {
    }

    /// <summary>Checks one StrongDM settings document.</summary>
    public virtual void CheckSettings(StrongDmContext context)
    {
    }

    /// <summary>
    /// Whether an inline <c>scimlint: ignore[...]</c> comment can hide this rule's findings. Rules about the input
    /// itself (it did not load) or about the suppressions say no.
    /// </summary>
    public virtual bool Suppressible => true;

    /// <summary>
    /// Checks the inline suppressions of the linted files that matched no finding. Runs after every other check, once
    /// the finding pipeline has matched findings to suppressions.
    /// </summary>
    public virtual void CheckUnusedSuppressions(SuppressionContext context)
    {
    }
}

/// <summary>Collects the findings of one rule.</summary>
public abstract class RuleContext
{
    private readonly Action<RawFinding> _sink;

    private protected RuleContext(RuleDescriptor rule, LintPolicy policy, Action<RawFinding> sink)
    {
        Rule = rule;
        Policy = policy;
        _sink = sink;
    }

    /// <summary>The rule being run.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>Policy settings from configuration.</summary>
    public LintPolicy Policy { get; }

    /// <summary>
    /// Reports a finding against a model node. <paramref name="severity"/> lowers or raises this one finding from the
    /// rule's default (for example SL102's warning-level paths); a severity the user sets for the rule in
    /// <c>.scimlint.yaml</c> still wins.
    /// </summary>
    public void Report(IModelNode node, string message, Fix? fix = null, Severity? severity = null)
    {
        if (severity == Severity.None)
        {
            throw new ArgumentOutOfRangeException(nameof(severity), "a finding cannot be reported with severity none; do not report it");
        }

        // A value not known statically (a C# reference or run-time expression) is not in the source: no rule judges it.
        if (!node.IsKnown)
        {
            return;
        }

        _sink(new RawFinding(Rule, node.Span, node.LogicalPath, Finding.HashValue(node.ValueText, node.IsSensitive), message, fix, severity));
    }

    /// <summary>Reports a finding at a document node (loader and schema rules).</summary>
    public void Report(DocNode node, string message) =>
        _sink(new RawFinding(Rule, node.Span, node.Path, Finding.HashValue((node as DocScalar)?.Value, false), message, null));

    /// <summary>Reports a finding at a document node whose value is a secret: its hash is not recorded either.</summary>
    internal void ReportSecret(DocNode node, string message) =>
        _sink(new RawFinding(Rule, node.Span, node.Path, Finding.HashValue(null, true), message, null));

    /// <summary>Reports a finding at an exact span with a logical path.</summary>
    public void Report(Text.SourceSpan span, string logicalPath, string message) =>
        _sink(new RawFinding(Rule, span, logicalPath, Finding.HashValue(null, false), message, null));
}

/// <summary>
/// A finding as a rule reports it, before configuration sets its severity. <see cref="Severity"/> is the rule's
/// per-finding override (null: the rule's default).
/// </summary>
public sealed record RawFinding(RuleDescriptor Rule, Text.SourceSpan Span, string LogicalPath, string ValueHash, string Message, Fix? Fix, Severity? Severity = null);

/// <summary>What a document rule sees.</summary>
public sealed class DocumentContext : RuleContext
{
    /// <summary>
    /// Creates the context of a document rule; the engine does this for every run, and a rule's unit test can too
    /// (load the document with <see cref="RuleInputs.Load"/>; <paramref name="sink"/> receives each finding).
    /// </summary>
    public DocumentContext(RuleDescriptor rule, LintPolicy policy, Action<RawFinding> sink, BoundDocument document, bool explicitlyNamed, bool looksLikeConfig = true)
        : base(rule, policy, sink)
    {
        Document = document;
        ExplicitlyNamed = explicitlyNamed;
        LooksLikeConfig = looksLikeConfig;
    }

    /// <summary>The document, bound to the model.</summary>
    public BoundDocument Document { get; }

    /// <summary>The catalogue of this run, including rules turned off (for checks that name rules).</summary>
    public RuleCatalog Catalog { get; init; } = RuleCatalog.Default;

    /// <summary>Whether the user named the file (rather than it being found by walking a directory).</summary>
    public bool ExplicitlyNamed { get; }

    /// <summary>
    /// Whether the document is a JumpCloud export or StrongDM settings, or, when it did not load, mentions their keys.
    /// A named file that did not load and is not ours gets SL004, not SL001 (pre-commit names every staged YAML file).
    /// </summary>
    public bool LooksLikeConfig { get; }
}

/// <summary>How a document was paired with its counterpart.</summary>
public enum PairingStatus
{
    /// <summary>Exactly one counterpart was found.</summary>
    Paired,

    /// <summary>No counterpart exists in the directory or its ancestors.</summary>
    Missing,

    /// <summary>More than one candidate sits in the nearest directory that has any.</summary>
    Ambiguous,
}

/// <summary>What an app rule sees.</summary>
public sealed class JumpCloudContext : RuleContext
{
    /// <summary>
    /// Creates the context of an app rule; the engine does this for every run, and a rule's unit test can too
    /// (take the app from <see cref="RuleInputs.Load"/>; <paramref name="sink"/> receives each finding).
    /// </summary>
    public JumpCloudContext(RuleDescriptor rule, LintPolicy policy, Action<RawFinding> sink, JumpCloudApp app, StrongDmSettings? settings, PairingStatus pairing, IReadOnlyList<string> candidates)
        : base(rule, policy, app.IsObserved ? ObservedState.Sink(sink) : sink)
    {
        App = app;
        Settings = settings;
        Pairing = pairing;
        Candidates = candidates;
    }

    /// <summary>The JumpCloud application.</summary>
    public JumpCloudApp App { get; }

    /// <summary>The paired StrongDM settings, when exactly one was found.</summary>
    public StrongDmSettings? Settings { get; }

    /// <summary>How pairing went.</summary>
    public PairingStatus Pairing { get; }

    /// <summary>The candidate counterpart paths (display paths), for messages.</summary>
    public IReadOnlyList<string> Candidates { get; }

    /// <summary>The StrongDM apps of the other JumpCloud documents in the same directory (a pulled one beside a hand-kept one).</summary>
    public IReadOnlyList<JumpCloudApp> Siblings { get; init; } = [];

    /// <summary>
    /// The same app (same <c>_id</c>, else same <c>name</c>) in a sibling document of the other state: the observed
    /// (pulled) twin of a desired (hand-kept) app, or the desired twin of an observed one. Null when there is none.
    /// </summary>
    public JumpCloudApp? Twin => App.Identity is { } identity
        ? Siblings.FirstOrDefault(s => s.IsObserved != App.IsObserved && string.Equals(s.Identity, identity, StringComparison.Ordinal))
        : null;
}

/// <summary>What a settings rule sees.</summary>
public sealed class StrongDmContext : RuleContext
{
    /// <summary>
    /// Creates the context of a settings rule; the engine does this for every run, and a rule's unit test can too
    /// (take the settings from <see cref="RuleInputs.Load"/>; <paramref name="sink"/> receives each finding).
    /// </summary>
    public StrongDmContext(RuleDescriptor rule, LintPolicy policy, Action<RawFinding> sink, StrongDmSettings settings, IReadOnlyList<JumpCloudApp> apps, PairingStatus pairing)
        : base(rule, policy, sink)
    {
        Settings = settings;
        Apps = apps;
        Pairing = pairing;
    }

    /// <summary>The settings.</summary>
    public StrongDmSettings Settings { get; }

    /// <summary>The JumpCloud apps that pair with these settings.</summary>
    public IReadOnlyList<JumpCloudApp> Apps { get; }

    /// <summary>Whether any JumpCloud export pairs with these settings.</summary>
    public PairingStatus Pairing { get; }
}

/// <summary>What a rule sees of the suppressions that matched no finding.</summary>
public sealed class SuppressionContext : RuleContext
{
    private readonly Action<RawFinding> _sink;

    /// <summary>
    /// Creates the context of a suppression rule; the engine does this once per run, after the other rules, and a
    /// rule's unit test can too (<paramref name="sink"/> receives each finding).
    /// </summary>
    public SuppressionContext(RuleDescriptor rule, LintPolicy policy, Action<RawFinding> sink, IReadOnlyList<Suppression> unused, Func<string, bool> isEnabled)
        : base(rule, policy, sink)
    {
        _sink = sink;
        Unused = unused;
        IsEnabled = isEnabled;
    }

    /// <summary>The suppressions in the linted files that name at least one rule and matched no finding, in file order.</summary>
    public IReadOnlyList<Suppression> Unused { get; }

    /// <summary>Whether a rule ID or name is a rule of this run's catalogue that is turned on.</summary>
    public Func<string, bool> IsEnabled { get; }

    /// <summary>Reports a suppression; its fingerprint is keyed by the rules it names.</summary>
    public void Report(Suppression suppression, string message) =>
        _sink(new RawFinding(Rule, suppression.Span, string.Empty, Finding.HashValue(string.Join(',', suppression.Rules), false), message, null));
}
