using ScimLint.Loading;
using ScimLint.Model;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>How a JumpCloud export was paired: its settings when exactly one was found, and the candidates' display paths.</summary>
internal sealed record AppPairing(PairingStatus Status, BoundDocument? Settings, IReadOnlyList<string> Candidates);

/// <summary>The JumpCloud exports that pair with a settings document, and whether one had it among several candidates.</summary>
internal sealed record SettingsPairing(IReadOnlyList<(BoundDocument Doc, string FullPath)> Exports, bool Ambiguous)
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

    /// <summary>The settings a JumpCloud export pairs with.</summary>
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
                result = new AppPairing(PairingStatus.Paired, candidates[0].Doc, [workspace.Display(candidates[0].Path)]);
                break;
            }

            if (candidates.Count > 1)
            {
                result = new AppPairing(PairingStatus.Ambiguous, null, [.. candidates.Select(c => workspace.Display(c.Path))]);
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

    /// <summary>The JumpCloud exports that pair with a settings document.</summary>
    public SettingsPairing ForSettings(string settingsPath)
    {
        if (!_settingsPairings.TryGetValue(settingsPath, out var pairing))
        {
            pairing = FindExports(settingsPath);
            _settingsPairings[settingsPath] = pairing;
        }

        return pairing;
    }

    private readonly Dictionary<string, SettingsPairing> _settingsPairings = new(StringComparer.Ordinal);

    private SettingsPairing FindExports(string settingsPath)
    {
        var dir = workspace.FileSystem.Path.GetDirectoryName(settingsPath)!;
        var display = workspace.Display(settingsPath);
        var result = new List<(BoundDocument, string)>();
        var ambiguous = false;
        foreach (var file in discovery.Walk(dir, MaxSearchedFiles).Where(f => ownership.MayBeOurs(f, DocumentKind.JumpCloud)))
        {
            var doc = store.Load(file, mustRead: false);
            if (doc?.Kind == DocumentKind.JumpCloud && doc.Apps.Count > 0)
            {
                var pairing = ForExport(file);
                if (pairing.Settings is not null && ReferenceEquals(pairing.Settings, store.Load(settingsPath, mustRead: false)))
                {
                    result.Add((doc, file));
                }
                else if (pairing.Status == PairingStatus.Ambiguous && pairing.Candidates.Contains(display, StringComparer.Ordinal))
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

    private List<(string Path, BoundDocument? Doc)> SettingsIn(string dir, string jumpCloudPath) =>
        [.. workspace.FilesIn(dir)
            .Where(f => !string.Equals(f, jumpCloudPath, StringComparison.Ordinal) && (workspace.IsStdin(f) || (DocumentLoader.IsSupportedExtension(f) && LinkPolicy.MayRead(workspace, f))))
            .Order(StringComparer.Ordinal)
            .Where(f => ownership.MayBeOurs(f, DocumentKind.StrongDm))
            .Select(f => (Path: f, Doc: store.Load(f, mustRead: false)))
            .Where(c => c.Doc?.Kind == DocumentKind.StrongDm)];
}
