using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Tests.Degradation;

/// <summary>The numbers notebooks/05-battery-degradation.ipynb shows, with the calls it makes.</summary>
public class NotebookNumbersTests
{
    [Fact]
    public void Spec_statistics_table_is_within_0_3_points()
    {
        var rows = ModelComparison.SpecStatistics(attempts: 100_000, seed: 42);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.InRange(r.Difference, -0.3, 0.3));
        Assert.Equal(20.7, rows.Single(r => r.Chemistry == CellChemistry.LiIon && r.Output == "capacity_fade_percent").SpecMean);
    }

    [Fact]
    public void Committed_lookup_csv_is_the_default_model_output()
    {
        var committed = BatteryTemperatureLookup.Load(Path.Combine(TestPaths.Data, "degradation", "battery_temperature_lookup.csv"));
        var model = BatteryTemperatureLookup.Default;
        Assert.Equal(model.Rows.Count, committed.Rows.Count);
        for (var i = 0; i < model.Rows.Count; i++)
        {
            Assert.Equal(model.Rows[i].AverageC, committed.Rows[i].AverageC, 1e-9);
            Assert.Equal(model.Rows[i].PeakC, committed.Rows[i].PeakC, 1e-9);
        }
    }

    [Fact]
    public void Heuristic_is_flat_below_25_C_and_lfp_is_several_times_lower()
    {
        var user = new OperatingConditions(25, 0.7, 0.7, 0.8, 1.0, 100, 1);
        var rows = ModelComparison.FadeVersusTemperature(user, [-10.0, 0, 18, 25, 45]);
        Assert.All(rows.Take(4), r => Assert.Equal(rows[0].OriginalLiIon, r.OriginalLiIon, 12));
        Assert.Equal(15.91, rows[0].OriginalLiIon, 0.01);
        Assert.True(rows[^1].OriginalLiIon > rows[0].OriginalLiIon);
        Assert.All(rows, r => Assert.True(r.Lfp * 1.5 < r.OriginalLiIon));
    }
}
