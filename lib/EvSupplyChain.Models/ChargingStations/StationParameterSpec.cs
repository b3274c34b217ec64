namespace EvSupplyChain.Models.ChargingStations;

/// <summary>One settable scalar of <see cref="StationParameters"/>: its key, unit, allowed range and accessors.</summary>
public sealed class StationParameterSpec
{
    private readonly Func<StationParameters, double> _get;
    private readonly Func<StationParameters, double, StationParameters> _set;

    private StationParameterSpec(string key, string unit, double min, double max, bool whole, string description,
        Func<StationParameters, double> get, Func<StationParameters, double, StationParameters> set)
    {
        (Key, Unit, Min, Max, IsWholeNumber, Description, _get, _set) = (key, unit, min, max, whole, description, get, set);
    }

    /// <summary>Key used in presets.csv, drivers.csv, policies.csv and <c>--set</c>.</summary>
    public string Key { get; }

    /// <summary>Unit of the value.</summary>
    public string Unit { get; }

    /// <summary>Smallest allowed value.</summary>
    public double Min { get; }

    /// <summary>Largest allowed value.</summary>
    public double Max { get; }

    /// <summary>True for counts of years.</summary>
    public bool IsWholeNumber { get; }

    /// <summary>What the value means.</summary>
    public string Description { get; }

    /// <summary>The current value.</summary>
    public double Read(StationParameters p) => _get(p);

    /// <summary>A copy with the value set, after checking the range.</summary>
    public StationParameters Set(StationParameters p, double value)
    {
        Check(value);
        return _set(p, value);
    }

    /// <summary>Fails naming the key and the allowed range.</summary>
    public void Check(double value)
    {
        StationParameters.Check(Key, value, Min, Max, $"({Unit}; {Description})");
        if (IsWholeNumber && value != Math.Floor(value))
            throw new ArgumentOutOfRangeException(Key, $"{Key} = {StationParameters.Format(value)} must be a whole number of years.");
    }

    /// <summary>The spec for <paramref name="key"/>; unknown keys fail listing the known ones.</summary>
    public static StationParameterSpec Get(string key) =>
        ByKey.TryGetValue(key, out var spec) ? spec
            : throw new ArgumentException($"Unknown station parameter '{key}'. Known parameters: {string.Join(", ", All.Select(s => s.Key))}.", nameof(key));

    /// <summary>True when the key exists.</summary>
    public static bool Exists(string key) => ByKey.ContainsKey(key);

    private const double Inf = double.PositiveInfinity;

