namespace EvSupplyChain.Models.CityEnergy;

/// <summary>A battery's state: remaining capacity and internal resistance, both in % of new.</summary>
/// <param name="SohPct">Capacity state of health (% of nominal).</param>
/// <param name="ResistancePct">Internal resistance (% of new; 100 = new).</param>
public readonly record struct BatteryState(double SohPct, double ResistancePct);

/// <summary>
/// Every input of the city simulation except the city and its profiles. Defaults are the corrected model;
/// <see cref="Original"/> gives the original script's constants and rules (<see cref="AsOriginal"/>). Null
/// city-dependent values (storage, grid limit) come from the city's row.
/// </summary>
public sealed record CityEnergyOptions
{
    // --- rules ---

    /// <summary>Reproduce the original's rules, bugs included: the grid refills storage in the charging window in the
    /// same hour storage discharges and is never charged for; capital cost only for the first year's capacity;
    /// operating cost as a share of that; undiscounted energy in the LCOE; leap-year profile shift.</summary>
    public bool AsOriginal { get; init; }

    // --- horizon ---

    /// <summary>First simulated calendar year.</summary>
    public int StartYear { get; init; } = 2025;

    /// <summary>Number of simulated years (1–30).</summary>
    public int Years { get; init; } = 10;

    // --- fleet and demand ---

    /// <summary>EVs per resident in the first year.</summary>
    public double AdoptionPerCapita { get; init; } = 0.01;

    /// <summary>Smallest first-year fleet.</summary>
    public int MinimumFleet { get; init; } = 10;

    /// <summary>Fleet growth per year (compound).</summary>
    public double FleetGrowth { get; init; } = 0.15;

    /// <summary>Distance per EV per day (km).</summary>
    public double DailyKm { get; init; } = 40;

    /// <summary>Consumption at mild temperature (kWh/km, at the battery).</summary>
    public double KwhPerKm { get; init; } = 0.18;

    /// <summary>Extra consumption per K of daily mean temperature below <see cref="ColdThresholdC"/> (cabin and battery heating).</summary>
    public double ColdPenaltyPerK { get; init; } = 0.015;

    /// <summary>Daily mean temperature below which heating costs energy (°C).</summary>
    public double ColdThresholdC { get; init; } = 15;

    /// <summary>Extra consumption per K above <see cref="HotThresholdC"/> (air conditioning).</summary>
    public double HeatPenaltyPerK { get; init; } = 0.01;

    /// <summary>Daily mean temperature above which cooling costs energy (°C).</summary>
    public double HotThresholdC { get; init; } = 25;

    /// <summary>Charger (power electronics) loss as a share of energy drawn from the supply.</summary>
    public double ChargerLoss { get; init; } = 0.06;

    /// <summary>Battery ohmic loss share for a new battery; scales with resistance (R/R₀).</summary>
    public double BatteryOhmicLossNew { get; init; } = 0.03;

    /// <summary>Average charger power per EV from the charger mix (kW): 0.60·7 + 0.25·50 + 0.15·150.</summary>
    public double AverageChargerKw { get; init; } = 39.2;

    /// <summary>Divides charger power by 1 + factor·(resistance rise as a fraction).</summary>
    public double ResistanceImpactFactor { get; init; } = 0.2;

    /// <summary>When the fleet charges.</summary>
    public ChargingProfile Profile { get; init; } = ChargingProfile.Mixed;

    /// <summary>Start hour of the block profile's window.</summary>
    public int WindowStartHour { get; init; }

    /// <summary>End hour (exclusive) of the block profile's window.</summary>
    public int WindowEndHour { get; init; } = 4;

    /// <summary>Share of each day's energy the smart profile may move into renewable-surplus hours.</summary>
    public double SmartFlexibleShare { get; init; } = 0.6;

    // --- degradation ---

    /// <summary>Ambient annual mean → average battery temperature (°C). Default: <see cref="FleetModel.DefaultBatteryTemperatureC"/>.
    /// Plug in the degradation model's thermal lookup here.</summary>
    public Func<double, double>? BatteryTemperatureC { get; init; }

    /// <summary>Battery state of a vehicle after <c>age</c> years at a battery temperature (°C). Default: the original's
    /// placeholder heuristic (<see cref="FleetModel.PlaceholderAgeing"/>) with <see cref="DegradationScale"/>.</summary>
    public Func<double, int, BatteryState>? BatteryAgeing { get; init; }

    /// <summary>Multiplies the placeholder's per-cycle rates: 100 fixes the original's unit slip; 1 reproduces it.</summary>
    public double DegradationScale { get; init; } = 100;

