using System.Text.Json.Nodes;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.CityEnergy;

/// <summary>One line of a comparison of runs.</summary>
/// <param name="Run">Label (city and rules).</param>
/// <param name="Settlement">Urban or rural.</param>
/// <param name="DemandGwh">EV demand over the horizon.</param>
/// <param name="RenewableShare">Share of served energy from renewables.</param>
/// <param name="CurtailedShare">Curtailed share of renewable generation.</param>
/// <param name="UnmetShare">Unmet share of demand.</param>
/// <param name="GridGwh">Grid import (to EVs and storage).</param>
/// <param name="PeakGridMw">Largest hourly grid import.</param>
/// <param name="LcoeUsdPerKwh">Levelised cost of the charging energy.</param>
/// <param name="BaselineUsdPerKwh">Levelised cost of grid-only charging.</param>
/// <param name="NpvSavingsMusd">Net present value of the savings against grid-only (M$).</param>
/// <param name="PaybackYears">Payback (years; empty if never within the horizon).</param>
public sealed record CityComparison(string Run, Settlement Settlement, double DemandGwh, double RenewableShare, double CurtailedShare,
    double UnmetShare, double GridGwh, double PeakGridMw, double LcoeUsdPerKwh, double BaselineUsdPerKwh, double NpvSavingsMusd, double? PaybackYears);

/// <summary>Tables and Plotly figures of city runs for the notebook and the CLI.</summary>
public static class CityEnergyViews
{
    /// <summary>The city inputs.</summary>
    public static Table Cities(CityCatalog catalog) => Table.Create(
        [
            new("City", typeof(string)), new("State", typeof(string)), new("Settlement", typeof(string)), new("Latitude", typeof(double), "N1"),
            new("Population", typeof(double), "N0"), new("Mean °C", typeof(double), "N1"), new("Clearness", typeof(double), "N2"),
            new("Wind CF", typeof(double), "P0"), new("Solar MW 2025", typeof(double), "N1"), new("Wind MW 2025", typeof(double), "N1"),
            new("Solar MW 2035", typeof(double), "N1"), new("Wind MW 2035", typeof(double), "N1"), new("Storage MWh", typeof(double), "N1"),
            new("Grid MW", typeof(double), "N1"),
        ],
        catalog.Cities.Select(c => (IReadOnlyList<object?>)[c.Name, c.State, c.Settlement.ToString(), c.LatitudeDeg, c.Population, c.MeanTempC,
            c.MeanClearness, c.WindCapacityFactor, c.CapacityIn(2025).SolarMw, c.CapacityIn(2025).WindMw, c.CapacityIn(2035).SolarMw,
            c.CapacityIn(2035).WindMw, c.StorageMwh, c.GridImportMw]),
        "Cities and towns (data/city-energy)");

