using System.Xml.Linq;
using ScimLint.Engine;

namespace ScimLint.Tests.CustomRules;

/// <summary>A custom rule's XML doc comment becomes its Markdown page (explain, SARIF help.markdown).</summary>
public sealed class CustomRulePagesTests
{
    [Fact]
    public void Summary_and_remarks_become_paragraphs_with_code_references_and_links()
    {
        var member = XElement.Parse("""
            <member name="T:Acme.R">
                <summary>
                The label starts with
                the <c>environment</c>; see <see cref="T:ScimLint.Rules.Rule"/> and <see href="https://example.com/x">the guide</see>.
                </summary>
                <remarks>
                <para>First paragraph, <paramref name="context"/>.</para>
                <para>Second paragraph.</para>
                <code>
                    var x = 1;
                      x++;
                </code>
                </remarks>
            </member>
            """);

        var markdown = CustomRulePages.Markdown(member);

        Assert.Equal(
            "The label starts with the `environment`; see `ScimLint.Rules.Rule` and [the guide](https://example.com/x).\n\n"
            + "First paragraph, `context`.\n\nSecond paragraph.\n\n```csharp\nvar x = 1;\n  x++;\n```",
            markdown);
    }

    [Fact]
    public void A_member_without_summary_or_remarks_has_no_page_text()
    {
        Assert.Null(CustomRulePages.Markdown(XElement.Parse("<member name=\"T:Acme.R\"><example>x</example></member>")));
        Assert.Null(CustomRulePages.Markdown(null));
    }
}