    /// <summary>Equivalent full cycles per day (×365.25 per year).</summary>
    public double CyclesPerDay { get; init; } = 1.0;

    /// <summary>Traffic level 0, 1 or 2.</summary>
    public int TrafficLevel { get; init; } = 1;

    // --- grid and storage ---

    /// <summary>Grid import limit in the first year (MW); null: the city's value.</summary>
    public double? GridImportMw { get; init; }

    /// <summary>Growth of the import limit per year.</summary>
    public double GridGrowth { get; init; } = 0.10;

    /// <summary>Price paid for exported surplus ($/kWh); null: no export, surplus is curtailed.</summary>
    public double? ExportPriceUsdPerKwh { get; init; }

    /// <summary>Storage energy capacity (MWh); null: the city's value; 0 disables storage.</summary>
    public double? StorageMwh { get; init; }

    /// <summary>Storage power rating (MW, charge and discharge); null: the city's value.</summary>
    public double? StorageMw { get; init; }

    /// <summary>Share of energy that reaches the cells when charging.</summary>
    public double StorageChargeEfficiency { get; init; } = 0.95;

    /// <summary>Share of stored energy delivered when discharging.</summary>
    public double StorageDischargeEfficiency { get; init; } = 0.95;

    /// <summary>Lowest state of charge (share of capacity).</summary>
    public double StorageMinSoc { get; init; } = 0.10;

    /// <summary>Highest state of charge (share of capacity).</summary>
    public double StorageMaxSoc { get; init; } = 0.95;

    /// <summary>State of charge at the start (share of capacity, within the bounds).</summary>
    public double StorageInitialSoc { get; init; } = 0.5;

    /// <summary>Let the grid charge storage in the charging window (always costed in the corrected model).</summary>
    public bool GridChargesStorage { get; init; }

    // --- tariff and finance ---

    /// <summary>Grid energy price for each hour of the day ($/kWh, 24 values). Default flat 0.16.</summary>
    public IReadOnlyList<double> TariffUsdPerKwh { get; init; } = Tariffs.Flat(0.16);

    /// <summary>Capital cost of solar ($/kW).</summary>
    public double SolarCapexPerKw { get; init; } = 1050;

    /// <summary>Capital cost of wind ($/kW).</summary>
    public double WindCapexPerKw { get; init; } = 1600;

    /// <summary>Capital cost of storage energy ($/kWh).</summary>
    public double StorageCapexPerKwh { get; init; } = 250;

    /// <summary>Capital cost of storage power ($/kW).</summary>
    public double StorageCapexPerKw { get; init; } = 180;

    /// <summary>Fixed O&amp;M of solar per year, as a share of its capital cost.</summary>
    public double SolarOmShare { get; init; } = 0.015;

    /// <summary>Fixed O&amp;M of wind per year.</summary>
    public double WindOmShare { get; init; } = 0.025;

    /// <summary>Fixed O&amp;M of storage per year.</summary>
    public double StorageOmShare { get; init; } = 0.02;

    /// <summary>Discount rate per year.</summary>
    public double DiscountRate { get; init; } = 0.07;

    /// <summary>Life of solar and wind plant (years); the undepreciated part counts as residual value at the end.</summary>
    public int RenewableLifeYears { get; init; } = 25;

    /// <summary>Storage calendar life (years).</summary>
    public int StorageLifeYears { get; init; } = 15;

    /// <summary>Storage cycle life (equivalent full cycles of the usable window).</summary>
    public double StorageCycleLife { get; init; } = 5000;

    /// <summary>The original script's constants with its rules switched on.</summary>
    public static CityEnergyOptions Original() => new()
    {
        AsOriginal = true,
        ColdPenaltyPerK = 0,
        HeatPenaltyPerK = 0,
        ChargerLoss = 0,
        BatteryOhmicLossNew = 0,
        Profile = ChargingProfile.Block,
        DegradationScale = 1,
        StorageChargeEfficiency = 0.85,
        StorageDischargeEfficiency = 1,
        StorageMinSoc = 0,
        StorageMaxSoc = 1,
        StorageInitialSoc = 0,
        GridChargesStorage = true,
        ExportPriceUsdPerKwh = null,
        RenewableLifeYears = 25,
    };

