using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Pull;

/// <summary>
/// The HTTP and resilience code of <c>scimlint pull</c> stays out of a lint's start-up (the pre-commit case): a real
/// scimlint process reports the assemblies it loaded, and a lint must not have loaded Polly or System.Net.Http.
/// A pull run is the control that shows the check can fail.
/// </summary>
public sealed class PullStartupTests
{
    private static readonly string[] PullOnly = ["Polly.Core", "System.Net.Http"];

    [Fact]
    public async Task A_lint_loads_no_http_or_resilience_assembly()
    {
        var loaded = await LoadedAssemblies.Of(["examples/us-correct"], []);

        Assert.Contains("scimlint", loaded);
        Assert.Contains("ScimLint.Core", loaded);
        Assert.Empty(loaded.Intersect(PullOnly));
    }

    [Fact]
    public async Task A_pull_loads_them_which_shows_the_check_can_fail()
    {
        var loaded = await LoadedAssemblies.Of(
            ["pull", "jumpcloud", "--api-url", "http://127.0.0.1:9", "--retries", "0", "--timeout", "2", "--output", Path.GetTempPath()],
            new() { ["JUMPCLOUD_API_KEY"] = "not-a-real-key" });

        Assert.Equal(PullOnly, loaded.Intersect(PullOnly).Order(StringComparer.Ordinal));
    }
}
