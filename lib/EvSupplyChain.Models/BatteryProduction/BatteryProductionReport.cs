using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.BatteryProduction;

/// <summary>The tables and figures of notebook 02, built from solved years.</summary>
public static class BatteryProductionReport
{
    /// <summary>The year the original prints its tables for.</summary>
    public const int PublishedYear = 2035;

    /// <summary>Reads published_2035.csv (the original's printed 2035 numbers, with tolerances) from the inputs folder.</summary>
    public static PublishedCsv LoadPublished(string folder) => PublishedCsv.Load(Path.Combine(folder, "published_2035.csv"));

    /// <summary>The 33 supply limits (rows) per year (columns).</summary>
    public static Table SupplyLimits(BatteryProductionInputs inputs, IReadOnlyList<int> years)
    {
        var models = years.Select(y => BatteryProductionModel.Build(inputs, y)).ToArray();
        var columns = new List<TableColumn> { new("Supply limit", typeof(string)), new("Stage", typeof(string)) };
        columns.AddRange(years.Select(y => new TableColumn(y.ToString(CultureInfo.InvariantCulture), typeof(double), "N0")));
        var rows = models[0].SupplyLimits.Select((l, i) => (IReadOnlyList<object?>)[l.Label, l.Stage, .. models.Select(m => (object?)m.SupplyLimits[i].Constraint.Rhs)]);
        return Table.Create(columns, rows, "Eligible supply limits (t/yr; separator in the original's non-tonne unit)");
    }

    /// <summary>Production (t) and energy (GWh) per year with the chemistry and anode shares at the solver's vertex.</summary>
    public static Table Summary(IReadOnlyList<BatteryProductionResult> results) =>
        Table.From(results.Select(r => new
        {
            r.Year,
            Tonnes = r.TotalTonnes,
            r.TotalGWh,
            LFP = r.ChemistryShares["LFP"],
            NCA = r.ChemistryShares["NCA"],
            NMC = r.ChemistryShares["NMC"],
            SIB = r.ChemistryShares["SIB"],
            GraphiteAnode = r.AnodeShares["graphite_aam"],
            SiliconAnode = r.AnodeShares["silicon_aam"],
        }), "Optimal eligible production per year (shares of GWh)")
        .Rename("Tonnes", "Production (t)").Rename("TotalGWh", "Energy (GWh)")
        .WithFormat("N0", "Production (t)").WithFormat("N3", "Energy (GWh)")
        .WithFormat("P1", "LFP", "NCA", "NMC", "SIB", "GraphiteAnode", "SiliconAnode")
        .Rename("LFP", "LFP share").Rename("NCA", "NCA share").Rename("NMC", "NMC share").Rename("SIB", "SIB share")
        .Rename("GraphiteAnode", "Graphite anode share").Rename("SiliconAnode", "Silicon anode share");

