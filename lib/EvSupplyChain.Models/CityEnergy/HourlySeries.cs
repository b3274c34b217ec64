namespace EvSupplyChain.Models.CityEnergy;

/// <summary>
/// The hourly energy flows of a simulation (kWh per hour = average kW), one array per flow, index 0 = 1 January of
/// the first year 00:00. Balance every hour: supply + grid import + SoC before = served + export + curtailed +
/// storage loss + SoC after; and demand = served + unmet.
/// </summary>
public sealed class HourlySeries
{
    internal HourlySeries(int hours, int startYear, int[] yearStartHour)
    {
        Hours = hours;
        StartYear = startYear;
        YearStartHour = yearStartHour;
        SupplyKwh = new double[hours];
        DemandKwh = new double[hours];
        RenewableToEvKwh = new double[hours];
        StorageToEvKwh = new double[hours];
        GridToEvKwh = new double[hours];
        RenewableToStorageKwh = new double[hours];
        GridToStorageKwh = new double[hours];
        ExportKwh = new double[hours];
        CurtailedKwh = new double[hours];
        UnmetKwh = new double[hours];
        StorageLossKwh = new double[hours];
        StorageSocKwh = new double[hours];
        GridLimitKw = new double[hours];
    }

    /// <summary>Number of hours.</summary>
    public int Hours { get; }

    /// <summary>Calendar year of hour 0.</summary>
    public int StartYear { get; }

    /// <summary>First hour of each simulated year, plus <see cref="Hours"/> at the end (length years + 1).</summary>
    public IReadOnlyList<int> YearStartHour { get; }

    /// <summary>Renewable generation.</summary>
    public double[] SupplyKwh { get; }

    /// <summary>EV charging demand (at the supply side, losses included).</summary>
    public double[] DemandKwh { get; }

    /// <summary>Renewables straight to EVs.</summary>
    public double[] RenewableToEvKwh { get; }

    /// <summary>Storage to EVs (delivered, after discharge loss).</summary>
    public double[] StorageToEvKwh { get; }

    /// <summary>Grid to EVs.</summary>
    public double[] GridToEvKwh { get; }

    /// <summary>Renewable surplus into storage (before charge loss).</summary>
    public double[] RenewableToStorageKwh { get; }

    /// <summary>Grid into storage (before charge loss).</summary>
    public double[] GridToStorageKwh { get; }

    /// <summary>Surplus sold to the grid.</summary>
    public double[] ExportKwh { get; }

    /// <summary>Surplus neither used, stored nor exported.</summary>
    public double[] CurtailedKwh { get; }

    /// <summary>Demand not served (lost; nothing carries over).</summary>
    public double[] UnmetKwh { get; }

    /// <summary>Charge and discharge losses of storage.</summary>
    public double[] StorageLossKwh { get; }

    /// <summary>Stored energy at the end of the hour.</summary>
    public double[] StorageSocKwh { get; }

    /// <summary>Grid import limit (kW).</summary>
    public double[] GridLimitKw { get; }

    /// <summary>Grid import (to EVs plus to storage).</summary>
    public double GridImportKwh(int t) => GridToEvKwh[t] + GridToStorageKwh[t];

    /// <summary>Energy delivered to EVs.</summary>
    public double ServedKwh(int t) => RenewableToEvKwh[t] + StorageToEvKwh[t] + GridToEvKwh[t];

    /// <summary>Local time of hour <paramref name="t"/>.</summary>
    public DateTime TimeOf(int t) => new DateTime(StartYear, 1, 1).AddHours(t);

    /// <summary>Year offset (0 = first year) of hour <paramref name="t"/>.</summary>
    public int YearIndexOf(int t)
    {
        for (var k = 0; k < YearStartHour.Count - 1; k++)
            if (t < YearStartHour[k + 1]) return k;
        throw new ArgumentOutOfRangeException(nameof(t), t, $"Hour must be within [0, {Hours - 1}].");
    }

    /// <summary>Largest absolute energy-balance residual over all hours (kWh); <paramref name="initialSocKwh"/> is the SoC before hour 0.</summary>
    public double MaxBalanceResidual(double initialSocKwh)
    {
        var worst = 0.0;
        var before = initialSocKwh;
        for (var t = 0; t < Hours; t++)
        {
            var inflow = SupplyKwh[t] + GridImportKwh(t) + before;
            var outflow = ServedKwh(t) + ExportKwh[t] + CurtailedKwh[t] + StorageLossKwh[t] + StorageSocKwh[t];
            worst = Math.Max(worst, Math.Abs(inflow - outflow));
            worst = Math.Max(worst, Math.Abs(DemandKwh[t] - ServedKwh(t) - UnmetKwh[t]));
            before = StorageSocKwh[t];
        }
        return worst;
    }

    /// <summary>Fails unless every hour balances to 1e-9 of its inflow (and demand = served + unmet); the simulation
    /// calls this after every dispatch.</summary>
    public void AssertBalanced(double initialSocKwh)
    {
        var before = initialSocKwh;
        for (var t = 0; t < Hours; t++)
        {
            var inflow = SupplyKwh[t] + GridImportKwh(t) + before;
            var outflow = ServedKwh(t) + ExportKwh[t] + CurtailedKwh[t] + StorageLossKwh[t] + StorageSocKwh[t];
            var tolerance = 1e-9 * Math.Max(1.0, inflow + DemandKwh[t]);
            if (!(Math.Abs(inflow - outflow) <= tolerance) || !(Math.Abs(DemandKwh[t] - ServedKwh(t) - UnmetKwh[t]) <= tolerance))
                throw new InvalidOperationException($"Energy is not conserved at hour {t} ({TimeOf(t):yyyy-MM-dd HH:mm}): in {inflow} kWh, out {outflow} kWh.");
            before = StorageSocKwh[t];
        }
    }

    /// <summary>Writes every hour as CSV (kWh per hour; invariant culture, round-trip precision).</summary>
    public void WriteCsv(TextWriter writer)
    {
        writer.WriteLine("time,supply_kwh,demand_kwh,renewable_to_ev_kwh,storage_to_ev_kwh,grid_to_ev_kwh,renewable_to_storage_kwh,"
            + "grid_to_storage_kwh,export_kwh,curtailed_kwh,unmet_kwh,storage_loss_kwh,storage_soc_kwh,grid_limit_kw");
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var start = new DateTime(StartYear, 1, 1);
        for (var t = 0; t < Hours; t++)
        {
            writer.Write(start.AddHours(t).ToString("yyyy-MM-dd HH:mm", c));
            foreach (var a in new[] { SupplyKwh, DemandKwh, RenewableToEvKwh, StorageToEvKwh, GridToEvKwh, RenewableToStorageKwh,
                         GridToStorageKwh, ExportKwh, CurtailedKwh, UnmetKwh, StorageLossKwh, StorageSocKwh, GridLimitKw })
            {
                writer.Write(',');
                writer.Write(a[t].ToString("R", c));
            }
            writer.WriteLine();
        }
    }
}
