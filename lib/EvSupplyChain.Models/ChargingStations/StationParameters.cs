using System.Globalization;

namespace EvSupplyChain.Models.ChargingStations;

/// <summary>
/// Everything that defines one charging-station investment. Money in real USD of year 0 (no inflation), energy in
/// kWh, power in kW; year 0 is the build year, years 1..<see cref="Years"/> are operating years. Each scalar has a
/// key (see <see cref="StationParameterSpec.All"/>) used by presets.csv, the CLI's <c>--set key=value</c> and the
/// sensitivity drivers.
/// </summary>
public sealed record StationParameters
{
    /// <summary>Scenario name, e.g. "urban".</summary>
    public string Site { get; init; } = "custom";

    /// <summary>The chargers.</summary>
    public IReadOnlyList<ChargerGroup> Chargers { get; init; } = [];

    /// <summary>Operating years analysed.</summary>
    public int Years { get; init; } = 20;

    /// <summary>Real discount rate per year.</summary>
    public double DiscountRate { get; init; } = 0.07;

    /// <summary>Price charged to drivers (USD/kWh delivered).</summary>
    public double Price { get; init; }

    /// <summary>Year-1 utilisation: delivered energy / (installed kW · 8760 h).</summary>
    public double Utilisation { get; init; }

    /// <summary>Yearly growth of utilisation (fleet growth and site traffic), compounding.</summary>
    public double UtilisationGrowth { get; init; }

    /// <summary>Optional demand path relative to year 1 (index[0] = 1): year y uses <see cref="Utilisation"/> · index[y − 1];
    /// years past the list grow from its last value at <see cref="UtilisationGrowth"/>. Null: pure compound growth.
    /// Set by <see cref="StationDemand.FromCityEnergy"/>.</summary>
    public IReadOnlyList<double>? UtilisationIndex { get; init; }

    /// <summary>Ceiling on utilisation in any year.</summary>
    public double MaxUtilisation { get; init; } = 1;

    /// <summary>Energy tariff paid to the utility (USD/kWh from the grid).</summary>
    public double ElectricityPrice { get; init; }

    /// <summary>Demand charge (USD per kW of monthly billed peak, per month).</summary>
    public double DemandCharge { get; init; }

    /// <summary>Monthly billed peak as a share of installed charger power (before battery peak shaving).</summary>
    public double PeakCoincidence { get; init; } = 1;

    /// <summary>Delivered energy / energy drawn at the meter (power conversion losses).</summary>
    public double ChargerEfficiency { get; init; } = 1;

    /// <summary>One-off utility connection (service, transformer, make-ready), USD.</summary>
    public double GridConnectionCost { get; init; }

    /// <summary>Land lease or site host fee (USD/year).</summary>
    public double Lease { get; init; }

    /// <summary>Network, software and payment fees per charger (USD/year).</summary>
    public double NetworkFee { get; init; }

    /// <summary>Multiplier on every capital cost (chargers, grid connection, solar, battery); 1 = preset costs.</summary>
    public double CapitalCostFactor { get; init; } = 1;

    /// <summary>Solar canopy size (kW peak).</summary>
    public double SolarKw { get; init; }

    /// <summary>Solar capital cost (USD/kW).</summary>
    public double SolarCost { get; init; }

    /// <summary>Solar yield (kWh per kW peak per year).</summary>
    public double SolarYield { get; init; }

    /// <summary>Solar O&amp;M as a share of its capital cost per year.</summary>
    public double SolarOmShare { get; init; }

    /// <summary>Years until the solar canopy is replaced.</summary>
    public int SolarLifetime { get; init; } = 25;

    /// <summary>Battery energy (kWh).</summary>
    public double BatteryKwh { get; init; }

    /// <summary>Battery power (kW).</summary>
    public double BatteryKw { get; init; }

    /// <summary>Battery capital cost per kWh (USD/kWh).</summary>
    public double BatteryCostPerKwh { get; init; }

    /// <summary>Battery capital cost per kW (USD/kW).</summary>
    public double BatteryCostPerKw { get; init; }

    /// <summary>Battery O&amp;M as a share of its capital cost per year.</summary>
    public double BatteryOmShare { get; init; }

    /// <summary>Years until the battery is replaced.</summary>
    public int BatteryLifetime { get; init; } = 10;

    /// <summary>Hours the battery must sustain full power to cut the billed peak (the shaved kW is
    /// min(battery kW, battery kWh / this)).</summary>
    public double PeakDurationHours { get; init; } = 1;

    /// <summary>Ancillary-service revenue per kW of battery power (USD/kW/year).</summary>
    public double AncillaryRevenue { get; init; }

    /// <summary>Vehicle-to-grid or other flat revenue (USD/year).</summary>
    public double V2gRevenue { get; init; }

    /// <summary>Capital subsidy or tax credit as a share of the year-0 capital cost.</summary>
    public double CapitalSubsidyShare { get; init; }

    /// <summary>Cap on the capital subsidy per charger (USD); infinity = no cap.</summary>
    public double SubsidyCapPerCharger { get; init; } = double.PositiveInfinity;

    /// <summary>Production incentive per kWh delivered (USD/kWh), e.g. a low-carbon fuel credit.</summary>
    public double EnergyIncentive { get; init; }

    /// <summary>Operating years (from year 1) the production incentive is paid.</summary>
    public int IncentiveYears { get; init; }

    /// <summary>Number of chargers.</summary>
    public int ChargerCount => Chargers.Sum(c => c.Count);

    /// <summary>Installed charger power (kW).</summary>
    public double InstalledKw => Chargers.Sum(c => c.InstalledKw);

    /// <summary>A copy with one scalar set by key; unknown keys and out-of-range values fail with the allowed keys or range.</summary>
    public StationParameters With(string key, double value) => StationParameterSpec.Get(key).Set(this, value);

    /// <summary>The value of one scalar by key.</summary>
    public double Get(string key) => StationParameterSpec.Get(key).Read(this);

    /// <summary>Checks every scalar and charger group against its allowed range; returns this for chaining.</summary>
    public StationParameters Validate()
    {
        foreach (var spec in StationParameterSpec.All) spec.Check(spec.Read(this));
        if (Chargers.Count == 0 || InstalledKw <= 0)
            throw new ArgumentException($"Site '{Site}' has no chargers (installed power must be above 0 kW).", nameof(Chargers));
        foreach (var c in Chargers) c.Validate();
        if (UtilisationIndex is { } index)
        {
            for (var i = 0; i < index.Count; i++) Check($"utilisation_index[{i}]", index[i], 0, 1e6);
        }
        return this;
    }

    /// <summary>Fails with "<paramref name="name"/> = value is outside the allowed range [min, max]".</summary>
    internal static void Check(string name, double value, double min, double max, string? unit = null)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(name,
                $"{name} = {Format(value)} is outside the allowed range [{Format(min)}, {Format(max)}]{(unit is null ? "" : " " + unit)}.");
    }

    internal static string Format(double v) => double.IsPositiveInfinity(v) ? "∞" : v.ToString("G6", CultureInfo.InvariantCulture);
}
