using ScimLint.Documents;

namespace ScimLint.Rules.Input;

/// <summary>
/// SL005: an inline <c>scimlint: ignore[...]</c> comment names an unknown rule, or suppresses nothing. Unused ones are
/// reported from <see cref="CheckUnusedSuppressions"/>, which runs once the finding pipeline knows which findings were
/// suppressed.
/// </summary>
internal sealed class InvalidSuppressionRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL005",
        "invalid-suppression",
        "Inline suppression is unknown or unused",
        "{0}",
        Severity.Warning,
        "A 'scimlint: ignore[...]' comment names a rule that does not exist, gives an 'until' that is not a date, or no longer suppresses any finding. Stale suppressions hide the next real problem on that line.",
        ["suppression"]);

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>A suppression cannot hide a finding about suppressions.</summary>
    public override bool Suppressible => false;

    public override void CheckDocument(DocumentContext context)
    {
        foreach (var suppression in Suppressions.Parse(context.Document.Document))
        {
            if (suppression.Rules.Count == 0)
            {
                context.Report(suppression.Span, string.Empty, Rule.Format("this suppression names no rule; write scimlint: ignore[SL104] and a reason"));
                continue;
            }

            if (suppression is { UntilText: { } until, Until: null })
            {
                context.Report(suppression.Span, string.Empty, Rule.Format($"'until {until}' is not a date; write the last day the suppression applies as YYYY-MM-DD, such as ignore[{suppression.Rules[0]} until 2027-03-31] (until then it never expires)"));
            }

            foreach (var id in suppression.Rules.Where(id => context.Catalog.Find(id) is null))
            {
                context.Report(suppression.Span, string.Empty, Rule.Format($"'{id}' is not a ScimLint rule; run 'scimlint rules' for the list"));
            }
        }
    }

    /// <summary>Reports the suppressions that matched nothing although every rule they name is turned on.</summary>
    public override void CheckUnusedSuppressions(SuppressionContext context)
    {
        foreach (var suppression in context.Unused.Where(s => s.Rules.All(context.IsEnabled)))
        {
            context.Report(suppression, Unused(suppression));
        }
    }

    /// <summary>The message for a suppression that suppressed nothing.</summary>
    public static string Unused(Suppression suppression) =>
        Rule.Format($"this suppression of {string.Join(", ", suppression.Rules)} matches no finding on line {suppression.Line}; remove it");
}
