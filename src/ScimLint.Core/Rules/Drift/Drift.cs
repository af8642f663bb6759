using ScimLint.Model;
using ScimLint.Rules.Groups;

namespace ScimLint.Rules.Drift;

/// <summary>
/// What the drift rules (SL6xx) share: they run on a desired (hand-kept) app that has an observed (pulled) twin beside
/// it, and report at the desired document's lines, naming the live value.
/// </summary>
internal static class Drift
{
    /// <summary>The observed twin of a desired app, or null (the app is observed itself, or nothing was pulled).</summary>
    public static JumpCloudApp? Live(JumpCloudContext context) => context.App.IsObserved ? null : context.Twin;

    /// <summary>The ids of the associations of one type (<c>user_group</c> or <c>user</c>), in document order, once each.</summary>
    public static List<(string Id, Association Association)> Targets(JumpCloudApp app, string type) =>
        [.. app.Associations
            .Where(a => a.Type.Text == type && a.Id.Text is { Length: > 0 })
            .Select(a => (Id: a.Id.Text!, Association: a))
            .DistinctBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>A group's name when the document lists it, with its id.</summary>
    public static string GroupLabel(JumpCloudApp app, string id) =>
        app.FindUserGroup(id)?.Name.Text is { Length: > 0 } name ? $"'{name}' ({id})" : id;

    public static string GroupType => GroupLookup.UserGroupType;

    public static string UserType => GroupLookup.UserType;
}
