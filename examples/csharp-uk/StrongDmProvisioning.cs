// The JumpCloud side of the StrongDM connector, kept in C# beside the team's provisioning tooling.
// ScimLint reads the object initializers below with Roslyn; nothing here is compiled or run by ScimLint.
using JumpCloud.SDK.V1.Models;

namespace Acme.Provisioning;

public static class StrongDmProvisioning
{
    public static JumpCloudExport Export { get; } = new()
    {
        Application = new Application
        {
            Id = "65a1f0c2e4b0a1b2c3d4e5f7",
            Name = "strongdm",
            DisplayName = "StrongDM",
            DisplayLabel = "StrongDM (UK)",
            SsoUrl = ControlPlane.LoginUrl,
            Active = true,
            SsoType = "bookmark",
        },
        IdentityManagement = new IdentityManagement
        {
            ApiType = "SCIM API",
            ScimVersion = "2.0",
            BaseUrl = ControlPlane.ScimBaseUrl,
            Token = Environment.GetEnvironmentVariable("SDM_SCIM_TOKEN"),
            TokenUpdatedAt = "2026-02-03T08:15:00Z",
            GroupManagementEnabled = true,
            Status = "active",
        },
        Associations =
        [
            new Association { To = new AssociationTarget { Id = Groups.Engineering, Type = "user_group" } },
            new Association { To = new AssociationTarget { Id = Groups.Support, Type = "user_group" } },
        ],
        UserGroups =
        [
            new UserGroup { Id = Groups.Engineering, Name = "sdm-uk-engineering", MemberCount = 9 },
            new UserGroup { Id = Groups.Support, Name = "sdm-uk-support", MemberCount = 4 },
        ],
    };
}
