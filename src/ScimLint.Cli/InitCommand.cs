using System.CommandLine;
using ScimLint.Model;

namespace ScimLint.Cli;

/// <summary>
/// <c>scimlint init [--region US|UK|EU]</c>: writes a commented <c>.scimlint.yaml</c> and skeleton JumpCloud and
/// StrongDM documents for the region that lint clean. It never overwrites: when any of the files exists it writes
/// nothing and names the file.
/// </summary>
internal static class InitCommand
{
    public const string ConfigFile = ".scimlint.yaml";
    public const string JumpCloudFile = "jumpcloud.yaml";
    public const string StrongDmFile = "strongdm.yaml";

    private const string SchemaBase = "https://raw.githubusercontent.com/scimlint/scimlint/main/schemas/";

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("init", $"Write a commented {ConfigFile} and skeleton {JumpCloudFile} and {StrongDmFile} for a region; never overwrites.");
        var region = Choices.Option("--region", [], "The StrongDM control plane's region.", "US", ["US", "UK", "EU"]);
        command.Options.Add(region);
        command.SetAction(parse =>
        {
            // The option's parser already rejected anything but US, UK and EU.
            return Run(env, ControlPlanes.TryParseRegion(parse.GetValue(region), out var r) ? r : Region.US);
        });
        return command;
    }

    internal static int Run(CliEnvironment env, Region region)
    {
        var fs = env.FileSystem;
        var files = new (string Name, string Text)[]
        {
            (ConfigFile, Config()),
            (JumpCloudFile, JumpCloud(region)),
            (StrongDmFile, StrongDm(region)),
        };

        // All or nothing: a half-written setup next to an existing document of another region would not lint clean.
        var existing = files.Where(f => fs.File.Exists(fs.Path.Combine(env.WorkingDirectory, f.Name)) || fs.Directory.Exists(fs.Path.Combine(env.WorkingDirectory, f.Name))).Select(f => f.Name).ToList();
        if (existing.Count > 0)
        {
            return ScimLintCli.Fail(env, $"init wrote nothing: {string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : string.Empty)} (left alone; move {(existing.Count == 1 ? "it" : "them")} away to start afresh)");
        }

        foreach (var (name, text) in files)
        {
            var path = fs.Path.Combine(env.WorkingDirectory, name);
            try
            {
                // CreateNew: even a file that appeared since the check above is never overwritten.
                using var stream = fs.File.Open(path, FileMode.CreateNew, FileAccess.Write);
                var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
                stream.Write(bytes);
            }
            catch (IOException ex)
            {
                return ScimLintCli.Fail(env, $"init could not write {name}: {ex.Message}");
            }
            catch (UnauthorizedAccessException)
            {
                return ScimLintCli.Fail(env, $"init could not write {name}: permission denied");
            }
        }

        env.Error.Write($"scimlint: wrote {ConfigFile}, {JumpCloudFile} and {StrongDmFile} for the {region} control plane ({ControlPlanes.Host(region)}).\n");
        env.Error.Write($"scimlint: fill in your group IDs and names, export SDM_SCIM_TOKEN where ScimLint runs, then run 'scimlint .'\n");
        return ScimLintCli.Clean;
    }

    internal static string Config() => $$"""
        # yaml-language-server: $schema={{SchemaBase}}scimlint-config.schema.json
        # ScimLint configuration: https://github.com/scimlint/scimlint/blob/main/docs/usage.md#configuration
        # ScimLint finds this file from the working directory up to the repository root (or use --config FILE).

        # Severity per rule, by ID or name: error | warning | note | off. 'scimlint rules' lists them all.
        rules:
          # SL206: off        # sso-unsupported: you know SSO is configured elsewhere
          # SL503: warning    # empty-group: an empty group is never created in StrongDM

        # Policy knobs some rules read. All are off by default.
        policy:
          # tokenMaxAgeDays: 90   # SL305 also flags a SCIM token older than this

        """;

    internal static string JumpCloud(Region region) => $$"""
        # yaml-language-server: $schema={{SchemaBase}}jumpcloud-export.schema.json
        # The JumpCloud side: the StrongDM application (Bookmark tab) and its Identity Management (SCIM) tab.
        application:
          name: strongdm
          displayName: StrongDM
          displayLabel: StrongDM
          # Bookmark tab: the StrongDM login URL of your control plane.
          ssoUrl: {{ControlPlanes.BookmarkUrl(region)}}
          active: true
          sso:
            type: bookmark
          config: {}
        identityManagement:
          apiType: SCIM API
          scimVersion: 2.0
          baseUrl: {{ControlPlanes.BaseUrl(region)}}
          # Never commit the token: reference it. ScimLint checks only that it is not a literal.
          token: ${env:SDM_SCIM_TOKEN}
          # A new, unique address: Test Connection fails for an existing user.
          testUserEmail: scim-test@example.com
          # "Enable management of User Groups and Group Membership in this application"
          groupManagementEnabled: true
          status: active
        # The user groups assigned to the application (JumpCloud syncs groups, not single users).
        associations:
          - to:
              id: replace-with-the-group-id
              type: user_group
        userGroups:
          - id: replace-with-the-group-id
            name: sdm-users
            memberCount: 1

        """;

    internal static string StrongDm(Region region) => $$"""
        # yaml-language-server: $schema={{SchemaBase}}strongdm-provisioning.schema.json
        # The StrongDM side: Settings > User Management > Provisioning. No API writes these; keep them here.
        controlPlane:
          region: {{region}}
          host: {{ControlPlanes.Host(region)}}
        provisioning:
          scimProvider: generic
          scimActive: true
          token:
            ref: env:SDM_SCIM_TOKEN
          # The API directory-sync script must be off before SCIM is activated.
          legacyApiSyncEnabled: false

        """;
}
