using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Pull;

/// <summary>A scripted answer to the next request for one path: a status, headers, a body, or a stall.</summary>
internal sealed record Fault(int Status, string? Body = null, string? RetryAfter = null, TimeSpan Delay = default);

/// <summary>A request as the server saw it (the key itself is never recorded, only whether it matched).</summary>
internal sealed record SeenRequest(string Path, string Query, bool KeyMatched, string? OrgId);

/// <summary>
/// A real HTTP server on loopback (Kestrel, in the test process) that answers like JumpCloud's v1 and v2 APIs, with
/// bodies shaped as the OpenAPI specs define them (Fixtures/JumpCloudApi) and <c>limit</c>/<c>skip</c> paging as
/// documented (<c>limit</c> default 10, at most 100). Requests without the right <c>x-api-key</c> get 401.
/// </summary>
internal sealed class FakeJumpCloud : IAsyncDisposable
{
    public const string ApiKey = "jc-CANARY-4f1d9a7e0b2c-api-key-never-written";
    public const string OrgId = "5f3e2a1b9c8d7e6f5a4b3c2d";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> faults = new(StringComparer.Ordinal);

    private FakeJumpCloud(WebApplication app) => this.app = app;

    /// <summary>v1 application objects, in list order.</summary>
    public List<JsonObject> Applications { get; } = [];

    /// <summary>Group ids assigned to each application id.</summary>
    public Dictionary<string, List<string>> GroupAssignments { get; } = new(StringComparer.Ordinal);

    /// <summary>User ids assigned directly to each application id.</summary>
    public Dictionary<string, List<string>> UserAssignments { get; } = new(StringComparer.Ordinal);

    /// <summary>User groups by id.</summary>
    public Dictionary<string, JsonObject> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Number of direct members of each group.</summary>
    public Dictionary<string, int> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request, in order.</summary>
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>The base URL to pass as <c>--api-url</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The authority (<c>127.0.0.1:port</c>) written into <c>source.consoleHost</c>.</summary>
    public string Authority => new Uri(Url).Authority;

    public static async Task<FakeJumpCloud> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeJumpCloud(app);
        app.Run(server.Handle);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return server;
    }

    /// <summary>The spec-shaped application with another id, name and display name.</summary>
    public static JsonObject Application(string id, string name, string displayName, string ssoUrl = "https://app.strongdm.com/app/login")
    {
        var app = Load("application.json");
        app["_id"] = id;
        app["name"] = name;
        app["displayName"] = displayName;
        app["displayLabel"] = displayName;
        app["ssoUrl"] = ssoUrl;
        return app;
    }

    /// <summary>The spec-shaped user group with another id and name.</summary>
    public static JsonObject Group(string id, string name)
    {
        var group = Load("usergroup.json");
        group["id"] = id;
        group["name"] = name;
        return group;
    }

    /// <summary>Queues answers for the next requests to a path (<c>/api/...</c>, plus <c>?targets=x</c> for associations).</summary>
    public void Script(string key, params Fault[] answers)
    {
        var queue = faults.GetOrAdd(key, _ => new ConcurrentQueue<Fault>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public int Count(string path, string? queryContains = null) =>
        Requests.Count(r => r.Path == path && (queryContains is null || r.Query.Contains(queryContains, StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Fixtures, "JumpCloudApi", name)))!.AsObject();

    private async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var keyMatched = request.Headers["x-api-key"].ToString() == ApiKey;
        var orgId = request.Headers.TryGetValue("x-org-id", out var org) ? org.ToString() : null;
        Requests.Enqueue(new SeenRequest(path, request.QueryString.Value ?? string.Empty, keyMatched, orgId));

        var targets = request.Query["targets"].ToString();
        var key = targets.Length > 0 ? $"{path}?targets={targets}" : path;
        if (faults.TryGetValue(key, out var queue) && queue.TryDequeue(out var fault))
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            await Answer(context, fault.Status, fault.Body ?? (fault.Status >= 400 ? """{"message":"scripted failure"}""" : "{}"));
            return;
        }

        if (!keyMatched)
        {
            await Answer(context, 401, """{"message":"Unauthorized"}""");
            return;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (limit, skip) = Paging(request, defaultLimit: 10);
        JsonNode? body = parts switch
        {
            ["api", "applications"] => V1List(limit, skip),
            ["api", "applications", var id] => Applications.FirstOrDefault(a => (string?)a["_id"] == id)?.DeepClone(),
            ["api", "v2", "applications", var id, "associations"] when targets is "user_group" or "user" =>
                Page(Connections(targets == "user" ? UserAssignments : GroupAssignments, id, targets), limit, skip),
            ["api", "v2", "applications", _, "associations"] => new JsonObject { ["message"] = "targets is required" },
            ["api", "v2", "usergroups"] => Page([.. Groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (JsonObject)g.Value.DeepClone())], limit, skip),
            ["api", "v2", "usergroups", var id] => Groups.TryGetValue(id, out var group) ? group.DeepClone() : null,
            ["api", "v2", "usergroups", var id, "members"] when Groups.ContainsKey(id) =>
                Page(Enumerable.Range(0, Members.GetValueOrDefault(id)).Select(i => Connection($"{id[..16]}{i:x8}", "user")).ToList(), limit, skip),
            _ => null,
        };
        if (body is null)
        {
            await Answer(context, 404, """{"message":"Not Found"}""");
        }
        else if (body is JsonObject { Count: 1 } message && message.ContainsKey("message"))
        {
            await Answer(context, 400, body.ToJsonString());
        }
        else
        {
            await Answer(context, 200, body.ToJsonString());
        }
    }

    private JsonObject V1List(int limit, int skip)
    {
        var results = new JsonArray();
        foreach (var a in Applications.Skip(skip).Take(limit))
        {
            results.Add(a.DeepClone());
        }

        return new JsonObject { ["totalCount"] = Applications.Count, ["results"] = results };
    }

    private static List<JsonObject> Connections(Dictionary<string, List<string>> map, string appId, string type) =>
        map.TryGetValue(appId, out var ids) ? ids.Select(id => Connection(id, type)).ToList() : [];

    /// <summary>A <c>GraphConnection</c>: <c>{attributes, to: {attributes, id, type}}</c> (<c>from</c> omitted, as the spec allows).</summary>
    private static JsonObject Connection(string id, string type) =>
        new() { ["attributes"] = null, ["to"] = new JsonObject { ["attributes"] = null, ["id"] = id, ["type"] = type } };

    private static JsonArray Page(List<JsonObject> items, int limit, int skip)
    {
        var page = new JsonArray();
        foreach (var item in items.Skip(skip).Take(limit))
        {
            page.Add(item);
        }

        return page;
    }

    private static (int Limit, int Skip) Paging(HttpRequest request, int defaultLimit)
    {
        var limit = int.TryParse(request.Query["limit"], out var l) ? Math.Clamp(l, 1, 100) : defaultLimit;
        var skip = int.TryParse(request.Query["skip"], out var s) ? Math.Max(s, 0) : 0;
        return (limit, skip);
    }

    private static async Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }
}
