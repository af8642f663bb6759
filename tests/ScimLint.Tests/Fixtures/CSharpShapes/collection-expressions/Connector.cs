namespace Acme.Provisioning;

public static class Connector
{
    public static JumpCloudExport Export { get; } = new()
    {
        Application = new() { Name = "strongdm", DisplayLabel = "StrongDM", SsoUrl = "https://app.strongdm.com/app/login", Active = true },
        IdentityManagement = new()
        {
            ApiType = "SCIM API",
            ScimVersion = "2.0",
            BaseUrl = "https://app.strongdm.com/provisioning/generic/v2",
            Token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
            GroupManagementEnabled = true,
            Status = "active",
        },
        Associations =
        [
            new() { To = new() { Id = "6026da081f24755306c2ef01", Type = "user_group" } },
            new() { To = new() { Id = "5f1b2c3d4e5f6a7b8c9d0e1f", Type = "user" } },
        ],
        UserGroups = [new() { Id = "6026da081f24755306c2ef01", Name = "sdm-engineering", MemberCount = 9 }],
    };
}
