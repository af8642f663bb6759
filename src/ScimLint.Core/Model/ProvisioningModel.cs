using ScimLint.Documents;

namespace ScimLint.Model;

/// <summary>What a document is, recognised by its shape.</summary>
public enum DocumentKind
{
    /// <summary>Neither kind (or not parsed).</summary>
    Unknown,

    /// <summary>A JumpCloud export bundle, bare application object or application list.</summary>
    JumpCloud,

    /// <summary>StrongDM provisioning settings.</summary>
    StrongDm,

    /// <summary>
    /// A JumpCloud sidecar: a top-level array of associations (<c>GET /api/v2/applications/{id}/associations</c>) or
    /// of user groups (<c>GET /api/v2/usergroups</c>), in a file of its own. It is merged with the JumpCloud export in
    /// the same directory.
    /// </summary>
    JumpCloudSidecar,
}

/// <summary>What a <see cref="DocumentKind.JumpCloudSidecar"/> holds.</summary>
internal enum SidecarKind
{
    /// <summary>Not a sidecar.</summary>
    None,

    /// <summary>An associations response: items with <c>to: {id, type}</c>.</summary>
    Associations,

    /// <summary>A user-group list: items with <c>id</c>, <c>name</c> and <c>type: user_group</c>.</summary>
    UserGroups,
}

/// <summary>One StrongDM application from a JumpCloud export.</summary>
public sealed class JumpCloudApp
{
    private readonly ModelObject? _memberCounts;

    internal JumpCloudApp(SourceDocument document, ModelObject application, ModelField identityManagement, ModelField associations, ModelField userGroups, ModelObject? memberCounts = null, bool observed = false)
    {
        _memberCounts = memberCounts;
        IsObserved = observed;
        Document = document;
        Application = application;
        IdentityManagementField = identityManagement;
        IdentityManagement = identityManagement.AsObject();
        AssociationsField = associations;
        UserGroupsField = userGroups;
        Associations = [.. associations.Items.Select(i => new Association(ModelField.Item(i)))];
        UserGroups = userGroups.Node is DocSequence seq ? [.. seq.Items.Select(i => new UserGroup(ModelField.Item(i), memberCounts))] : null;
    }

    /// <summary>
    /// Whether the document is observed state pulled from the JumpCloud API (<c>source.kind: observed</c>, written by
    /// <c>scimlint pull</c>) rather than desired state kept by hand. Observed documents are never edited by --fix.
    /// </summary>
    public bool IsObserved { get; }

    /// <summary>What identifies the app across documents: its <c>_id</c>, else its <c>name</c>; null when it has neither.</summary>
    public string? Identity => Application.Field("_id").Text is { Length: > 0 } id ? "id:" + id : Name.Text is { Length: > 0 } name ? "name:" + name : null;

    /// <summary>The JumpCloud organisation id (<c>organization</c>).</summary>
    public ModelField Organization => Application.Field("organization");

    /// <summary>The document the app came from.</summary>
    public SourceDocument Document { get; }

    /// <summary>The verbatim v1 application object.</summary>
    public ModelObject Application { get; }

    /// <summary>The application's <c>name</c>.</summary>
    public ModelField Name => Application.Field("name");

    /// <summary>The application's <c>displayName</c>.</summary>
    public ModelField DisplayName => Application.Field("displayName");

    /// <summary>General Info tab: Display Label.</summary>
    public ModelField DisplayLabel => Application.Field("displayLabel");

    /// <summary>Bookmark tab: URL.</summary>
    public ModelField SsoUrl => Application.Field("ssoUrl");

    /// <summary>Whether the application is active.</summary>
    public ModelField Active => Application.Field("active");

    /// <summary><c>sso.type</c> (<c>SsoType</c> in PowerShell's flattened objects).</summary>
    public ModelField SsoType => Application.PascalCase ? Application.Field("ssoType") : Application.Field("sso").AsObject().Field("type");

