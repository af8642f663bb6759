namespace ScimLint.Rules.Input;

/// <summary>
/// SL007: a custom rule file in the rules folder (<c>.scimlint/rules</c>, or the folder named by <c>customRules</c>) does
/// not compile. Reported by the engine at the compiler's own file, line and column with its message; the run goes on
/// with the built-in rules (and without the custom ones, since they did not build).
/// </summary>
internal sealed class CustomRuleCompileErrorRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL007",
        "custom-rule-does-not-compile",
        "A custom rule does not compile",
        "custom rule does not compile: {0}: {1}",
        Severity.Error,
        "ScimLint compiles the *.cs files of the custom rules folder with Roslyn against its public rule API. This file has a compiler error, so none of the custom rules ran; the built-in rules did.",
        ["custom-rules", "configuration"]);

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>A compiler error is not hidden by an ignore comment (the rule files are not linted inputs either).</summary>
    public override bool Suppressible => false;
}
