using MathNet.Numerics.RootFinding;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>
/// Eqs (7)–(8): the battery capacity BC that gives electric range ER when the battery's own weight raises the
/// consumption: ER = BC·γ / EC, EC = α·RF·(BC·ED + CW)^β / PE. Capacities in kWh, ED in kg/kWh, EC in kWh/km
/// (α absorbs the unit change from the paper's MJ).
/// </summary>
/// <param name="Alpha">α, consumption per kg^β (kWh/km) for RF = 1 and PE = 1.</param>
/// <param name="Beta">β, elasticity of consumption to vehicle mass.</param>
/// <param name="UsableShare">γ, share of the nominal capacity used for driving.</param>
public sealed record BatteryPhysics(double Alpha, double Beta, double UsableShare)
{
    /// <summary>Energy consumption EC (kWh/km) of a vehicle carrying a battery of <paramref name="capacityKwh"/>.</summary>
    public double Consumption(double capacityKwh, double kgPerKwh, double massExclBatteryKg, double resistanceFactor, double powertrainEfficiency) =>
        Alpha * resistanceFactor * Math.Pow(capacityKwh * kgPerKwh + massExclBatteryKg, Beta) / powertrainEfficiency;

    /// <summary>Electric range ER (km) delivered by a battery of <paramref name="capacityKwh"/>, eq (7).</summary>
    public double Range(double capacityKwh, double kgPerKwh, double massExclBatteryKg, double resistanceFactor, double powertrainEfficiency) =>
        capacityKwh * UsableShare / Consumption(capacityKwh, kgPerKwh, massExclBatteryKg, resistanceFactor, powertrainEfficiency);

    /// <summary>
    /// Solves eqs (7)–(8) for the capacity (kWh) giving <paramref name="rangeKm"/>. Fails with an explanation when the
    /// weight penalty makes the range unreachable (β ≥ 1 with a heavy battery).
    /// </summary>
    public double Capacity(double rangeKm, double kgPerKwh, double massExclBatteryKg, double resistanceFactor, double powertrainEfficiency)
    {
        if (!double.IsFinite(rangeKm) || rangeKm < 0) throw new ArgumentOutOfRangeException(nameof(rangeKm), rangeKm, "range must be a finite number ≥ 0 km");
        if (rangeKm == 0) return 0;
        double R(double bc) => Range(bc, kgPerKwh, massExclBatteryKg, resistanceFactor, powertrainEfficiency);
        var noWeight = rangeKm * Consumption(0, kgPerKwh, massExclBatteryKg, resistanceFactor, powertrainEfficiency) / UsableShare;
        double upper;
        if (Beta > 1)
        {
            // The range peaks where the battery's extra weight costs as much as its energy adds.
            var best = massExclBatteryKg / (kgPerKwh * (Beta - 1));
            if (R(best) < rangeKm) throw Unreachable(rangeKm, R(best));
            upper = best;
        }
        else
        {
            upper = noWeight;
            for (var i = 0; R(upper) < rangeKm; i++)
            {
                if (i == 60 || !double.IsFinite(upper)) throw Unreachable(rangeKm, Beta == 1 ? UsableShare * powertrainEfficiency / (Alpha * resistanceFactor * kgPerKwh) : R(upper));
                upper *= 2;
            }
        }
        return Brent.FindRoot(bc => R(bc) - rangeKm, 0, upper, 1e-12 * Math.Max(1, upper), 200);
    }

    private ArgumentOutOfRangeException Unreachable(double rangeKm, double maxRange) => new(nameof(rangeKm), rangeKm,
        $"no battery capacity delivers {rangeKm:0.#} km: with β = {Beta} the battery's weight caps the range at {maxRange:0.#} km");
}
