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

/// <summary>What notebook 05 shows a reader: word headers with units, parameters parsed with clear errors.</summary>
public class DegradationViewTests
{
    [Theory]
    [InlineData("Li-ion", CellChemistry.LiIon)]
    [InlineData("liion", CellChemistry.LiIon)]
    [InlineData("NaIon", CellChemistry.NaIon)]
    [InlineData(" na-ion ", CellChemistry.NaIon)]
    public void Chemistry_parameter_accepts_label_or_name(string text, CellChemistry expected) =>
        Assert.Equal(expected, CellChemistryLabels.Parse(text));

    [Fact]
    public void Unknown_chemistry_names_the_option_and_the_allowed_values()
    {
        var e = Assert.Throws<ArgumentException>(() => CellChemistryLabels.Parse("lead-acid"));
        Assert.Contains("chemistry 'lead-acid'", e.Message);
        Assert.Contains("Li-ion, Na-ion", e.Message);
    }

    [Fact]
    public void Tables_have_word_headers_and_no_code_names()
    {
        var data = OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 200, 1);
        var training = SurrogateTraining.Run(OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 600, 1));
        Table[] tables =
        [
            DegradationViews.Inputs(OriginalModelParameters.NaIon), DegradationViews.Sample(data), DegradationViews.Summary(data),
            DegradationViews.Constants(), DegradationViews.Cell(ThermalCellParameters.Default), DegradationViews.Lookup(BatteryTemperatureLookup.Default),
            DegradationViews.Importance(SurrogateAnalysis.Importance(training, repeats: 2), "t"), PredictionChoices.Original.ToTable(),
        ];
        foreach (var t in tables)
        {
            Assert.All(t.Columns, c => Assert.DoesNotMatch("_|[a-z][A-Z][a-z]", c.Name));
            Assert.DoesNotContain("LiIon", t.ToText());
            Assert.DoesNotContain("avg_temp_c", t.ToText());
        }
    }

    [Fact]
    public void Constants_table_shows_the_spec_values()
    {
        var t = DegradationViews.Constants();
        Assert.Equal(["Symbol", "Meaning", "Li-ion", "Na-ion"], t.Columns.Select(c => c.Name));
        Assert.Equal(2.2, (double)t[3, "Li-ion"]!);
        Assert.Equal(0.0, (double)t[5, "Na-ion"]!);
    }

    [Fact]
    public void Dataframe_groups_by_traffic_level_with_typed_columns()
    {
        var frame = DegradationViews.ToDataFrame(OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 1000, 42));
        Assert.Equal(9, frame.Columns.Count);
        Assert.IsType<Microsoft.Data.Analysis.DoubleDataFrameColumn>(frame[DegradationViews.FadeLabel]);
        var byTraffic = frame.GroupBy(DegradationViews.FeatureLabels[6]).Mean(DegradationViews.ResistanceLabel).OrderBy(DegradationViews.FeatureLabels[6]);
        Assert.Equal(3, byTraffic.Rows.Count);
        Assert.True((double)byTraffic[DegradationViews.ResistanceLabel][2] > (double)byTraffic[DegradationViews.ResistanceLabel][0]);
    }
}
