namespace ScimLint.Model;

/// <summary>
/// The one place that declares which fields of the model are secret. Every rule, built-in or custom, gets the same
/// secret-aware view: <see cref="ModelObject.Field(string)"/> marks these fields sensitive, so their values never reach
/// a message, a fingerprint or a fix, and the binder hands their values to the redaction of every output.
/// </summary>
public static class ModelSecrets
{
    /// <summary>
    /// The secret fields, as member paths from a bound object (a JumpCloud application or export, one item of a list,
    /// or the StrongDM settings root).
    /// </summary>
    public static IReadOnlyList<string> Paths { get; } =
    [
        "identityManagement/token", // JumpCloud's Token Field
        "provisioning/token/value", // a token kept in the settings (SL304 says it should not be)
        "provisioning/token/ref", // a reference, or a token pasted where the reference belongs
    ];

    // The same paths, walked without an enumerator (IsSecret runs for every field a rule reads).
    private static readonly string[] PathArray = [.. Paths];

    /// <summary>Whether a member path (see <see cref="Paths"/>) is a secret.</summary>
    public static bool IsSecret(string role) => Array.IndexOf(PathArray, role) >= 0;

    /// <summary>Whether the member path <c>ownerRole/name</c> (<paramref name="name"/> alone at the root) is a secret, without building it.</summary>
    internal static bool IsSecret(string ownerRole, string name)
    {
        if (ownerRole.Length == 0)
        {
            return IsSecret(name);
        }

        foreach (var path in PathArray)
        {
            if (path.Length == ownerRole.Length + 1 + name.Length && path[ownerRole.Length] == '/'
                && path.StartsWith(ownerRole, StringComparison.Ordinal) && path.EndsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a member path written in any case of its segments' first letters (<c>IdentityManagement/Token</c>, as
    /// a C# or PowerShell document spells it) is a secret: <see cref="IsSecret(string)"/> of the path, or of the path
    /// with each segment's first letter in lower case.
    /// </summary>
    internal static bool IsSecretInAnyInitialCase(string role)
    {
        foreach (var path in PathArray)
        {
            if (path.Length == role.Length && (string.Equals(path, role, StringComparison.Ordinal) || CamelPrefix(role, path)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a member path below <paramref name="role"/> can be a secret in the sense of
    /// <see cref="IsSecretInAnyInitialCase"/>: some secret path starts with it and a <c>/</c>. When none does, no
    /// deeper path needs to be built.
    /// </summary>
    internal static bool MayLeadToSecret(string role)
    {
        foreach (var path in PathArray)
        {
            if (path.Length > role.Length && path[role.Length] == '/'
                && (path.StartsWith(role, StringComparison.Ordinal) || CamelPrefix(role, path)))
            {
                return true;
            }
        }

        return false;
    }

    // Whether path starts with role once the first letter of each of role's '/'-separated segments is in lower case.
    private static bool CamelPrefix(string role, string path)
    {
        for (var i = 0; i < role.Length; i++)
        {
            var c = i == 0 || role[i - 1] == '/' ? char.ToLowerInvariant(role[i]) : role[i];
            if (c != path[i])
            {
                return false;
            }
        }

        return true;
    }
}
