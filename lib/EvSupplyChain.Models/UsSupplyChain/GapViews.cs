using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>A gap of one material under two settings.</summary>
public sealed record GapChange(string Material, double Demand, double DemandThen, double Gap, double GapThen, double Change);

/// <summary>One published cell next to the reproduced one.</summary>
public sealed record PublishedComparison(string Material, double PublishedGap, double ReproducedGap, double MaxRelativeDifference);

/// <summary>One step of the tier allocation of a row.</summary>
public sealed record TierStep(int Tier, string Sources, double Available, double CumulativeAvailable, double Used);

/// <summary>Tables and Plotly figures of the gap analysis, for the notebook and reports.</summary>
public static class GapViews
{
    private static readonly string[] TierNames =
        ["US existing & advanced-stage", "US early-stage + US recycling", "Canada & Mexico mature + other FTA", "Canada & Mexico early-stage", "FEOC + other non-FTA + non-US recycling"];

    /// <summary>US EV sales by vehicle type (stacked area).</summary>
    public static Figure Sales(UsSupplyChainInputs inputs)
    {
        var years = inputs.DemandYears;
        return Figures.StackedArea("US EV sales (vehicles/yr)", years.Select(y => (double)y).ToArray(),
            Catalog.Vehicles.Select(v => new Series(v, years.Select(y => inputs.Sales.GetValueOrDefault((y, v))).ToArray())))
            .WithAxisTitles("year", "vehicles/yr");
    }

    /// <summary>Battery chemistry mix of sales (100 % stacked area).</summary>
    public static Figure ChemistryMix(UsSupplyChainInputs inputs)
    {
        var years = inputs.DemandYears;
        return Figures.StackedArea("Battery chemistry mix of US EV sales", years.Select(y => (double)y).ToArray(),
            Catalog.Chemistries.Select(k => new Series(k, years.Select(y => inputs.ChemistryShare.GetValueOrDefault((y, k))).ToArray())), percent: true)
            .WithAxisTitles("year", "% of vehicles");
    }

    /// <summary>Battery (cell) mass put on the market by chemistry (stacked area).</summary>
    public static Figure BatteryMass(MaterialDemand demand)
    {
        var x = demand.Years.Select(y => (double)y).ToArray();
        return Figures.StackedArea("Battery mass put on the US market (t/yr)", x,
            Catalog.Chemistries.Select(k => new Series(k, demand.CellMassOf(k)))).WithAxisTitles("year", "t battery/yr");
    }

    /// <summary>Demand of every row in the reporting year.</summary>
    public static Table DemandTable(GapResult result) =>
        Table.From(result.Demand.For(result.Year).Select(d => new { d.Material, Tonnes = d.Tonnes }), $"US material demand in {result.Year} (t)")
            .WithFormat("N0", "Tonnes");

    /// <summary>Retirements, available end-of-life stock, recycled mass and capacity over time (lines).</summary>
    public static Figure Recycling(UsRecycling recycling)
    {
        var rows = recycling.ByYear();
        var x = rows.Select(r => (double)r.Year).ToArray();
        return Figures.Lines("US end-of-life batteries and recycling (t/yr)", x,
        [
            new Series("Retired", rows.Select(r => r.Retired).ToArray()),
            new Series("Available (retired + carried over)", rows.Select(r => r.Available).ToArray()),
            new Series("Recycled", rows.Select(r => r.Recycled).ToArray()),
            new Series("Recycling capacity", rows.Select(r => r.Capacity).ToArray()),
        ]).WithAxisTitles("year", "t battery/yr");
    }

    /// <summary>Available supply by source for each row, before allocation (stacked bars), with demand as markers.</summary>
    public static Figure SupplyBySource(IReadOnlyList<SupplyRow> rows, string title)
    {
        var names = rows.Select(r => r.Material).ToArray();
        Series S(string name, Func<SupplyRow, double> f) => new(name, rows.Select(f).ToArray());
        var fig = Figures.StackedBars(title, names,
        [
            S("US existing & advanced-stage", r => r.UsMature), S("US early-stage", r => r.UsEarlyStage), S("US recycling", r => r.UsRecycling),
            S("Canada & Mexico mature", r => r.CanadaMexicoMature), S("Other FTA", r => r.OtherFta),
            S("Canada & Mexico early-stage", r => r.CanadaMexicoEarlyStage), S("FEOC", r => r.Feoc), S("Other non-FTA", r => r.OtherNonFta),
        ]).WithMarkers("Demand", names, rows.Select(r => r.Demand).ToArray());
        fig.SetLayout("yaxis.type", "log");
        return fig.WithAxisTitles(null, "t/yr (log scale)");
    }