    /// <summary>Stacked bars of GWh per year by chemistry, graphite and silicon anodes separately.</summary>
    public static Figure EnergyByChemistry(IReadOnlyList<BatteryProductionResult> results)
    {
        var years = results.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)).ToArray();
        var series = new List<Series>();
        foreach (var g in BatteryTypes.ChemistryGroups)
            foreach (var silicon in new[] { false, true })
            {
                var values = results.Select(r => BatteryTypes.All.Where(b => BatteryTypes.ChemistryGroup(b) == g && BatteryTypes.IsSilicon(b) == silicon).Sum(b => r.EnergyByType[b])).ToArray();
                if (values.Any(v => v > 0)) series.Add(new Series(silicon ? $"{g} (Si anode)" : g, values));
            }
        return Figures.StackedBars("Optimal eligible battery production by chemistry (GWh)", years, series).WithAxisTitles("year", "GWh");
    }

    /// <summary>
    /// The numbers the original prints beside ours. Shares are printed as whole percent (half to even). A share the
    /// model does not identify (its range over all optimal solutions is wider than the rounding) is compared with the
    /// closest optimal value, and the range is named in the quantity, since any value in it is equally optimal.
    /// </summary>
    public static IReadOnlyList<PublishedValue> Compare(BatteryProductionResult r, IReadOnlyList<OptimalRange> ranges, PublishedCsv published) =>
        published.Select(p => CompareOne(r, ranges, published, p)).Select(v => v with { Quantity = QuantityLabel(v.Quantity) }).ToArray();

    /// <summary>Words for the published file's quantity keys (<c>LFP_share</c> → "LFP share of GWh").</summary>
    public static string QuantityLabel(string key) => key switch
    {
        _ when key.StartsWith("objective", StringComparison.Ordinal) => "Eligible battery production, the objective (t)" + key["objective".Length..],
        _ when key.StartsWith("total_energy", StringComparison.Ordinal) => "Total energy (GWh)" + key["total_energy".Length..],
        _ when key.StartsWith("graphite_aam_share", StringComparison.Ordinal) => "Graphite anode share of GWh" + key["graphite_aam_share".Length..],
        _ when key.StartsWith("silicon_aam_share", StringComparison.Ordinal) => "Silicon anode share of GWh" + key["silicon_aam_share".Length..],
        _ when key.Contains("_share", StringComparison.Ordinal) => key.Replace("_share", " share of GWh", StringComparison.Ordinal),
        _ => key,
    };

    private static PublishedValue CompareOne(BatteryProductionResult r, IReadOnlyList<OptimalRange> ranges, PublishedCsv published, PublishedEntry p)
    {
            if (p.Quantity == "objective") return p.Compare(r.Objective);
            if (p.Quantity == "total_energy")
            {
                var gwh = ranges.Single(q => q.Quantity == "total_GWh");
                return gwh.Identified ? p.Compare(r.TotalGWh)
                    : p.Compare(Math.Clamp(p.Value, gwh.Min, gwh.Max)) with { Quantity = $"{p.Quantity} (closest of the optimal range {gwh.Min:0.###}–{gwh.Max:0.###} GWh)" };
            }
            var group = p.Quantity.EndsWith("_share", StringComparison.Ordinal) ? p.Quantity[..^6] : p.Quantity;
            var range = ranges.FirstOrDefault(q => q.Quantity == group)
                ?? throw new ArgumentException($"{Path.GetFileName(published.File)}, line {p.Line}: unknown quantity '{p.Quantity}'");
            if (range.IdentifiedOnceRounded) return p.Compare(BatteryProductionResult.Percent(range.AtVertex));
            var closest = Math.Clamp(p.Value / 100, range.Min, range.Max);
            return p.Compare(BatteryProductionResult.Percent(closest)) with
            {
                Quantity = $"{p.Quantity} (closest of the optimal range {100 * range.Min:0.#}–{100 * range.Max:0.#} %)",
            };
    }

    /// <summary>Size of the model as the original writes it and of the LP its presolve leaves.</summary>
    public static Prose ModelSize(BatteryProductionModel model) => Prose.Markdown(
        $"For {model.Year}: {model.Production.Count} production variables (vehicle type × battery type), " +
        $"{model.SupplyLimits.Count} supply limits; as the original writes it, {model.Model.Variables.Count} variables, " +
        $"{model.Model.Constraints.Count} constraints and {model.Model.NonZeros} non-zeros.");

    /// <summary>The rounded chemistry shares that every optimum shares, and the spread of the unidentified anode split.</summary>
    public static Prose Identification(IReadOnlyList<OptimalRange> ranges)
    {
        var year = ranges[0].Year;
        var chem = ranges.Where(q => BatteryTypes.ChemistryGroups.Contains(q.Quantity)).ToArray();
        var same = chem.All(q => q.IdentifiedOnceRounded);
        var shares = string.Join("/", chem.Select(q => BatteryProductionResult.Percent(q.AtVertex).ToString(CultureInfo.InvariantCulture)));
        var si = ranges.Single(q => q.Quantity == "silicon_aam");
        return Prose.Markdown(
            $"In {year} the rounded chemistry shares ({string.Join("/", chem.Select(q => q.Quantity))} = {shares} % of GWh) " +
            (same ? "are the same at every optimum" : "differ between optima") +
            $"; the anode split is {(si.IdentifiedOnceRounded ? "identified" : "not")}: any silicon-anode share from " +
            $"{(100 * si.Min).ToString("0.#", CultureInfo.InvariantCulture)} to {(100 * si.Max).ToString("0.#", CultureInfo.InvariantCulture)} % is optimal.");
    }

    /// <summary>The supply limits that bind in every solved year.</summary>
    public static Prose AlwaysBinding(IReadOnlyList<BatteryProductionResult> results)
    {
        var labels = results[0].Supply.Select(s => s.Label)
            .Where(l => results.All(r => r.Supply.Single(s => s.Label == l).Binding)).ToArray();
        return Prose.Markdown(
            $"Binding in every year {results[0].Year}–{results[^1].Year}: {string.Join(", ", labels)}. " +
            "A binding limit with a shadow price of 0 is met, but another input can take its place.");
    }

    /// <summary>Chemistry shares of GWh per year at the solver's vertex (stacked bars to 100 %).</summary>
    public static Figure ChemistryShares(IReadOnlyList<BatteryProductionResult> results)
    {
        var years = results.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)).ToArray();
        return Figures.StackedBars($"Chemistry shares of eligible battery production, {results[0].Year}–{results[^1].Year}", years,
                BatteryTypes.ChemistryGroups.Select(g => new Series(g, results.Select(r => 100 * r.ChemistryShares[g]).ToArray())))
            .WithAxisTitles("year", "% of GWh");
    }

    /// <summary>The silicon-anode share per year: range over all optimal solutions as a floating bar, the solver's
    /// vertex as a marker (a range of equally optimal answers, not an uncertainty).</summary>
    public static Figure AnodeShareRanges(IReadOnlyList<IReadOnlyList<OptimalRange>> rangesPerYear) =>
        RangeFigure("Silicon-anode share of GWh per year: every value in the bar is optimal",
            rangesPerYear.Select(rs => rs.Single(q => q.Quantity == "silicon_aam")).ToArray(), q => q.Year.ToString(CultureInfo.InvariantCulture), "year");

    /// <summary>Shares at the vertex with their min–max over all optimal solutions.</summary>
    public static Table Ranges(IReadOnlyList<OptimalRange> ranges) =>
        Table.Create(
            [new("Quantity", typeof(string)), new("Unit", typeof(string)), new("At the solver's vertex", typeof(double), "0.###"),
             new("Minimum over optima", typeof(double), "0.###"), new("Maximum over optima", typeof(double), "0.###"),
             new("Printed range", typeof(string)), new("Identified once rounded", typeof(bool))],
            ranges.Select(q => (IReadOnlyList<object?>)[Label(q.Quantity), q.Quantity == "total_GWh" ? "GWh" : "% of GWh",
                Scale(q) * q.AtVertex, Scale(q) * q.Min, Scale(q) * q.Max, Printed(q), q.IdentifiedOnceRounded]),
            $"{ranges[0].Year}: each reported quantity over all optimal solutions");

    private static double Scale(OptimalRange q) => q.Quantity == "total_GWh" ? 1 : 100;

    private static string Label(string quantity) => quantity switch
    {
        "total_GWh" => "Total energy",
        "graphite_aam" => "Graphite anode share",
        "silicon_aam" => "Silicon anode share",
        _ => quantity + " share",
    };

    private static string Printed(OptimalRange q) => q.Quantity == "total_GWh"
        ? $"{q.Min.ToString("F3", CultureInfo.InvariantCulture)}–{q.Max.ToString("F3", CultureInfo.InvariantCulture)}"
        : $"{BatteryProductionResult.Percent(q.Min)}–{BatteryProductionResult.Percent(q.Max)} %";

    /// <summary>Every share of one year: range over all optimal solutions as a floating bar, the solver's vertex as a marker.</summary>
    public static Figure RangesFigure(IReadOnlyList<OptimalRange> ranges) =>
        RangeFigure($"{ranges[0].Year} shares: every value in a bar is optimal", ranges.Where(q => q.Quantity != "total_GWh").ToArray(),
            q => Label(q.Quantity), "share");

    private static Figure RangeFigure(string title, IReadOnlyList<OptimalRange> ranges, Func<OptimalRange, string> category, string xTitle)
    {
        // A share that is identified still gets a visible sliver (0.2 pp) so its bar shows where it is.
        var low = ranges.Select(q => 100 * q.Min).ToArray();
        var high = ranges.Select(q => 100 * Math.Max(q.Max, q.Min + 0.002)).ToArray();
        var fig = Figures.RangeBars(title, ranges.Select(category).ToArray(),
            [new RangeSeries("range over all optimal solutions", low, high, ranges.Select(q => 100 * q.AtVertex).ToArray(), "solver's vertex", "rgba(31,119,180,0.4)")],
            xTitle, "% of GWh");
        fig.SetLayout("yaxis.range", new System.Text.Json.Nodes.JsonArray(0, 100));
        return fig;
    }

    /// <summary>Shadow prices of the binding supply limits (rows) per year (columns); blank when not binding.</summary>
    public static Table ShadowPrices(IReadOnlyList<BatteryProductionResult> results)
    {
        var labels = results[0].Supply.Select(s => s.Label).Where(l => results.Any(r => r.Supply.Single(s => s.Label == l).Binding)).ToArray();
        var columns = new List<TableColumn> { new("Binding supply limit", typeof(string)) };
        columns.AddRange(results.Select(r => new TableColumn(r.Year.ToString(CultureInfo.InvariantCulture), typeof(double), "N3")));
        var rows = labels.Select(l => (IReadOnlyList<object?>)[l, .. results.Select(r => r.Supply.Single(s => s.Label == l) is { Binding: true } s ? (object?)s.ShadowPrice : null)]);
        var unit = results[0].Model.Objective == ProductionObjective.Mass ? "t battery per t supply" : "GWh per t supply";
        return Table.Create(columns, rows, $"Shadow prices of binding supply limits ({unit}; one valid choice at a degenerate optimum)");
    }
}