    /// <summary>The Identity Management tab (may be absent).</summary>
    public ModelObject IdentityManagement { get; }

    /// <summary>
    /// The <c>identityManagement</c> key and value, whatever the value is: beside <c>application</c> in a bundle, else
    /// inside the application object.
    /// </summary>
    public ModelField IdentityManagementField { get; }

    /// <summary>
    /// Where a finding about the app as a whole points: the <c>application</c> key of a bundle, else the app's
    /// <c>name</c> (a list item or a bare application object), else the application itself.
    /// </summary>
    public Text.SourceSpan Span
    {
        get
        {
            if (Application.Mapping?.Key is not null)
            {
                return Application.Span;
            }

            var name = Name.IsPresent ? Name : DisplayName;
            return name.IsPresent ? name.Span : Application.Span;
        }
    }

    /// <summary>API Type.</summary>
    public ModelField ApiType => IdentityManagement.Field("apiType");

    /// <summary>SCIM Version.</summary>
    public ModelField ScimVersion => IdentityManagement.Field("scimVersion");

    /// <summary>Base URL.</summary>
    public ModelField BaseUrl => IdentityManagement.Field("baseUrl");

    /// <summary>Token Field (sensitive).</summary>
    public ModelField Token => IdentityManagement.Field("token");

    /// <summary>When the token was last pasted into JumpCloud.</summary>
    public ModelField TokenUpdatedAt => IdentityManagement.Field("tokenUpdatedAt");

    /// <summary>The group-management checkbox.</summary>
    public ModelField GroupManagementEnabled => IdentityManagement.Field("groupManagementEnabled");

    /// <summary>active or inactive.</summary>
    public ModelField Status => IdentityManagement.Field("status");

    /// <summary>
    /// The same app with the associations or user groups of sidecar files (their nodes keep the sidecar's own spans,
    /// so findings on them point into the sidecar). A null argument keeps what the app has.
    /// </summary>
    internal JumpCloudApp WithSidecars(ModelField? associations, ModelField? userGroups) =>
        new(Document, Application, IdentityManagementField, associations ?? AssociationsField, userGroups ?? UserGroupsField, _memberCounts, IsObserved);

    /// <summary>The <c>associations</c> field.</summary>
    public ModelField AssociationsField { get; }

    /// <summary>The group and user associations.</summary>
    public IReadOnlyList<Association> Associations { get; }

    /// <summary>The <c>userGroups</c> field.</summary>
    public ModelField UserGroupsField { get; }

    /// <summary>The user groups, or null when the export does not list them.</summary>
    public IReadOnlyList<UserGroup>? UserGroups { get; }

    private Dictionary<string, UserGroup>? _groupsById;

    /// <summary>The listed group with this id (the first when listed twice), or null; built once, so lookups are O(1).</summary>
    public UserGroup? FindUserGroup(string id)
    {
        if (UserGroups is null)
        {
            return null;
        }

        if (_groupsById is null)
        {
            var index = new Dictionary<string, UserGroup>(StringComparer.Ordinal);
            foreach (var group in UserGroups)
            {
                if (group.Id.Text is { } groupId)
                {
                    index.TryAdd(groupId, group);
                }
            }

            _groupsById = index;
        }

        return _groupsById.GetValueOrDefault(id);
    }
}

/// <summary>One v2 association.</summary>
public sealed class Association(ModelObject item)
{
    /// <summary>The association item.</summary>
    public ModelObject Item { get; } = item;

    /// <summary><c>to.id</c>.</summary>
    public ModelField Id => Item.Field("to").AsObject().Field("id");

    /// <summary><c>to.type</c>: user_group or user.</summary>
    public ModelField Type => Item.Field("to").AsObject().Field("type");
}

/// <summary>One user group listed in the export.</summary>
public sealed class UserGroup(ModelObject item, ModelObject? memberCounts = null)
{
    /// <summary>The group item.</summary>
    public ModelObject Item { get; } = item;

