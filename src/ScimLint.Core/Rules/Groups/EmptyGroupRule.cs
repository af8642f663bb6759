using System.Globalization;
using ScimLint.Documents;

namespace ScimLint.Rules.Groups;

/// <summary>SL503: an assigned group has no members, so JumpCloud creates no StrongDM role for it.</summary>
internal sealed class EmptyGroupRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL503",
        "empty-group",
        "Assigned group is empty",
        "group '{0}' is assigned to the app but has memberCount 0; JumpCloud does not create empty groups, so no StrongDM role is created for it until it has a member: add members, or remove the group from the app",
        Severity.Note,
        "JumpCloud does not create empty groups in the target application, so an assigned group with memberCount 0 produces no StrongDM role.",
        ["correctness", "groups"]);

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        foreach (var group in GroupLookup.AssociatedGroups(context.App))
        {
            if (group.MemberCount.Scalar is { Kind: ScalarKind.Number } count
                && decimal.TryParse(count.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                && n == 0)
            {
                context.Report(group.MemberCount, Rule.Format(group.Name.Text ?? group.Id.Text));
            }
        }
    }
}
