namespace EvSupplyChain.Models.ChargingStations;

/// <summary>Identical chargers of one type at a station.</summary>
/// <param name="Type">Label, e.g. "DCFC 150 kW" or "Level 2".</param>
/// <param name="Count">Number of chargers (one dispenser each).</param>
/// <param name="PowerKw">Rated power per charger (kW).</param>
/// <param name="CostPerChargerUsd">Hardware plus installation per charger (USD, before any subsidy).</param>
/// <param name="LifetimeYears">Years until the charger is replaced.</param>
/// <param name="OmPerChargerUsdPerYear">Maintenance and warranty per charger and year (USD).</param>
public sealed record ChargerGroup(string Type, int Count, double PowerKw, double CostPerChargerUsd, int LifetimeYears, double OmPerChargerUsdPerYear)
{
    /// <summary>Installed power of the group (kW).</summary>
    public double InstalledKw => Count * PowerKw;

    /// <summary>Fails with the field name and allowed range when a value is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Type)) throw new ArgumentException("A charger group needs a type label.", nameof(Type));
        StationParameters.Check("chargers.count", Count, 0, 1000);
        StationParameters.Check("chargers.power_kw", PowerKw, 0, 2000);
        StationParameters.Check("chargers.cost_per_charger_usd", CostPerChargerUsd, 0, 10_000_000);
        StationParameters.Check("chargers.lifetime_years", LifetimeYears, 1, 60);
        StationParameters.Check("chargers.om_per_charger_usd_year", OmPerChargerUsdPerYear, 0, 1_000_000);
    }
}