    /// <summary>How the tiers meet one row's demand: available, cumulative and used supply per tier.</summary>
    public static Table TierSteps(SupplyRow before)
    {
        var tiers = before.Tiers();
        var used = TierAllocation.Allocate(before.Demand, tiers).Allocated;
        var cumulative = 0.0;
        var steps = tiers.Select((t, j) =>
        {
            cumulative += t.Sum();
            return new TierStep(j + 1, TierNames[j], t.Sum(), cumulative, used[j].Sum());
        }).ToArray();
        return Table.From(steps, $"{before.Material}: demand {before.Demand.ToString("N0", CultureInfo.InvariantCulture)} t met tier by tier")
            .WithFormat("N0", "Available", "CumulativeAvailable", "Used");
    }

    /// <summary>The gap table as the original prints it: every number rounded to whole tonnes, half to even.</summary>
    public static Table AsPrinted(GapResult result)
    {
        var columns = GapRow.Labels.Select((l, i) => new TableColumn(l, i == 0 ? typeof(string) : typeof(double), i == 0 ? null : "0.0"));
        var rows = result.Rows.Select(r => (IReadOnlyList<object?>)new object?[] { r.Material }
            .Concat(r.Values().Select(v => (object?)Math.Round(v, MidpointRounding.ToEven))).ToArray());
        return Table.Create(columns, rows, $"Supply–demand gap table, {result.Year} (t/yr), as printed by the original");
    }

    /// <summary>Gap as a share of demand per material (bars).</summary>
    public static Figure GapChart(GapResult result, string? title = null)
    {
        var rows = result.Rows.Where(r => r.Demand > 0).ToArray();
        return Figures.Bars(title ?? $"Unmet US demand in {result.Year} (% of demand)", rows.Select(r => r.Material).ToArray(),
            [new Series("Gap", rows.Select(r => 100 * r.Gap / r.Demand).ToArray())]).WithAxisTitles(null, "% of demand");
    }

    /// <summary>The gap of each material under two results and the change from the first to the second.</summary>
    public static IReadOnlyList<GapChange> Compare(GapResult baseline, GapResult variant) =>
        baseline.Rows.Zip(variant.Rows, (a, b) => new GapChange(a.Material, a.Demand, b.Demand, a.Gap, b.Gap, b.Gap - a.Gap)).ToArray();

    /// <summary><see cref="Compare"/> as a table with column names for the two settings.</summary>
    public static Table CompareTable(GapResult baseline, GapResult variant, string baselineName, string variantName) =>
        Table.From(Compare(baseline, variant), $"Gap, {baselineName} vs {variantName} (t/yr)")
            .Rename("Demand", $"Demand ({baselineName})").Rename("DemandThen", $"Demand ({variantName})")
            .Rename("Gap", $"Gap ({baselineName})").Rename("GapThen", $"Gap ({variantName})")
            .WithNumberFormat("N0");

    /// <summary>Gaps of two results side by side (grouped bars, t/yr).</summary>
    public static Figure CompareChart(GapResult baseline, GapResult variant, string baselineName, string variantName)
    {
        var names = baseline.Rows.Select(r => r.Material).ToArray();
        return Figures.Bars($"Gap by material: {baselineName} vs {variantName}", names,
            [new Series(baselineName, baseline.Rows.Select(r => r.Gap).ToArray()), new Series(variantName, variant.Rows.Select(r => r.Gap).ToArray())])
            .WithAxisTitles(null, "t/yr");
    }

    /// <summary>Loads the original's published table (reference/published_gaps_2035.csv under the data folder: one row per
    /// material and quantity, t/yr), in file order; every material needs each of the ten quantities exactly once.</summary>
    public static IReadOnlyList<GapRow> LoadPublished(string folder)
    {
        var data = CsvData.Load(Path.Combine(folder, "reference", "published_gaps_2035.csv"), "material", "quantity", "t_per_year")
            .RequireUniqueKey("material", "quantity");
        var quantities = GapRow.Labels.Skip(1).ToArray();
        var values = new Dictionary<(string, string), double>();
        var materials = new List<string>();
        foreach (var r in data.Rows)
        {
            var material = r.RequiredText("material");
            if (!materials.Contains(material)) materials.Add(material);
            values[(material, r.OneOf("quantity", quantities))] = r.Double("t_per_year");
        }
        return materials.Select(m =>
        {
            var v = quantities.Select(q => values.TryGetValue((m, q), out var x) ? x
                : throw new DataValidationException(data.File, null, "quantity", $"material '{m}' has no row for '{q}'")).ToArray();
            return new GapRow(m, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
        }).ToArray();
    }

    /// <summary>Published vs reproduced: per material the gap and the largest relative difference over its ten numbers.</summary>
    public static IReadOnlyList<PublishedComparison> ComparePublished(GapResult result, IReadOnlyList<GapRow> published) =>
        published.Select(p =>
        {
            var r = result.Rows.FirstOrDefault(x => x.Material == p.Material)
                ?? throw new ArgumentException($"the reproduced table has no row '{p.Material}'", nameof(published));
            var max = p.Values().Zip(r.Values(), (a, b) => a == b ? 0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b))).Max();
            return new PublishedComparison(p.Material, p.Gap, r.Gap, max);
        }).ToArray();
}
