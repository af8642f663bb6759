using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ScimLint.Cli.Pull;

/// <summary>A pull that cannot complete: one line for the user, exit code 2, nothing written.</summary>
internal sealed class PullException(string message) : Exception(message);

/// <summary>
/// Read-only calls to the JumpCloud API (v1 and v2, JumpCloud's OpenAPI specs in TheJumpCloud/jcapi-powershell):
/// <c>x-api-key</c> authentication, <c>limit</c>/<c>skip</c> paging, retries of 429/5xx honouring Retry-After with
/// capped exponential back-off (Polly), a timeout on every attempt, and no redirects (a redirect would carry the key
/// to another host).
/// </summary>
internal sealed class JumpCloudApi : IDisposable
{
    /// <summary>No API response we read is anywhere near this; a larger one is refused rather than buffered.</summary>
    private const long MaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>A list that keeps returning full pages past this is a server ignoring <c>skip</c>, not real data.</summary>
    private const int MaxPages = 10_000;

    private readonly HttpClient client;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly PullOptions options;
    private readonly Action<string>? progress;

    public JumpCloudApi(Uri baseUri, string apiKey, string? orgId, PullOptions options, string userAgent, TimeProvider clock, Action<string>? progress)
    {
        this.options = options;
        this.progress = progress;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.CallTimeout,
            UseCookies = false,
        };
        client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = baseUri,
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.TryAddWithoutValidation("x-api-key", apiKey);
        if (!string.IsNullOrEmpty(orgId))
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("x-org-id", orgId);
        }

        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("scimlint", userAgent));
        pipeline = BuildPipeline(options, clock);
    }

    /// <summary>Requests sent, attempts included.</summary>
    public int Attempts { get; private set; }

    public void Dispose() => client.Dispose();

    /// <summary>
    /// The wait before the next attempt: the server's Retry-After (seconds or a date) when it sends one, else null
    /// (Polly's exponential back-off). Either way never longer than <paramref name="cap"/>.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        var wait = header.Delta ?? (header.Date is { } date ? date - now : TimeSpan.Zero);
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }

        return wait > cap ? cap : wait;
    }

    /// <summary>GET a JSON document.</summary>
    public async Task<JsonElement> GetAsync(string path, string query, string what, CancellationToken cancellationToken)
    {
        var relative = path.TrimStart('/') + (query.Length > 0 ? "?" + query : string.Empty);
        progress?.Invoke($"GET {path}{(query.Length > 0 ? "?" + query : string.Empty)}");
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async ct =>
                {
                    Attempts++;
                    using var request = new HttpRequestMessage(HttpMethod.Get, relative);
                    return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            throw new PullException($"GET {path} timed out after {PullCommand.Seconds(options.CallTimeout)} s ({Tries} attempts)");
        }
        catch (HttpRequestException ex)
        {
            throw new PullException($"cannot reach {client.BaseAddress!.Authority} (GET {path}, {Tries} attempts): {OneLine(ex)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PullException($"GET {path} timed out after {PullCommand.Seconds(options.CallTimeout)} s ({Tries} attempts)");
        }

        using (response)
        {
            ThrowUnlessOk((int)response.StatusCode, path, what);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
                return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new PullException($"GET {path} returned malformed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
            }
        }
    }

    /// <summary>Turns any answer but HTTP 200 into a <see cref="PullException"/> that says what to check.</summary>
    private void ThrowUnlessOk(int status, string path, string what)
    {
        if (status is 401 or 403)
        {
            throw new PullException($"JumpCloud answered HTTP {status} to GET {path}: the API key was rejected or lacks access (check {PullCommand.ApiKeyVariable}, and {PullCommand.OrgIdVariable} for a multi-tenant admin)");
        }

        if (status == 404)
        {
            throw new PullException($"JumpCloud answered HTTP 404 to GET {path}: no such {what}");
        }

        if (status == 429 || status >= 500)
        {
            throw new PullException($"JumpCloud still answered HTTP {status} to GET {path} after {Tries} attempts");
        }

        if (status is >= 300 and < 400)
        {
            throw new PullException($"JumpCloud answered HTTP {status} (a redirect) to GET {path}; redirects are not followed, check --api-url");
        }

        if (status != 200)
        {
            throw new PullException($"JumpCloud answered HTTP {status} to GET {path}");
        }
    }

    /// <summary>GET one object.</summary>
    public async Task<JsonElement> GetObjectAsync(string path, string what, CancellationToken cancellationToken)
    {
        var element = await GetAsync(path, string.Empty, what, cancellationToken).ConfigureAwait(false);
        return element.ValueKind == JsonValueKind.Object
            ? element
            : throw new PullException($"GET {path} returned a JSON {Kind(element)}, not the {what} object the API defines");
    }

    /// <summary>
    /// Every item of a v2 list (a JSON array per page): <c>limit</c>/<c>skip</c> until a page is shorter than the limit.
    /// </summary>
    public async Task<List<JsonElement>> GetAllV2Async(string path, string query, string what, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        for (var page = 0; ; page++)
        {
            if (page >= MaxPages)
            {
                throw new PullException($"GET {path} returned more than {MaxPages} full pages; the server seems to ignore skip");
            }

            var paging = $"limit={options.PageSize}&skip={items.Count}";
            var element = await GetAsync(path, query.Length > 0 ? query + "&" + paging : paging, what, cancellationToken).ConfigureAwait(false);
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw new PullException($"GET {path} returned a JSON {Kind(element)}, not the array of {what} the API defines");
            }

            var count = 0;
            foreach (var item in element.EnumerateArray())
            {
                items.Add(item);
                count++;
            }

            if (count < options.PageSize)
            {
                return items;
            }
        }
    }

    /// <summary>
    /// Every application of the v1 list (<c>{totalCount, results}</c> per page): <c>limit</c>/<c>skip</c> until
    /// <c>totalCount</c> items are read or a page comes back short.
    /// </summary>
    public async Task<List<JsonElement>> GetAllApplicationsAsync(CancellationToken cancellationToken)
    {
        const string path = "/api/applications";
        var items = new List<JsonElement>();
        for (var page = 0; ; page++)
        {
            if (page >= MaxPages)
            {
                throw new PullException($"GET {path} returned more than {MaxPages} full pages; the server seems to ignore skip");
            }

            var element = await GetAsync(path, $"limit={options.PageSize}&skip={items.Count}&sort=name", "application list", cancellationToken).ConfigureAwait(false);
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                throw new PullException($"GET {path} did not return the {{totalCount, results}} list the API defines");
            }

            var count = 0;
            foreach (var item in results.EnumerateArray())
            {
                items.Add(item);
                count++;
            }

            var total = element.TryGetProperty("totalCount", out var t) && t.TryGetInt32(out var n) ? n : (int?)null;
            if (count == 0 || count < options.PageSize || (total is not null && items.Count >= total))
            {
                return items;
            }
        }
    }

    private int Tries => options.Retries + 1;

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(PullOptions options, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock.GetUtcNow(), options.MaxRetryDelay)),
            });
        }

        // Inside the retry: each attempt gets its own timeout, covering the whole response body.
        builder.AddTimeout(options.CallTimeout);
        return builder.Build();
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string OneLine(Exception ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline >= 0 ? message[..newline] : message;
    }
}
