namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>Eqs (9)–(10): battery lifespan in km and the owners' willingness to replace a worn battery.</summary>
public static class Replacement
{
    /// <summary>Eq (9): battery lifespan BL (km) = cycle life × electric range.</summary>
    public static double BatteryLifespanKm(double cycleLife, double rangeKm) => cycleLife * rangeKm;

    /// <summary>
    /// Eq (10): the share of owners replacing the battery once the vehicle has driven <paramref name="n"/> battery
    /// lifespans: 1 when the remaining vehicle life (LS − n·BL) exceeds one battery lifespan, otherwise the share of a
    /// new battery that would be used, (LS − n·BL)/BL, and 0 when no life remains.
    /// </summary>
    public static double WillingnessToReplace(double vehicleLifespanKm, double batteryLifespanKm, int n)
    {
        if (!(batteryLifespanKm > 0)) throw new ArgumentOutOfRangeException(nameof(batteryLifespanKm), batteryLifespanKm, "battery lifespan must be > 0 km");
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n counts battery lifespans reached and starts at 1");
        var remaining = vehicleLifespanKm - n * batteryLifespanKm;
        if (remaining > batteryLifespanKm) return 1;
        return Math.Max(0, remaining / batteryLifespanKm);
    }

    /// <summary>
    /// The replacement events of one vehicle: for n = 1, 2, … while the vehicle lives past n·BL, the age (years after
    /// sale) at which it reaches n·BL and the willingness to replace then.
    /// </summary>
    public static IEnumerable<(int N, double AgeYears, double Willingness)> Events(double vehicleLifespanKm, double batteryLifespanKm, double annualMileageKm)
    {
        if (!(annualMileageKm > 0)) throw new ArgumentOutOfRangeException(nameof(annualMileageKm), annualMileageKm, "annual mileage must be > 0 km");
        for (var n = 1; n * batteryLifespanKm < vehicleLifespanKm; n++)
        {
            var w = WillingnessToReplace(vehicleLifespanKm, batteryLifespanKm, n);
            if (w > 0) yield return (n, n * batteryLifespanKm / annualMileageKm, w);
        }
    }
}
