using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;
using ScimLint.Rules.Input;

namespace ScimLint.Engine;

/// <summary>
/// Stage 3b, sidecars: the associations and user groups that the JumpCloud API returns as top-level arrays
/// (<c>associations.json</c>, <c>usergroups.json</c>) are merged with the hand-kept JumpCloud export in the same
/// directory, as if they were its <c>associations</c> and <c>userGroups</c> blocks. Their nodes keep their own spans,
/// so findings on them point into the sidecar.
/// </summary>
/// <remarks>
/// A sidecar fills only a block the export does not hold, and only for a desired-state export: a pulled document
/// (<c>scimlint pull</c>) already carries what the API returned. It merges when its directory has exactly one such
/// export and exactly one sidecar of its kind; anything else is a note on the sidecar saying why it was not used.
/// </remarks>
internal sealed class Sidecars(Workspace workspace, DocumentStore store, OwnershipCheck ownership)
{
    private readonly Dictionary<string, string> _mergedInto = new(StringComparer.Ordinal);

    /// <summary>Each merged sidecar's full path, with the full path of the export it was merged into.</summary>
    public IReadOnlyDictionary<string, string> MergedInto => _mergedInto;

    /// <summary>Merges the sidecars of the inputs' directories; returns the notes on sidecars that were not used.</summary>
    public List<RawFinding> Merge(IReadOnlyList<InputFacts> inputs)
    {
        var notes = new List<RawFinding>();
        var directories = inputs
            .Where(i => i.Kind is DocumentKind.JumpCloud or DocumentKind.JumpCloudSidecar)
            .Select(i => workspace.FileSystem.Path.GetDirectoryName(i.FullPath)!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var named = inputs.Select(i => i.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var documents = DocumentsIn(directory);
            var exports = documents.Where(d => d.Doc.Kind == DocumentKind.JumpCloud).SelectMany(d => d.Doc.Apps.Where(a => !a.IsObserved).Select(a => d.Doc)).Distinct().ToList();
            foreach (var kind in (SidecarKind[])[SidecarKind.Associations, SidecarKind.UserGroups])
            {
                var sidecars = documents.Where(d => d.Doc.Sidecar == kind).ToList();
                var reason = sidecars.Count == 0 ? null : MergeOne(kind, sidecars, exports);
                if (sidecars.Count > 0 && reason is null)
                {
                    var exportPath = documents.First(d => ReferenceEquals(d.Doc, exports[0])).Path;
                    _mergedInto[sidecars[0].Path] = exportPath;

                    // Merged in memory only: the store must keep this document, not load it again unmerged.
                    store.Pin(exportPath);
                }

                notes.AddRange(sidecars.Where(s => reason is not null && named.Contains(s.Path)).Select(s => Note(s.Doc, reason!)));
            }
        }

        return notes;
    }

    /// <summary>Merges one kind of sidecar; returns why it was not merged, or null when it was.</summary>
    private static string? MergeOne(SidecarKind kind, List<DirectoryDocument> sidecars, List<BoundDocument> exports)
    {
        var block = kind == SidecarKind.Associations ? "associations" : "user groups";
        if (sidecars.Count > 1)
        {
            return $"holds {block}, but {sidecars.Count} such files share its directory, so none was merged with the JumpCloud export (keep one per export)";
        }

        if (exports.Count != 1)
        {
            return exports.Count == 0
                ? $"holds {block}, but no hand-kept JumpCloud export of a StrongDM app sits in its directory to merge them with"
                : $"holds {block}, but {exports.Count} hand-kept JumpCloud exports share its directory, so they were merged with neither (give each export and its sidecars a directory of their own)";
        }

        var export = exports[0];
        var holds = kind == SidecarKind.Associations
            ? export.Apps.All(a => a.AssociationsField.IsPresent)
            : export.Apps.All(a => a.UserGroupsField.IsPresent);
        if (holds)
        {
            return $"holds {block}, but {export.Document.Path} has its own {(kind == SidecarKind.Associations ? "associations" : "userGroups")} block, which is used instead";
        }

        var field = AsField(sidecars[0].Doc, kind == SidecarKind.Associations ? "associations" : "userGroups");
        export.MergeSidecars(app => kind == SidecarKind.Associations
            ? (app.AssociationsField.IsPresent ? app : app.WithSidecars(field, null))
            : (app.UserGroupsField.IsPresent ? app : app.WithSidecars(null, field)));
        return null;
    }

    /// <summary>The sidecar's array as the model field it stands for, keyed at the array's first character.</summary>
    private static ModelField AsField(BoundDocument sidecar, string block)
    {
        var root = (DocSequence)sidecar.Document.Root!;
        var text = sidecar.Document.Text;
        var start = root.Span.StartOffset;
        var key = new DocScalar(text.Span(start, Math.Min(start + 1, text.Text.Length)), string.Empty, block, ScalarKind.String, quoted: false);
        var holder = new DocMapping(root.Span, string.Empty, [new DocProperty(key, root)]);
        return new ModelObject(holder, string.Empty, key.Span).Field(block);
    }

    /// <summary>The JumpCloud documents and sidecars of a directory, inputs or not, in name order.</summary>
    private List<DirectoryDocument> DocumentsIn(string directory) =>
        [.. workspace.Files(directory)
            .Where(f => DocumentLoader.IsSupportedExtension(f) && LinkPolicy.MayRead(workspace, f))
            .Order(StringComparer.Ordinal)
            .Where(f => ownership.MayBeOurs(f, DocumentKind.JumpCloud) || ownership.MayBeOurs(f, DocumentKind.JumpCloudSidecar))
            .Select(f => store.Load(f, mustRead: false) is { Kind: DocumentKind.JumpCloud or DocumentKind.JumpCloudSidecar } doc ? new DirectoryDocument(f, doc) : null)
            .OfType<DirectoryDocument>()];

    private static RawFinding Note(BoundDocument sidecar, string reason)
    {
        var span = sidecar.Document.Text.Span(0, 0);
        var display = sidecar.Document.Path;
        return new RawFinding(NotAConfigRule.Rule, span, string.Empty, Finding.HashValue(reason, false), NotAConfigRule.Rule.Format(display, reason), null);
    }

    // A JumpCloud document or sidecar of a directory, with its full path. A class, not a tuple: lists of it share the
    // framework's precompiled code, so a ReadyToRun build does not JIT-compile them at start-up.
    private sealed record DirectoryDocument(string Path, BoundDocument Doc);
}
