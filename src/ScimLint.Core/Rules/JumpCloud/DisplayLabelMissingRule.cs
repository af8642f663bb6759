namespace ScimLint.Rules.JumpCloud;

/// <summary>SL205: the application has no Display Label.</summary>
internal sealed class DisplayLabelMissingRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL205",
        "display-label-missing",
        "Display Label is missing",
        "{0}",
        Severity.Warning,
        "The vendor guide asks for a Display Label on the General Info tab. Without one, the app has no readable name in the JumpCloud Console and in exports.",
        ["maintainability", "application"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var label = context.App.DisplayLabel;
        if (!label.IsPresent)
        {
            context.Report(label, Rule.Format("application.displayLabel is missing; enter a Display Label on the General Info tab (for example \"StrongDM\") and export again"));
        }
        else if (label.Scalar is { } s && string.IsNullOrWhiteSpace(s.Value))
        {
            var state = label.HasValue ? "blank" : "null";
            context.Report(label, Rule.Format($"application.displayLabel is {state}; enter a Display Label on the General Info tab (for example \"StrongDM\") and export again"));
        }
    }
}
