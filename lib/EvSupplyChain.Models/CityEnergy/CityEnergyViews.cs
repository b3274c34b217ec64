using System.Text.Json.Nodes;
using EvSupplyChain.Models.Display;
using Microsoft.Data.Analysis;

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
    /// <summary>The city inputs: location, population and climate.</summary>
    public static Table Cities(CityCatalog catalog) => Table.Create(
        [
            new("City", typeof(string)), new("State", typeof(string)), new("Settlement", typeof(string)), new("Latitude (°N)", typeof(double), "N1"),
            new("Population", typeof(double), "N0"), new("Mean temperature (°C)", typeof(double), "N1"), new("Mean clearness index", typeof(double), "N2"),
            new("Wind capacity factor (%)", typeof(double), "P0"),
        ],
        catalog.Cities.Select(c => (IReadOnlyList<object?>)[c.Name, c.State, c.Settlement.ToString().ToLowerInvariant(), c.LatitudeDeg, c.Population,
            c.MeanTempC, c.MeanClearness, c.WindCapacityFactor]),
        "Cities and towns (data/city-energy/cities.csv)");

    /// <summary>The city inputs: renewable capacity path, storage and grid connection.</summary>
    public static Table Capacities(CityCatalog catalog, int firstYear = 2025, int lastYear = 2035) => Table.Create(
        [
            new("City", typeof(string)), new($"Solar {firstYear} (MW)", typeof(double), "N1"), new($"Wind {firstYear} (MW)", typeof(double), "N1"),
            new($"Solar {lastYear} (MW)", typeof(double), "N1"), new($"Wind {lastYear} (MW)", typeof(double), "N1"), new("Storage (MWh)", typeof(double), "N1"),
            new("Storage power (MW)", typeof(double), "N1"), new("Grid import limit (MW)", typeof(double), "N1"),
        ],
        catalog.Cities.Select(c => (IReadOnlyList<object?>)[c.Name, c.CapacityIn(firstYear).SolarMw, c.CapacityIn(firstYear).WindMw,
            c.CapacityIn(lastYear).SolarMw, c.CapacityIn(lastYear).WindMw, c.StorageMwh, c.StorageMw, c.GridImportMw]),
        "Renewable capacity, storage and grid connection (data/city-energy/capacity.csv, cities.csv)");

    /// <summary>Annual capacity factors and mean temperature of each city's generated profiles.</summary>
    public static Table ProfileSummary(IEnumerable<(City City, HourlyProfiles Profiles)> cities) => Table.Create(
        [
            new("City", typeof(string)), new("Latitude (°N)", typeof(double), "N1"), new("Solar capacity factor (%)", typeof(double), "P1"),
            new("Wind capacity factor (%)", typeof(double), "P1"), new("Mean temperature (°C)", typeof(double), "N1"),
        ],
        cities.Select(c => (IReadOnlyList<object?>)[c.City.Name, c.City.LatitudeDeg, c.Profiles.SolarAnnualCf, c.Profiles.WindAnnualCf, c.Profiles.TemperatureC.Average()]),
        "Annual capacity factors of the generated profiles");

    /// <summary>Solar and wind output (kW per MW) and, on a second axis, temperature over the week starting on
    /// day-of-year <paramref name="startDay"/> (1–359).</summary>
    public static Figure ProfileWeek(HourlyProfiles p, int startDay, string title)
    {
        if (startDay is < 1 or > 359) throw new ArgumentOutOfRangeException(nameof(startDay), startDay, "The week must start on day 1–359.");
        var from = (startDay - 1) * 24;
        var hours = Enumerable.Range(0, 168).Select(h => h / 24.0).ToArray();
        var fig = Figures.Lines(title, hours,
        [
            new Series("Solar (kW/MW)", p.SolarCf.Skip(from).Take(168).Select(v => 1000 * v).ToArray()),
            new Series("Wind (kW/MW)", p.WindCf.Skip(from).Take(168).Select(v => 1000 * v).ToArray()),
            new Series("Temperature (°C)", p.TemperatureC.Skip(from).Take(168).Select(v => Math.Round(v, 2)).ToArray()),
        ]);
        return fig.WithAxisTitles($"Days from day {startDay} of the year", "Output (kW per MW installed)").OnSecondYAxis("Temperature (°C)", "Temperature (°C)");
    }

    /// <summary>Fleet, battery state and demand per year.</summary>
    public static Table Fleet(CityEnergyResult r) => Table.Create(
        [
            new("Year", typeof(int)), new("EVs", typeof(int), "N0"), new("Battery temperature (°C)", typeof(double), "N1"), new("State of health (%)", typeof(double), "N1"),
            new("Resistance (% of new)", typeof(double), "N1"), new("Charging loss (%)", typeof(double), "P1"), new("Demand (MWh)", typeof(double), "N0"),
            new("Energy per EV and day (kWh)", typeof(double), "N2"),
        ],
        r.Fleet.Zip(r.Annual).Select(z => (IReadOnlyList<object?>)[z.First.Year, z.First.Vehicles, z.First.BatteryTempC, z.First.SohPct,
            z.First.ResistancePct, z.First.ChargingLoss, z.Second.DemandMwh,
            z.First.Vehicles > 0 ? z.Second.DemandMwh * 1000 / z.First.Vehicles / (DateTime.IsLeapYear(z.First.Year) ? 366 : 365) : 0.0]),
        $"{r.City.Name}: fleet and charging demand");

    /// <summary>EVs (thousands, left axis) and charging demand (GWh, right axis) per year: one quantity per axis.</summary>
    public static Figure FleetFigure(CityEnergyResult r)
    {
        const string demand = "Charging demand (GWh)";
        return Figures.Lines($"{r.City.Name}: EV fleet and charging demand", r.Annual.Select(y => (double)y.Year).ToArray(),
            [new Series("EVs (thousands)", r.Annual.Select(y => y.Vehicles / 1000.0).ToArray()), new Series(demand, r.Annual.Select(y => y.DemandMwh / 1000).ToArray())],
            markers: true).WithAxisTitles("Year", "EVs (thousands)").OnSecondYAxis(demand, demand);
    }

    /// <summary>How EV demand was met, hour by hour, over the week starting at hour <paramref name="startHour"/>: stacked
    /// areas of the sources (unmet demand only when there is any), the demand as its own line on top, and the renewable
    /// generation dotted.</summary>
    public static Figure SupplyMixWeek(CityEnergyResult r, int startHour)
    {
        var h = r.Hourly;
        var (from, n) = Window(h, startHour, 168);
        var x = Enumerable.Range(0, n).Select(i => i / 24.0).ToArray();
        double[] Slice(double[] a) => a.Skip(from).Take(n).Select(v => v / 1000).ToArray();
        var areas = new List<Series>
        {
            new("Renewables → EVs", Slice(h.RenewableToEvKwh)), new("Storage → EVs", Slice(h.StorageToEvKwh)), new("Grid → EVs", Slice(h.GridToEvKwh)),
        };
        var unmet = Slice(h.UnmetKwh);
        if (unmet.Any(v => v > 0)) areas.Add(new("Unmet demand", unmet));
        var fig = Figures.StackedArea($"{r.City.Name}: how EV charging was met, week from {h.TimeOf(from):yyyy-MM-dd}", x, areas);
        foreach (var t in fig.Data.OfType<JsonObject>()) t["line"] = new JsonObject { ["width"] = 0 };
        fig.AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = "EV charging demand", ["line"] = new JsonObject { ["color"] = "black", ["width"] = 1.5 },
            ["x"] = Figures.Arr(x), ["y"] = Figures.Arr(Slice(h.DemandKwh)),
        });
        fig.AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = "Renewable generation", ["line"] = new JsonObject { ["color"] = "#555555", ["dash"] = "dot" },
            ["x"] = Figures.Arr(x), ["y"] = Figures.Arr(Slice(h.SupplyKwh)),
        });
        return fig.WithAxisTitles("Days from the start of the week", "Power (MW)");
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
        ]).WithAxisTitles("Days from the start of the week", "Stored energy (MWh)");
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
        fig.Data[0]!["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "MW" } };
        return fig.WithAxisTitles("Day of the year", "Hour of the day");
    }

    /// <summary>Yearly energy balance; <see cref="Table.SplitColumns"/> on "Year" cuts it for narrow pages.</summary>
    public static Table Annual(CityEnergyResult r) => Table.Create(
        [
            new("Year", typeof(int)), new("Demand (MWh)", typeof(double), "N0"), new("Renewable generation (MWh)", typeof(double), "N0"),
            new("Renewables → EVs (MWh)", typeof(double), "N0"), new("Storage → EVs (MWh)", typeof(double), "N0"), new("Grid → EVs (MWh)", typeof(double), "N0"),
            new("Grid → storage (MWh)", typeof(double), "N0"), new("Exported (MWh)", typeof(double), "N0"), new("Curtailed (MWh)", typeof(double), "N0"),
            new("Unmet (MWh)", typeof(double), "N0"), new("Renewable share (%)", typeof(double), "P1"), new("Curtailed share (%)", typeof(double), "P1"),
            new("Unmet share (%)", typeof(double), "P2"), new("Peak grid import (MW)", typeof(double), "N1"),
        ],
        r.Annual.Select(y => (IReadOnlyList<object?>)[y.Year, y.DemandMwh, y.SupplyMwh, y.RenewableToEvMwh, y.StorageToEvMwh, y.GridToEvMwh,
            y.GridToStorageMwh, y.ExportMwh, y.CurtailedMwh, y.UnmetMwh, y.RenewableShare, y.CurtailedShare, y.UnmetShare, y.PeakGridMw]),
        $"{r.City.Name}: yearly energy balance ({Rules(r)})");

    /// <summary>Cash flows per year of the horizon (0 = the start, i = the end of simulated year i), in USD.</summary>
    public static Table Cash(CityEnergyResult r) => Table.Create(
        [
            new("Year", typeof(int)), new("Capital (USD)", typeof(double), "N0"), new("Replacement (USD)", typeof(double), "N0"),
            new("Fixed O&M (USD)", typeof(double), "N0"), new("Grid energy (USD)", typeof(double), "N0"), new("Export revenue (USD)", typeof(double), "N0"),
            new("Residual value (USD)", typeof(double), "N0"), new("Cost (USD)", typeof(double), "N0"), new("Grid-only cost (USD)", typeof(double), "N0"),
            new("Savings (USD)", typeof(double), "N0"), new(r.Finance.AsOriginal ? "Net position (USD)" : "Cumulative discounted savings (USD)", typeof(double), "N0"),
        ],
        r.Finance.Flows.Select(f => (IReadOnlyList<object?>)[f.Index, f.CapexUsd, f.ReplacementUsd, f.FixedOmUsd, f.GridCostUsd,
            f.ExportRevenueUsd, f.ResidualUsd, f.CostUsd, f.BaselineUsd, f.SavingsUsd, f.CumulativeUsd]),
        $"{r.City.Name}: cash flows ({Rules(r)}; year 0 is the start, year i the end of simulated year i)");

    /// <summary>
    /// One simulated year of the hourly series as a DataFrame (a row per hour; day of year, hour of day and the energy
    /// flows in MWh), for inspection: group by day, filter, sort.
    /// </summary>
    public static DataFrame HourlyFrame(CityEnergyResult r, int yearIndex)
    {
        var h = r.Hourly;
        if (yearIndex < 0 || yearIndex >= h.YearStartHour.Count - 1)
            throw new ArgumentOutOfRangeException(nameof(yearIndex), yearIndex, $"The year index must be within [0, {h.YearStartHour.Count - 2}].");
        var from = h.YearStartHour[yearIndex];
        var hours = Enumerable.Range(from, h.YearStartHour[yearIndex + 1] - from).ToArray();
        DoubleDataFrameColumn Mwh(string name, Func<int, double> kwh) => new(name, hours.Select(t => kwh(t) / 1000));
        return new DataFrame(
            new Int32DataFrameColumn("Day of year", hours.Select(t => (t - from) / 24 + 1)),
            new Int32DataFrameColumn("Hour", hours.Select(t => (t - from) % 24)),
            Mwh("Demand (MWh)", t => h.DemandKwh[t]), Mwh("Renewable generation (MWh)", t => h.SupplyKwh[t]),
            Mwh("Renewables → EVs (MWh)", t => h.RenewableToEvKwh[t]), Mwh("Storage → EVs (MWh)", t => h.StorageToEvKwh[t]),
            Mwh("Grid import (MWh)", h.GridImportKwh), Mwh("Curtailed (MWh)", t => h.CurtailedKwh[t]), Mwh("Unmet (MWh)", t => h.UnmetKwh[t]));
    }

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

    /// <summary>A comparison table of runs: the money columns first (LCOE, grid-only LCOE, NPV of the savings, payback), then
    /// the energy; <c>SplitColumns(6, "Case")</c> keeps each part readable on a narrow page.</summary>
    public static Table Comparison(IEnumerable<CityComparison> rows, string title) => Table.Create(
        [
            new("Case", typeof(string)), new("LCOE (USD/kWh)", typeof(double), "N3"), new("Grid-only LCOE (USD/kWh)", typeof(double), "N3"),
            new("NPV of savings (M USD)", typeof(double), "N2"), new("Payback (years)", typeof(double), "N1"), new("Settlement", typeof(string)),
            new("Demand (GWh)", typeof(double), "N1"), new("Renewable share (%)", typeof(double), "P1"), new("Curtailed share (%)", typeof(double), "P1"),
            new("Unmet share (%)", typeof(double), "P2"), new("Grid import (GWh)", typeof(double), "N1"), new("Peak grid import (MW)", typeof(double), "N1"),
        ],
        rows.Select(c => (IReadOnlyList<object?>)[c.Run, c.LcoeUsdPerKwh, c.BaselineUsdPerKwh, c.NpvSavingsMusd, c.PaybackYears,
            c.Settlement.ToString().ToLowerInvariant(), c.DemandGwh, c.RenewableShare, c.CurtailedShare, c.UnmetShare, c.GridGwh, c.PeakGridMw]),
        title);

    /// <summary>What the original's accounting bugs do to one city: grid energy that enters storage unpaid, its cost,
    /// and the LCOE under the original's rules and under the corrected rules with the same constants.</summary>
    public static Table BugEffects(CityEnergyResult asOriginal, CityEnergyResult correctedRules) => Table.Create(
        [new("Quantity", typeof(string)), new("Value", typeof(string)), new("Unit", typeof(string))],
        [
            ["Grid energy into storage, never paid for", asOriginal.Annual.Sum(y => y.GridToStorageMwh).ToString("N0", Inv), "MWh"],
            ["Unpaid grid cost", (asOriginal.Annual.Sum(y => y.GridCostUsd - y.GridToEvCostUsd) / 1e6).ToString("N2", Inv), "M USD"],
            ["LCOE, original rules", asOriginal.Finance.LcoeUsdPerKwh.ToString("N3", Inv), "USD/kWh"],
            ["LCOE, original constants with corrected rules", correctedRules.Finance.LcoeUsdPerKwh.ToString("N3", Inv), "USD/kWh"],
        ],
        $"{asOriginal.City.Name}: what the original's accounting bugs change");

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static string Rules(CityEnergyResult r) => r.Options.AsOriginal ? "original rules" : "corrected rules";

    private static (int From, int Count) Window(HourlySeries h, int startHour, int hours)
    {
        if (startHour < 0 || startHour >= h.Hours)
            throw new ArgumentOutOfRangeException(nameof(startHour), startHour, $"The start hour must be within [0, {h.Hours - 1}].");
        return (startHour, Math.Min(hours, h.Hours - startHour));
    }
}
