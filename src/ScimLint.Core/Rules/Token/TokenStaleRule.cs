using System.Globalization;
using ScimLint.Model;

namespace ScimLint.Rules.Token;

/// <summary>
/// SL305: StrongDM issued (created or rekeyed) its token after JumpCloud's copy was last updated, so JumpCloud holds a
/// dead token. With the <c>tokenMaxAgeDays</c> policy, also reports tokens older than that many days.
/// </summary>
internal sealed class TokenStaleRule : Rule
{
    /// <summary>The descriptor.</summary>
    public static readonly RuleDescriptor Rule = new(
        "SL305",
        "token-stale",
        "JumpCloud holds a token older than StrongDM's current one",
        "{0}",
        Severity.Warning,
        "A rekey in StrongDM invalidates the copy of the token stored in JumpCloud. When StrongDM's provisioning.token.rekeyedAt (or createdAt, when never rekeyed) is later than JumpCloud's identityManagement.tokenUpdatedAt, JumpCloud holds a dead token and every sync fails. With the tokenMaxAgeDays policy, tokens older than that many days are reported too.",
        ["correctness", "token"]);

    public override RuleDescriptor Descriptor => Rule;

    public override bool CrossFile => true;

    public override void CheckApp(JumpCloudContext context)
    {
        var updated = Timestamps.Of(context.App.TokenUpdatedAt);
        var issued = context.Settings is { } settings ? Issued(settings) : null;
        if (updated is { } u && issued is { } i && i.At > u)
        {
            context.Report(context.App.TokenUpdatedAt, Rule.Format($"identityManagement.tokenUpdatedAt ({context.App.TokenUpdatedAt.Text}) is before StrongDM's provisioning.token.{i.Field.Name} ({i.Field.Text}), so JumpCloud holds a token StrongDM no longer accepts: paste StrongDM's current token into JumpCloud's Token Field and update tokenUpdatedAt (rekey first if nobody saved the current token)"));
        }

        var candidates = new List<Stamp>();
        if (updated is { } up)
        {
            candidates.Add(new Stamp(context.App.TokenUpdatedAt, up));
        }

        if (issued is { } iss)
        {
            candidates.Add(iss);
        }

        CheckAge(context, candidates);
    }

    public override void CheckSettings(StrongDmContext context)
    {
        // Paired settings are checked with their JumpCloud apps; alone, only their own timestamps tell the age.
        if (context.Pairing == PairingStatus.Paired || Issued(context.Settings) is not { } issued)
        {
            return;
        }

        CheckAge(context, [issued]);
    }

    /// <summary>When StrongDM issued the current token: the later of rekeyedAt and createdAt that parse.</summary>
    private static Stamp? Issued(StrongDmSettings settings)
    {
        Stamp? best = null;
        foreach (var field in new[] { settings.TokenRekeyedAt, settings.TokenCreatedAt })
        {
            if (Timestamps.Of(field) is { } at && (best is null || at > best.At))
            {
                best = new Stamp(field, at);
            }
        }

        return best;
    }

    /// <summary>
    /// Policy <c>tokenMaxAgeDays</c>: the token's age counts from the newest of tokenUpdatedAt, rekeyedAt and createdAt
    /// (the last moment it is known to have been renewed), so it is never overstated. Reported at that timestamp.
    /// </summary>
    private static void CheckAge(RuleContext context, IReadOnlyList<Stamp> candidates)
    {
        if (context.Policy.TokenMaxAgeDays is not { } maxDays || candidates.Count == 0)
        {
            return;
        }

        var newest = candidates.MaxBy(c => c.At)!;
        var age = context.Policy.Clock.GetUtcNow() - newest.At;
        if (age <= TimeSpan.FromDays(maxDays))
        {
            return;
        }

        var days = ((int)Math.Floor(age.TotalDays)).ToString(CultureInfo.InvariantCulture);
        context.Report(newest.Field, Rule.Format($"the SCIM token was last renewed {newest.Field.Text} ({Owner(newest.Field)}), {days} days ago, more than the tokenMaxAgeDays policy of {maxDays} days: rekey it in StrongDM, paste the new token into JumpCloud, and update rekeyedAt and tokenUpdatedAt"));
    }

    private static string Owner(ModelField field) => field.Name switch
    {
        "tokenUpdatedAt" => "identityManagement.tokenUpdatedAt",
        _ => "provisioning.token." + field.Name,
    };

    // A timestamp field and its parsed value. A class, not a tuple: a list of it shares the framework's precompiled
    // code, so a ReadyToRun build does not JIT-compile it at start-up.
    private sealed record Stamp(ModelField Field, DateTimeOffset At);
}
