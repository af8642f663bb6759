using ScimLint.Model;

namespace ScimLint.Engine;

/// <summary>
/// The one answer to "can this file be ours?", asked at two moments:
/// <list type="bullet">
/// <item><see cref="MayBeOurs"/>, before a file is parsed, from its name and raw bytes: every JumpCloud export that
/// matters names "strongdm", and every StrongDM settings document has a control plane or a provisioning block. Walks
/// and pairing searches cover whole trees, so this keeps a large repository from parsing every YAML, JSON and C# file.</item>
/// <item><see cref="LooksOurs"/>, after loading: recognised, or, when it did not load, named like ours or mentioning
/// our keys (a named file that did not load and is not ours gets SL004 instead of SL001).</item>
/// </list>
/// </summary>
internal sealed class OwnershipCheck(Workspace workspace, DocumentStore store)
{
    /// <summary>
    /// Whether a file can be ours, without parsing it. <paramref name="kind"/> null asks for any kind (a walked input:
    /// files too large, not 8-bit text, unreadable or named like ours are then always loaded, so that they still get
    /// their load finding); a kind asks for a pairing candidate of that kind (such files are then skipped).
    /// </summary>
    public bool MayBeOurs(string fullPath, DocumentKind? kind)
    {
        if (kind is not null && store.TryGetLoaded(fullPath, out var loaded))
        {
            return loaded?.Holds(kind.Value) == true;
        }

        if ((kind is null && NamedLikeOurs(fullPath)) || (kind == DocumentKind.JumpCloudSidecar && ModelBinder.NamedSidecar(fullPath) != SidecarKind.None))
        {
            return true;
        }

        try
        {
            if (store.Length(fullPath) > store.Limits.MaxFileBytes)
            {
                return kind is null;
            }

            var bytes = store.Peek(fullPath);
            if (kind is null && Array.IndexOf(bytes, (byte)0) >= 0)
            {
                return true;
            }

            return Mentions(System.Text.Encoding.Latin1.GetString(bytes), kind) || store.Forget(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An input: let the real load report it. A candidate: not ours.
            return kind is null;
        }
    }

    /// <summary>
    /// Whether a loaded document is ours: recognised, or, when it did not load, mentioning our keys. A file that was
    /// not decoded (too large, UTF-16, invalid UTF-8) is judged by its leniently decoded bytes.
    /// </summary>
    public bool LooksOurs(BoundDocument bound, string fullPath) =>
        bound.Kind != DocumentKind.Unknown
        || NamedLikeOurs(fullPath)
        || MentionsOurKeys(store.SniffedText(fullPath, bound));

    private bool NamedLikeOurs(string fullPath)
    {
        var fileName = workspace.FileSystem.Path.GetFileName(fullPath);
        return fileName.Contains("jumpcloud", StringComparison.OrdinalIgnoreCase)
            || fileName.Contains("strongdm", StringComparison.OrdinalIgnoreCase)
            || ModelBinder.NamedSidecar(fileName) != SidecarKind.None;
    }

    private static bool Mentions(string text, DocumentKind? kind)
    {
        var jumpCloud = text.Contains("strongdm", StringComparison.OrdinalIgnoreCase);
        var strongDm = text.Contains("controlPlane", StringComparison.OrdinalIgnoreCase) || text.Contains("provisioning", StringComparison.OrdinalIgnoreCase);

        // Associations and user groups, as the API returns them, name no app: their items are typed user_group.
        var sidecar = text.Contains("user_group", StringComparison.Ordinal);
        return kind switch
        {
            DocumentKind.JumpCloud => jumpCloud,
            DocumentKind.StrongDm => strongDm,
            DocumentKind.JumpCloudSidecar => sidecar,
            _ => jumpCloud || strongDm || sidecar || MentionsOurKeys(text),
        };
    }

    private static bool MentionsOurKeys(string text) =>
        text.Contains("identityManagement", StringComparison.Ordinal)
        || text.Contains("controlPlane", StringComparison.Ordinal)
        || text.Contains("scimProvider", StringComparison.Ordinal)
        || (text.Contains("strongdm", StringComparison.OrdinalIgnoreCase)
            && (text.Contains("ssoUrl", StringComparison.Ordinal) || text.Contains("application", StringComparison.Ordinal) || text.Contains("provisioning", StringComparison.Ordinal)));
}
