namespace ScimLint.Rules.JumpCloud;

/// <summary>SL204: the JumpCloud application is not active.</summary>
internal sealed class AppInactiveRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL204",
        "app-inactive",
        "JumpCloud application is inactive",
        "{0}",
        Severity.Warning,
        "The vendor guide has you click activate on the Bookmark tab, so a working setup ends with an active application. application.active: false means it was never activated or was switched off.",
        ["correctness", "application"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        var active = context.App.Active;
        if (active.Boolean == false)
        {
            context.Report(active, Rule.Format("application.active is false; activate the StrongDM app in the JumpCloud Console (Bookmark tab, activate) and export again, or turn SL204 off if it is off on purpose"));
        }
    }
}
