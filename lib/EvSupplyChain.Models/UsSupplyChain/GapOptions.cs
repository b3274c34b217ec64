using EvSupplyChain.Models.Lifetimes;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>
/// Model settings. The defaults reproduce the original script; <see cref="Corrected"/> fixes the bugs of MODEL_SPEC
/// Part C that change results (C1 LFP lithium carbonate, C6 endless carry-over).
/// </summary>
public sealed record GapOptions
{
    /// <summary>Reporting year (the original hard-codes 2035).</summary>
    public int Year { get; init; } = 2035;

    /// <summary>Share of graphite AAM made from natural graphite (rest synthetic); original 0.4.</summary>
    public double NaturalGraphiteShare { get; init; } = 0.4;

    /// <summary>Graphite mass fraction of graphite–silicon AAM; original 0.9.</summary>
    public double SiliconAnodeGraphiteFraction { get; init; } = 0.9;

    /// <summary>Share of lithium carbonate made from ore (rest brine); original 0.5.</summary>
    public double LithiumCarbonateOreShare { get; init; } = 0.5;

    /// <summary>
    /// C1: share of LFP CAM made with lithium carbonate (the workbook's second LFP column) instead of lithium hydroxide
    /// (its first). The original reads only the first column: 0.
    /// </summary>
    public double LfpCarbonateShare { get; init; }

    /// <summary>
    /// C6: share of the un-recycled end-of-life mass that stays available to later years. The original carries all of it
    /// forward for ever: 1.
    /// </summary>
    public double UnrecycledCarryOver { get; init; } = 1;

    /// <summary>Quantile the lifetime "max" stands for; original 0.997.</summary>
    public double LifetimeMaxQuantile { get; init; } = WeibullLifetime.DefaultMaxQuantile;

    /// <summary>Oldest retirement age of the discrete kernel; original 100.</summary>
    public int MaxAge { get; init; } = 100;

    /// <summary>The original's settings for 2035.</summary>
    public static GapOptions Original { get; } = new();

    /// <summary>
    /// The original with C1 and C6 corrected: LFP uses lithium carbonate (the route its recycling also returns), and
    /// un-recycled end-of-life mass leaves the US stream in its retirement year instead of piling up.
    /// </summary>
    public static GapOptions Corrected { get; } = new() { LfpCarbonateShare = 1, UnrecycledCarryOver = 0 };

    /// <summary>Fails with the parameter name and allowed range when a setting is out of range.</summary>
    public void Validate()
    {
        Check(NaturalGraphiteShare, nameof(NaturalGraphiteShare));
        Check(SiliconAnodeGraphiteFraction, nameof(SiliconAnodeGraphiteFraction));
        Check(LithiumCarbonateOreShare, nameof(LithiumCarbonateOreShare));
        Check(LfpCarbonateShare, nameof(LfpCarbonateShare));
        Check(UnrecycledCarryOver, nameof(UnrecycledCarryOver));
        if (!(LifetimeMaxQuantile is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(LifetimeMaxQuantile), LifetimeMaxQuantile, "LifetimeMaxQuantile must be within (0, 1)");
        if (MaxAge is < 1 or > 500) throw new ArgumentOutOfRangeException(nameof(MaxAge), MaxAge, "MaxAge must be within [1, 500]");
    }

    private static void Check(double value, string name)
    {
        if (!(value is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be within [0, 1]");
    }
}
