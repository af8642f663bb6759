using System.CommandLine;
using System.Globalization;

namespace ScimLint.Cli.Pull;

/// <summary>Options of <c>scimlint pull jumpcloud</c>, bound from the command line. The API key is never one of them.</summary>
public sealed record PullOptions
{
    /// <summary>US or EU: which JumpCloud console to call when no <see cref="ApiUrl"/> is given.</summary>
    public string Region { get; init; } = "US";

    /// <summary>Overrides the region's console URL (proxies, tests). https only, except loopback addresses.</summary>
    public string? ApiUrl { get; init; }

    /// <summary>Application ids to pull; empty means every app whose name or displayName contains "strongdm".</summary>
    public IReadOnlyList<string> AppIds { get; init; } = [];

    /// <summary>The directory the observed-state documents are written to.</summary>
    public string OutputDirectory { get; init; } = ".";

    /// <summary>Timeout of each HTTP attempt.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a 429, a 5xx, a timeout or a network error is retried.</summary>
    public int Retries { get; init; } = 4;

    /// <summary>First back-off delay when the server sends no Retry-After (doubles per attempt).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No wait between attempts is longer than this, whatever Retry-After says.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>limit</c> sent on every list call (JumpCloud allows at most 100).</summary>
    public int PageSize { get; init; } = 100;
}

/// <summary><c>scimlint pull jumpcloud</c>: fetch the live JumpCloud configuration into an observed-state document.</summary>
/// <remarks>
/// Only System.CommandLine types are touched here: the HTTP and resilience code (<see cref="PullRunner"/>, Polly) is
/// JIT-compiled and loaded when the command runs, so a lint never pays for it.
/// </remarks>
internal static class PullCommand
{
    /// <summary>Environment variable holding the JumpCloud API key (sent as <c>x-api-key</c>).</summary>
    public const string ApiKeyVariable = "JUMPCLOUD_API_KEY";

    /// <summary>Environment variable holding the organisation id of a multi-tenant admin (sent as <c>x-org-id</c>).</summary>
    public const string OrgIdVariable = "JUMPCLOUD_ORG_ID";

    public static Command Create(CliEnvironment env)
    {
        var pull = new Command("pull", "Fetch live configuration from an identity provider's API into an observed-state document.");
        pull.Subcommands.Add(CreateJumpCloud(env));
        return pull;
    }

    private static Command CreateJumpCloud(CliEnvironment env)
    {
        var command = new Command(
            "jumpcloud",
            $"Fetch the StrongDM application(s), their group and user assignments, the groups and their member counts from the JumpCloud API. " +
            $"Credentials come from the environment only: {ApiKeyVariable} (x-api-key) and optionally {OrgIdVariable} (x-org-id). " +
            "Writes jumpcloud.live.json (jumpcloud.<app-id>.live.json for several apps) only when every call succeeded. Exit 0 written, 2 failed.");
        var region = new Option<string>("--region") { Description = "JumpCloud region: US (console.jumpcloud.com) or EU (console.eu.jumpcloud.com).", DefaultValueFactory = _ => "US", HelpName = "US|EU" };
        region.AcceptOnlyFromAmong("US", "EU", "us", "eu");
        var apiUrl = new Option<string?>("--api-url") { Description = "Console URL instead of the region's (a proxy, a test server). https only, except loopback addresses.", HelpName = "URL" };
        var app = new Option<string[]>("--app") { Description = "Application id to pull (repeatable). Default: every app whose name or displayName contains \"strongdm\".", HelpName = "ID", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output", "-o") { Description = "Directory to write the document(s) to (created if missing).", DefaultValueFactory = _ => ".", HelpName = "DIR" };
        var timeout = new Option<double>("--timeout") { Description = "Timeout of each HTTP call, in seconds.", DefaultValueFactory = _ => 30, HelpName = "SECONDS" };
        var retries = new Option<int>("--retries") { Description = "Retries of a call answered 429 or 5xx, timed out or failed on the network (Retry-After is honoured, waits are capped at 30 s).", DefaultValueFactory = _ => 4, HelpName = "N" };
        var pageSize = new Option<int>("--page-size") { Description = "The limit sent on every list call, 1 to 100.", DefaultValueFactory = _ => 100, HelpName = "N" };

        // Present only to refuse it without echoing the value: the key is read from the environment, never from argv.
        var apiKey = new Option<string?>("--api-key", "--key", "--token") { Hidden = true, Arity = ArgumentArity.ZeroOrOne };
        foreach (Option option in new Option[] { region, apiUrl, app, output, timeout, retries, pageSize, apiKey })
        {
            command.Options.Add(option);
        }

        // An unknown token may be a key typed by mistake; it is reported without being repeated.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            if (parse.GetResult(apiKey) is not null)
            {
                return ScimLintCli.Fail(env, $"the API key is read from the environment variable {ApiKeyVariable} only, never from the command line");
            }

            if (parse.UnmatchedTokens.Count > 0)
            {
                return ScimLintCli.Fail(env, $"pull jumpcloud takes no argument{(parse.UnmatchedTokens.Count == 1 ? string.Empty : "s")} besides its options ({parse.UnmatchedTokens.Count} unexpected); run 'scimlint pull jumpcloud --help'");
            }

            var seconds = parse.GetValue(timeout);
            var size = parse.GetValue(pageSize);
            var retryCount = parse.GetValue(retries);
            if (OutOfRange(seconds, size, retryCount) is { } problem)
            {
                return ScimLintCli.Fail(env, problem);
            }

            var options = new PullOptions
            {
                Region = (parse.GetValue(region) ?? "US").ToUpperInvariant(),
                ApiUrl = parse.GetValue(apiUrl),
                AppIds = parse.GetValue(app) ?? [],
                OutputDirectory = parse.GetValue(output) ?? ".",
                CallTimeout = TimeSpan.FromSeconds(seconds),
                Retries = retryCount,
                PageSize = size,
            };
            return Run(options, env);
        });
        return command;
    }

    /// <summary>What is wrong with the numeric options, or null.</summary>
    private static string? OutOfRange(double seconds, int pageSize, int retries) =>
        !(seconds > 0 && seconds <= 600) ? "--timeout must be between 0 and 600 seconds"
        : pageSize is < 1 or > 100 ? "--page-size must be between 1 and 100 (JumpCloud's limit)"
        : retries is < 0 or > 10 ? "--retries must be between 0 and 10"
        : null;

    /// <summary>Runs a pull; kept out of <see cref="Create"/> so that building the command line loads no HTTP code.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static int Run(PullOptions options, CliEnvironment env) => PullRunner.Run(options, env);

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
