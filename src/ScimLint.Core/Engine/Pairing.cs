using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>
/// A settings object by where it is, not by reference: the full path of its document and its index in
/// <see cref="BoundDocument.AllSettings"/>. A document the store dropped and loaded again has new objects; this names
/// the same settings. A class (equal by value): dictionaries and lists of it share the framework's precompiled code,
/// so a ReadyToRun build does not JIT-compile them at start-up.
/// </summary>
internal sealed record SettingsRef(string FullPath, int Index);

/// <summary>A settings object found for an export, with its name for listings and messages.</summary>
internal sealed record SettingsCandidate(SettingsRef Settings, string Name);

/// <summary>A StrongDM app of another JumpCloud document in the same directory, with that document's full path.</summary>
internal sealed record Sibling(JumpCloudApp App, string FullPath);

/// <summary>How a JumpCloud app was paired: its settings when exactly one was found, and the candidates' names.</summary>
internal sealed record AppPairing(PairingStatus Status, SettingsRef? Settings, IReadOnlyList<string> Candidates);

/// <summary>
/// The JumpCloud apps that pair with a settings object (by their documents' full paths and their indexes in
/// <see cref="BoundDocument.Apps"/>), and whether one had it among several candidates.
/// </summary>
internal sealed record SettingsPairing(IReadOnlyList<(string FullPath, int AppIndex)> Exports, bool Ambiguous)
{
    /// <summary>The status a settings rule sees.</summary>
    public PairingStatus Status => Exports.Count > 0 ? PairingStatus.Paired : Ambiguous ? PairingStatus.Ambiguous : PairingStatus.Missing;
}

/// <summary>
/// Stage 4, pairing: each JumpCloud export pairs with the StrongDM settings in its directory or the nearest ancestor
/// that has any, up to the repository root (<see cref="Workspace.StopDirectory"/>). Settings pair with the exports
/// below them that chose them. Counterparts not passed as inputs are loaded from disk through the store. The answers
/// are cached as paths and indexes, never as documents, so that the store can drop documents the run no longer needs.
/// </summary>
internal sealed class Pairing(Workspace workspace, DocumentStore store, OwnershipCheck ownership, InputDiscovery discovery)
{
    // How many files a search for the exports below a settings document looks at.
    private const int MaxSearchedFiles = 5000;

    private readonly Dictionary<string, AppPairing> _pairings = new(StringComparer.Ordinal);

    /// <summary>
    /// The settings the app at <paramref name="appIndex"/> of a JumpCloud document pairs with: in a C# file that also
    /// holds StrongDM settings, those of the file (<see cref="BoundDocument.AppPartners"/>), else by directory.
    /// </summary>
    public AppPairing ForApp(string jumpCloudPath, int appIndex)
    {
        var doc = store.Load(jumpCloudPath, mustRead: false);
        if (doc is null || appIndex >= doc.AppPartners.Count || doc.AppPartners[appIndex] == DocumentGroup.NoPartner)
        {
            return ForExport(jumpCloudPath);
        }

        var partner = doc.AppPartners[appIndex];
        return partner >= 0
            ? new AppPairing(PairingStatus.Paired, new SettingsRef(jumpCloudPath, partner), [Name(doc, jumpCloudPath, doc.AllSettings[partner])])
            : new AppPairing(PairingStatus.Ambiguous, null, [.. doc.AllSettings.Select(s => Name(doc, jumpCloudPath, s))]);
    }

    /// <summary>
    /// How a settings object is named in listings and messages: its file, or, in a C# file holding several
    /// configuration objects, its file with the line and column where the object starts.
    /// </summary>
    public string Name(BoundDocument doc, string fullPath, StrongDmSettings settings) =>
        doc.Document.Groups.Count == 0 ? workspace.Display(fullPath) : At(workspace.Display(fullPath), settings.Root.Mapping?.Span ?? settings.Root.Span);

