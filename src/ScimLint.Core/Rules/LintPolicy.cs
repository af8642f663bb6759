namespace ScimLint.Rules;

/// <summary>Policy knobs some rules read. All are off by default.</summary>
public sealed record LintPolicy
{
    /// <summary>The default policy.</summary>
    public static LintPolicy Default { get; } = new();

    /// <summary>Flag tokens older than this many days (SL305). Null: off.</summary>
    public int? TokenMaxAgeDays { get; init; }

    /// <summary>The clock for age checks.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
