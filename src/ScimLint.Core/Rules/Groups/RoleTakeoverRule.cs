using ScimLint.Model;

namespace ScimLint.Rules.Groups;

/// <summary>SL504: an assigned group has the name of an existing StrongDM role that SCIM does not manage yet.</summary>
internal sealed class RoleTakeoverRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL504",
        "role-takeover",
        "Group will take over an existing StrongDM role",
        "group '{0}' has the name of the existing StrongDM role '{1}', which SCIM does not manage (scimManaged is {2}); provisioning takes that role over and its membership will follow the JumpCloud group: rename the group or the role, or, if the takeover is intended, set scimManaged: true on the role",
        Severity.Warning,
        "When a synced group has the same name as an existing StrongDM role, JumpCloud takes that role over instead of creating a new one; the role becomes managed by an external party and members added by hand may be removed. Names are compared case-insensitively.",
        ["correctness", "groups", "roles"]);

    public override RuleDescriptor Descriptor => Rule;

    public override bool CrossFile => true;

    public override void CheckApp(JumpCloudContext context)
    {
        if (context.Settings is not { } settings)
        {
            return;
        }

        // Roles not (yet) managed by SCIM: scimManaged false, or not recorded (StrongDM roles are unmanaged until SCIM touches them).
        var unmanaged = new Dictionary<string, StrongDmRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in settings.Roles.Where(r => r.ScimManaged.Boolean != true && !string.IsNullOrEmpty(r.Name.Text)))
        {
            unmanaged.TryAdd(r.Name.Text!, r);
        }

        foreach (var group in GroupLookup.AssociatedGroups(context.App))
        {
            if (group.Name.Text is not { Length: > 0 } name)
            {
                continue;
            }

            if (unmanaged.TryGetValue(name, out var role))
            {
                var state = role.ScimManaged.Boolean == false ? "false" : role.ScimManaged.IsPresent ? "not a boolean" : "not set";
                context.Report(group.Name, Rule.Format(name, role.Name.Text, state));
            }
        }
    }
}
