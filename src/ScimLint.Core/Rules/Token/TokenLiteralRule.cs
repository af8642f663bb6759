using ScimLint.Model;

namespace ScimLint.Rules.Token;

/// <summary>SL304: a literal token is committed instead of a reference.</summary>
internal sealed partial class TokenLiteralRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL304",
        "token-literal",
        "SCIM token is committed as a literal",
        "{0} holds a literal SCIM token; replace it with a reference such as ${{env:SDM_SCIM_TOKEN}}, and rekey the token in StrongDM because it stays in the repository's history",
        Severity.Error,
        "The SCIM token lets its holder create, change and deactivate StrongDM users and roles. A literal token in a committed file is readable by everyone with access to the repository, its history, forks and CI logs. References (${env:NAME}, ${NAME}, env:NAME, file:PATH, ${{ secrets.NAME }}) and masked values (****) pass.",
        ["security", "token"],
        8.5);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context) => Check(context, context.App.Token, "identityManagement.token");

    public override void CheckSettings(StrongDmContext context)
    {
        Check(context, context.Settings.TokenValue, "provisioning.token.value");

        // 'ref' names where the token lives. Secret stores have their own schemes (op://, vault:, aws-sm:), so any
        // scheme-like value passes; a bare value without one is a pasted token.
        var reference = context.Settings.TokenRef;
        if (TokenText.ValueOf(reference) is { } text && !SchemeLike().IsMatch(text.Trim()))
        {
            Check(context, reference, "provisioning.token.ref");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial System.Text.RegularExpressions.Regex SchemeLike();

    private static void Check(RuleContext context, ModelField field, string name)
    {
        // A reference wrapped in whitespace or a 'Bearer ' prefix is still a reference (SL303 reports the wrapping),
        // and a placeholder is not a secret (SL302 reports it).
        if (TokenText.ValueOf(field) is not { } value || TokenText.Core(value).Length == 0 || TokenText.IsReference(value) || TokenText.IsPlaceholder(value))
        {
            return;
        }

        context.Report(field, Rule.Format(name));
    }
}
