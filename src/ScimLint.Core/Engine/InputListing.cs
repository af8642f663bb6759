using ScimLint.Documents;
using ScimLint.Model;
using ScimLint.Rules;

namespace ScimLint.Engine;

/// <summary>What a run made of one input file (or a directory its walk skipped).</summary>
public enum InputKind
{
    /// <summary>A JumpCloud export kept by hand (desired state).</summary>
    JumpCloudDesired,

    /// <summary>A JumpCloud export pulled from the API (observed state, <c>source.kind: observed</c>).</summary>
    JumpCloudObserved,

    /// <summary>StrongDM provisioning settings.</summary>
    StrongDmSettings,

    /// <summary>Checked, but neither kind: it did not load (SL001), or it was named and is not ours (SL004).</summary>
    NotRecognised,

    /// <summary>Not checked; <see cref="InputEntry.Reason"/> says why.</summary>
    Skipped,

    /// <summary>
    /// A sidecar: associations or user groups saved from the API into a file of their own (<see cref="InputEntry.Reason"/>
    /// names which), merged with the export in <see cref="InputEntry.PairedWith"/>, or with none (SL004 says why).
    /// </summary>
    JumpCloudSidecar,
}

/// <summary>
/// One line of <c>scimlint --list-files</c>: a file the run was given or found, what it was taken for, and how it
/// paired. <see cref="Path"/> is relative to the working directory with forward slashes; a skipped directory ends in
/// <c>/</c>.
/// </summary>
public sealed record InputEntry(string Path, InputKind Kind, DocumentFormat? Format, string? Reason, PairingStatus? Pairing, IReadOnlyList<string> PairedWith)
{
    /// <summary>The entry as one line: <c>path: kind (format), pairing</c> or <c>path: skipped: reason</c>.</summary>
    public string Describe()
    {
        var format = Format switch
        {
            DocumentFormat.Json => "JSON",
            DocumentFormat.CSharp => "C#",
            DocumentFormat.Yaml => "YAML",
            _ => null,
        };
        return Kind switch
        {
            InputKind.JumpCloudDesired => $"{Path}: JumpCloud export (desired state, {format}), {PairingText("StrongDM settings")}",
            InputKind.JumpCloudObserved => $"{Path}: JumpCloud export (observed state, {format}), {PairingText("StrongDM settings")}",
            InputKind.StrongDmSettings => $"{Path}: StrongDM settings ({format}), {PairingText("JumpCloud export")}",
            InputKind.JumpCloudSidecar => $"{Path}: JumpCloud {Reason} sidecar ({format}), " + (PairedWith.Count > 0 ? "merged with " + PairedWith[0] : $"not merged ({Rules.Input.NotAConfigRule.Rule.Id} note says why)"),
            InputKind.NotRecognised => $"{Path}: checked, not recognised ({format}): {Reason}",
            _ => $"{Path}: skipped: {Reason}",
        };
    }

    private string PairingText(string counterpart) => Pairing switch
    {
        PairingStatus.Paired => "paired with " + string.Join(", ", PairedWith),
        PairingStatus.Ambiguous when PairedWith.Count > 0 => "not paired: several candidates: " + string.Join(", ", PairedWith),
        PairingStatus.Ambiguous => $"not paired: each {counterpart} below it has several candidates",
        _ when Reason is not null => "not paired: " + Reason,
        _ => counterpart == "JumpCloud export"
            ? "not paired: no JumpCloud export in its directory or below pairs with it"
            : "not paired: no StrongDM settings in its directory or an ancestor up to the repository root",
    };
}

/// <summary>
/// Builds <see cref="LintResult.Inputs"/> from what the stages decided: the inputs and their pairing
/// (<see cref="Pairing"/>, whose answers the rules saw), the files the walk passed over, and the links and directories
/// it did not follow. Sorted by path (ordinal; the objects of one C# file by line and column), so the listing is
/// deterministic.
/// </summary>
internal static class InputListing
{
    /// <summary>
    /// What <c>--list-files</c> says of one input, with its pairing (computed once its cross-document rules have run,
    /// while its document is in memory).
    /// </summary>
    public static IReadOnlyList<InputEntry> EntriesOf(Workspace workspace, Pairing pairing, Sidecars sidecars, InputDocument input)
    {
        if (input.Bound.Document.Groups.Count > 0)
        {
            return [.. OfGroups(workspace, pairing, input)];
        }

        return input.Bound.Kind == DocumentKind.JumpCloudSidecar
            ? [new InputEntry(input.Bound.Document.Path, InputKind.JumpCloudSidecar, input.Bound.Document.Format, input.Bound.Sidecar == SidecarKind.Associations ? "associations" : "user groups", null, sidecars.MergedInto.TryGetValue(input.FullPath, out var export) ? [workspace.Display(export)] : [])]
            : [Of(workspace, pairing, input)];
    }