    /// <summary>The group id.</summary>
    public ModelField Id => Item.Field("id");

    /// <summary>The group name.</summary>
    public ModelField Name => Item.Field("name");

    /// <summary>
    /// The member count: the item's <c>memberCount</c>, else the pulled document's <c>counts.groupMembers.&lt;id&gt;</c>
    /// (the API has no member count field; <c>scimlint pull</c> counts <c>/members</c>).
    /// </summary>
    public ModelField MemberCount =>
        !Item.Field("memberCount").IsPresent && memberCounts is { IsPresent: true } && Id.Text is { } id
            ? memberCounts.Field(id)
            : Item.Field("memberCount");
}

/// <summary>A StrongDM provisioning settings document.</summary>
public sealed class StrongDmSettings
{
    internal StrongDmSettings(SourceDocument document, ModelObject root)
    {
        Document = document;
        Root = root;
        ControlPlane = root.Field("controlPlane").AsObject();
        Provisioning = root.Field("provisioning").AsObject();
        TokenBlock = Provisioning.Field("token").AsObject();
        Roles = [.. root.Field("roles").Items.Select(i => new StrongDmRole(ModelField.Item(i)))];
    }

    /// <summary>The document.</summary>
    public SourceDocument Document { get; }

    /// <summary>The root object.</summary>
    public ModelObject Root { get; }

    /// <summary><c>controlPlane</c>.</summary>
    public ModelObject ControlPlane { get; }

    /// <summary><c>controlPlane.region</c>.</summary>
    public ModelField RegionField => ControlPlane.Field("region");

    /// <summary><c>controlPlane.host</c>.</summary>
    public ModelField Host => ControlPlane.Field("host");

    /// <summary><c>provisioning</c>.</summary>
    public ModelObject Provisioning { get; }

    /// <summary><c>provisioning.scimProvider</c>.</summary>
    public ModelField ScimProvider => Provisioning.Field("scimProvider");

    /// <summary><c>provisioning.scimActive</c>.</summary>
    public ModelField ScimActive => Provisioning.Field("scimActive");

    /// <summary><c>provisioning.legacyApiSyncEnabled</c>.</summary>
    public ModelField LegacyApiSyncEnabled => Provisioning.Field("legacyApiSyncEnabled");

    /// <summary><c>provisioning.token</c>.</summary>
    public ModelObject TokenBlock { get; }

    /// <summary><c>provisioning.token.value</c> (sensitive; should not exist).</summary>
    public ModelField TokenValue => TokenBlock.Field("value");

    /// <summary><c>provisioning.token.ref</c> (sensitive: a token pasted here instead of a reference must not be shown).</summary>
    public ModelField TokenRef => TokenBlock.Field("ref");

    /// <summary><c>provisioning.token.createdAt</c>.</summary>
    public ModelField TokenCreatedAt => TokenBlock.Field("createdAt");

    /// <summary><c>provisioning.token.rekeyedAt</c>.</summary>
    public ModelField TokenRekeyedAt => TokenBlock.Field("rekeyedAt");

    /// <summary>Roles that already exist in StrongDM.</summary>
    public IReadOnlyList<StrongDmRole> Roles { get; }

    /// <summary>The declared region, the vendor's default (US) when absent, or null when it is not a region.</summary>
    public Region? Region => !RegionField.HasValue ? Model.Region.US : ControlPlanes.TryParseRegion(RegionField.Text, out var r) ? r : null;
}

/// <summary>A StrongDM role.</summary>
public sealed class StrongDmRole(ModelObject item)
{
    /// <summary>The role item.</summary>
    public ModelObject Item { get; } = item;

    /// <summary>The role name.</summary>
    public ModelField Name => Item.Field("name");

    /// <summary>Whether SCIM already manages the role.</summary>
    public ModelField ScimManaged => Item.Field("scimManaged");
}

