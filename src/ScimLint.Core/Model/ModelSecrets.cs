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

    /// <summary>Whether a member path (see <see cref="Paths"/>) is a secret.</summary>
    public static bool IsSecret(string role)
    {
        foreach (var path in Paths)
        {
            if (string.Equals(path, role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
