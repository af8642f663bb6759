using ScimLint.Model;

namespace ScimLint.Rules.Token;

/// <summary>SL302: the token is the documentation's example or an obvious placeholder.</summary>
internal sealed class TokenPlaceholderRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL302",
        "token-placeholder",
        "SCIM token is a placeholder",
        "{0} is {1}, not a token; JumpCloud would send it and StrongDM would reject every request: put the token from StrongDM's \"Activate SCIM\" into JumpCloud and a reference such as ${{env:SDM_SCIM_TOKEN}} into the file",
        Severity.Error,
        "The guide's example token (aabb12fjfl445...jkhksjhf98345un) and placeholders such as <token>, changeme, TODO, xxxx or your-token-here are not tokens. JumpCloud would send them to StrongDM, which rejects every request.",
        ["correctness", "token"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context) => Check(context, context.App.Token, "identityManagement.token");

    public override void CheckSettings(StrongDmContext context) => Check(context, context.Settings.TokenValue, "provisioning.token.value");

    private static void Check(RuleContext context, ModelField field, string name)
    {
        if (TokenText.ValueOf(field) is not { } value || !TokenText.IsPlaceholder(value))
        {
            return;
        }

        // The message names the kind of placeholder, never the value (the engine would redact it anyway).
        var core = TokenText.Core(value);
        var what = TokenText.ContainsDocsExample(core)
            ? "the documentation's example token"
            : core.Contains("...", StringComparison.Ordinal) || core.Contains('…', StringComparison.Ordinal)
                ? "truncated (it contains '...')"
                : "a placeholder";
        context.Report(field, Rule.Format(name, what));
    }
}
