using System.Net.Http.Headers;
using System.Text;
using ScimLint.Cli.Pull;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Pull;

/// <summary>
/// <c>scimlint pull jumpcloud</c> end to end against a real HTTP server on loopback (<see cref="FakeJumpCloud"/>):
/// paging, retries, failures, atomic writes, and the API key never leaving the process.
/// </summary>
public sealed class PullTests : PullServerTest
{
    private const string LiveFile = "jumpcloud.live.json";
    private const string Members = "/api/v2/usergroups/6026da081f24755306c2ee0d/members";

    [Fact]
    public void Discovers_the_StrongDM_app_and_writes_the_observed_document_page_by_page()
    {
        var run = Harness.Pull(Server);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal($"scimlint: wrote {LiveFile} (3 user groups, 1 direct user assignment)\n", run.Out);
        Assert.Equal([LiveFile], Harness.Files());
        Snapshot.Match(Harness.Read(LiveFile).Replace(Server.Authority, "127.0.0.1:PORT", StringComparison.Ordinal), "json");
    }

    [Fact]
    public void Follows_limit_and_skip_on_every_list_until_a_short_page()
    {
        Harness.Pull(Server);

        Assert.Equal(["?limit=2&skip=0&sort=name", "?limit=2&skip=2&sort=name", "?limit=2&skip=4&sort=name"], Queries("/api/applications"));
        Assert.Equal(
            ["?targets=user_group&limit=2&skip=0", "?targets=user_group&limit=2&skip=2"],
            Queries($"/api/v2/applications/{PullHarness.StrongDmId}/associations").Where(q => q.Contains("user_group", StringComparison.Ordinal)));
        Assert.Equal(["?limit=2&skip=0", "?limit=2&skip=2", "?limit=2&skip=4"], Queries(Members));

        // Two members fill one page exactly: the empty page after it is what ends the list.
        Assert.Equal(["?limit=2&skip=0", "?limit=2&skip=2"], Queries("/api/v2/usergroups/6026da3c1f24755306c2ee2a/members"));
        var counts = Harness.ReadJson(LiveFile)["counts"]!["groupMembers"]!;
        Assert.Equal(5, (int)counts["6026da081f24755306c2ee0d"]!);
        Assert.Equal(2, (int)counts["6026da3c1f24755306c2ee2a"]!);
        Assert.Equal(0, (int)counts["6026da551f24755306c2ee3f"]!);
    }

    [Fact]
    public void Sends_the_key_as_x_api_key_and_the_organisation_as_x_org_id()
    {
        Harness.Variables[PullCommand.OrgIdVariable] = FakeJumpCloud.OrgId;

        var run = Harness.Pull(Server);

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(Server.Requests);
        Assert.All(Server.Requests, r => Assert.True(r.KeyMatched, r.Path));
        Assert.All(Server.Requests, r => Assert.Equal(FakeJumpCloud.OrgId, r.OrgId));
    }

