namespace EvSupplyChain.Models.CityEnergy;

/// <summary>When in the day the fleet charges.</summary>
public enum ChargingProfile
{
    /// <summary>The original's flat block inside the charging window (default 00:00–04:00).</summary>
    Block,
    /// <summary>Home charging after the evening commute (17:00–01:00, peak 19:00–22:00).</summary>
    HomeEvening,
    /// <summary>Workplace charging during office hours (08:00–17:00).</summary>
    Workplace,
    /// <summary>Public fast charging, spread over the day with midday and early-evening peaks.</summary>
    PublicFast,
    /// <summary>The charger mix: home 60 %, workplace 25 %, public fast 15 %.</summary>
    Mixed,
    /// <summary>The mixed profile with a flexible share of each day's energy moved into renewable-surplus hours.</summary>
    Smart,
}

/// <summary>24-hour shapes (shares of a day's charging energy per hour of day; each sums to 1).</summary>
public static class ChargingShapes
{
    private static readonly double[] Home = Normalise([3, 2, 1, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 10, 10, 9, 7, 5]);
    private static readonly double[] Work = Normalise([0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 10, 9, 8, 8, 8, 7, 5, 0, 0, 0, 0, 0, 0, 0]);
    private static readonly double[] Fast = Normalise([0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.5, 3, 4, 4.5, 5, 6, 7, 6.5, 6, 6, 7, 8, 8, 6.5, 5, 3.5, 2, 1]);

    /// <summary>The 24 hourly shares of <paramref name="profile"/>; <see cref="ChargingProfile.Smart"/> returns its
    /// inflexible base (the mixed shape). The block uses [<paramref name="windowStart"/>, <paramref name="windowEnd"/>),
    /// wrapping past midnight when start &gt; end; start = end means all day.</summary>
    public static double[] For(ChargingProfile profile, int windowStart = 0, int windowEnd = 4) => profile switch
    {
        ChargingProfile.Block => Block(windowStart, windowEnd),
        ChargingProfile.HomeEvening => (double[])Home.Clone(),
        ChargingProfile.Workplace => (double[])Work.Clone(),
        ChargingProfile.PublicFast => (double[])Fast.Clone(),
        ChargingProfile.Mixed or ChargingProfile.Smart => Enumerable.Range(0, 24).Select(h => 0.60 * Home[h] + 0.25 * Work[h] + 0.15 * Fast[h]).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown charging profile."),
    };

    /// <summary>True when hour <paramref name="h"/> is in the window [start, end) (wrapping; start = end is all day).</summary>
    public static bool InWindow(int h, int start, int end) =>
        start == end || (start < end ? h >= start && h < end : h >= start || h < end);

    /// <summary>A flat block over the window.</summary>
    public static double[] Block(int start, int end)
    {
        if (start is < 0 or > 23 || end is < 0 or > 23)
            throw new ArgumentOutOfRangeException(nameof(start), $"The charging window hours must be within [0, 23] (got {start}–{end}).");
        var shape = new double[24];
        var n = Enumerable.Range(0, 24).Count(h => InWindow(h, start, end));
        for (var h = 0; h < 24; h++) shape[h] = InWindow(h, start, end) ? 1.0 / n : 0;
        return shape;
    }

    private static double[] Normalise(double[] w)
    {
        var sum = w.Sum();
        return w.Select(x => x / sum).ToArray();
    }
}
