using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.BatteryProduction;

/// <summary>A published 2035 value of the original run (data/optimization/published_2035.csv).</summary>
/// <param name="Quantity">objective, total_energy, LFP_share, …, silicon_aam_share.</param>
/// <param name="Value">The published value.</param>
/// <param name="Unit">t, GWh or %.</param>
/// <param name="Source">Where it was printed.</param>
public sealed record PublishedValue(string Quantity, double Value, string Unit, string Source);

/// <summary>The tables and figures of notebook 02, built from solved years.</summary>
public static class BatteryProductionReport
{
    /// <summary>Reads published_2035.csv from the inputs folder.</summary>
    public static IReadOnlyList<PublishedValue> LoadPublished(string folder) =>
        CsvData.Load(Path.Combine(folder, "published_2035.csv"), "quantity", "value", "unit", "source").ReadRecords<PublishedValue>();

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
        .WithFormat("P1", "LFP", "NCA", "NMC", "SIB", "GraphiteAnode", "SiliconAnode");

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

    /// <summary>The 2035 numbers the original prints next to ours.</summary>
    public static Table Compare2035(BatteryProductionResult r, IReadOnlyList<PublishedValue> published)
    {
        double Ours(string q) => q switch
        {
            "objective" => r.Objective,
            "total_energy" => r.TotalGWh,
            "graphite_aam_share" => BatteryProductionResult.Percent(r.AnodeShares["graphite_aam"]),
            "silicon_aam_share" => BatteryProductionResult.Percent(r.AnodeShares["silicon_aam"]),
            _ when q.EndsWith("_share", StringComparison.Ordinal) => BatteryProductionResult.Percent(r.ChemistryShares[q[..^6]]),
            _ => throw new ArgumentException($"Unknown published quantity '{q}'."),
        };
        return Table.From(published.Select(p => new { p.Quantity, p.Unit, Published = p.Value, Reproduced = Ours(p.Quantity), Difference = Ours(p.Quantity) - p.Value }),
            $"{r.Year}: published vs reproduced").WithFormat("G17", "Published", "Reproduced").WithFormat("G3", "Difference");
    }

    /// <summary>Shares at the vertex with their min–max over all optimal solutions.</summary>
    public static Table Ranges(IReadOnlyList<OptimalRange> ranges) =>
        Table.From(ranges.Select(q => new { q.Year, q.Quantity, q.AtVertex, q.Min, q.Max, Printed = Printed(q), q.IdentifiedOnceRounded }),
            "Range over all optimal solutions (shares as fractions)")
        .WithFormat("G6", "AtVertex", "Min", "Max").Rename("AtVertex", "At solver's vertex").Rename("IdentifiedOnceRounded", "Identified once rounded");

    private static string Printed(OptimalRange q) => q.Quantity == "total_GWh"
        ? $"{q.Min.ToString("F3", CultureInfo.InvariantCulture)}–{q.Max.ToString("F3", CultureInfo.InvariantCulture)}"
        : $"{BatteryProductionResult.Percent(q.Min)}–{BatteryProductionResult.Percent(q.Max)} %";

    /// <summary>Bars of the shares at the vertex (%) with error bars spanning the optimal face.</summary>
    public static Figure RangesFigure(IReadOnlyList<OptimalRange> ranges)
    {
        var shares = ranges.Where(q => q.Quantity != "total_GWh").ToArray();
        var fig = Figures.Bars($"{shares[0].Year} shares at the solver's vertex, with the range over all optima (%)",
            shares.Select(q => q.Quantity).ToArray(),
            [new Series("at the vertex", shares.Select(q => 100 * q.AtVertex).ToArray(),
                shares.Select(q => 100 * (q.Max - q.AtVertex)).ToArray(), shares.Select(q => 100 * (q.AtVertex - q.Min)).ToArray())]);
        return fig.WithAxisTitles(null, "% of GWh");
    }

    /// <summary>The silicon-anode share per year with its optimal-face range.</summary>
    public static Figure SiliconShareFigure(IReadOnlyList<IReadOnlyList<OptimalRange>> rangesPerYear)
    {
        var si = rangesPerYear.Select(rs => rs.Single(q => q.Quantity == "silicon_aam")).ToArray();
        return Figures.Bars("Silicon-anode share of GWh: solver's vertex and range over all optima (%)",
            si.Select(q => q.Year.ToString(CultureInfo.InvariantCulture)).ToArray(),
            [new Series("silicon AAM", si.Select(q => 100 * q.AtVertex).ToArray(),
                si.Select(q => 100 * (q.Max - q.AtVertex)).ToArray(), si.Select(q => 100 * (q.AtVertex - q.Min)).ToArray())])
            .WithAxisTitles("year", "% of GWh");
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
