namespace EvSupplyChain.Models.CityEnergy;

/// <summary>One simulated year: fleet, energy totals (MWh) and grid money flows ($), summed from the hourly series.</summary>
public sealed record CityYear
{
    /// <summary>Calendar year.</summary>
    public int Year { get; init; }
    /// <summary>EVs.</summary>
    public int Vehicles { get; init; }
    /// <summary>Fleet-average capacity SoH (%).</summary>
    public double SohPct { get; init; }
    /// <summary>Fleet-average resistance (% of new).</summary>
    public double ResistancePct { get; init; }
    /// <summary>Installed solar (MW).</summary>
    public double SolarMw { get; init; }
    /// <summary>Installed wind (MW).</summary>
    public double WindMw { get; init; }
    /// <summary>Renewable generation.</summary>
    public double SupplyMwh { get; init; }
    /// <summary>EV charging demand.</summary>
    public double DemandMwh { get; init; }
    /// <summary>Energy delivered to EVs.</summary>
    public double ServedMwh { get; init; }
    /// <summary>Renewables straight to EVs.</summary>
    public double RenewableToEvMwh { get; init; }
    /// <summary>Storage to EVs.</summary>
    public double StorageToEvMwh { get; init; }
    /// <summary>Grid to EVs.</summary>
    public double GridToEvMwh { get; init; }
    /// <summary>Renewables into storage.</summary>
    public double RenewableToStorageMwh { get; init; }
    /// <summary>Grid into storage.</summary>
    public double GridToStorageMwh { get; init; }
    /// <summary>Exported surplus.</summary>
    public double ExportMwh { get; init; }
    /// <summary>Curtailed surplus.</summary>
    public double CurtailedMwh { get; init; }
    /// <summary>Unmet demand.</summary>
    public double UnmetMwh { get; init; }
    /// <summary>Storage losses.</summary>
    public double StorageLossMwh { get; init; }
    /// <summary>Largest hourly grid import (MW).</summary>
    public double PeakGridMw { get; init; }
    /// <summary>Equivalent full cycles of the storage's usable window.</summary>
    public double StorageCycles { get; init; }
    /// <summary>Share of served energy that came from renewables (storage output split by the year's storage input mix).</summary>
    public double RenewableShare { get; init; }
    /// <summary>Curtailed share of renewable generation.</summary>
    public double CurtailedShare { get; init; }
    /// <summary>Unmet share of demand.</summary>
    public double UnmetShare { get; init; }
    /// <summary>Cost of all grid imports at the tariff ($).</summary>
    public double GridCostUsd { get; init; }
    /// <summary>Cost of grid energy sent straight to EVs only ($; what the original charges).</summary>
    public double GridToEvCostUsd { get; init; }
    /// <summary>Export revenue ($).</summary>
    public double ExportRevenueUsd { get; init; }
    /// <summary>Energy delivered to EVs valued at the grid tariff ($; the original's "baseline").</summary>
    public double ServedAtTariffUsd { get; init; }
    /// <summary>Grid-only baseline: energy the grid alone would deliver within the same import limit (MWh).</summary>
    public double BaselineServedMwh { get; init; }
    /// <summary>Grid-only baseline cost at the tariff ($).</summary>
    public double BaselineCostUsd { get; init; }
}