    [Fact]
    public void An_app_named_with_app_skips_the_list()
    {
        var run = Harness.Pull(Server, "--app", PullHarness.StrongDmId, "--output", "live");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, Server.Count("/api/applications"));
        Assert.Equal(["live/" + LiveFile], Harness.Files());
        Assert.Equal(PullHarness.StrongDmId, (string?)Harness.ReadJson("live/" + LiveFile)["source"]!["applicationId"]);
    }

    [Fact]
    public void Several_StrongDM_apps_get_one_document_each_named_by_id()
    {
        Server.Applications.Add(FakeJumpCloud.Application("65a1f0c2e4b0a1b2c3d4e5ff", "strongdm-eu", "StrongDM (EU)", "https://app.eu.strongdm.com/app/login"));

        var run = Harness.Pull(Server);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["jumpcloud.65a1f0c2e4b0a1b2c3d4e5f6.live.json", "jumpcloud.65a1f0c2e4b0a1b2c3d4e5ff.live.json"], Harness.Files());
        Assert.Equal("[]", Harness.ReadJson("jumpcloud.65a1f0c2e4b0a1b2c3d4e5ff.live.json")["associations"]!.ToJsonString());
    }

    [Fact]
    public void Two_pulls_of_an_unchanged_console_differ_only_in_the_timestamp()
    {
        Harness.Pull(Server);
        var first = Harness.Read(LiveFile);
        Harness.Clock = new FixedClock(new DateTimeOffset(2026, 2, 1, 8, 30, 0, TimeSpan.Zero));
        Server.Groups["6026da081f24755306c2ee0d"].Remove("email");
        Server.Groups["6026da081f24755306c2ee0d"]["email"] = null; // same content, other key order on the wire

        Harness.Pull(Server);
        var second = Harness.Read(LiveFile);

        var changed = first.Split('\n').Zip(second.Split('\n')).Where(p => p.First != p.Second).ToList();
        Assert.Equal(["    \"exportedAt\": \"2026-01-15T10:00:00Z\""], changed.Select(p => p.First));
        Assert.Equal(["    \"exportedAt\": \"2026-02-01T08:30:00Z\""], changed.Select(p => p.Second));
    }

    [Fact]
    public void A_429_is_retried_after_the_Retry_After_delay()
    {
        Server.Script(Members, new Fault(429, RetryAfter: "0"));

        var run = Harness.Pull(Server);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, Server.Count(Members));
        Assert.Equal(5, (int)Harness.ReadJson(LiveFile)["counts"]!["groupMembers"]!["6026da081f24755306c2ee0d"]!);
    }

    [Fact]
    public void A_5xx_that_does_not_recover_is_one_line_exit_2_and_no_file()
    {
        Server.Script("/api/v2/usergroups/6026da551f24755306c2ee3f", new Fault(503, RetryAfter: "0"), new Fault(503, RetryAfter: "0"), new Fault(503, RetryAfter: "0"));

        var run = Harness.Pull(Server, "--retries", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: JumpCloud still answered HTTP 503 to GET /api/v2/usergroups/6026da551f24755306c2ee3f after 3 attempts\n", run.Error);
        Assert.Equal(3, Server.Count("/api/v2/usergroups/6026da551f24755306c2ee3f"));
        Assert.Empty(Harness.Files());
    }

    [Fact]
    public void A_rejected_key_is_one_line_exit_2_and_the_previous_document_stays()
    {
        File.WriteAllText(Path.Combine(Harness.WorkingDirectory, LiveFile), "previous\n");
        Harness.Variables[PullCommand.ApiKeyVariable] = "not-the-key";

        var run = Harness.Pull(Server);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "scimlint: JumpCloud answered HTTP 401 to GET /api/applications: the API key was rejected or lacks access (check JUMPCLOUD_API_KEY, and JUMPCLOUD_ORG_ID for a multi-tenant admin)\n",
            run.Error);
        Assert.Equal("", run.Out);
        Assert.Single(Server.Requests);
        Assert.Equal("previous\n", Harness.Read(LiveFile));
        Assert.Equal([LiveFile], Harness.Files());
    }

    [Fact]
    public void A_403_is_reported_like_a_401()
    {
        Server.Script("/api/v2/usergroups/6026da081f24755306c2ee0d", new Fault(403));

        var run = Harness.Pull(Server);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("scimlint: JumpCloud answered HTTP 403 to GET /api/v2/usergroups/6026da081f24755306c2ee0d: the API key was rejected or lacks access", run.Error, StringComparison.Ordinal);
        Assert.Empty(Harness.Files());
    }

    [Fact]
    public void An_unknown_app_id_is_a_404_with_exit_2()
    {
        var run = Harness.Pull(Server, "--app", "65a1f0c2e4b0a1b2c3d4e000");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: JumpCloud answered HTTP 404 to GET /api/applications/65a1f0c2e4b0a1b2c3d4e000: no such application with id 65a1f0c2e4b0a1b2c3d4e000\n", run.Error);
        Assert.Empty(Harness.Files());
    }

    [Fact]
    public void A_call_that_times_out_on_every_attempt_is_exit_2_and_no_file()
    {
        Server.Script(Members, new Fault(200, Delay: TimeSpan.FromSeconds(30)), new Fault(200, Delay: TimeSpan.FromSeconds(30)));

        var run = Harness.Run(Options() with { CallTimeout = TimeSpan.FromMilliseconds(300), Retries = 1 });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"scimlint: GET {Members} timed out after 0.3 s (2 attempts)\n", run.Error);
        Assert.Equal(2, Server.Count(Members));
        Assert.Empty(Harness.Files());
    }

    [Fact]
    public void A_slow_first_attempt_is_retried_and_the_pull_completes()
    {
        Server.Script(Members, new Fault(200, Delay: TimeSpan.FromSeconds(30)));

        var run = Harness.Run(Options() with { CallTimeout = TimeSpan.FromMilliseconds(300), Retries = 1 });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([LiveFile], Harness.Files());
    }

    [Fact]
    public void Malformed_json_is_one_line_exit_2_and_no_file()
    {
        Server.Script($"/api/v2/applications/{PullHarness.StrongDmId}/associations?targets=user", new Fault(200, Body: "[{\"to\": "));

        var run = Harness.Pull(Server);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"scimlint: GET /api/v2/applications/{PullHarness.StrongDmId}/associations returned malformed JSON (line 1, byte 9)\n", run.Error);
        Assert.Empty(Harness.Files());
    }

    [Fact]
    public void A_response_of_the_wrong_shape_is_exit_2_and_no_file()
    {
        Server.Script($"/api/applications/{PullHarness.StrongDmId}", new Fault(200, Body: "[]"));

        var run = Harness.Pull(Server);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"scimlint: GET /api/applications/{PullHarness.StrongDmId} returned a JSON array, not the application with id {PullHarness.StrongDmId} object the API defines\n", run.Error);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_a_network_error_with_exit_2()
    {
        var url = Server.Url;
        await Server.DisposeAsync();
        Server = await FakeJumpCloud.StartAsync();

        var run = Harness.Run(Options() with { ApiUrl = url, Retries = 1 });

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"scimlint: cannot reach {new Uri(url).Authority} (GET /api/applications, 2 attempts): ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Harness.Files());
    }

    [Fact]
    public void A_failure_after_some_calls_succeeded_leaves_no_partial_file_and_no_temporary_file()
    {
        Server.Applications.Add(FakeJumpCloud.Application("65a1f0c2e4b0a1b2c3d4e5ff", "strongdm-eu", "StrongDM (EU)"));
        Server.Script("/api/applications/65a1f0c2e4b0a1b2c3d4e5ff", new Fault(404));
        File.WriteAllText(Path.Combine(Harness.WorkingDirectory, "jumpcloud.65a1f0c2e4b0a1b2c3d4e5f6.live.json"), "previous\n");

        var run = Harness.Pull(Server);

        Assert.Equal(2, run.ExitCode);
        Assert.True(Server.Count(Members) > 0, "the first app was fetched completely before the second failed");
        Assert.Equal(["jumpcloud.65a1f0c2e4b0a1b2c3d4e5f6.live.json"], Harness.Files());
        Assert.Equal("previous\n", Harness.Read("jumpcloud.65a1f0c2e4b0a1b2c3d4e5f6.live.json"));
    }

    [Fact]
    public void The_api_key_is_absent_from_every_byte_written_or_printed()
    {
        Harness.ErrorIsTerminal = true;
        Harness.Variables[PullCommand.OrgIdVariable] = FakeJumpCloud.OrgId;
        Harness.Pull(Server, "--output", "ok");
        Server.Script(Members, new Fault(500, RetryAfter: "0"), new Fault(500, RetryAfter: "0"));
        Harness.Pull(Server, "--retries", "1", "--output", "fail");
        Server.Script($"/api/applications/{PullHarness.StrongDmId}", new Fault(200, Body: "{\"name\": "));
        Harness.Pull(Server, "--output", "malformed");
        Harness.Cli("pull", "jumpcloud", "--api-url", "http://example.com", "--output", "insecure");
        Harness.Cli("pull", "jumpcloud", "--api-key", FakeJumpCloud.ApiKey);
        Harness.Cli("pull", "jumpcloud", "--api-url", Server.Url, FakeJumpCloud.ApiKey);
        Harness.Cli("pull", "jumpcloud", "--api-url", Server.Url, "--apikey=" + FakeJumpCloud.ApiKey);

        Assert.Contains(Harness.Printed, p => p.Contains("GET /api/applications", StringComparison.Ordinal));
        Assert.NotEmpty(Harness.Files());
        var fragment = FakeJumpCloud.ApiKey[10..26];
        Assert.All(Harness.Printed, p => Assert.DoesNotContain(fragment, p, StringComparison.Ordinal));
        foreach (var file in Harness.Files())
        {
            var bytes = File.ReadAllBytes(Path.Combine(Harness.WorkingDirectory, file));
            Assert.DoesNotContain(fragment, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(fragment, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_response_that_echoes_the_key_is_not_written()
    {
        var app = FakeJumpCloud.Application(PullHarness.StrongDmId, "strongdm", "StrongDM");
        app["description"] = "pasted by mistake: " + FakeJumpCloud.ApiKey;
        Server.Script($"/api/applications/{PullHarness.StrongDmId}", new Fault(200, Body: app.ToJsonString()));

        var run = Harness.Pull(Server, "--app", PullHarness.StrongDmId);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: a JumpCloud response contains the API key itself; nothing was written (rotate the key)\n", run.Error);
        Assert.Empty(Harness.Files());
    }

    [Fact]
    public void The_key_is_refused_on_the_command_line_without_being_repeated()
    {
        var run = Harness.Cli("pull", "jumpcloud", "--api-key", "abc123secret");
        var stray = Harness.Cli("pull", "jumpcloud", "abc123secret");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: the API key is read from the environment variable JUMPCLOUD_API_KEY only, never from the command line\n", run.Error);
        Assert.Equal(2, stray.ExitCode);
        Assert.DoesNotContain("abc123secret", stray.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_exit_2_before_any_call()
    {
        Harness.Variables.Remove(PullCommand.ApiKeyVariable);

        var run = Harness.Pull(Server);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: set the environment variable JUMPCLOUD_API_KEY to a JumpCloud API key (it is never taken from the command line)\n", run.Error);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public void No_StrongDM_app_in_the_list_is_exit_2()
    {
        Server.Applications.RemoveAll(a => (string?)a["name"] == "strongdm");

        var run = Harness.Pull(Server);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("scimlint: none of the 4 applications has \"strongdm\" in its name or displayName; pass --app ID\n", run.Error);
    }

    [Fact]
    public void Progress_goes_to_stderr_only_when_it_is_a_terminal()
    {
        var quiet = Harness.Pull(Server);
        Harness.ErrorIsTerminal = true;
        var terminal = Harness.Pull(Server);

        Assert.Equal("", quiet.Error);
        Assert.Contains("scimlint: GET /api/applications?limit=2&skip=2&sort=name\n", terminal.Error, StringComparison.Ordinal);
        Assert.Contains($"scimlint: GET {Members}?limit=2&skip=4\n", terminal.Error, StringComparison.Ordinal);
        Assert.Equal(quiet.Out, terminal.Out);
    }

    [Theory]
    [InlineData("http://example.com", "--api-url must use https (the API key would travel in clear text to example.com); plain http is accepted for loopback addresses only")]
    [InlineData("ftp://127.0.0.1", "--api-url must be an absolute http(s) URL such as https://console.jumpcloud.com")]
    [InlineData("console.jumpcloud.com", "--api-url must be an absolute http(s) URL such as https://console.jumpcloud.com")]
    [InlineData("https://user:pw@proxy.example", "--api-url must not carry credentials, a query or a fragment")]
    public void Api_url_must_be_https_except_on_loopback(string url, string message)
    {
        var run = Harness.Cli("pull", "jumpcloud", "--api-url", url);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"scimlint: {message}\n", run.Error);
    }

    [Theory]
    [InlineData("US", null, "https://console.jumpcloud.com/")]
    [InlineData("EU", null, "https://console.eu.jumpcloud.com/")]
    [InlineData("EU", "https://proxy.example/jumpcloud", "https://proxy.example/jumpcloud/")]
    [InlineData("US", "http://localhost:8080", "http://localhost:8080/")]
    [InlineData("US", "http://127.0.0.2:8080/", "http://127.0.0.2:8080/")]
    [InlineData("US", "http://[::1]:8080", "http://[::1]:8080/")]
    public void Region_picks_the_console_and_api_url_overrides_it(string region, string? apiUrl, string expected) =>
        Assert.Equal(expected, PullRunner.BaseUri(new PullOptions { Region = region, ApiUrl = apiUrl }).ToString());

    [Fact]
    public void Retry_after_in_seconds_or_as_a_date_is_honoured_and_capped()
    {
        var now = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
        var cap = TimeSpan.FromSeconds(30);
        using var seconds = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(12));
        using var far = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        far.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));
        using var past = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        past.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(-5));
        using var none = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(7), JumpCloudApi.RetryAfter(seconds, now, cap));
        Assert.Equal(TimeSpan.FromSeconds(12), JumpCloudApi.RetryAfter(date, now, cap));
        Assert.Equal(cap, JumpCloudApi.RetryAfter(far, now, cap));
        Assert.Equal(TimeSpan.Zero, JumpCloudApi.RetryAfter(past, now, cap));
        Assert.Null(JumpCloudApi.RetryAfter(none, now, cap));
        Assert.Null(JumpCloudApi.RetryAfter(null, now, cap));
    }

    private PullOptions Options() => new()
    {
        ApiUrl = Server.Url,
        PageSize = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private List<string> Queries(string path) => [.. Server.Requests.Where(r => r.Path == path).Select(r => r.Query)];
}