    /// <summary>Solar and wind output (kW per MW) and temperature over the week starting on day-of-year <paramref name="startDay"/> (1–359).</summary>
    public static Figure ProfileWeek(HourlyProfiles p, int startDay, string title)
    {
        if (startDay is < 1 or > 359) throw new ArgumentOutOfRangeException(nameof(startDay), startDay, "The week must start on day 1–359.");
        var from = (startDay - 1) * 24;
        var hours = Enumerable.Range(0, 168).Select(h => h / 24.0).ToArray();
        var fig = Figures.Lines(title, hours,
        [
            new Series("Solar (kW/MW)", p.SolarCf.Skip(from).Take(168).Select(v => 1000 * v).ToArray()),
            new Series("Wind (kW/MW)", p.WindCf.Skip(from).Take(168).Select(v => 1000 * v).ToArray()),
        ]);
        fig.AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = "Temperature (°C)", ["yaxis"] = "y2", ["line"] = new JsonObject { ["dash"] = "dot" },
            ["x"] = Figures.Arr(hours), ["y"] = Figures.Arr(p.TemperatureC.Skip(from).Take(168)),
        });
        fig.SetLayout("yaxis2", new JsonObject { ["overlaying"] = "y", ["side"] = "right", ["title"] = new JsonObject { ["text"] = "°C" } });
        return fig.WithAxisTitles($"days from day {startDay}", "kW per MW installed");
    }

    /// <summary>Fleet, battery state and demand per year.</summary>
    public static Table Fleet(CityEnergyResult r) => Table.Create(
        [
            new("Year", typeof(int)), new("EVs", typeof(int), "N0"), new("Battery °C", typeof(double), "N1"), new("SoH %", typeof(double), "N1"),
            new("Resistance %", typeof(double), "N1"), new("Charging loss", typeof(double), "P1"), new("Demand MWh", typeof(double), "N0"),
            new("kWh per EV-day", typeof(double), "N2"),
        ],
        r.Fleet.Zip(r.Annual).Select(z => (IReadOnlyList<object?>)[z.First.Year, z.First.Vehicles, z.First.BatteryTempC, z.First.SohPct,
            z.First.ResistancePct, z.First.ChargingLoss, z.Second.DemandMwh,
            z.First.Vehicles > 0 ? z.Second.DemandMwh * 1000 / z.First.Vehicles / (DateTime.IsLeapYear(z.First.Year) ? 366 : 365) : 0.0]),
        $"{r.City.Name}: fleet and charging demand");

    /// <summary>How EV demand was met, hour by hour, over the week starting at hour <paramref name="startHour"/>.</summary>
    public static Figure SupplyMixWeek(CityEnergyResult r, int startHour)
    {
        var h = r.Hourly;
        var (from, n) = Window(h, startHour, 168);
        var x = Enumerable.Range(0, n).Select(i => i / 24.0).ToArray();
        double[] Slice(double[] a) => a.Skip(from).Take(n).Select(v => v / 1000).ToArray();
        var fig = Figures.StackedArea($"{r.City.Name}: how EV charging was met, week from {h.TimeOf(from):yyyy-MM-dd}", x,
        [
            new Series("Renewables → EVs", Slice(h.RenewableToEvKwh)), new Series("Storage → EVs", Slice(h.StorageToEvKwh)),
            new Series("Grid → EVs", Slice(h.GridToEvKwh)), new Series("Unmet", Slice(h.UnmetKwh)),
        ]);
        fig.AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = "Renewable generation", ["line"] = new JsonObject { ["color"] = "black", ["dash"] = "dot" },
            ["x"] = Figures.Arr(x), ["y"] = Figures.Arr(Slice(h.SupplyKwh)),
        });
        return fig.WithAxisTitles("days", "MW");
    }

    /// <summary>Storage state of charge over the week starting at hour <paramref name="startHour"/>.</summary>
    public static Figure StorageWeek(CityEnergyResult r, int startHour)
    {
        var h = r.Hourly;
        var (from, n) = Window(h, startHour, 168);
        var x = Enumerable.Range(0, n).Select(i => i / 24.0).ToArray();
        return Figures.Lines($"{r.City.Name}: storage state of charge, week from {h.TimeOf(from):yyyy-MM-dd}", x,
        [
            new Series("State of charge (MWh)", h.StorageSocKwh.Skip(from).Take(n).Select(v => v / 1000).ToArray()),
            new Series("Ceiling", Enumerable.Repeat(r.Storage.CapacityKwh * r.Storage.MaxSoc / 1000, n).ToArray()),
            new Series("Floor", Enumerable.Repeat(r.Storage.CapacityKwh * r.Storage.MinSoc / 1000, n).ToArray()),
        ]).WithAxisTitles("days", "MWh");
    }

    /// <summary>Grid import (MW) by hour of day (rows) and day of year (columns) in simulated year <paramref name="yearIndex"/>.</summary>
    public static Figure GridImportHeatmap(CityEnergyResult r, int yearIndex)
    {
        var h = r.Hourly;
        if (yearIndex < 0 || yearIndex >= h.YearStartHour.Count - 1)
            throw new ArgumentOutOfRangeException(nameof(yearIndex), yearIndex, $"The year index must be within [0, {h.YearStartHour.Count - 2}].");
        var start = h.YearStartHour[yearIndex];
        var days = (h.YearStartHour[yearIndex + 1] - start) / 24;
        var z = Enumerable.Range(0, 24).Select(hour => (IReadOnlyList<double>)Enumerable.Range(0, days)
            .Select(d => Math.Round(h.GridImportKwh(start + d * 24 + hour) / 1000, 3)).ToArray()).ToArray();
        var fig = Figures.Heatmap($"{r.City.Name}: grid import (MW) in {h.StartYear + yearIndex}",
            Enumerable.Range(1, days).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Enumerable.Range(0, 24).Select(x => $"{x:00}:00").ToArray(), z);
        return fig.WithAxisTitles("day of year", "hour of day");
    }

    /// <summary>Yearly energy balance.</summary>
    public static Table Annual(CityEnergyResult r) => Table.Create(
        [
            new("Year", typeof(int)), new("Demand MWh", typeof(double), "N0"), new("Renewables MWh", typeof(double), "N0"),
            new("Renewables → EVs", typeof(double), "N0"), new("Storage → EVs", typeof(double), "N0"), new("Grid → EVs", typeof(double), "N0"),
            new("Grid → storage", typeof(double), "N0"), new("Exported", typeof(double), "N0"), new("Curtailed", typeof(double), "N0"),
            new("Unmet", typeof(double), "N0"), new("Renewable share", typeof(double), "P1"), new("Curtailed share", typeof(double), "P1"),
            new("Unmet share", typeof(double), "P2"), new("Peak grid MW", typeof(double), "N1"),
        ],
        r.Annual.Select(y => (IReadOnlyList<object?>)[y.Year, y.DemandMwh, y.SupplyMwh, y.RenewableToEvMwh, y.StorageToEvMwh, y.GridToEvMwh,
            y.GridToStorageMwh, y.ExportMwh, y.CurtailedMwh, y.UnmetMwh, y.RenewableShare, y.CurtailedShare, y.UnmetShare, y.PeakGridMw]),
        $"{r.City.Name}: yearly energy balance ({Rules(r)})");

    /// <summary>Cash flows per index (0 = start, i = end of year i).</summary>
    public static Table Cash(CityEnergyResult r) => Table.Create(
        [
            new("Index", typeof(int)), new("Capital $", typeof(double), "N0"), new("Replacement $", typeof(double), "N0"),
            new("Fixed O&M $", typeof(double), "N0"), new("Grid $", typeof(double), "N0"), new("Export $", typeof(double), "N0"),
            new("Residual $", typeof(double), "N0"), new("Cost $", typeof(double), "N0"), new("Grid-only $", typeof(double), "N0"),
            new("Savings $", typeof(double), "N0"), new(r.Finance.AsOriginal ? "Net position $" : "Cum. disc. savings $", typeof(double), "N0"),
        ],
        r.Finance.Flows.Select(f => (IReadOnlyList<object?>)[f.Index, f.CapexUsd, f.ReplacementUsd, f.FixedOmUsd, f.GridCostUsd,
            f.ExportRevenueUsd, f.ResidualUsd, f.CostUsd, f.BaselineUsd, f.SavingsUsd, f.CumulativeUsd]),
        $"{r.City.Name}: cash flows ({Rules(r)})");

    /// <summary>One comparison line of a run.</summary>
    public static CityComparison Compare(CityEnergyResult r, string? label = null)
    {
        var a = r.Annual;
        var served = a.Sum(y => y.ServedMwh);
        return new CityComparison(label ?? r.City.Name, r.City.Settlement, a.Sum(y => y.DemandMwh) / 1000,
            served > 0 ? a.Sum(y => y.RenewableShare * y.ServedMwh) / served : 0,
            a.Sum(y => y.SupplyMwh) > 0 ? a.Sum(y => y.CurtailedMwh) / a.Sum(y => y.SupplyMwh) : 0,
            a.Sum(y => y.DemandMwh) > 0 ? a.Sum(y => y.UnmetMwh) / a.Sum(y => y.DemandMwh) : 0,
            a.Sum(y => y.GridToEvMwh + y.GridToStorageMwh) / 1000, a.Max(y => y.PeakGridMw),
            r.Finance.LcoeUsdPerKwh, r.Finance.BaselineLcoeUsdPerKwh, r.Finance.NpvSavingsUsd / 1e6, r.Finance.PaybackYears);
    }

    /// <summary>A comparison table of runs.</summary>
    public static Table Comparison(IEnumerable<CityComparison> rows, string title) => Table.From(rows, title)
        .WithFormat("N1", "DemandGwh", "GridGwh", "PeakGridMw", "NpvSavingsMusd", "PaybackYears")
        .WithFormat("P1", "RenewableShare", "CurtailedShare")
        .WithFormat("P2", "UnmetShare")
        .WithFormat("N3", "LcoeUsdPerKwh", "BaselineUsdPerKwh");

    private static string Rules(CityEnergyResult r) => r.Options.AsOriginal ? "original rules" : "corrected rules";

    private static (int From, int Count) Window(HourlySeries h, int startHour, int hours)
    {
        if (startHour < 0 || startHour >= h.Hours)
            throw new ArgumentOutOfRangeException(nameof(startHour), startHour, $"The start hour must be within [0, {h.Hours - 1}].");
        return (startHour, Math.Min(hours, h.Hours - startHour));
    }
}
