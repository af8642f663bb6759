using ScimLint.Model;

namespace ScimLint.Rules.Token;

/// <summary>SL303: the token has a <c>Bearer </c> prefix, or whitespace around or inside it.</summary>
internal sealed class TokenMalformedRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL303",
        "token-malformed",
        "SCIM token has a Bearer prefix or whitespace",
        "{0} {1}; enter the bare token only: StrongDM's client trims whitespace and sends 'Authorization: Bearer <token>' itself",
        Severity.Warning,
        "The Token Field must hold the bare token. A pasted 'Bearer ' prefix (as an older Okta guide showed it) or spaces and newlines around or inside the token are a common slip; StrongDM's own SCIM client trims whitespace and adds the Bearer scheme itself.",
        ["correctness", "token"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context) => Check(context, context.App.Token, "identityManagement.token");

    public override void CheckSettings(StrongDmContext context) => Check(context, context.Settings.TokenValue, "provisioning.token.value");

    private static void Check(RuleContext context, ModelField field, string name)
    {
        if (TokenText.ValueOf(field) is not { } value || string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var shape = TokenText.Analyze(value);
        if (!shape.IsMalformed)
        {
            return;
        }

        var problems = new List<string>();
        if (shape.Bearer)
        {
            problems.Add("starts with 'Bearer '");
        }

        if (shape.Leading > 0 || shape.Trailing > 0)
        {
            var where = (shape.Leading > 0, shape.Trailing > 0) switch
            {
                (true, true) => "leading and trailing",
                (true, false) => "leading",
                _ => "trailing",
            };
            problems.Add(shape.LineBreakOutside ? $"has {where} whitespace (including a line break)" : $"has {where} whitespace");
        }

        if (shape.InnerWhitespace)
        {
            problems.Add("contains whitespace inside the token");
        }

        var message = problems.Count == 1 ? problems[0] : string.Join(", ", problems.Take(problems.Count - 1)) + " and " + problems[^1];
        context.Report(field, Rule.Format(name, message), BuildFix(field, shape));
    }

    /// <summary>
    /// Deletes the prefix (leading whitespace and <c>Bearer </c>) and the trailing whitespace, as sub-spans of the
    /// scalar. Nothing is written, so the token never appears in a fix. No fix when whitespace sits inside the token, or
    /// when the format says the source is not the value verbatim or the rest would not read as the same string.
    /// </summary>
    private static Fix? BuildFix(ModelField field, TokenShape shape)
    {
        if (!shape.IsFixableByDeletion)
        {
            return null;
        }

        var description = (shape.Bearer, shape.Leading > 0 || shape.Trailing > 0) switch
        {
            (true, true) => "delete the 'Bearer ' prefix and the surrounding whitespace",
            (true, false) => "delete the 'Bearer ' prefix",
            _ => "delete the surrounding whitespace",
        };
        return Fix.Trim(field, shape.CoreStart, shape.CoreEnd, description);
    }
}
