using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScimLint.Engine;

namespace ScimLint.Cli.Pull;

/// <summary>
/// Runs <c>scimlint pull jumpcloud</c>: reads the credentials from the environment, fetches every call, and only when
/// all succeeded writes one observed-state document per application, atomically.
/// </summary>
internal static partial class PullRunner
{
    /// <summary>The single-app document name; several apps get <c>jumpcloud.&lt;app-id&gt;.live.json</c>.</summary>
    public const string FileName = "jumpcloud.live.json";

    public static int Run(PullOptions options, CliEnvironment env)
    {
        try
        {
            var written = RunAsync(options, env, CancellationToken.None).GetAwaiter().GetResult();
            foreach (var (path, summary) in written)
            {
                env.Out.Write($"scimlint: wrote {path} ({summary})\n");
            }

            return ScimLintCli.Clean;
        }
        catch (PullException ex)
        {
            return ScimLintCli.Fail(env, ex.Message);
        }
        catch (LintUsageException ex)
        {
            return ScimLintCli.Fail(env, ex.Message);
        }
    }

    /// <summary>Console base URL for a region, or the validated <c>--api-url</c>.</summary>
    public static Uri BaseUri(PullOptions options)
    {
        if (options.ApiUrl is null)
        {
            return new Uri(options.Region == "EU" ? "https://console.eu.jumpcloud.com/" : "https://console.jumpcloud.com/");
        }

        if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new PullException("--api-url must be an absolute http(s) URL such as https://console.jumpcloud.com");
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new PullException("--api-url must not carry credentials, a query or a fragment");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new PullException($"--api-url must use https (the API key would travel in clear text to {uri.Host}); plain http is accepted for loopback addresses only");
        }

        // A proxy may serve the API under a path prefix: keep it, and make relative paths append to it.
        var text = uri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static async Task<List<(string Path, string Summary)>> RunAsync(PullOptions options, CliEnvironment env, CancellationToken cancellationToken)
    {
        var (apiKey, orgId) = Credentials(options, env);
        var baseUri = BaseUri(options);
        var fs = env.FileSystem;
        var outputDirectory = fs.Path.GetFullPath(options.OutputDirectory, env.WorkingDirectory);
        if (fs.File.Exists(outputDirectory))
        {
            throw new PullException($"--output {options.OutputDirectory} is a file; give a directory");
        }

        Action<string>? progress = env.ErrorIsTerminal ? line => env.Error.Write($"scimlint: {line}\n") : null;
        using var api = new JumpCloudApi(baseUri, apiKey, orgId, options, env.ToolVersion, env.Clock, progress);

        var ids = options.AppIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var listPaths = new List<string>();
        if (ids.Count == 0)
        {
            ids = await StrongDmAppIds(api, cancellationToken).ConfigureAwait(false);
            listPaths.Add("/api/applications");
        }

        var documents = new List<(string File, byte[] Bytes, string Summary)>();
        var fetchedAt = env.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var id in ids)
        {
            var pulled = await PullApp(api, id, cancellationToken).ConfigureAwait(false);
            var host = baseUri.IsDefaultPort ? baseUri.Host : baseUri.Authority;
            var bytes = LiveDocument.Write(pulled, host, listPaths, fetchedAt);
            if (ContainsSecret(bytes, apiKey))
            {
                throw new PullException($"a JumpCloud response contains the API key itself; nothing was written (rotate the key)");
            }

            var file = ids.Count == 1 ? FileName : $"jumpcloud.{id}.live.json";
            var summary = $"{pulled.GroupAssociations.Count} user group{(pulled.GroupAssociations.Count == 1 ? string.Empty : "s")}, " +
                $"{pulled.UserAssociations.Count} direct user assignment{(pulled.UserAssociations.Count == 1 ? string.Empty : "s")}";
            documents.Add((file, bytes, summary));
        }

