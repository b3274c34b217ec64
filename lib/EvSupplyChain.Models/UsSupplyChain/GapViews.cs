using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>A gap of one material under two settings.</summary>
public sealed record GapChange(string Material, double Demand, double DemandThen, double Gap, double GapThen, double Change);

/// <summary>One row of the published gap table next to the reproduced one.</summary>
public sealed record GapRowComparison(string Material, double PublishedGap, double ReproducedGap, double MaxRelativeDifference);

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
        Table.From(result.Demand.For(result.Year).Select(d => new { d.Material, Tonnes = d.Tonnes }), $"US material demand in {result.Year}")
            .Rename("Tonnes", "Demand (t/yr)").WithFormat("N0", "Demand (t/yr)");

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

    /// <summary>The fitted Weibull lifetime of every chemistry.</summary>
    public static Table Lifetimes(UsRecycling recycling) =>
        Table.From(recycling.Lifetimes.Select(kv => new { Chemistry = kv.Key, kv.Value.Min, kv.Value.Alpha, kv.Value.Beta }), "Fitted Weibull lifetimes")
            .Rename("Min", "Minimum age (years)").Rename("Alpha", "Shape α").Rename("Beta", "Scale β (years)")
            .WithFormat("0.##", "Minimum age (years)").WithFormat("0.000000", "Shape α", "Scale β (years)");

    /// <summary>Retired, available and recycled battery mass and the capacity per year, <paramref name="fromYear"/> to
    /// <paramref name="toYear"/> (default: every year modelled).</summary>
    public static Table RecyclingByYear(UsRecycling recycling, int fromYear, int? toYear = null) =>
        Table.From(recycling.ByYear().Where(r => r.Year >= fromYear && r.Year <= (toYear ?? int.MaxValue)),
                toYear is { } last ? $"US end-of-life batteries and recycling, {fromYear}–{last}" : $"US end-of-life batteries and recycling from {fromYear}")
            .Rename("Retired", "Retired (t/yr)").Rename("Available", "Available (t/yr)").Rename("Recycled", "Recycled (t/yr)")
            .Rename("Capacity", "Capacity (t/yr)").Rename("CapacityBinds", "Capacity binds")
            .WithFormat("N0", "Retired (t/yr)", "Available (t/yr)", "Recycled (t/yr)", "Capacity (t/yr)");

    /// <summary>The "US recycling" supply of every row that receives some, in the result's year.</summary>
    public static Table RecyclingSupply(GapResult result) =>
        Table.From(result.Recycling.Supply(result.Year).Where(r => r.Tonnes > 0).Select(r => new { r.Material, r.Tonnes }),
                $"US recycling supply in {result.Year}")
            .Rename("Tonnes", "Supply (t/yr)").WithFormat("N0", "Supply (t/yr)");

    /// <summary>The eight sources' available supply of every row before allocation, with demand (t/yr).</summary>
    public static Table SupplyBySource(IReadOnlyList<SupplyRow> rows, string title) =>
        Table.Create(
            new[] { new TableColumn("Material", typeof(string)) }.Concat(
                SourceNames.Prepend("Demand").Select(n => new TableColumn(n + " (t/yr)", typeof(double), "N0"))),
            rows.Select(r => (IReadOnlyList<object?>)new object?[]
            {
                r.Material, r.Demand, r.UsMature, r.UsEarlyStage, r.UsRecycling, r.CanadaMexicoMature, r.OtherFta,
                r.CanadaMexicoEarlyStage, r.Feoc, r.OtherNonFta,
            }),
            title);

    /// <summary>The eight supply sources in tier order (non-US recycling, always 0 in the original, is left out).</summary>
    public static readonly IReadOnlyList<string> SourceNames =
        ["US existing & advanced-stage", "US early-stage", "US recycling", "Canada & Mexico mature", "Other FTA",
         "Canada & Mexico early-stage", "FEOC", "Other non-FTA"];

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
        return Table.From(steps, $"{before.Material}: demand {before.Demand.ToString("N0", CultureInfo.InvariantCulture)} t/yr met tier by tier")
            .Rename("Available", "Available (t/yr)").Rename("CumulativeAvailable", "Cumulative available (t/yr)").Rename("Used", "Used (t/yr)")
            .WithFormat("N0", "Available (t/yr)", "Cumulative available (t/yr)", "Used (t/yr)");
    }

    /// <summary>The gap table as the original prints it: every number rounded to whole tonnes, half to even.</summary>
    public static Table AsPrinted(GapResult result)
    {
        var columns = GapRow.Labels.Select((l, i) => new TableColumn(i == 0 ? l : l + " (t/yr)", i == 0 ? typeof(string) : typeof(double), i == 0 ? null : "N0"));
        var rows = result.Rows.Select(r => (IReadOnlyList<object?>)new object?[] { r.Material }
            .Concat(r.Values().Select(v => (object?)Math.Round(v, MidpointRounding.ToEven))).ToArray());
        return Table.Create(columns, rows, $"Supply–demand gap table, {result.Year}, rounded to whole tonnes (half to even) as the original prints it");
    }

    /// <summary>How each material's demand is met: allocated supply by source and the gap, as % of demand (horizontal
    /// stacked bars summing to 100 %), materials top to bottom in table order.</summary>
    public static Figure GapChart(GapResult result, string? title = null)
    {
        var rows = result.Rows.Where(r => r.Demand > 0).Reverse().ToArray();
        var names = rows.Select(r => r.Material).ToArray();
        double[] Pct(Func<GapRow, double> f) => rows.Select(r => 100 * f(r) / r.Demand).ToArray();
        var series = new (string Name, double[] Values)[]
        {
            ("US existing & advanced-stage", Pct(r => r.UsExistingAndAdvanced)), ("US early-stage", Pct(r => r.UsEarlyStage)),
            ("US recycling", Pct(r => r.UsRecycling)), ("Canada & Mexico (historical & advanced)", Pct(r => r.CanadaMexicoHistoricalAndAdvanced)),
            ("Other FTA countries", Pct(r => r.OtherFtaCountries)), ("Canada & Mexico (early-stage)", Pct(r => r.CanadaMexicoEarlyStage)),
            ("FEOC countries", Pct(r => r.FeocCountries)), ("Other non-FTA countries", Pct(r => r.OtherNonFtaCountries)),
            ("Gap (unmet)", Pct(r => r.Gap)),
        };
        return HorizontalBars(title ?? $"How US demand is met in {result.Year}, by source (% of demand)", names, series, "% of demand", stacked: true,
            colors: [.. Enumerable.Range(0, series.Length - 1).Select(i => Palette[i]), "#d62728"]);
    }

    /// <summary>The gap of each material under two results and the change from the first to the second.</summary>
    public static IReadOnlyList<GapChange> Compare(GapResult baseline, GapResult variant) =>
        baseline.Rows.Zip(variant.Rows, (a, b) => new GapChange(a.Material, a.Demand, b.Demand, a.Gap, b.Gap, b.Gap - a.Gap)).ToArray();

    /// <summary><see cref="Compare"/> as a table with column names for the two settings;
    /// <paramref name="changedOnly"/> keeps the materials whose demand or gap changes by at least half a tonne.</summary>
    public static Table CompareTable(GapResult baseline, GapResult variant, string baselineName, string variantName, bool changedOnly = false) =>
        Table.From(Compare(baseline, variant).Where(c => !changedOnly || Math.Abs(c.Change) >= 0.5 || Math.Abs(c.DemandThen - c.Demand) >= 0.5),
                changedOnly ? $"Materials whose demand or gap changes in {baseline.Year}, {baselineName} vs {variantName}" : $"Gap in {baseline.Year}, {baselineName} vs {variantName}")
            .Rename("Demand", $"Demand, {baselineName} (t/yr)").Rename("DemandThen", $"Demand, {variantName} (t/yr)")
            .Rename("Gap", $"Gap, {baselineName} (t/yr)").Rename("GapThen", $"Gap, {variantName} (t/yr)").Rename("Change", "Change of gap (t/yr)")
            .WithNumberFormat("N0");

    /// <summary>Gaps of two results side by side (grouped horizontal bars, t/yr).</summary>
    public static Figure CompareChart(GapResult baseline, GapResult variant, string baselineName, string variantName)
    {
        var rows = baseline.Rows.Zip(variant.Rows).Where(p => p.First.Gap > 0 || p.Second.Gap > 0).Reverse().ToArray();
        return HorizontalBars($"Gap by material: {baselineName} vs {variantName} ({baseline.Year})", rows.Select(p => p.First.Material).ToArray(),
            [(baselineName, rows.Select(p => p.First.Gap).ToArray()), (variantName, rows.Select(p => p.Second.Gap).ToArray())],
            "gap (t/yr)", stacked: false, colors: [Palette[0], Palette[1]]);
    }

    private static readonly string[] Palette =
        ["#1f77b4", "#aec7e8", "#2ca02c", "#ff7f0e", "#ffbb78", "#9467bd", "#8c564b", "#7f7f7f"];

    /// <summary>Horizontal bars, one category per row with its full name on the y axis, legend below the plot.</summary>
    private static Figure HorizontalBars(string title, IReadOnlyList<string> categories, IEnumerable<(string Name, double[] Values)> series,
        string valueTitle, bool stacked, IReadOnlyList<string> colors)
    {
        var fig = new Figure(title);
        var i = 0;
        foreach (var (name, values) in series)
            fig.AddTrace(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "bar", ["orientation"] = "h", ["name"] = name,
                ["x"] = Figures.Arr(values), ["y"] = Figures.Arr(categories),
                ["marker"] = new System.Text.Json.Nodes.JsonObject { ["color"] = colors[i++ % colors.Count] },
                ["hovertemplate"] = "%{y}: %{x:,.4~g}<extra>" + name + "</extra>",
            });
        fig.SetLayout("barmode", stacked ? "stack" : "group");
        fig.SetLayout("yaxis.automargin", true);
        // Names on one line each (rows are only 22 px apart, wrapped names would overlap); the margin grows to fit them.
        fig.SetLayout("yaxis.tickmode", "array");
        fig.SetLayout("yaxis.tickvals", Figures.Arr(categories));
        fig.SetLayout("yaxis.ticktext", Figures.Arr(categories));
        fig.SetLayout("xaxis.automargin", true);
        fig.SetLayout("xaxis.tickformat", ",~s");
        fig.SetLayout("legend.orientation", "h");
        fig.Height = Math.Max(420, 200 + (stacked ? 22 : 34) * categories.Count);
        fig.SetLayout("height", fig.Height);
        // Legend 70 px below the plot area (the area is the height less about 200 px of margins), clear of the x title.
        fig.SetLayout("legend.y", -70.0 / (fig.Height - 200));
        fig.SetLayout("legend.yanchor", "top");
        fig.SetLayout("margin.b", 150);
        return fig.WithAxisTitles(valueTitle, "material");
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

    /// <summary>Where the published gap table comes from.</summary>
    public const string PublishedSource = "Lu et al. code, Core_Analysis.py df_final";

    /// <summary>Demand and gap of every published row beside the reproduced ones (1e-9 relative).</summary>
    public static IReadOnlyList<PublishedValue> PublishedGaps(GapResult result, IReadOnlyList<GapRow> published) =>
        published.SelectMany(p =>
        {
            var r = result.Rows.FirstOrDefault(x => x.Material == p.Material)
                ?? throw new ArgumentException($"the reproduced table has no row '{p.Material}'", nameof(published));
            return new[]
            {
                new PublishedValue($"{p.Material}: demand", PublishedSource, p.Demand, r.Demand, 1e-9, ToleranceKind.Relative, "t/yr"),
                new PublishedValue($"{p.Material}: gap", PublishedSource, p.Gap, r.Gap, 1e-9, ToleranceKind.Relative, "t/yr"),
            };
        }).ToArray();

    /// <summary><see cref="ComparePublished"/> as a table with word headers.</summary>
    public static Table ComparePublishedTable(GapResult result, IReadOnlyList<GapRow> published) =>
        Table.From(ComparePublished(result, published), $"Every number of the gap table, {result.Year}: largest relative difference per row")
            .Rename("PublishedGap", "Published gap (t/yr)").Rename("ReproducedGap", "Reproduced gap (t/yr)")
            .Rename("MaxRelativeDifference", "Largest relative difference of the row's ten numbers")
            .WithFormat("N0", "Published gap (t/yr)", "Reproduced gap (t/yr)").WithFormat("0.0E+0", "Largest relative difference of the row's ten numbers");

    /// <summary>Published vs reproduced: per material the gap and the largest relative difference over its ten numbers.</summary>
    public static IReadOnlyList<GapRowComparison> ComparePublished(GapResult result, IReadOnlyList<GapRow> published) =>
        published.Select(p =>
        {
            var r = result.Rows.FirstOrDefault(x => x.Material == p.Material)
                ?? throw new ArgumentException($"the reproduced table has no row '{p.Material}'", nameof(published));
            var max = p.Values().Zip(r.Values(), (a, b) => a == b ? 0 : Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b))).Max();
            return new GapRowComparison(p.Material, p.Gap, r.Gap, max);
        }).ToArray();
}
