using System.IO.Abstractions;
using System.Text.Json.Nodes;
using ScimLint.Cli;
using ScimLint.Cli.Pull;
using ScimLint.Tests.Infrastructure;

namespace ScimLint.Tests.Pull;

internal sealed record PullRun(int ExitCode, string Out, string Error);

/// <summary>A clock that always says the same time (the one timestamp a pull writes).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Default = new(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Runs <c>scimlint pull</c> in process against a real temporary directory, with the environment it is given.</summary>
internal sealed class PullHarness : IDisposable
{
    public const string StrongDmId = "65a1f0c2e4b0a1b2c3d4e5f6";

    public PullHarness()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "scimlint-pull-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal)
    {
        [PullCommand.ApiKeyVariable] = FakeJumpCloud.ApiKey,
    };

    public bool ErrorIsTerminal { get; set; }

    public TimeProvider Clock { get; set; } = FixedClock.Default;

    /// <summary>Every run's stdout and stderr, for the test that no byte printed holds the key.</summary>
    public List<string> Printed { get; } = [];

    /// <summary>The usual account: five applications (one StrongDM), three groups (one empty), one direct user.</summary>
    public static void Seed(FakeJumpCloud server)
    {
        server.Applications.Add(FakeJumpCloud.Application("5f0000000000000000000a01", "slack", "Slack"));
        server.Applications.Add(FakeJumpCloud.Application(StrongDmId, "strongdm", "StrongDM"));
        server.Applications.Add(FakeJumpCloud.Application("5f0000000000000000000a03", "github", "GitHub"));
        server.Applications.Add(FakeJumpCloud.Application("5f0000000000000000000a04", "zoom", "Zoom"));
        server.Applications.Add(FakeJumpCloud.Application("5f0000000000000000000a05", "bookmark", "Wiki"));
        server.GroupAssignments[StrongDmId] = ["6026da3c1f24755306c2ee2a", "6026da081f24755306c2ee0d", "6026da551f24755306c2ee3f"];
        server.UserAssignments[StrongDmId] = ["5e6f7a8b9c0d1e2f3a4b5c6d"];
        server.Groups["6026da081f24755306c2ee0d"] = FakeJumpCloud.Group("6026da081f24755306c2ee0d", "sdm-engineering");
        server.Groups["6026da3c1f24755306c2ee2a"] = FakeJumpCloud.Group("6026da3c1f24755306c2ee2a", "sdm-oncall");
        server.Groups["6026da551f24755306c2ee3f"] = FakeJumpCloud.Group("6026da551f24755306c2ee3f", "sdm-contractors");
        server.Members["6026da081f24755306c2ee0d"] = 5;
        server.Members["6026da3c1f24755306c2ee2a"] = 2;
        server.Members["6026da551f24755306c2ee3f"] = 0;
    }

    /// <summary><c>scimlint pull jumpcloud --api-url URL ARGS...</c> with small pages, so every list takes several.</summary>
    public PullRun Pull(FakeJumpCloud server, params string[] args) =>
        Cli(["pull", "jumpcloud", "--api-url", server.Url, "--page-size", "2", .. args]);

    public PullRun Cli(params string[] args)
    {
        var (env, stdout, stderr) = Environment();
        var code = ScimLintCli.Run(args, env);
        return Record(code, stdout, stderr);
    }

    /// <summary>Runs with options the command line does not expose (short back-off delays for the retry tests).</summary>
    public PullRun Run(PullOptions options)
    {
        var (env, stdout, stderr) = Environment();
        var code = PullCommand.Run(options, env);
        return Record(code, stdout, stderr);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(WorkingDirectory, relative));

    public JsonObject ReadJson(string relative) => JsonNode.Parse(Read(relative))!.AsObject();

    public JsonArray ReadJsonArray(string relative) => JsonNode.Parse(Read(relative))!.AsArray();

    /// <summary>Every file under the working directory, relative, sorted (hidden temporary files included).</summary>
    public List<string> Files() =>
        [.. Directory.GetFiles(WorkingDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(WorkingDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private (CliEnvironment Env, StringWriter Out, StringWriter Error) Environment()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var variables = new Dictionary<string, string?>(Variables, StringComparer.Ordinal);
        var env = new CliEnvironment(new FileSystem(), stdout, stderr, WorkingDirectory, OutputIsTerminal: false, GetVariable: name => variables.GetValueOrDefault(name))
        {
            ToolVersion = CliRunner.TestVersion,
            ErrorIsTerminal = ErrorIsTerminal,
            Clock = Clock,
        };
        return (env, stdout, stderr);
    }

    private PullRun Record(int code, StringWriter stdout, StringWriter stderr)
    {
        Printed.Add(stdout.ToString());
        Printed.Add(stderr.ToString());
        return new PullRun(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A test class that owns a seeded loopback JumpCloud server and a pull harness for each test.</summary>
public abstract class PullServerTest : IAsyncLifetime, IDisposable
{
    private protected PullHarness Harness { get; } = new();

    private protected FakeJumpCloud Server { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeJumpCloud.StartAsync();
        PullHarness.Seed(Server);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }
}
