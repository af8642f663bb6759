using ScimLint.Model;

namespace ScimLint.Rules.Groups;

/// <summary>Helpers shared by the group rules (SL501-SL505).</summary>
internal static class GroupLookup
{
    /// <summary>The JumpCloud type of a group association.</summary>
    public const string UserGroupType = "user_group";

    /// <summary>The JumpCloud type of a direct user assignment.</summary>
    public const string UserType = "user";

    /// <summary>The associations whose <c>to.type</c> is <c>user_group</c> and that carry an id (<see cref="IdOf"/>).</summary>
    public static IEnumerable<Association> GroupAssociations(JumpCloudApp app) =>
        app.Associations.Where(a => a.Type.Text == UserGroupType && !string.IsNullOrEmpty(a.Id.Text));

    /// <summary>The id of an association from <see cref="GroupAssociations"/>.</summary>
    public static string IdOf(Association association) => association.Id.Text!;

    /// <summary>The listed user group with this id (the first, if listed twice), or null. Constant time.</summary>
    public static UserGroup? Find(JumpCloudApp app, string id) => app.FindUserGroup(id);

    /// <summary>The associated groups that the export lists, each once, in association order.</summary>
    public static IEnumerable<UserGroup> AssociatedGroups(JumpCloudApp app) =>
        GroupAssociations(app)
            .Select(a => Find(app, IdOf(a)))
            .OfType<UserGroup>()
            .Distinct();
}
