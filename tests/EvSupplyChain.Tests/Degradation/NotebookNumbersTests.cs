using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Degradation;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Degradation;

/// <summary>The numbers notebooks/05-battery-degradation.ipynb shows, with the calls it makes.</summary>
public class NotebookNumbersTests
{
    [Fact]
    public void Every_published_value_is_reproduced_within_its_tolerance()
    {
        var published = PublishedCsv.Load(Path.Combine(TestPaths.Data, "degradation", "published.csv"));
        var rows = ModelComparison.Published(published, PredictionChoices.Original, attempts: 100_000, seed: 42);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.True(r.Within, $"{r.Quantity}: {r.Reproduced} vs {r.Published}"));
        Assert.Equal(20.7, rows.Single(r => r.Quantity == "Mean 500-cycle capacity fade, Li-ion").Published);
        Assert.InRange(rows[0].Reproduced, 20.4, 21.0);
    }

    [Fact]
    public void An_unknown_published_quantity_names_the_file_and_line()
    {
        var csv = PublishedCsv.Parse(new StringReader("quantity,source,value,unit,tolerance,tolerance_kind\nMean fade of lead-acid,x,1,%,0.1,absolute\n"), "published.csv");
        var e = Assert.Throws<DataValidationException>(() => ModelComparison.Published(csv, PredictionChoices.Original, attempts: 100));
        Assert.Contains("published.csv", e.Message);
        Assert.Contains("line 2", e.Message);
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

/// <summary>The surrogate and forecast claims notebook 05 makes in its text.</summary>
public class NotebookSurrogateClaimsTests
{
    [Fact]
    public void Gap_to_the_noise_ceiling_is_under_0_005_with_20000_attempts_and_about_0_035_for_resistance_with_1000()
    {
        foreach (var chemistry in Enum.GetValues<CellChemistry>())
            Assert.All(InteractivePrediction.Train(chemistry, 20_000, 42).Metrics, m => Assert.InRange(m.BestR2 - m.R2, -0.005, 0.005));
        var small = SurrogateTraining.Run(OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 1000, 42));
        Assert.InRange(small.Metrics[1].BestR2 - small.Metrics[1].R2, 0.025, 0.045);
    }

    [Fact]
    public void Heuristic_reaches_80_percent_within_two_years_and_lfp_takes_decades()
    {
        var start = PredictionChoices.Original.Conditions("Temperate", "Average", "Medium", 100);
        Assert.InRange(DegradationForecast.Original(start, OriginalModelParameters.LiIon).EndOfLifeYears!.Value, 1.5, 2.0);
        var lfp = DegradationForecast.SemiEmpirical(SemiEmpiricalAgeing.For(AgeingCell.Lfp), start, 80, horizonYears: 60);
        Assert.True(lfp.EndOfLifeYears > 20);
    }
}
