using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Tests.Degradation;

public class SurrogateTests
{
    private static readonly Lazy<SurrogateTraining> LiIon20k = new(() => InteractivePrediction.Train(CellChemistry.LiIon, 20_000, 42));

    [Theory]
    [InlineData(CellChemistry.LiIon)]
    [InlineData(CellChemistry.NaIon)]
    public void Held_out_r2_is_within_0_02_of_the_best_the_noise_allows(CellChemistry chemistry)
    {
        var training = chemistry == CellChemistry.LiIon ? LiIon20k.Value : InteractivePrediction.Train(chemistry, 20_000, 42);
        Assert.Equal(2, training.Metrics.Count);
        foreach (var m in training.Metrics)
        {
            Assert.InRange(m.BestR2 - m.R2, -0.005, 0.02);
            Assert.True(m.Rmse >= 0.9 * m.NoiseSd, $"{m.Output}: RMSE {m.Rmse} below the noise floor {m.NoiseSd}");
            Assert.InRange(m.BestRmse, 0.95 * m.NoiseSd, 1.05 * m.NoiseSd);
        }
    }

    [Fact]
    public void Surrogate_tracks_the_noise_free_formula_inside_the_training_range()
    {
        var model = LiIon20k.Value.Model;
        var p = OriginalModelParameters.LiIon;
        foreach (var x in new[] { new OperatingConditions(35, 0.8, 1.0, 1.2, 1.5, 95, 1), new OperatingConditions(45, 0.65, 0.6, 1.5, 1.0, 88, 2) })
        {
            Assert.Equal(OriginalDegradationModel.Expected(x, p).CapacityFadePercent, model.Predict(x).CapacityFadePercent, 0.3);
            Assert.Equal(OriginalDegradationModel.Expected(x, p).ResistanceIncreasePercent, model.Predict(x).ResistanceIncreasePercent, 0.3);
            Assert.Empty(model.RangeWarnings(x));
        }
    }

    [Fact]
    public void Inputs_outside_the_training_range_are_warned_about()
    {
        var model = LiIon20k.Value.Model;
        var gentleCold = PredictionChoices.Original.Conditions("Cold", "Gentle", "Low", 95);
        var warnings = model.RangeWarnings(gentleCold);
        Assert.Contains(warnings, w => w.StartsWith("dod = 0.5"));
        Assert.Contains(warnings, w => w.StartsWith("charge_rate = 0.3"));
        Assert.Contains(warnings, w => w.StartsWith("discharge_rate = 0.5"));
        Assert.Empty(model.RangeWarnings(PredictionChoices.Original.Conditions("Hot", "Heavy", "High", 95)));
    }

    [Fact]
    public void Batch_prediction_equals_single_prediction()
    {
        var model = LiIon20k.Value.Model;
        var inputs = LiIon20k.Value.TestRows.Take(50).Select(s => s.Inputs).ToArray();
        var outcomes = new DegradationOutcome[inputs.Length];
        model.PredictMany(inputs, outcomes);
        for (var i = 0; i < inputs.Length; i++) Assert.Equal(model.Predict(inputs[i]), outcomes[i]);
        Span<double> f = stackalloc double[7];
        inputs[0].CopyTo(f);
        Assert.Equal(model.Predict(inputs[0]), model.PredictFeatures(f));
    }

    [Fact]
    public void Importance_ranks_unused_cycles_per_day_near_zero_and_sensitivity_has_50_points_per_feature()
    {
        var training = LiIon20k.Value;
        var importance = SurrogateAnalysis.Importance(training, repeats: 3);
        var byName = importance.ToDictionary(i => i.Feature);
        var top = importance.MaxBy(i => i.FadeMseIncrease)!;
        Assert.True(byName["cycles_per_day"].FadeMseIncrease < 0.01 * top.FadeMseIncrease);
        Assert.True(byName["charge_rate"].ResistanceMseIncrease > byName["cycles_per_day"].ResistanceMseIncrease);
        var curves = SurrogateAnalysis.Sensitivity(training.Model);
        Assert.Equal(7 * 50, curves.Count);
        var temp = curves.Where(c => c.Feature == "avg_temp_c").ToArray();
        Assert.True(temp[^1].CapacityFadePercent > temp[0].CapacityFadePercent);
    }

    [Fact]
    public void Monte_carlo_summary_matches_the_generator_mean()
    {
        var (summary, fade, _) = SurrogateAnalysis.MonteCarlo(LiIon20k.Value.Model, OriginalModelParameters.LiIon, 10_000, seed: 7);
        Assert.Equal(10_000, fade.Length);
        Assert.InRange(summary[0].Mean, 20.4, 21.0);
        Assert.True(summary[0].P2_5 < summary[0].Mean && summary[0].Mean < summary[0].P97_5);
    }

    [Fact]
    public void Training_is_deterministic_and_bad_options_are_rejected()
    {
        var data = OriginalDegradationModel.Generate(OriginalModelParameters.NaIon, 1000, 3);
        var a = SurrogateTraining.Run(data);
        var b = SurrogateTraining.Run(data);
        Assert.Equal(a.Metrics, b.Metrics);
        Assert.Throws<ArgumentOutOfRangeException>(() => SurrogateTraining.Run(data, new SurrogateOptions(Degree: 9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SurrogateTraining.Run(data, new SurrogateOptions(TestShare: 0.9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DegradationSurrogate.Fit(CellChemistry.NaIon, data.Samples.Take(5).ToArray()));
    }
}
