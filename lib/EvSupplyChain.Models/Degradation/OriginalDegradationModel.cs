using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace EvSupplyChain.Models.Degradation;

/// <summary>Capacity fade and resistance increase over one block of cycles (500 by default), in percent.</summary>
/// <param name="CapacityFadePercent">Capacity fade, %.</param>
/// <param name="ResistanceIncreasePercent">Resistance increase, %.</param>
public readonly record struct DegradationOutcome(double CapacityFadePercent, double ResistanceIncreasePercent);

/// <summary>One generated row: the inputs and the two noisy outputs.</summary>
/// <param name="Inputs">The sampled operating conditions.</param>
/// <param name="CapacityFadePercent">Capacity fade over the cycle block, %.</param>
/// <param name="ResistanceIncreasePercent">Resistance increase over the cycle block, %.</param>
public readonly record struct DegradationSample(OperatingConditions Inputs, double CapacityFadePercent, double ResistanceIncreasePercent);

/// <summary>
/// The original closed-form "mock simulation" (MODEL_SPEC §1): a hand-written heuristic, not a physical model.
/// <see cref="Expected"/> is the noise-free formula; <see cref="Generate"/> samples inputs, adds noise and drops rows
/// exactly as the original, but from an explicit seeded Xoshiro256** generator so a seed gives the same data everywhere.
/// </summary>
public static class OriginalDegradationModel
{
    /// <summary>The original's number of attempts per chemistry (N_SIMULATIONS).</summary>
    public const int OriginalAttempts = 1000;

    /// <summary>The noise-free fade and resistance increase for <paramref name="x"/> (floored at 0).</summary>
    public static DegradationOutcome Expected(in OperatingConditions x, OriginalModelParameters p)
    {
        var (fade, resistance) = Deterministic(x, p);
        return new(Math.Max(0, fade), Math.Max(0, resistance));
    }

    /// <summary>
    /// Samples <paramref name="attempts"/> rows. Per attempt, in this order: the seven inputs (column order), the fade
    /// noise, the resistance noise, then the drop draw; dropped attempts (probability 0.03) leave no row.
    /// </summary>
    public static DegradationDataset Generate(OriginalModelParameters p, int attempts = OriginalAttempts, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (attempts is < 1 or > 50_000_000)
            throw new ArgumentOutOfRangeException(nameof(attempts), attempts, $"attempts = {attempts} is outside the allowed range [1, 50000000].");
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        var rows = new List<DegradationSample>(attempts);
        for (var i = 0; i < attempts; i++)
        {
            var x = new OperatingConditions(
                Draw(rng, p.Temperature), Draw(rng, p.Dod), Draw(rng, p.ChargeRate), Draw(rng, p.DischargeRate),
                Draw(rng, p.CyclesPerDay), Draw(rng, p.InitialSoh), rng.Next(3));
            var (fade, resistance) = Deterministic(x, p);
            fade = Math.Max(0, fade + Normal.Sample(rng, 0, p.FadeNoiseSd));
            resistance = Math.Max(0, resistance + Normal.Sample(rng, 0, p.ResistanceNoiseSd));
            if (rng.NextDouble() < p.DropProbability) continue;
            rows.Add(new DegradationSample(x, fade, resistance));
        }
        return new DegradationDataset(p, seed, attempts, rows);
    }

    /// <summary>The SoH multiplier s = 1 + max(0, 2·(100 − SoH)/100).</summary>
    public static double SohFactor(double sohPercent, OriginalModelParameters p) =>
        1 + Math.Max(0, p.SohFactorSlope * (100 - sohPercent) / 100);

    private static (double Fade, double Resistance) Deterministic(in OperatingConditions x, OriginalModelParameters p)
    {
        var s = SohFactor(x.InitialSohPercent, p);
        var effDischarge = x.DischargeRate * (1 + p.TrafficDischargeFactor * x.TrafficLevel);
        var hot = Math.Max(0, x.AvgTempC - p.ReferenceTemperatureC);
        var fade = p.BaseFade * s
            + p.FadeTemperatureCoefficient * Math.Pow(hot, p.FadeTemperatureExponent)
            + p.FadeDodCoefficient * Math.Pow(x.Dod, p.DodExponent)
            + (p.CycleFadeBase + p.CycleFadePerChargeRate * x.ChargeRate + p.CycleFadePerDischargeRate * effDischarge) * p.Cycles * s
            + p.SeiConstant + p.PlatingConstant;
        var resistance = p.BaseResistance * s
            + p.ResistanceTemperatureCoefficient * Math.Pow(hot, p.ResistanceTemperatureExponent)
            + (p.ResistancePerChargeRate * x.ChargeRate + p.ResistancePerDischargeRate * effDischarge) * s;
        return (fade, resistance);
    }

    private static double Draw(Random rng, NormalInput d) =>
        Math.Clamp(Normal.Sample(rng, d.Mean, d.StdDev), d.Min, d.Max);

    private static double Draw(Random rng, UniformInput d) =>
        Math.Clamp(d.Low + (d.High - d.Low) * rng.NextDouble(), d.ClipMin, d.ClipMax);
}