        // Every call succeeded: now, and only now, write.
        return WriteAll(options, env, outputDirectory, documents);
    }

    /// <summary>The API key and organisation id from the environment, checked; and the ids passed with --app, checked.</summary>
    private static (string ApiKey, string? OrgId) Credentials(PullOptions options, CliEnvironment env)
    {
        var apiKey = env.GetVariable(PullCommand.ApiKeyVariable)?.Trim();
        if (string.IsNullOrEmpty(apiKey))
        {
            throw new PullException($"set the environment variable {PullCommand.ApiKeyVariable} to a JumpCloud API key (it is never taken from the command line)");
        }

        if (apiKey.Any(char.IsControl))
        {
            throw new PullException($"{PullCommand.ApiKeyVariable} holds a control character; copy the key again");
        }

        var orgId = env.GetVariable(PullCommand.OrgIdVariable)?.Trim();
        if (!string.IsNullOrEmpty(orgId) && !IdPattern().IsMatch(orgId))
        {
            throw new PullException($"{PullCommand.OrgIdVariable} is not an organisation id (letters and digits only)");
        }

        foreach (var id in options.AppIds)
        {
            if (!IdPattern().IsMatch(id))
            {
                throw new PullException("--app takes an application id (letters and digits, as in the console's URL)");
            }
        }

        return (apiKey, orgId);
    }

    /// <summary>The ids of the applications whose name or displayName contains "strongdm".</summary>
    private static async Task<List<string>> StrongDmAppIds(JumpCloudApi api, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var all = await api.GetAllApplicationsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var app in all)
        {
            if (app.ValueKind == JsonValueKind.Object && (Contains(app, "name") || Contains(app, "displayName")))
            {
                var id = app.TryGetProperty("_id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : string.Empty;
                if (!IdPattern().IsMatch(id))
                {
                    throw new PullException("GET /api/applications listed a StrongDM application without a usable _id");
                }

                ids.Add(id);
            }
        }

        ids = ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new PullException($"none of the {all.Count} applications has \"strongdm\" in its name or displayName; pass --app ID");
        }

        return ids;
    }

    private static List<(string, string)> WriteAll(PullOptions options, CliEnvironment env, string outputDirectory, List<(string File, byte[] Bytes, string Summary)> documents)
    {
        var fs = env.FileSystem;
        if (!fs.Directory.Exists(outputDirectory))
        {
            try
            {
                fs.Directory.CreateDirectory(outputDirectory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new PullException($"--output {options.OutputDirectory}: cannot create the directory: {ex.Message}");
            }
        }

        var written = new List<(string, string)>();
        foreach (var (file, bytes, summary) in documents)
        {
            var path = fs.Path.Combine(outputDirectory, file);
            AtomicFile.Write(fs, path, bytes);
            written.Add((fs.Path.GetRelativePath(env.WorkingDirectory, path).Replace('\\', '/'), summary));
        }

        return written;
    }

    private static async Task<PulledApp> PullApp(JumpCloudApi api, string id, CancellationToken cancellationToken)
    {
        var application = await api.GetObjectAsync($"/api/applications/{id}", $"application with id {id}", cancellationToken).ConfigureAwait(false);
        var groups = await api.GetAllV2Async($"/api/v2/applications/{id}/associations", "targets=user_group", "associations", cancellationToken).ConfigureAwait(false);
        var users = await api.GetAllV2Async($"/api/v2/applications/{id}/associations", "targets=user", "associations", cancellationToken).ConfigureAwait(false);
        var groupIds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var association in groups)
        {
            var target = TargetId(association, "user_group");
            if (target is not null)
            {
                groupIds.Add(target);
            }
        }

        var userGroups = new List<JsonElement>();
        var members = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var groupId in groupIds)
        {
            userGroups.Add(await api.GetObjectAsync($"/api/v2/usergroups/{groupId}", $"user group with id {groupId}", cancellationToken).ConfigureAwait(false));
            var list = await api.GetAllV2Async($"/api/v2/usergroups/{groupId}/members", string.Empty, "group members", cancellationToken).ConfigureAwait(false);
            members[groupId] = list.Count;
        }

        var paths = new List<string>
        {
            $"/api/applications/{id}",
            $"/api/v2/applications/{id}/associations?targets=user_group",
            $"/api/v2/applications/{id}/associations?targets=user",
        };
        foreach (var groupId in groupIds)
        {
            paths.Add($"/api/v2/usergroups/{groupId}");
            paths.Add($"/api/v2/usergroups/{groupId}/members");
        }

        return new PulledApp(id, application, groups, users, userGroups, members, paths);
    }

    /// <summary>The association's <c>to.id</c> when <c>to.type</c> is <paramref name="type"/>; ids that are not plain ids are skipped.</summary>
    private static string? TargetId(JsonElement association, string type) =>
        association.ValueKind == JsonValueKind.Object
        && association.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Object
        && to.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == type
        && to.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String && IdPattern().IsMatch(i.GetString()!)
            ? i.GetString()
            : null;

    private static bool Contains(JsonElement app, string field) =>
        app.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString()!.Contains("strongdm", StringComparison.OrdinalIgnoreCase);

    private static bool ContainsSecret(byte[] bytes, string secret)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.Contains(secret, StringComparison.Ordinal) || text.Contains(JsonEncodedText.Encode(secret).ToString(), StringComparison.Ordinal);
    }

    /// <summary>JumpCloud object ids are 24 hex characters; letters, digits, '-' and '_' keep paths and file names safe.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

/// <summary>What one application's pull fetched, verbatim.</summary>
internal sealed record PulledApp(
    string Id,
    JsonElement Application,
    IReadOnlyList<JsonElement> GroupAssociations,
    IReadOnlyList<JsonElement> UserAssociations,
    IReadOnlyList<JsonElement> UserGroups,
    IReadOnlyDictionary<string, int> MemberCounts,
    IReadOnlyList<string> Paths);