    /// <summary>Every settable scalar.</summary>
    public static IReadOnlyList<StationParameterSpec> All { get; } =
    [
        new("years", "years", 1, 60, true, "operating years analysed", p => p.Years, (p, v) => p with { Years = (int)v }),
        new("discount_rate", "1/year", 0, 1, false, "real discount rate", p => p.DiscountRate, (p, v) => p with { DiscountRate = v }),
        new("price", "USD/kWh", 0, 10, false, "price charged to drivers", p => p.Price, (p, v) => p with { Price = v }),
        new("utilisation", "share of hours", 0, 1, false, "year-1 energy / (installed kW x 8760 h)", p => p.Utilisation, (p, v) => p with { Utilisation = v }),
        new("utilisation_growth", "1/year", -0.5, 2, false, "yearly growth of utilisation", p => p.UtilisationGrowth, (p, v) => p with { UtilisationGrowth = v }),
        new("max_utilisation", "share of hours", 0, 1, false, "ceiling on utilisation", p => p.MaxUtilisation, (p, v) => p with { MaxUtilisation = v }),
        new("electricity_price", "USD/kWh", 0, 10, false, "energy tariff", p => p.ElectricityPrice, (p, v) => p with { ElectricityPrice = v }),
        new("demand_charge", "USD/kW-month", 0, 500, false, "demand charge on the monthly billed peak", p => p.DemandCharge, (p, v) => p with { DemandCharge = v }),
        new("peak_coincidence", "share", 0, 1, false, "billed peak / installed charger kW", p => p.PeakCoincidence, (p, v) => p with { PeakCoincidence = v }),
        new("charger_efficiency", "share", 0.5, 1, false, "delivered kWh / metered kWh", p => p.ChargerEfficiency, (p, v) => p with { ChargerEfficiency = v }),
        new("grid_connection_cost", "USD", 0, 1e8, false, "one-off utility connection", p => p.GridConnectionCost, (p, v) => p with { GridConnectionCost = v }),
        new("lease", "USD/year", 0, 1e8, false, "land lease or host fee", p => p.Lease, (p, v) => p with { Lease = v }),
        new("network_fee", "USD/charger-year", 0, 1e6, false, "network, software and payment fees", p => p.NetworkFee, (p, v) => p with { NetworkFee = v }),
        new("capital_cost_factor", "x", 0, 10, false, "multiplier on every capital cost", p => p.CapitalCostFactor, (p, v) => p with { CapitalCostFactor = v }),
        new("solar_kw", "kW", 0, 1e5, false, "solar canopy size", p => p.SolarKw, (p, v) => p with { SolarKw = v }),
        new("solar_cost", "USD/kW", 0, 1e5, false, "solar capital cost", p => p.SolarCost, (p, v) => p with { SolarCost = v }),
        new("solar_yield", "kWh/kW-year", 0, 3000, false, "solar energy per kW peak", p => p.SolarYield, (p, v) => p with { SolarYield = v }),
        new("solar_om_share", "1/year", 0, 1, false, "solar O&M / solar capital cost", p => p.SolarOmShare, (p, v) => p with { SolarOmShare = v }),
        new("solar_lifetime", "years", 1, 60, true, "solar replacement interval", p => p.SolarLifetime, (p, v) => p with { SolarLifetime = (int)v }),
        new("battery_kwh", "kWh", 0, 1e6, false, "battery energy", p => p.BatteryKwh, (p, v) => p with { BatteryKwh = v }),
        new("battery_kw", "kW", 0, 1e6, false, "battery power", p => p.BatteryKw, (p, v) => p with { BatteryKw = v }),
        new("battery_cost_kwh", "USD/kWh", 0, 1e5, false, "battery cost per kWh", p => p.BatteryCostPerKwh, (p, v) => p with { BatteryCostPerKwh = v }),
        new("battery_cost_kw", "USD/kW", 0, 1e5, false, "battery cost per kW", p => p.BatteryCostPerKw, (p, v) => p with { BatteryCostPerKw = v }),
        new("battery_om_share", "1/year", 0, 1, false, "battery O&M / battery capital cost", p => p.BatteryOmShare, (p, v) => p with { BatteryOmShare = v }),
        new("battery_lifetime", "years", 1, 60, true, "battery replacement interval", p => p.BatteryLifetime, (p, v) => p with { BatteryLifetime = (int)v }),
        new("peak_duration_hours", "h", 0.01, 24, false, "hours the battery sustains full power when shaving the peak", p => p.PeakDurationHours, (p, v) => p with { PeakDurationHours = v }),
        new("ancillary_revenue", "USD/kW-year", 0, 1e4, false, "ancillary-service revenue per battery kW", p => p.AncillaryRevenue, (p, v) => p with { AncillaryRevenue = v }),
        new("v2g_revenue", "USD/year", 0, 1e8, false, "vehicle-to-grid or other flat revenue", p => p.V2gRevenue, (p, v) => p with { V2gRevenue = v }),
        new("capital_subsidy_share", "share", 0, 1, false, "capital subsidy or tax credit / year-0 capital cost", p => p.CapitalSubsidyShare, (p, v) => p with { CapitalSubsidyShare = v }),
        new("subsidy_cap_per_charger", "USD/charger", 0, Inf, false, "cap on the capital subsidy per charger (inf = none)", p => p.SubsidyCapPerCharger, (p, v) => p with { SubsidyCapPerCharger = v }),
        new("energy_incentive", "USD/kWh", 0, 10, false, "production incentive per kWh delivered", p => p.EnergyIncentive, (p, v) => p with { EnergyIncentive = v }),
        new("incentive_years", "years", 0, 60, true, "years the production incentive is paid", p => p.IncentiveYears, (p, v) => p with { IncentiveYears = (int)v }),
    ];

    private static readonly Dictionary<string, StationParameterSpec> ByKey = All.ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);
}
