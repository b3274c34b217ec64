using EvSupplyChain.Cli;
using EvSupplyChain.Models.Degradation;
using System.CommandLine;

namespace EvSupplyChain.Tests.Degradation;

/// <summary>The ML.NET FastTree and LightGBM surrogates beside the polynomial ridge (issue 16 item 3).</summary>
public class TreeSurrogateTests
{
    private static readonly Lazy<DegradationDataset> LiIon20k = new(() => OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 20_000, 42));
    private static readonly Lazy<IReadOnlyList<SurrogateTraining>> All = new(() => SurrogateComparison.Run(LiIon20k.Value, warmUp: false));

    [Fact]
    public void Every_kind_scores_close_to_the_noise_floor_on_held_out_rows()
    {
        Assert.Equal([SurrogateKind.Ridge, SurrogateKind.FastTree, SurrogateKind.LightGbm], All.Value.Select(t => t.Model.Kind));
        foreach (var t in All.Value)
        {
            foreach (var m in t.Metrics)
            {
                Assert.InRange(m.BestR2 - m.R2, -0.005, 0.05);
                Assert.InRange(m.Rmse, 0.97 * m.BestRmse, 1.1 * m.BestRmse);
                Assert.True(m.Mae < m.Rmse, $"{t.Model.Name} {m.Output}: MAE {m.Mae} ≥ RMSE {m.Rmse}");
            }
            Assert.True(t.TrainingSeconds > 0 && t.PredictionMicrosecondsPerRow > 0);
        }
    }

    [Fact]
    public void Ridge_fits_the_smooth_formula_better_than_either_tree_ensemble()
    {
        var ridge = All.Value[0];
        foreach (var trees in All.Value.Skip(1))
            for (var k = 0; k < 2; k++)
                Assert.True(ridge.Metrics[k].R2 > trees.Metrics[k].R2, $"{trees.Model.Name} {trees.Metrics[k].Output}: R² {trees.Metrics[k].R2} ≥ ridge {ridge.Metrics[k].R2}");
    }

    [Theory]
    [InlineData(SurrogateKind.FastTree)]
    [InlineData(SurrogateKind.LightGbm)]
    public void Tree_training_is_deterministic_and_single_and_batch_predictions_agree(SurrogateKind kind)
    {
        var data = OriginalDegradationModel.Generate(OriginalModelParameters.NaIon, 2_000, 3);
        var options = new SurrogateOptions { Kind = kind, Trees = new TreeSettings(Trees: 50) };
        var a = SurrogateTraining.Run(data, options);
        var b = SurrogateTraining.Run(data, options);
        Assert.Equal(a.Metrics, b.Metrics);
        Assert.Equal(kind, a.Model.Kind);
        var inputs = a.TestRows.Take(40).Select(s => s.Inputs).ToArray();
        var batch = new DegradationOutcome[inputs.Length];
        a.Model.PredictMany(inputs, batch);
        Span<double> f = stackalloc double[OperatingConditions.FeatureCount];
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(batch[i], a.Model.Predict(inputs[i]));
            inputs[i].CopyTo(f);
            Assert.Equal(batch[i], a.Model.PredictFeatures(f));
        }
        Assert.NotEqual(batch[0], batch[1]);
    }

    [Fact]
    public void Tree_surrogates_serve_sensitivity_importance_and_monte_carlo()
    {
        var lightGbm = All.Value.Single(t => t.Model.Kind == SurrogateKind.LightGbm);
        var importance = SurrogateAnalysis.Importance(lightGbm, repeats: 2).ToDictionary(i => i.Feature);
        Assert.True(importance["avg_temp_c"].FadeMseIncrease > 10 * Math.Abs(importance["cycles_per_day"].FadeMseIncrease));
        Assert.Equal(7 * 20, SurrogateAnalysis.Sensitivity(lightGbm.Model, 20).Count);
        var (summary, _, _) = SurrogateAnalysis.MonteCarlo(lightGbm.Model, OriginalModelParameters.LiIon, 2_000, seed: 7);
        Assert.InRange(summary[0].Mean, 20.2, 21.2);
        Assert.NotEmpty(lightGbm.Model.RangeWarnings(PredictionChoices.Original.Conditions("Cold", "Gentle", "Low", 95)));
    }

    [Fact]
    public void Comparison_table_has_a_row_per_surrogate_and_output_with_word_headers()
    {
        var table = SurrogateComparison.ToTable(All.Value);
        Assert.Equal(6, table.RowCount);
        Assert.Equal(["Surrogate", "Output", "Test R²", "Best R² (noise-free)", "MAE (pp)", "RMSE (pp)", "Noise floor RMSE (pp)", "Training (s)", "Prediction (µs/row)"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(["polynomial ridge", "polynomial ridge", "FastTree", "FastTree", "LightGBM", "LightGBM"], Enumerable.Range(0, 6).Select(i => (string)table[i, "Surrogate"]!));
        Assert.Throws<ArgumentException>(() => SurrogateComparison.ToTable([]));
    }

    [Fact]
    public void Bad_tree_settings_and_kinds_are_rejected()
    {
        var data = OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 200, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => SurrogateTraining.Run(data, new SurrogateOptions { Kind = SurrogateKind.FastTree, Trees = new TreeSettings(Trees: 0) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SurrogateTraining.Run(data, new SurrogateOptions { Kind = SurrogateKind.LightGbm, Trees = new TreeSettings(LearningRate: 0) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SurrogateTraining.Run(data, new SurrogateOptions { Kind = (SurrogateKind)7 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TreeSurrogate.Fit(SurrogateKind.Ridge, CellChemistry.LiIon, data.Samples));
        Assert.Throws<ArgumentOutOfRangeException>(() => TreeSurrogate.Fit(SurrogateKind.LightGbm, CellChemistry.LiIon, data.Samples.Take(5).ToArray()));
        Assert.Equal(SurrogateKind.LightGbm, Surrogates.Parse(" LightGBM "));
        Assert.Contains("ridge, fasttree, lightgbm", Assert.Throws<ArgumentException>(() => Surrogates.Parse("xgboost")).Message);
    }

    [Theory]
    [InlineData("fasttree", "surrogate: FastTree (Li-ion)")]
    [InlineData("lightgbm", "surrogate: LightGBM (Li-ion)")]
    public void Cli_surrogate_option_selects_the_model(string surrogate, string expected)
    {
        var (code, output, error) = Run("degradation", "--surrogate", surrogate, "--climate", "Hot", "--usage", "Heavy", "--forecast");
        Assert.True(code == 0, error);
        Assert.Contains(expected, output);
        Assert.Contains($"{expected}: SoH forecast to 80 %", output);
    }

    [Fact]
    public void Cli_unknown_surrogate_exits_2_with_the_allowed_values()
    {
        var (code, output, error) = Run("degradation", "--surrogate", "xgboost");
        Assert.Equal(2, code);
        Assert.Contains("--surrogate 'xgboost' is not allowed; allowed values: ridge, fasttree, lightgbm.", error);
        Assert.Equal("", output);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.BuildRoot().Parse([.. args, "--data", TestPaths.Data]).Invoke(new InvocationConfiguration { Output = o, Error = e });
        return (code, o.ToString(), e.ToString());
    }
}
