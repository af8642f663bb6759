using ScimLint.Documents;
using ScimLint.Text;

namespace ScimLint.Model;

/// <summary>Recognises a document's kind by its shape and binds it to the typed model.</summary>
internal static class ModelBinder
{
    /// <summary>Classifies a document's root.</summary>
    public static DocumentKind Classify(DocNode? root)
    {
        if (root is not DocMapping map)
        {
            return DocumentKind.Unknown;
        }

        if (map.Get("application") is DocMapping
            || (map.Get("results") is DocSequence && map.Find("totalCount") is not null)
            || (map.Find("ssoUrl") is not null && map.Find("name") is not null))
        {
            return DocumentKind.JumpCloud;
        }

        return map.Find("controlPlane") is not null || map.Find("provisioning") is not null ? DocumentKind.StrongDm : DocumentKind.Unknown;
    }

    /// <summary>Binds a document.</summary>
    public static BoundDocument Bind(SourceDocument document)
    {
        var kind = Classify(document.Root);
        var map = document.Root as DocMapping;
        var anchor = FirstKeySpan(map, document.Text);
        var root = new ModelObject(map, string.Empty, anchor);
        var apps = new List<JumpCloudApp>();
        StrongDmSettings? settings = null;
        switch (kind)
        {
            case DocumentKind.JumpCloud when map!.Get("application") is DocMapping:
                var app = root.Field("application").AsObject();
                if (IsStrongDm(app))
                {
                    var observed = string.Equals(root.Field("source").AsObject().Field("kind").Text, "observed", StringComparison.Ordinal);
                    var counts = root.Field("counts").AsObject().Field("groupMembers").AsObject();
                    apps.Add(new JumpCloudApp(document, app, root.Field("identityManagement"), root.Field("associations"), root.Field("userGroups"), counts, observed));
                }

                break;
            case DocumentKind.JumpCloud when map!.Get("results") is DocSequence results:
                foreach (var item in results.Items)
                {
                    var obj = ModelField.Item(item);
                    if (IsStrongDm(obj))
                    {
                        apps.Add(new JumpCloudApp(document, obj, obj.Field("identityManagement"), obj.Field("associations"), obj.Field("userGroups")));
                    }
                }

                break;
            case DocumentKind.JumpCloud:
                if (IsStrongDm(root))
                {
                    apps.Add(new JumpCloudApp(document, root, root.Field("identityManagement"), root.Field("associations"), root.Field("userGroups")));
                }

                break;
            case DocumentKind.StrongDm:
                settings = new StrongDmSettings(document, root);
                break;
        }

        var secrets = new List<DocScalar>();
        CollectSecrets(document.Root, string.Empty, secrets);
        var written = secrets.Where(s => s.IsKnown && !TokenValues.IsReference(s.Value)).ToList();
        return new BoundDocument(document, kind, apps, settings)
        {
            Secrets = secrets,
            SensitiveSpans = [.. written.Select(s => s.Span)],
            SensitiveValues = [.. written.Where(s => s.Kind != ScalarKind.Null).Select(s => s.Value)],
        };
    }

    /// <summary>
    /// Finds the scalars at secret fields by walking the tree with the same member paths the model uses: a list item
    /// starts a new bound object (an application of a v1 list, for example).
    /// </summary>
    private static void CollectSecrets(DocNode? node, string role, List<DocScalar> secrets)
    {
        switch (node)
        {
            case DocScalar scalar when role.Length > 0 && ModelSecrets.IsSecret(role):
                secrets.Add(scalar);
                break;
            case DocMapping mapping:
                foreach (var property in mapping.Properties)
                {
                    CollectSecrets(property.Value, role.Length == 0 ? property.Key.Value : role + "/" + property.Key.Value, secrets);
                }

                break;
            case DocSequence sequence:
                foreach (var item in sequence.Items)
                {
                    CollectSecrets(item, string.Empty, secrets);
                }

                break;
        }
    }

    /// <summary>Whether an application object is a StrongDM app (name or displayName contains "strongdm").</summary>
    public static bool IsStrongDm(ModelObject application) =>
        Contains(application.Field("name").Text) || Contains(application.Field("displayName").Text);

    private static bool Contains(string? text) => text is not null && text.Contains("strongdm", StringComparison.OrdinalIgnoreCase);

    private static SourceSpan FirstKeySpan(DocMapping? map, SourceText text) =>
        map is { Properties.Count: > 0 } ? map.Properties[0].Key.Span : map?.Span ?? text.Span(0, 0);
}
