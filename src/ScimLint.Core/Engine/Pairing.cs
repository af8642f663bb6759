using ScimLint.Documents;
using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>How a JumpCloud app was paired: its settings when exactly one was found, and the candidates' names.</summary>
internal sealed record AppPairing(PairingStatus Status, StrongDmSettings? Settings, IReadOnlyList<string> Candidates);

/// <summary>The JumpCloud apps that pair with a settings object (with their documents), and whether one had it among several candidates.</summary>
internal sealed record SettingsPairing(IReadOnlyList<(JumpCloudApp App, BoundDocument Doc, string FullPath)> Exports, bool Ambiguous)
{
    /// <summary>The status a settings rule sees.</summary>
    public PairingStatus Status => Exports.Count > 0 ? PairingStatus.Paired : Ambiguous ? PairingStatus.Ambiguous : PairingStatus.Missing;
}

/// <summary>
/// Stage 4, pairing: each JumpCloud export pairs with the StrongDM settings in its directory or the nearest ancestor
/// that has any, up to the repository root (<see cref="Workspace.StopDirectory"/>). Settings pair with the exports
/// below them that chose them. Counterparts not passed as inputs are loaded from disk through the store.
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
            ? new AppPairing(PairingStatus.Paired, doc.AllSettings[partner], [Name(doc, jumpCloudPath, doc.AllSettings[partner])])
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

    /// <summary>The JumpCloud apps that pair with a settings object of a document.</summary>
    public SettingsPairing ForSettings(string settingsPath, StrongDmSettings settings)
    {
        if (!_settingsPairings.TryGetValue(settings, out var pairing))
        {
            pairing = FindExports(settingsPath, settings);
            _settingsPairings[settings] = pairing;
        }

        return pairing;
    }

    private readonly Dictionary<StrongDmSettings, SettingsPairing> _settingsPairings = new(ReferenceEqualityComparer.Instance);

    private SettingsPairing FindExports(string settingsPath, StrongDmSettings settings)
    {
        var dir = workspace.FileSystem.Path.GetDirectoryName(settingsPath)!;
        var settingsDoc = store.Load(settingsPath, mustRead: false);
        var name = settingsDoc is null ? workspace.Display(settingsPath) : Name(settingsDoc, settingsPath, settings);
        var result = new List<(JumpCloudApp, BoundDocument, string)>();
        var ambiguous = false;
        foreach (var file in discovery.Walk(dir, MaxSearchedFiles).Where(f => ownership.MayBeOurs(f, DocumentKind.JumpCloud)))
        {
            var doc = store.Load(file, mustRead: false);
            for (var i = 0; doc is not null && i < doc.Apps.Count; i++)
            {
                var pairing = ForApp(file, i);
                if (ReferenceEquals(pairing.Settings, settings))
                {
                    result.Add((doc.Apps[i], doc, file));
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
    public IReadOnlyList<(JumpCloudApp App, string FullPath)> Siblings(string jumpCloudPath)
    {
        var dir = workspace.FileSystem.Path.GetDirectoryName(jumpCloudPath)!;
        if (!_siblings.TryGetValue(dir, out var all))
        {
            all = [.. workspace.FilesIn(dir)
                .Where(f => workspace.IsStdin(f) || DocumentLoader.IsSupportedExtension(f))
                .Order(StringComparer.Ordinal)
                .Where(f => ownership.MayBeOurs(f, DocumentKind.JumpCloud))
                .Select(f => (Path: f, Doc: store.Load(f, mustRead: false)))
                .Where(c => c.Doc?.Kind == DocumentKind.JumpCloud)
                .SelectMany(c => c.Doc!.Apps.Select(a => (a, c.Path)))];
            _siblings[dir] = all;
        }

        return [.. all.Where(s => !string.Equals(s.FullPath, jumpCloudPath, StringComparison.Ordinal))];
    }

    /// <summary>A loaded document by full path (from the store's cache).</summary>
    public BoundDocument? Document(string fullPath) => store.Load(fullPath, mustRead: false);

    private readonly Dictionary<string, List<(JumpCloudApp App, string FullPath)>> _siblings = new(StringComparer.Ordinal);

    // Every settings object of the directory's other files (a C# file may hold several), named for messages.
    private List<(StrongDmSettings Settings, string Name)> SettingsIn(string dir, string jumpCloudPath) =>
        [.. workspace.FilesIn(dir)
            .Where(f => !string.Equals(f, jumpCloudPath, StringComparison.Ordinal) && (workspace.IsStdin(f) || (DocumentLoader.IsSupportedExtension(f) && LinkPolicy.MayRead(workspace, f))))
            .Order(StringComparer.Ordinal)
            .Where(f => ownership.MayBeOurs(f, DocumentKind.StrongDm))
            .Select(f => (Path: f, Doc: store.Load(f, mustRead: false)))
            .SelectMany(c => c.Doc is null ? [] : c.Doc.AllSettings.Select(s => (s, Name(c.Doc, c.Path, s))))];
}
