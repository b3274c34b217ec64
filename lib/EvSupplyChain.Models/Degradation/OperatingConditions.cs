using System.Globalization;

namespace EvSupplyChain.Models.Degradation;

/// <summary>
/// The seven operating inputs of the original degradation generator, in its column order.
/// Create through <see cref="Create"/> to validate ranges; the generator builds samples directly.
/// </summary>
/// <param name="AvgTempC">Average cell temperature, °C.</param>
/// <param name="Dod">Depth of discharge, fraction.</param>
/// <param name="ChargeRate">Charge rate, C.</param>
/// <param name="DischargeRate">Discharge rate, C.</param>
/// <param name="CyclesPerDay">Cycles per day (sampled but unused by the original formula).</param>
/// <param name="InitialSohPercent">State of health at the start, %.</param>
/// <param name="TrafficLevel">0 low, 1 medium, 2 high.</param>
public readonly record struct OperatingConditions(
    double AvgTempC, double Dod, double ChargeRate, double DischargeRate,
    double CyclesPerDay, double InitialSohPercent, int TrafficLevel)
{
    /// <summary>Number of features.</summary>
    public const int FeatureCount = 7;

    /// <summary>Feature names in the original's column order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        ["avg_temp_c", "dod", "charge_rate", "discharge_rate", "cycles_per_day", "initial_soh_percent", "traffic_level"];

    /// <summary>Validated conditions; each argument out of range raises an error naming it and its allowed range.</summary>
    public static OperatingConditions Create(double avgTempC, double dod, double chargeRate, double dischargeRate,
        double cyclesPerDay, double initialSohPercent, int trafficLevel)
    {
        Check(nameof(avgTempC), avgTempC, -60, 100);
        Check(nameof(dod), dod, 0, 1);
        Check(nameof(chargeRate), chargeRate, 0, 20);
        Check(nameof(dischargeRate), dischargeRate, 0, 20);
        Check(nameof(cyclesPerDay), cyclesPerDay, 0, 50);
        Check(nameof(initialSohPercent), initialSohPercent, 0, 100);
        if (trafficLevel is < 0 or > 2)
            throw new ArgumentOutOfRangeException(nameof(trafficLevel), trafficLevel, $"trafficLevel = {trafficLevel} is not allowed; allowed values: 0 (low), 1 (medium), 2 (high).");
        return new(avgTempC, dod, chargeRate, dischargeRate, cyclesPerDay, initialSohPercent, trafficLevel);
    }

    /// <summary>The same conditions with a different starting state of health (validated).</summary>
    public OperatingConditions WithSoh(double sohPercent)
    {
        Check("initialSohPercent", sohPercent, 0, 100);
        return this with { InitialSohPercent = sohPercent };
    }

    /// <summary>Feature <paramref name="index"/> in column order.</summary>
    public double Feature(int index) => index switch
    {
        0 => AvgTempC, 1 => Dod, 2 => ChargeRate, 3 => DischargeRate, 4 => CyclesPerDay, 5 => InitialSohPercent, 6 => TrafficLevel,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "feature index must be 0..6"),
    };

    /// <summary>Writes the seven features into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<double> destination)
    {
        destination[0] = AvgTempC; destination[1] = Dod; destination[2] = ChargeRate; destination[3] = DischargeRate;
        destination[4] = CyclesPerDay; destination[5] = InitialSohPercent; destination[6] = TrafficLevel;
    }

    /// <summary>Conditions from seven features in column order (traffic rounded to the nearest level).</summary>
    public static OperatingConditions FromFeatures(ReadOnlySpan<double> f) =>
        new(f[0], f[1], f[2], f[3], f[4], f[5], (int)Math.Round(f[6]));

    internal static void Check(string name, double value, double min, double max)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} = {value.ToString(CultureInfo.InvariantCulture)} is outside the allowed range [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].");
    }
}