    /// <summary>The listing: the inputs' entries (<see cref="EntriesOf"/>, in input order), then the files and directories the walks passed over.</summary>
    public static IReadOnlyList<InputEntry> Build(Workspace workspace, IEnumerable<InputEntry> inputEntries, IEnumerable<SkippedPath> skippedFiles, IEnumerable<SkippedPath> skippedDirectories)
    {
        var entries = new Dictionary<string, InputEntry>(StringComparer.Ordinal);
        foreach (var entry in inputEntries)
        {
            entries.TryAdd(entry.Path, entry);
        }

        foreach (var file in skippedFiles)
        {
            var path = workspace.Display(file.FullPath);
            entries.TryAdd(path, new InputEntry(path, InputKind.Skipped, null, file.Reason, null, []));
        }

        foreach (var directory in skippedDirectories)
        {
            var path = workspace.Display(directory.FullPath) + "/";
            entries.TryAdd(path, new InputEntry(path, InputKind.Skipped, null, directory.Reason, null, []));
        }

        return [.. entries.Values.OrderBy(e => SortKey(e.Path).File, StringComparer.Ordinal).ThenBy(e => SortKey(e.Path).Line).ThenBy(e => SortKey(e.Path).Column)];
    }

    private static InputEntry Of(Workspace workspace, Pairing pairing, InputDocument input)
    {
        var bound = input.Bound;
        var path = bound.Document.Path;
        var format = bound.Document.Format;
        switch (bound.Kind)
        {
            case DocumentKind.JumpCloud when bound.Apps.Count == 0:
                return new InputEntry(path, InputKind.JumpCloudDesired, format, "it holds no StrongDM application", PairingStatus.Missing, []);
            case DocumentKind.JumpCloud:
                var app = pairing.ForExport(input.FullPath);
                var kind = bound.Apps.Any(a => a.IsObserved) ? InputKind.JumpCloudObserved : InputKind.JumpCloudDesired;
                return new InputEntry(path, kind, format, null, app.Status, app.Candidates);
            case DocumentKind.StrongDm:
                return Settings(pairing, input, bound.Settings!, path);
            default:
                var reason = bound.Document.Diagnostics.Count > 0
                    ? $"it did not load ({Rules.Input.ParseErrorRule.Rule.Id} says why)"
                    : $"neither a JumpCloud export nor StrongDM settings ({Rules.Input.NotAConfigRule.Rule.Id} note)";
                return new InputEntry(path, InputKind.NotRecognised, format, reason, null, []);
        }
    }

    // An object of a C# file holding several is listed as path:line:column; those sort by position, not as text.
    private static (string File, int Line, int Column) SortKey(string path)
    {
        var colon = path.LastIndexOf(':');
        var previous = colon > 0 ? path.LastIndexOf(':', colon - 1) : -1;
        return previous > 0
            && int.TryParse(path.AsSpan(previous + 1, colon - previous - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line)
            && int.TryParse(path.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var column)
            && path.AsSpan(0, previous).EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
            ? (path[..previous], line, column)
            : (path, 0, 0);
    }

    private static InputEntry Settings(Pairing pairing, InputDocument input, StrongDmSettings settings, string path)
    {
        var pairs = pairing.ForSettings(input.FullPath, settings);
        var exports = pairs.Exports.Select(e => pairing.Name(e.FullPath, e.AppIndex)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new InputEntry(path, InputKind.StrongDmSettings, input.Bound.Document.Format, null, pairs.Status, exports);
    }

    // A C# file holding several configuration objects: one line per object, named path:line:column.
    private static IEnumerable<InputEntry> OfGroups(Workspace workspace, Pairing pairing, InputDocument input)
    {
        var bound = input.Bound;
        var display = workspace.Display(input.FullPath);
        for (var i = 0; i < bound.Apps.Count; i++)
        {
            var app = pairing.ForApp(input.FullPath, i);
            var kind = bound.Apps[i].IsObserved ? InputKind.JumpCloudObserved : InputKind.JumpCloudDesired;
            yield return new InputEntry(pairing.Name(bound, input.FullPath, bound.Apps[i]), kind, bound.Document.Format, null, app.Status, app.Candidates);
        }

        foreach (var settings in bound.AllSettings)
        {
            yield return Settings(pairing, input, settings, pairing.Name(bound, input.FullPath, settings));
        }

        if (bound.Apps.Count == 0 && bound.AllSettings.Count == 0)
        {
            yield return new InputEntry(display, InputKind.JumpCloudDesired, bound.Document.Format, "it holds no StrongDM application", PairingStatus.Missing, []);
        }
    }
}

/// <summary>
/// A file or directory a run passed over, with why (<c>--list-files</c>, SL004 notes). A class, not a tuple: lists of
/// it share the framework's precompiled code, so a ReadyToRun build does not JIT-compile them at start-up.
/// </summary>
internal sealed record SkippedPath(string FullPath, string Reason);