    /// <summary>Fails with the parameter name and allowed range when a value is out of range.</summary>
    public CityEnergyOptions Validate()
    {
        Range(Years, 1, 30, nameof(Years));
        Range(StartYear, 1900, 2200, nameof(StartYear));
        Range(AdoptionPerCapita, 0, 1, nameof(AdoptionPerCapita));
        Range(MinimumFleet, 0, 1e9, nameof(MinimumFleet));
        Range(FleetGrowth, -0.5, 2, nameof(FleetGrowth));
        Range(DailyKm, 0, 2000, nameof(DailyKm));
        Range(KwhPerKm, 0, 5, nameof(KwhPerKm));
        Range(ColdPenaltyPerK, 0, 0.2, nameof(ColdPenaltyPerK));
        Range(HeatPenaltyPerK, 0, 0.2, nameof(HeatPenaltyPerK));
        Range(ChargerLoss, 0, 0.5, nameof(ChargerLoss));
        Range(BatteryOhmicLossNew, 0, 0.2, nameof(BatteryOhmicLossNew));
        Range(AverageChargerKw, 0.1, 1000, nameof(AverageChargerKw));
        Range(ResistanceImpactFactor, 0, 10, nameof(ResistanceImpactFactor));
        Range(WindowStartHour, 0, 23, nameof(WindowStartHour));
        Range(WindowEndHour, 0, 23, nameof(WindowEndHour));
        Range(SmartFlexibleShare, 0, 1, nameof(SmartFlexibleShare));
        Range(DegradationScale, 0, 1000, nameof(DegradationScale));
        Range(CyclesPerDay, 0, 10, nameof(CyclesPerDay));
        Range(TrafficLevel, 0, 2, nameof(TrafficLevel));
        if (GridImportMw is { } g) Range(g, 0, 1e6, nameof(GridImportMw));
        Range(GridGrowth, -0.5, 1, nameof(GridGrowth));
        if (ExportPriceUsdPerKwh is { } x) Range(x, 0, 10, nameof(ExportPriceUsdPerKwh));
        if (StorageMwh is { } e) Range(e, 0, 1e6, nameof(StorageMwh));
        if (StorageMw is { } p) Range(p, 0, 1e6, nameof(StorageMw));
        Range(StorageChargeEfficiency, 0.01, 1, nameof(StorageChargeEfficiency));
        Range(StorageDischargeEfficiency, 0.01, 1, nameof(StorageDischargeEfficiency));
        Range(StorageMinSoc, 0, 1, nameof(StorageMinSoc));
        Range(StorageMaxSoc, StorageMinSoc, 1, nameof(StorageMaxSoc));
        Range(StorageInitialSoc, StorageMinSoc, StorageMaxSoc, nameof(StorageInitialSoc));
        if (TariffUsdPerKwh is null || TariffUsdPerKwh.Count != 24)
            throw new ArgumentException($"{nameof(TariffUsdPerKwh)} needs 24 hourly prices (got {TariffUsdPerKwh?.Count ?? 0}).", nameof(TariffUsdPerKwh));
        foreach (var price in TariffUsdPerKwh) Range(price, 0, 10, nameof(TariffUsdPerKwh));
        Range(SolarCapexPerKw, 0, 1e5, nameof(SolarCapexPerKw));
        Range(WindCapexPerKw, 0, 1e5, nameof(WindCapexPerKw));
        Range(StorageCapexPerKwh, 0, 1e5, nameof(StorageCapexPerKwh));
        Range(StorageCapexPerKw, 0, 1e5, nameof(StorageCapexPerKw));
        Range(SolarOmShare, 0, 1, nameof(SolarOmShare));
        Range(WindOmShare, 0, 1, nameof(WindOmShare));
        Range(StorageOmShare, 0, 1, nameof(StorageOmShare));
        Range(DiscountRate, 0, 1, nameof(DiscountRate));
        Range(RenewableLifeYears, 1, 100, nameof(RenewableLifeYears));
        Range(StorageLifeYears, 1, 100, nameof(StorageLifeYears));
        Range(StorageCycleLife, 1, 1e6, nameof(StorageCycleLife));
        return this;
    }

    private static void Range(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, $"{name} must be within [{min}, {max}] (got {value}).");
    }
}

/// <summary>Grid tariffs as 24 hourly prices ($/kWh).</summary>
public static class Tariffs
{
    /// <summary>The same price every hour.</summary>
    public static double[] Flat(double price) => Enumerable.Repeat(price, 24).ToArray();

    /// <summary>Time of use: <paramref name="peak"/> in [16, 21), <paramref name="offPeak"/> in [0, 7) and [22, 24), <paramref name="mid"/> otherwise.</summary>
    public static double[] TimeOfUse(double offPeak = 0.10, double mid = 0.16, double peak = 0.30) =>
        Enumerable.Range(0, 24).Select(h => h is >= 16 and < 21 ? peak : h < 7 || h >= 22 ? offPeak : mid).ToArray();
}
