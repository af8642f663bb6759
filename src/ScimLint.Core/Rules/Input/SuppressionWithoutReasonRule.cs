using ScimLint.Documents;

namespace ScimLint.Rules.Input;

/// <summary>
/// SL008: an inline <c>scimlint: ignore[...]</c> comment gives no reason. It is still honoured (the finding stays
/// suppressed); this warning asks for the why, which reviewers and the next reader need.
/// </summary>
internal sealed class SuppressionWithoutReasonRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL008",
        "suppression-without-reason",
        "Inline suppression gives no reason",
        "{0}",
        Severity.Warning,
        "A 'scimlint: ignore[...]' comment must say why the finding is acceptable, after the closing bracket. Without a reason nobody can tell later whether the suppression still holds. The suppression still applies.",
        ["suppression"]);

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>A suppression cannot hide a finding about suppressions.</summary>
    public override bool Suppressible => false;

    public override void CheckDocument(DocumentContext context)
    {
        foreach (var suppression in Suppressions.Parse(context.Document.Document).Where(s => s.Rules.Count > 0 && s.Reason.Length == 0))
        {
            var rules = string.Join(",", suppression.Rules);
            var until = suppression.UntilText is { } date ? $" until {date}" : string.Empty;
            context.Report(suppression.Span, string.Empty, Rule.Format($"this suppression of {string.Join(", ", suppression.Rules)} gives no reason; say why after the bracket, such as 'scimlint: ignore[{rules}{until}] kept until the cut-over (OPS-1234)' (it still applies)"));
        }
    }
}
