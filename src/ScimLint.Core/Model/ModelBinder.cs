using ScimLint.Documents;
using ScimLint.Text;

namespace ScimLint.Model;

/// <summary>Recognises a document's kind by its shape and binds it to the typed model.</summary>
internal static class ModelBinder
{
    /// <summary>Classifies a document's root.</summary>
    public static DocumentKind Classify(DocNode? root) => Classify(root, null).Kind;

    /// <summary>Classifies a document's root; a top-level array may be a sidecar (named by its file when empty).</summary>
    internal static (DocumentKind Kind, SidecarKind Sidecar) Classify(DocNode? root, string? path)
    {
        if (root is DocSequence sequence)
        {
            return ClassifyArray(sequence, path);
        }

        if (root is not DocMapping map)
        {
            return (DocumentKind.Unknown, SidecarKind.None);
        }

        if (map.Get("application") is DocMapping
            || (map.Get("results") is DocSequence && map.Find("totalCount") is not null)
            || IsApplication(map))
        {
            return (DocumentKind.JumpCloud, SidecarKind.None);
        }

        return (map.Find("controlPlane") is not null || map.Find("provisioning") is not null ? DocumentKind.StrongDm : DocumentKind.Unknown, SidecarKind.None);
    }

    private static bool IsApplication(DocMapping map) => (map.Find("ssoUrl") is not null && map.Find("name") is not null) || IsPowerShell(map);

    /// <summary>
    /// A top-level array: applications (<c>ConvertTo-Json</c> of several SDK objects, or a bare v1 array), an
    /// associations response, or user groups. Every item must have the shape; an empty array is a sidecar only when
    /// its file is named like one (<c>associations.json</c>, <c>usergroups.json</c>), since an empty associations
    /// response is exactly what an app without groups returns.
    /// </summary>
    private static (DocumentKind, SidecarKind) ClassifyArray(DocSequence sequence, string? path)
    {
        var items = sequence.Items.OfType<DocMapping>().ToList();
        if (items.Count != sequence.Items.Count)
        {
            return (DocumentKind.Unknown, SidecarKind.None);
        }

        if (items.Count == 0)
        {
            var named = NamedSidecar(path);
            return (named == SidecarKind.None ? DocumentKind.Unknown : DocumentKind.JumpCloudSidecar, named);
        }

        if (items.All(IsApplication))
        {
            return (DocumentKind.JumpCloud, SidecarKind.None);
        }

        if (items.All(i => i.Get("to") is DocMapping to && to.Find("type") is not null))
        {
            return (DocumentKind.JumpCloudSidecar, SidecarKind.Associations);
        }

        return items.All(i => i.Find("id") is not null && i.Find("name") is not null && (i.Get("type") is DocScalar { Value: "user_group" } || i.Find("membershipMethod") is not null))
            ? (DocumentKind.JumpCloudSidecar, SidecarKind.UserGroups)
            : (DocumentKind.Unknown, SidecarKind.None);
    }

