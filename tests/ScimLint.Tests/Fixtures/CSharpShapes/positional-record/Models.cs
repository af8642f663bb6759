namespace Acme.Provisioning;

public sealed record IdentityManagement(string ApiType, string ScimVersion, string BaseUrl, string? Token, bool GroupManagementEnabled, string Status);