/// <summary>A loaded document, classified and bound to the model.</summary>
public sealed class BoundDocument
{
    internal BoundDocument(SourceDocument document, DocumentKind kind, IReadOnlyList<JumpCloudApp> apps, StrongDmSettings? settings)
    {
        Document = document;
        Kind = kind;
        Apps = apps;
        Settings = settings;
    }

    /// <summary>The source document.</summary>
    public SourceDocument Document { get; }

    /// <summary>The kind.</summary>
    public DocumentKind Kind { get; }

    /// <summary>StrongDM applications in a JumpCloud document.</summary>
    public IReadOnlyList<JumpCloudApp> Apps { get; private set; }

    /// <summary>What a sidecar document holds (<see cref="SidecarKind.None"/> for every other kind).</summary>
    internal SidecarKind Sidecar { get; init; }

    /// <summary>Replaces the apps with their sidecar-merged forms (the engine's sidecar stage, once per run).</summary>
    internal void MergeSidecars(Func<JumpCloudApp, JumpCloudApp> merge) => Apps = [.. Apps.Select(merge)];

    /// <summary>The settings of a StrongDM document.</summary>
    public StrongDmSettings? Settings { get; }

    /// <summary>
    /// Every scalar of the document at a secret field (<see cref="ModelSecrets"/>), whatever its origin, wherever it
    /// sits (also in applications that are not StrongDM's). The redaction of outputs consumes these.
    /// </summary>
    public IReadOnlyList<DocScalar> Secrets { get; init; } = [];

    /// <summary>The spans of the secret values written in the source (not references, not masked values).</summary>
    public IReadOnlyList<Text.SourceSpan> SensitiveSpans { get; init; } = [];

    /// <summary>The secret values written in the source (literal or folded; not references), so that outputs can scrub them.</summary>
    public IReadOnlyList<string> SensitiveValues { get; init; } = [];

    private readonly IReadOnlyList<StrongDmSettings>? _allSettings;

    /// <summary>
    /// Every StrongDM settings object of the document: <see cref="Settings"/>, or, in a C# file holding several
    /// configuration objects, each of them in source order (<see cref="Settings"/> is then the first).
    /// </summary>
    internal IReadOnlyList<StrongDmSettings> AllSettings
    {
        get => _allSettings ?? (Settings is null ? [] : [Settings]);
        init => _allSettings = value;
    }

    /// <summary>
    /// For a C# file that holds StrongDM settings beside its apps: per app (by index in <see cref="Apps"/>), the index
    /// in <see cref="AllSettings"/> of the settings it pairs with in the file, or
    /// <see cref="DocumentGroup.AmbiguousPartner"/>. Empty when the file holds no settings beside its apps.
    /// </summary>
    internal IReadOnlyList<int> AppPartners { get; init; } = [];

    private readonly IReadOnlyList<SchemaRoot>? _schemaRoots;

    /// <summary>What the schema rule validates: the root against the document's kind, or each object of a C# file holding several against its own.</summary>
    internal IReadOnlyList<SchemaRoot> SchemaRoots
    {
        get => _schemaRoots ?? (Document.Root is null || Kind == DocumentKind.Unknown ? [] : [new SchemaRoot(Document.Root, Kind)]);
        init => _schemaRoots = value;
    }

    /// <summary>Whether the document holds configuration of a kind (a C# file may hold a JumpCloud export and StrongDM settings).</summary>
    internal bool Holds(DocumentKind kind) => Kind == kind || (kind == DocumentKind.StrongDm && AllSettings.Count > 0) || (kind == DocumentKind.JumpCloud && Apps.Count > 0);
}

/// <summary>
/// A node the schema rule validates and the kind whose schema it is validated against. A class, not a tuple: lists of
/// it share the framework's precompiled reference-type code, so a ReadyToRun build does not JIT-compile them at start-up.
/// </summary>
internal sealed record SchemaRoot(DocNode Root, DocumentKind Kind);
