using System.Globalization;

namespace ScimLint.Benchmarks;

/// <summary>
/// Writes the C# throughput corpus of issue 10 (docs/performance.md): N configuration files in N/2 folders (a
/// JumpCloud export and its StrongDM settings, each a <c>.cs</c> file, in the shapes teams write: named initializers,
/// anonymous objects returned from methods, target-typed <c>new()</c>, member assignments), whose hosts come from
/// constants in a shared <c>Hosts.cs</c>, plus N unrelated <c>.cs</c> files (services, models, tests, some of which use
/// the words "Application" and "Provisioning"). One folder in ten carries a region mismatch. The same N gives the same
/// corpus.
/// </summary>
public static class CSharpCorpus
{
    private static readonly (string Region, string Constant)[] Regions = [("US", "Us"), ("EU", "Eu"), ("UK", "Uk")];

    /// <summary>Writes the corpus; returns the number of folders with a problem.</summary>
    public static int Write(string directory, int configurationFiles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(configurationFiles);
        var config = Path.Combine(directory, "provisioning");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "Hosts.cs"), Hosts);
        var broken = 0;
        for (var i = 0; i < configurationFiles / 2; i++)
        {
            var folder = Path.Combine(config, "tenant-" + i.ToString("D4", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var (region, constant) = Regions[i % Regions.Length];
            var mismatch = i % 10 == 3;
            broken += mismatch ? 1 : 0;
            var urlHost = mismatch ? (constant == "Us" ? "Eu" : "Us") : constant;
            File.WriteAllText(Path.Combine(folder, "JumpCloudConfig.cs"), Export(i, urlHost));
            File.WriteAllText(Path.Combine(folder, "StrongDmConfig.cs"), Settings(i, region, constant));
        }

        for (var i = 0; i < configurationFiles; i++)
        {
            var folder = Path.Combine(directory, "src", "Module" + (i / 50).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Service" + i.ToString("D4", CultureInfo.InvariantCulture) + ".cs"), Unrelated(i));
        }

        return broken;
    }

    private const string Hosts = """
        namespace Acme.Provisioning;

        public static class Hosts
        {
            public const string Scheme = "https";
            public const string Us = "app.strongdm.com";
            public const string Eu = "app.eu.strongdm.com";
            public const string Uk = "app.uk.strongdm.com";
            public const string ScimPath = "/provisioning/generic/v2";
        }
        """;

    private static string Export(int i, string host) => (i % 4) switch
    {
        0 => $$"""
            namespace Acme.Provisioning.Tenant{{i}};

            public static class JumpCloudConfig
            {
                public static JumpCloudExport Export { get; } = new()
                {
                    Application = new Application { Name = "strongdm", DisplayLabel = "StrongDM (tenant {{i}})", SsoUrl = $"{Hosts.Scheme}://{Hosts.{{host}}}/app/login", Active = true },
                    IdentityManagement = new IdentityManagement
                    {
                        ApiType = "SCIM API",
                        ScimVersion = "2.0",
                        BaseUrl = "https://" + Hosts.{{host}} + Hosts.ScimPath,
                        Token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
                        GroupManagementEnabled = true,
                        Status = "active",
                    },
                };
            }
            """,
        1 => $$"""
            namespace Acme.Provisioning.Tenant{{i}};

            public static class JumpCloudConfig
            {
                public static object Application() => new
                {
                    name = "strongdm",
                    displayLabel = "StrongDM (tenant {{i}})",
                    ssoUrl = $"{Hosts.Scheme}://{Hosts.{{host}}}/app/login",
                    active = true,
                };

                public static object IdentityManagement() => new
                {
                    apiType = "SCIM API",
                    scimVersion = "2.0",
                    baseUrl = $"{Hosts.Scheme}://{Hosts.{{host}}}{Hosts.ScimPath}",
                    token = configuration["Scim:Token"],
                    groupManagementEnabled = true,
                    status = "active",
                };
            }
            """,
        2 => $$"""
            namespace Acme.Provisioning.Tenant{{i}};

            public sealed class JumpCloudConfig
            {
                public Application Build()
                {
                    var app = new Application();
                    app.Name = "strongdm";
                    app.DisplayLabel = "StrongDM (tenant {{i}})";
                    app.SsoUrl = string.Concat(Hosts.Scheme, "://", Hosts.{{host}}, "/app/login");
                    app.Active = true;
                    return app;
                }

                public IdentityManagement Scim => new(apiType: "SCIM API", scimVersion: "2.0", baseUrl: string.Format("{0}://{1}{2}", Hosts.Scheme, Hosts.{{host}}, Hosts.ScimPath), token: Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"), groupManagementEnabled: true, status: "active");
            }
            """,
        _ => $$"""
            namespace Acme.Provisioning.Tenant{{i}};

            public static class JumpCloudConfig
            {
                private const string Host = Hosts.{{host}};

                public static JumpCloudExport Export => new JumpCloudExport
                {
                    Application = new() { Name = "strongdm", DisplayLabel = "StrongDM (tenant {{i}})", SsoUrl = "https://" + Host + "/app/login", Active = true },
                    IdentityManagement = new() { ApiType = "SCIM API", ScimVersion = "2.0", BaseUrl = "https://" + Host + Hosts.ScimPath, Token = secrets.GetSecret("scim"), GroupManagementEnabled = true, Status = "active" },
                };
            }
            """,
    };

    private static string Settings(int i, string region, string host) => $$"""
        namespace Acme.Provisioning.Tenant{{i}};

        public static class StrongDmConfig
        {
            public static StrongDmSettings Settings { get; } = new()
            {
                ControlPlane = new ControlPlane { Region = "{{region}}", Host = Hosts.{{host}} },
                Provisioning = new Provisioning
                {
                    ScimProvider = "generic",
                    ScimActive = true,
                    Token = new TokenRef { Ref = "env:SDM_SCIM_TOKEN" },
                    LegacyApiSyncEnabled = false,
                },
            };
        }
        """;

    private static string Unrelated(int i) => (i % 3) switch
    {
        0 => $$"""
            namespace Acme.Services.Module{{i / 50}};

            public sealed class Service{{i}}(ILogger<Service{{i}}> logger, HttpClient http)
            {
                private const int Retries = {{i % 5 + 1}};

                public async Task<IReadOnlyList<Order>> OrdersAsync(string customer, CancellationToken cancellationToken)
                {
                    for (var attempt = 0; attempt < Retries; attempt++)
                    {
                        try
                        {
                            var orders = await http.GetFromJsonAsync<List<Order>>($"/customers/{customer}/orders", cancellationToken);
                            return orders ?? [];
                        }
                        catch (HttpRequestException ex) when (attempt < Retries - 1)
                        {
                            logger.LogWarning(ex, "attempt {Attempt} failed", attempt);
                        }
                    }

                    return [];
                }
            }

            public sealed record Order(string Id, decimal Total, DateTimeOffset Placed);
            """,
        1 => $$"""
            namespace Acme.Web.Module{{i / 50}};

            // The web application's startup: nothing to do with provisioning users.
            public static class Application{{i}}
            {
                public static WebApplication Build(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddSingleton(new Options{{i}} { Name = "module-{{i}}", Timeout = TimeSpan.FromSeconds({{i % 30 + 1}}) });
                    var app = builder.Build();
                    app.MapGet("/health", () => Results.Ok(new { status = "ok", module = {{i}} }));
                    return app;
                }
            }

            public sealed class Options{{i}}
            {
                public string Name { get; set; } = "";

                public TimeSpan Timeout { get; set; }
            }
            """,
        _ => $$"""
            namespace Acme.Tests.Module{{i / 50}};

            public sealed class Service{{i}}Tests
            {
                [Fact]
                public void Totals_add_up()
                {
                    var orders = new[] { new { Id = "a", Total = 1.5m }, new { Id = "b", Total = 2.5m } };
                    Assert.Equal(4m, orders.Sum(o => o.Total));
                }

                [Theory]
                [InlineData(1, 2, 3)]
                [InlineData({{i}}, 1, {{i + 1}})]
                public void Adds(int a, int b, int sum) => Assert.Equal(sum, a + b);
            }
            """,
    };
}