    /// <summary>How an app is named in listings: its file, or, in a C# file holding several configuration objects, with the position of its object.</summary>
    public string Name(BoundDocument doc, string fullPath, JumpCloudApp app) =>
        doc.Document.Groups.Count == 0 ? workspace.Display(fullPath) : At(workspace.Display(fullPath), app.IdentityManagementField.Owner.Mapping?.Span ?? app.Span);

    /// <summary>How the app at <paramref name="appIndex"/> of a document is named in listings (the document from the store).</summary>
    public string Name(string fullPath, int appIndex) =>
        store.Load(fullPath, mustRead: false) is { } doc && appIndex < doc.Apps.Count ? Name(doc, fullPath, doc.Apps[appIndex]) : workspace.Display(fullPath);

    /// <summary>A C# configuration object's name: its file with the line and column where it starts.</summary>
    public static string At(string display, Text.SourceSpan span) =>
        display + ":" + span.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + span.StartColumn.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The settings a JumpCloud export pairs with by directory.</summary>
    public AppPairing ForExport(string jumpCloudPath)
    {
        if (_pairings.TryGetValue(jumpCloudPath, out var cached))
        {
            return cached;
        }

        var stop = workspace.StopDirectory(jumpCloudPath);
        var fs = workspace.FileSystem;
        var dir = fs.Path.GetDirectoryName(jumpCloudPath);
        var result = new AppPairing(PairingStatus.Missing, null, []);
        while (dir is not null)
        {
            var candidates = SettingsIn(dir, jumpCloudPath);
            if (candidates.Count == 1)
            {
                result = new AppPairing(PairingStatus.Paired, candidates[0].Settings, [candidates[0].Name]);
                break;
            }

            if (candidates.Count > 1)
            {
                result = new AppPairing(PairingStatus.Ambiguous, null, [.. candidates.Select(c => c.Name)]);
                break;
            }

            if (string.Equals(dir, stop, StringComparison.Ordinal))
            {
                break;
            }

            dir = fs.Path.GetDirectoryName(dir);
        }

        _pairings[jumpCloudPath] = result;
        return result;
    }

    /// <summary>The JumpCloud apps that pair with a settings object of a document (one of its <see cref="BoundDocument.AllSettings"/>).</summary>
    public SettingsPairing ForSettings(string settingsPath, StrongDmSettings settings)
    {
        var settingsDoc = store.Load(settingsPath, mustRead: false);
        var index = settingsDoc is null ? -1 : IndexOf(settingsDoc.AllSettings, settings);
        var key = new SettingsRef(settingsPath, index);
        if (!_settingsPairings.TryGetValue(key, out var pairing))
        {
            pairing = FindExports(settingsPath, settingsDoc, settings, key);
            Remember(_settingsPairings, key, pairing);
        }

        return pairing;
    }

    /// <summary>The settings object a reference names, from the store (loaded again if it was dropped); null when it is gone.</summary>
    public StrongDmSettings? Settings(SettingsRef? reference) =>
        reference is { } r && store.Load(r.FullPath, mustRead: false) is { } doc && r.Index >= 0 && r.Index < doc.AllSettings.Count ? doc.AllSettings[r.Index] : null;

    /// <summary>The apps of a settings pairing, from the store.</summary>
    public List<JumpCloudApp> Apps(SettingsPairing pairing) =>
        [.. pairing.Exports.Select(e => store.Load(e.FullPath, mustRead: false) is { } doc && e.AppIndex < doc.Apps.Count ? doc.Apps[e.AppIndex] : null).OfType<JumpCloudApp>()];

