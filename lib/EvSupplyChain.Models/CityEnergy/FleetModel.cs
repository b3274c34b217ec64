using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Models.CityEnergy;

/// <summary>The fleet in one simulated year.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Vehicles">EVs (whole vehicles).</param>
/// <param name="BatteryTempC">Average battery temperature from the thermal map (°C).</param>
/// <param name="SohPct">Fleet-average capacity state of health (%).</param>
/// <param name="ResistancePct">Fleet-average internal resistance (% of new).</param>
/// <param name="ChargingLoss">Share of drawn energy lost in charger and battery.</param>
/// <param name="ChargePowerCapKw">Fleet charging power limit (kW): vehicles × average charger power, derated by resistance.</param>
public sealed record FleetYear(int Year, int Vehicles, double BatteryTempC, double SohPct, double ResistancePct, double ChargingLoss, double ChargePowerCapKw);

/// <summary>
/// Fleet size, battery ageing and charging losses per year. The corrected model tracks cohorts (vehicles bought in
/// year j are new then), the original ages the whole fleet as one battery from year 0.
/// </summary>
public static class FleetModel
{
    /// <summary>Default ambient → average battery temperature while charging: the degradation model's lumped thermal
    /// lookup (<see cref="BatteryTemperatureLookup.Default"/>, notebook 05), clamped outside −20…50 °C.</summary>
    public static double DefaultBatteryTemperatureC(double ambientC) => BatteryTemperatureLookup.Default.AverageC(ambientC);

    /// <summary>First-year fleet: max(minimum, ⌊population · adoption⌋).</summary>
    public static int InitialFleet(double population, CityEnergyOptions o) =>
        Math.Max(o.MinimumFleet, (int)Math.Floor(population * o.AdoptionPerCapita));

    /// <summary>The original's placeholder ageing after <paramref name="ageYears"/> years at battery temperature
    /// <paramref name="batteryTempC"/>: per year n = 365.25·cycles/day cycles; fade n·b_F·t·tr·s, resistance n·b_R·t·tr
    /// with t = 1 + (max(0, T − 25)/15)^1.5, tr = 1 + 0.1·traffic, s = max(0.5, SoH/100); stops at SoH ≤ 20 %.
    /// <paramref name="scale"/> multiplies b_F = 1.5e-4 and b_R = 2.5e-4 (100 fixes the original's unit slip).</summary>
    public static BatteryState PlaceholderAgeing(double batteryTempC, int ageYears, double scale, double cyclesPerDay = 1.0, int trafficLevel = 1)
    {
        var n = cyclesPerDay * 365.25;
        var t = 1 + Math.Pow(Math.Max(0, batteryTempC - 25) / 15, 1.5);
        var tr = 1 + 0.1 * trafficLevel;
        double soh = 100, r = 100;
        for (var y = 0; y < ageYears && soh > 20; y++)
        {
            var fade = Math.Min(n * 1.5e-4 * scale * t * tr * Math.Max(0.5, soh / 100), soh);
            var rise = n * 2.5e-4 * scale * t * tr;
            soh = Math.Max(0, soh - fade);
            r = Math.Max(100, r + rise);
        }
        return new BatteryState(soh, r);
    }

    /// <summary>The fleet of each simulated year.</summary>
    public static FleetYear[] Project(City city, CityEnergyOptions o)
    {
        var batteryTemp = (o.BatteryTemperatureC ?? DefaultBatteryTemperatureC)(city.MeanTempC);
        if (!double.IsFinite(batteryTemp))
            throw new ArgumentException($"The battery temperature map returned {batteryTemp} for {city.MeanTempC} °C ambient.", nameof(o));
        var ageing = o.BatteryAgeing ?? ((temp, age) => PlaceholderAgeing(temp, age, o.DegradationScale, o.CyclesPerDay, o.TrafficLevel));
        var n0 = InitialFleet(city.Population, o);
        var vehicles = Enumerable.Range(0, o.Years).Select(k => (int)Math.Floor(n0 * Math.Pow(1 + o.FleetGrowth, k))).ToArray();
        var years = new FleetYear[o.Years];
        for (var k = 0; k < o.Years; k++)
        {
            BatteryState state;
            if (o.AsOriginal || vehicles[k] == 0)
            {
                state = ageing(batteryTemp, k);
            }
            else
            {
                // Cohorts: vehicles added in year j (j = 0 holds the initial fleet) are k − j years old.
                double soh = 0, r = 0;
                for (var j = 0; j <= k; j++)
                {
                    var added = j == 0 ? vehicles[0] : Math.Max(0, vehicles[j] - vehicles[j - 1]);
                    var s = ageing(batteryTemp, k - j);
                    soh += added * s.SohPct;
                    r += added * s.ResistancePct;
                }
                var total = vehicles[0] + Enumerable.Range(1, k).Sum(j => Math.Max(0, vehicles[j] - vehicles[j - 1]));
                state = new BatteryState(soh / total, r / total);
            }
            var rise = Math.Max(0, (Math.Max(100, state.ResistancePct) - 100) / 100);
            var loss = Math.Min(0.9, o.ChargerLoss + o.BatteryOhmicLossNew * state.ResistancePct / 100);
            var cap = vehicles[k] * o.AverageChargerKw / (1 + o.ResistanceImpactFactor * rise);
            years[k] = new FleetYear(o.StartYear + k, vehicles[k], batteryTemp, state.SohPct, state.ResistancePct, loss, cap);
        }
        return years;
    }
}
