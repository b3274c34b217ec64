namespace EvSupplyChain.Models.CityEnergy;

/// <summary>
/// One typical year (8760 hours, no leap day, hour 0 = 1 January 00:00–01:00 local solar time) of solar and wind
/// output per installed capacity and of air temperature.
/// </summary>
public sealed class HourlyProfiles
{
    /// <summary>Hours in a typical year.</summary>
    public const int HoursPerYear = 8760;

    /// <summary>Creates profiles; capacity factors must be in [0, 1] and every array 8760 long.</summary>
    public HourlyProfiles(double[] solarCf, double[] windCf, double[] temperatureC, string source)
    {
        Check(solarCf, nameof(solarCf), 0, 1);
        Check(windCf, nameof(windCf), 0, 1);
        Check(temperatureC, nameof(temperatureC), -90, 60);
        SolarCf = solarCf;
        WindCf = windCf;
        TemperatureC = temperatureC;
        Source = source;
        DailyMeanTemperatureC = new double[365];
        for (var d = 0; d < 365; d++)
        {
            var sum = 0.0;
            for (var h = 0; h < 24; h++) sum += temperatureC[d * 24 + h];
            DailyMeanTemperatureC[d] = sum / 24;
        }
    }

    /// <summary>Solar output as a capacity factor (kW per kW installed; ×1000 gives kW per MW).</summary>
    public double[] SolarCf { get; }

    /// <summary>Wind output as a capacity factor.</summary>
    public double[] WindCf { get; }

    /// <summary>Air temperature (°C).</summary>
    public double[] TemperatureC { get; }

    /// <summary>Mean temperature of each of the 365 days (°C).</summary>
    public double[] DailyMeanTemperatureC { get; }

    /// <summary>Where the profiles came from (generator and seed, or file names).</summary>
    public string Source { get; }

    /// <summary>Annual solar capacity factor.</summary>
    public double SolarAnnualCf => SolarCf.Average();

    /// <summary>Annual wind capacity factor.</summary>
    public double WindAnnualCf => WindCf.Average();

    /// <summary>A copy with a different solar profile (e.g. read by <see cref="ProfileCsv"/>).</summary>
    public HourlyProfiles WithSolar(double[] solarCf, string source) => new(solarCf, WindCf, TemperatureC, $"{Source}; solar: {source}");

    /// <summary>A copy with a different wind profile.</summary>
    public HourlyProfiles WithWind(double[] windCf, string source) => new(SolarCf, windCf, TemperatureC, $"{Source}; wind: {source}");

    private static void Check(double[] values, string name, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Length != HoursPerYear)
            throw new ArgumentException($"{name} has {values.Length} hours; a profile needs exactly {HoursPerYear}.", name);
        for (var i = 0; i < values.Length; i++)
        {
            if (!(values[i] >= min && values[i] <= max))
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] must be within [{min}, {max}].");
        }
    }
}
