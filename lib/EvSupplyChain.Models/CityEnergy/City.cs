namespace EvSupplyChain.Models.CityEnergy;

/// <summary>Urban city or rural town (only labels the comparison; the physics is the same).</summary>
public enum Settlement
{
    /// <summary>A city.</summary>
    Urban,
    /// <summary>A small town.</summary>
    Rural,
}

/// <summary>Installed renewable capacity at one year; yearly values in between are interpolated linearly.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="SolarMw">Solar PV capacity (MW AC).</param>
/// <param name="WindMw">Wind capacity (MW).</param>
public sealed record CapacityPoint(int Year, double SolarMw, double WindMw);

/// <summary>
/// One city's inputs: location, population, climate (drives the generated hourly profiles), grid connection,
/// storage and the renewable capacity path.
/// </summary>
/// <param name="Name">City name, e.g. "Phoenix".</param>
/// <param name="State">US state code.</param>
/// <param name="Settlement">Urban or rural.</param>
/// <param name="LatitudeDeg">Latitude (degrees north; negative south).</param>
/// <param name="Population">Residents.</param>
/// <param name="MeanTempC">Annual mean air temperature (°C).</param>
/// <param name="SeasonalAmplitudeK">Half the difference between the warmest and coldest monthly means (K).</param>
/// <param name="DailyAmplitudeK">Half the mean daily temperature range (K).</param>
/// <param name="MeanClearness">Mean daily clearness: share of clear-sky irradiance reaching the ground, in [0.2, 0.95].</param>
/// <param name="WindCapacityFactor">Target annual wind capacity factor, in [0.05, 0.6].</param>
/// <param name="GridImportMw">Grid import limit for EV charging in the first year (MW).</param>
/// <param name="StorageMwh">Grid battery energy capacity (MWh).</param>
/// <param name="StorageMw">Grid battery power rating (MW), charge and discharge.</param>
/// <param name="Capacity">Renewable capacity path, ordered by year.</param>
public sealed record City(
    string Name,
    string State,
    Settlement Settlement,
    double LatitudeDeg,
    double Population,
    double MeanTempC,
    double SeasonalAmplitudeK,
    double DailyAmplitudeK,
    double MeanClearness,
    double WindCapacityFactor,
    double GridImportMw,
    double StorageMwh,
    double StorageMw,
    IReadOnlyList<CapacityPoint> Capacity)
{
    /// <summary>Solar and wind MW in <paramref name="year"/>: linear between capacity points, clamped outside them.</summary>
    public (double SolarMw, double WindMw) CapacityIn(int year)
    {
        if (Capacity.Count == 0) return (0, 0);
        if (year <= Capacity[0].Year) return (Capacity[0].SolarMw, Capacity[0].WindMw);
        if (year >= Capacity[^1].Year) return (Capacity[^1].SolarMw, Capacity[^1].WindMw);
        for (var i = 1; i < Capacity.Count; i++)
        {
            var (a, b) = (Capacity[i - 1], Capacity[i]);
            if (year > b.Year) continue;
            var w = (year - a.Year) / (double)(b.Year - a.Year);
            return (a.SolarMw + w * (b.SolarMw - a.SolarMw), a.WindMw + w * (b.WindMw - a.WindMw));
        }
        return (Capacity[^1].SolarMw, Capacity[^1].WindMw);
    }

    /// <summary>A copy with the renewable capacity scaled by <paramref name="factor"/> (0 gives a grid-only city).</summary>
    public City WithRenewablesScaled(double factor) =>
        this with { Capacity = Capacity.Select(p => p with { SolarMw = p.SolarMw * factor, WindMw = p.WindMw * factor }).ToArray() };

    /// <inheritdoc />
    public override string ToString() => $"{Name}, {State} ({Settlement})";
}
