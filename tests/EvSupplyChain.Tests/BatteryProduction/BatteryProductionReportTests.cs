using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Tests.BatteryProduction;

/// <summary>What notebook 02 shows: the published-vs-reproduced table, the identification sentence and the range figure.</summary>
public class BatteryProductionReportTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Data, "optimization");
    private static readonly BatteryProductionInputs Inputs = BatteryProductionInputs.Load(Folder);
    private static readonly Lazy<BatteryProductionResult> Year2035 = new(() => BatteryProductionAnalysis.Solve(Inputs, 2035));
    private static readonly Lazy<IReadOnlyList<OptimalRange>> Ranges2035 = new(() => BatteryProductionAnalysis.Ranges(Year2035.Value));

    [Fact]
    public void Every_published_2035_number_is_within_its_tolerance()
    {
        var published = BatteryProductionReport.LoadPublished(Folder);
        var rows = BatteryProductionReport.Compare(Year2035.Value, Ranges2035.Value, published);
        Assert.Equal(published.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r.Within, $"{r.Quantity}: published {r.Published}, reproduced {r.Reproduced}"));
    }

    [Fact]
    public void A_wrong_published_objective_is_flagged()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-published-").FullName;
        var lines = File.ReadAllLines(Path.Combine(Folder, "published_2035.csv"));
        File.WriteAllLines(Path.Combine(dir, "published_2035.csv"),
            lines.Select(l => l.StartsWith("objective,", StringComparison.Ordinal) ? l.Replace("567370.4", "567380.4", StringComparison.Ordinal) : l));
        var rows = BatteryProductionReport.Compare(Year2035.Value, Ranges2035.Value, BatteryProductionReport.LoadPublished(dir));
        Assert.Equal(["Eligible battery production, the objective (t)"], rows.Where(r => !r.Within).Select(r => r.Quantity));
    }

    [Fact]
    public void Unidentified_anode_shares_are_compared_with_the_closest_optimal_value_and_say_so()
    {
        var rows = BatteryProductionReport.Compare(Year2035.Value, Ranges2035.Value, BatteryProductionReport.LoadPublished(Folder));
        var graphite = rows.Single(r => r.Quantity.StartsWith("Graphite anode share of GWh", StringComparison.Ordinal));
        Assert.Contains("closest of the optimal range", graphite.Quantity);
        var range = Ranges2035.Value.Single(q => q.Quantity == "graphite_aam");
        Assert.True(range.Max - range.Min > 0.1, "the anode split spans a face of optima");
        Assert.InRange(graphite.Reproduced, 100 * range.Min - 0.5, 100 * range.Max + 0.5);
    }

    [Theory]
    [InlineData("objective", "Eligible battery production, the objective (t)")]
    [InlineData("LFP_share", "LFP share of GWh")]
    [InlineData("silicon_aam_share (closest of the optimal range 0–26.7 %)", "Silicon anode share of GWh (closest of the optimal range 0–26.7 %)")]
    public void Quantity_keys_read_as_words(string key, string label) => Assert.Equal(label, BatteryProductionReport.QuantityLabel(key));

    [Fact]
    public void Identification_sentence_comes_from_the_ranges()
    {
        var text = BatteryProductionReport.Identification(Ranges2035.Value).Source;
        Assert.Contains("In 2035 the rounded chemistry shares", text);
        Assert.Contains("are the same at every optimum", text);
        var si = Ranges2035.Value.Single(q => q.Quantity == "silicon_aam");
        Assert.Contains($"from {100 * si.Min:0.#} to {100 * si.Max:0.#} %", text);
    }

    [Fact]
    public void Range_figure_draws_ranges_as_floating_bars_not_error_bars()
    {
        var fig = BatteryProductionReport.RangesFigure(Ranges2035.Value);
        Assert.DoesNotContain(fig.Data, t => t!["error_y"] is not null);
        var bars = fig.Data.Single(t => t!["type"]!.GetValue<string>() == "bar");
        Assert.NotNull(bars!["base"]);
    }
}