    /// <summary>The sidecar a file name announces: <c>*association*</c>, or <c>*usergroup*</c>/<c>*user-group*</c>/<c>*user_group*</c>.</summary>
    internal static SidecarKind NamedSidecar(string? path)
    {
        var name = Path.GetFileNameWithoutExtension(path ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return name.Contains("association", StringComparison.OrdinalIgnoreCase) ? SidecarKind.Associations
            : name.Contains("usergroup", StringComparison.OrdinalIgnoreCase) ? SidecarKind.UserGroups
            : SidecarKind.None;
    }

    /// <summary>Binds a document.</summary>
    public static BoundDocument Bind(SourceDocument document)
    {
        if (document.Groups.Count > 0)
        {
            return BindGroups(document);
        }

        var (kind, sidecar) = Classify(document.Root, document.Path);
        var map = document.Root as DocMapping;
        var identityOnly = false;
        if (kind == DocumentKind.Unknown && document.Format == DocumentFormat.CSharp && map?.Get("identityManagement") is DocMapping)
        {
            // In C#, an Identity Management object on its own is a JumpCloud export of just that tab.
            kind = DocumentKind.JumpCloud;
            identityOnly = true;
        }

        var anchor = FirstKeySpan(map, document.Text);
        var root = new ModelObject(map, string.Empty, anchor, pascalCase: kind == DocumentKind.JumpCloud && map is not null && IsPowerShell(map));
        var apps = kind != DocumentKind.JumpCloud ? []
            : document.Root is DocSequence array ? BindArray(document, array)
            : BindApps(document, map!, root, anchor, identityOnly);
        var settings = kind == DocumentKind.StrongDm ? new StrongDmSettings(document, root) : null;
        var (secrets, spans, values) = SecretsOf(document);
        return new BoundDocument(document, kind, apps, settings) { Sidecar = sidecar, Secrets = secrets, SensitiveSpans = spans, SensitiveValues = values };
    }

    /// <summary>
    /// A C# file holding several configuration objects: each is bound on its own (an export's apps, or settings), and
    /// each app keeps the settings it pairs with in the file (<see cref="DocumentGroup.Partner"/>).
    /// </summary>
    private static BoundDocument BindGroups(SourceDocument document)
    {
        var settings = new List<StrongDmSettings>();
        var settingsIndex = new Dictionary<int, int>();
        for (var i = 0; i < document.Groups.Count; i++)
        {
            if (document.Groups[i].IsSettings)
            {
                var map = document.Groups[i].Root;
                settingsIndex[i] = settings.Count;
                settings.Add(new StrongDmSettings(document, new ModelObject(map, map.Path, FirstKeySpan(map, document.Text))));
            }
        }

        var apps = new List<JumpCloudApp>();
        var partners = new List<int>();
        foreach (var group in document.Groups.Where(g => !g.IsSettings))
        {
            var map = group.Root;
            var identityOnly = Classify(map) != DocumentKind.JumpCloud;
            var anchor = FirstKeySpan(map, document.Text);
            var bound = BindApps(document, map, new ModelObject(map, map.Path, anchor, pascalCase: !identityOnly && IsPowerShell(map)), anchor, identityOnly && map.Get("identityManagement") is DocMapping);
            apps.AddRange(bound);
            partners.AddRange(bound.Select(_ => group.Partner >= 0 ? settingsIndex[group.Partner] : group.Partner));
        }

        var kind = apps.Count > 0 ? DocumentKind.JumpCloud : settings.Count > 0 ? DocumentKind.StrongDm : DocumentKind.JumpCloud;
        var (secrets, spans, values) = SecretsOf(document);
        return new BoundDocument(document, kind, apps, settings.FirstOrDefault())
        {
            Secrets = secrets,
            SensitiveSpans = spans,
            SensitiveValues = values,
            AllSettings = settings,
            AppPartners = partners,
            SchemaRoots = [.. document.Groups.Select(g => new SchemaRoot(g.Root, g.IsSettings ? DocumentKind.StrongDm : DocumentKind.JumpCloud))],
        };
    }

    // What every bound document carries for redaction: its secrets, wherever they sit.
    private static (List<DocScalar> Secrets, SourceSpan[] Spans, List<string> Values) SecretsOf(SourceDocument document)
    {
        var secrets = new List<DocScalar>();
        CollectSecrets(document.Root, string.Empty, secrets);

        // Redaction by value: secret-looking keys of any shape, URL credentials, high-entropy strings in URL fields.
        var byKey = new List<DocScalar>();
        var inUrls = new List<string>();
        SecretValues.Collect(document.Root, byKey, inUrls);
        var written = secrets.Concat(byKey.Where(s => s.Kind == ScalarKind.String && s.Value.Trim().Length >= 6)).Distinct().Where(s => s.IsKnown && !TokenValues.IsReference(s.Value)).ToList();
        // An array filled in a loop: LINQ or a List over the SourceSpan struct would be JIT-compiled at start-up.
        var spans = new SourceSpan[written.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            spans[i] = written[i].Span;
        }

        return (secrets, spans, [.. written.Where(s => s.Kind != ScalarKind.Null).Select(s => s.Value), .. inUrls]);
    }

    private static List<JumpCloudApp> BindApps(SourceDocument document, DocMapping map, ModelObject root, SourceSpan anchor, bool identityOnly)
    {
        var apps = new List<JumpCloudApp>();
        switch (identityOnly)
        {
            case true:
                // The parts the file does not hold are unknown, not missing: no finding is reported on them.
                var outside = new ModelObject(null, root.LogicalPath, anchor, known: false);
                apps.Add(new JumpCloudApp(document, outside.Field("application").AsObject(), root.Field("identityManagement"), outside.Field("associations"), outside.Field("userGroups")));
                break;
            case false when map.Get("application") is DocMapping:
                var app = root.Field("application").AsObject();
                if (IsStrongDm(app) || CSharpStrongDm(document, app))
                {
                    var observed = string.Equals(root.Field("source").AsObject().Field("kind").Text, "observed", StringComparison.Ordinal);
                    var counts = root.Field("counts").AsObject().Field("groupMembers").AsObject();
                    apps.Add(new JumpCloudApp(document, app, root.Field("identityManagement"), root.Field("associations"), root.Field("userGroups"), counts, observed));
                }

                break;
            case false when map.Get("results") is DocSequence results:
                foreach (var item in results.Items)
                {
                    var obj = ModelField.Item(item);
                    if (IsStrongDm(obj) || CSharpStrongDm(document, obj))
                    {
                        apps.Add(new JumpCloudApp(document, obj, obj.Field("identityManagement"), obj.Field("associations"), obj.Field("userGroups")));
                    }
                }

                break;
            case false:
                if (IsStrongDm(root) || CSharpStrongDm(document, root))
                {
                    apps.Add(new JumpCloudApp(document, root, root.Field("identityManagement"), root.Field("associations"), root.Field("userGroups")));
                }

                break;
        }

        return apps;
    }

    /// <summary>A top-level array of applications: each StrongDM one is an app (PascalCase when PowerShell wrote it).</summary>
    private static List<JumpCloudApp> BindArray(SourceDocument document, DocSequence array)
    {
        var apps = new List<JumpCloudApp>();
        foreach (var item in array.Items.OfType<DocMapping>())
        {
            var obj = new ModelObject(item, item.Path, item.Span, pascalCase: IsPowerShell(item));
            if (IsStrongDm(obj) || CSharpStrongDm(document, obj))
            {
                apps.Add(new JumpCloudApp(document, obj, obj.Field("identityManagement"), obj.Field("associations"), obj.Field("userGroups")));
            }
        }

        return apps;
    }

    /// <summary>
    /// Finds the scalars at secret fields by walking the tree with the same member paths the model uses: a list item
    /// starts a new bound object (an application of a v1 list, for example).
    /// </summary>
    // The role is the member path from the nearest bound object (the root or a list item), compared with the
    // declared secret paths as written or with each segment's first letter in lower case: a PascalCase document binds
    // IdentityManagement/Token to the model's identityManagement/token, so it is redacted too. Null: no secret path
    // starts with it, so neither it nor any path below it is built.
    private static void CollectSecrets(DocNode? node, string? role, List<DocScalar> secrets)
    {
        switch (node)
        {
            case DocScalar scalar when role is { Length: > 0 } && ModelSecrets.IsSecretInAnyInitialCase(role):
                secrets.Add(scalar);
                break;
            case DocMapping or DocSequence when role is { Length: > 0 } && ModelSecrets.IsSecretInAnyInitialCase(role):
                // A token written as a list or a mapping: every scalar in it is secret.
                CollectAll(node, secrets);
                break;
            case DocMapping mapping:
                var below = role is { Length: > 0 } && ModelSecrets.MayLeadToSecret(role);
                var properties = mapping.Properties;
                for (var i = 0; i < properties.Count; i++)
                {
                    var key = properties[i].Key.Value;
                    CollectSecrets(properties[i].Value, role is null ? null : role.Length == 0 ? key : below ? role + "/" + key : null, secrets);
                }

                break;
            case DocSequence sequence:
                var items = sequence.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    CollectSecrets(items[i], string.Empty, secrets);
                }

                break;
        }
    }

