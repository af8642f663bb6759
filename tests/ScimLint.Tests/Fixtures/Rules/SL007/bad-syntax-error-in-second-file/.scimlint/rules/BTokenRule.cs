using ScimLint.Rules;

public sealed class TokenRule : Rule
{
    public static readonly RuleDescriptor Rule = new("XY002", "token", "Token", "{0}", Severity.Note, "A token rule.", [])

    public override RuleDescriptor Descriptor => Rule;
}
