using System.Globalization;

namespace ScimLint.Rules.JumpCloud;

/// <summary>SL203: the API Type is not "SCIM API", or the SCIM Version is not 2.0.</summary>
internal sealed class ScimApiVersionRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL203",
        "scim-api-version",
        "API type or SCIM version is wrong",
        "{0}",
        Severity.Error,
        "StrongDM's provisioning endpoint is a SCIM 2.0 API (/provisioning/generic/v2). The Identity Management tab's API Type must be \"SCIM API\" and its SCIM Version 2.0. Missing values are not reported: JumpCloud preselects both dropdowns.",
        ["correctness", "identity-management"]);

    private const string ScimApi = "SCIM API";

    public override RuleDescriptor Descriptor => Rule;

    public override void CheckApp(JumpCloudContext context)
    {
        if (!context.App.IdentityManagement.IsPresent)
        {
            return;
        }

        var apiType = context.App.ApiType;
        if (IsSet(apiType) && !string.Equals(apiType.Text?.Trim(), ScimApi, StringComparison.OrdinalIgnoreCase))
        {
            context.Report(apiType, Rule.Format($"identityManagement.apiType is {Say(apiType)}; choose API Type \"{ScimApi}\" on the Identity Management tab (StrongDM's endpoint is a SCIM API)"), Fix.ReplaceValue(apiType, ScimApi));
        }

        var version = context.App.ScimVersion;
        if (IsSet(version) && !IsTwo(version.Text))
        {
            context.Report(version, Rule.Format($"identityManagement.scimVersion is {Say(version)}; choose SCIM Version 2.0 on the Identity Management tab (StrongDM's endpoint is SCIM 2.0, '/provisioning/generic/v2')"), Fix.ReplaceValue(version, "2.0"));
        }
    }

    /// <summary>Present with a value that is not blank: a missing, null or blank dropdown is JumpCloud's default.</summary>
    private static bool IsSet(Model.ModelField field) => field.HasValue && !(field.Scalar is { } s && string.IsNullOrWhiteSpace(s.Value));

    /// <summary>2.0 written as "2.0", 2.0, "2" or 2 (any number equal to 2).</summary>
    private static bool IsTwo(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value == 2m;

    private static string Say(Model.ModelField field) => field.Text is { } t ? $"'{t}'" : "not a string or number";
}