    private static int IndexOf(IReadOnlyList<StrongDmSettings> all, StrongDmSettings settings)
    {
        for (var i = 0; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], settings))
            {
                return i;
            }
        }

        return -1;
    }

    private readonly Dictionary<SettingsRef, SettingsPairing> _settingsPairings = [];

    // A settings object's exports and a directory's JumpCloud files are asked for again only while that directory's
    // inputs are checked (the rules, then the listing), and a run goes directory after directory: only the most
    // recent answers are kept, so that these tables do not grow with the run. An answer forgotten and asked for again
    // is found again, the same (the file system and the store give the same answers).
    private const int MaxRemembered = 256;

    /// <summary>How many settings and directory answers are remembered now (for tests of the bound).</summary>
    internal int Remembered => _settingsPairings.Count + _siblings.Count;

    private static void Remember<TKey, TValue>(Dictionary<TKey, TValue> table, TKey key, TValue value)
        where TKey : notnull
    {
        if (table.Count >= MaxRemembered)
        {
            table.Clear();
        }

        table[key] = value;
    }

    private SettingsPairing FindExports(string settingsPath, BoundDocument? settingsDoc, StrongDmSettings settings, SettingsRef key)
    {
        var dir = workspace.FileSystem.Path.GetDirectoryName(settingsPath)!;
        var name = settingsDoc is null ? workspace.Display(settingsPath) : Name(settingsDoc, settingsPath, settings);
        var result = new List<(string, int)>();
        var ambiguous = false;
        foreach (var file in discovery.Walk(dir, MaxSearchedFiles).Where(f => ownership.MayBeOurs(f, DocumentKind.JumpCloud)))
        {
            var doc = store.Load(file, mustRead: false);
            for (var i = 0; doc is not null && i < doc.Apps.Count; i++)
            {
                var pairing = ForApp(file, i);
                if (key.Index >= 0 && pairing.Settings == key)
                {
                    result.Add((file, i));
                }
                else if (pairing.Status == PairingStatus.Ambiguous && pairing.Candidates.Contains(name, StringComparer.Ordinal))
                {
                    // The export reports the ambiguity, so the settings are not "missing" an export.
                    ambiguous = true;
                }
            }
        }

        return new SettingsPairing(result, ambiguous);
    }

    /// <summary>
    /// The StrongDM apps of the other JumpCloud documents in the same directory as <paramref name="jumpCloudPath"/>,
    /// with their documents' full paths (a pulled <c>jumpcloud.live.json</c> beside a hand-kept export, say).
    /// </summary>
    public IReadOnlyList<Sibling> Siblings(string jumpCloudPath)
    {
        var dir = workspace.FileSystem.Path.GetDirectoryName(jumpCloudPath)!;
        if (!_siblings.TryGetValue(dir, out var all))
        {
            all = [.. workspace.FilesIn(dir)
                .Where(f => workspace.IsStdin(f) || DocumentLoader.IsSupportedExtension(f))
                .Order(StringComparer.Ordinal)
                .Where(f => ownership.MayBeOurs(f, DocumentKind.JumpCloud))
                .Where(f => store.Load(f, mustRead: false)?.Kind == DocumentKind.JumpCloud)];
            Remember(_siblings, dir, all);
        }

        // The apps are taken from the store on each call: sidecars merged since the first call are in them.
        return [.. all.Where(f => !string.Equals(f, jumpCloudPath, StringComparison.Ordinal))
            .SelectMany(f => store.Load(f, mustRead: false)?.Apps.Select(a => new Sibling(a, f)) ?? [])];
    }

    /// <summary>A loaded document by full path (from the store's cache).</summary>
    public BoundDocument? Document(string fullPath) => store.Load(fullPath, mustRead: false);

    private readonly Dictionary<string, List<string>> _siblings = new(StringComparer.Ordinal);

    // Every settings object of the directory's other files (a C# file may hold several), named for messages.
    private List<SettingsCandidate> SettingsIn(string dir, string jumpCloudPath) =>
        [.. workspace.FilesIn(dir)
            .Where(f => !string.Equals(f, jumpCloudPath, StringComparison.Ordinal) && (workspace.IsStdin(f) || (DocumentLoader.IsSupportedExtension(f) && LinkPolicy.MayRead(workspace, f))))
            .Order(StringComparer.Ordinal)
            .Where(f => ownership.MayBeOurs(f, DocumentKind.StrongDm))
            .SelectMany(f => store.Load(f, mustRead: false) is { } doc ? doc.AllSettings.Select((s, i) => new SettingsCandidate(new SettingsRef(f, i), Name(doc, f, s))) : [])];
}