    private static void CollectAll(DocNode? node, List<DocScalar> secrets)
    {
        switch (node)
        {
            case DocScalar scalar:
                secrets.Add(scalar);
                break;
            case DocMapping mapping:
                var properties = mapping.Properties;
                for (var i = 0; i < properties.Count; i++)
                {
                    CollectAll(properties[i].Value, secrets);
                }

                break;
            case DocSequence sequence:
                var items = sequence.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    CollectAll(items[i], secrets);
                }

                break;
        }
    }

    /// <summary>
    /// PowerShell's <c>Get-JcSdkApplication | ConvertTo-Json</c>: the SDK's flattened PascalCase properties
    /// (<c>Id</c>, <c>Name</c>, <c>SsoUrl</c>, <c>SsoType</c>, ...) instead of the API's camelCase.
    /// </summary>
    private static bool IsPowerShell(DocMapping map) =>
        map.Find("SsoUrl") is not null && map.Find("Name") is not null && map.Find("ssoUrl") is null && map.Find("name") is null;

    /// <summary>Whether an application object is a StrongDM app (name or displayName contains "strongdm").</summary>
    public static bool IsStrongDm(ModelObject application) =>
        Contains(application.Field("name").Text) || Contains(application.Field("displayName").Text);

    // Objects in C# often carry no name (an anonymous object with the URLs): there, a StrongDM bookmark URL is enough.
    private static bool CSharpStrongDm(SourceDocument document, ModelObject application) =>
        document.Format == DocumentFormat.CSharp && Contains(application.Field("ssoUrl").Text);

    private static bool Contains(string? text) => text is not null && text.Contains("strongdm", StringComparison.OrdinalIgnoreCase);

    private static SourceSpan FirstKeySpan(DocMapping? map, SourceText text) =>
        map is { Properties.Count: > 0 } ? map.Properties[0].Key.Span : map?.Span ?? text.Span(0, 0);
}
