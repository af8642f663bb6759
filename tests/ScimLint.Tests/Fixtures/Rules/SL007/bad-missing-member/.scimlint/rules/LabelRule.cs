using ScimLint.Rules;

public sealed class LabelRule : Rule
{
    public static readonly RuleDescriptor Rule = new("XY001", "label", "Label", "{0}", Severity.Note, "A label rule.", []);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        if (context.App.Label.Text is { } text)
        {
            context.Report(context.App.DisplayLabel, Rule.Format(text));
        }
    }
}
