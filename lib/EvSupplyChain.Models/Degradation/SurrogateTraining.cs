using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.Degradation;

/// <summary>Held-out accuracy of one output next to what the generator's noise allows.</summary>
/// <param name="Output">Output column.</param>
/// <param name="R2">Coefficient of determination on the test rows.</param>
/// <param name="Mae">Mean absolute error, percentage points.</param>
/// <param name="Rmse">Root-mean-square error, percentage points.</param>
/// <param name="BestR2">R² of the noise-free formula on the same rows: the best any model can do.</param>
/// <param name="BestRmse">RMSE of the noise-free formula on the same rows (≈ the noise sd).</param>
/// <param name="NoiseSd">The generator's noise standard deviation.</param>
/// <param name="Penalty">Ridge penalty chosen by cross-validation.</param>
/// <param name="CrossValidationRmse">k-fold RMSE at that penalty on the training rows.</param>
public sealed record SurrogateMetric(string Output, double R2, double Mae, double Rmse, double BestR2, double BestRmse, double NoiseSd,
    double Penalty, double CrossValidationRmse);

/// <summary>A trained surrogate with its held-out test rows and metrics.</summary>
public sealed class SurrogateTraining
{
    private SurrogateTraining(DegradationDataset data, DegradationSurrogate model, DegradationSample[] train, DegradationSample[] test, IReadOnlyList<SurrogateMetric> metrics)
    {
        Data = data;
        Model = model;
        TrainRows = train;
        TestRows = test;
        Metrics = metrics;
    }

    /// <summary>All generated rows.</summary>
    public DegradationDataset Data { get; }

    /// <summary>The surrogate fitted on <see cref="TrainRows"/>.</summary>
    public DegradationSurrogate Model { get; }

    /// <summary>Training rows (80 % by default).</summary>
    public IReadOnlyList<DegradationSample> TrainRows { get; }

    /// <summary>Held-out rows.</summary>
    public IReadOnlyList<DegradationSample> TestRows { get; }

    /// <summary>Test metrics for fade and resistance.</summary>
    public IReadOnlyList<SurrogateMetric> Metrics { get; }

    /// <summary>Shuffles with the options' seed, holds out the test share, fits on the rest and scores the test rows.</summary>
    public static SurrogateTraining Run(DegradationDataset data, SurrogateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = (options ?? new SurrogateOptions()).Validated();
        var order = DegradationSurrogate.Shuffled(data.Count, o.Seed);
        var testCount = (int)Math.Ceiling(data.Count * o.TestShare);
        var test = order.Take(testCount).Select(i => data.Samples[i]).ToArray();
        var train = order.Skip(testCount).Select(i => data.Samples[i]).ToArray();
        var model = DegradationSurrogate.Fit(data.Chemistry, train, o);
        var predicted = test.Select(s => model.Predict(s.Inputs)).ToArray();
        var truth = test.Select(s => OriginalDegradationModel.Expected(s.Inputs, data.Parameters)).ToArray();
        var metrics = new[]
        {
            Metric("capacity_fade_percent", test.Select(s => s.CapacityFadePercent).ToArray(), predicted.Select(p => p.CapacityFadePercent).ToArray(),
                truth.Select(t => t.CapacityFadePercent).ToArray(), data.Parameters.FadeNoiseSd, model.Penalties.Fade, model.CrossValidationRmse.Fade),
            Metric("resistance_increase_percent", test.Select(s => s.ResistanceIncreasePercent).ToArray(), predicted.Select(p => p.ResistanceIncreasePercent).ToArray(),
                truth.Select(t => t.ResistanceIncreasePercent).ToArray(), data.Parameters.ResistanceNoiseSd, model.Penalties.Resistance, model.CrossValidationRmse.Resistance),
        };
        return new SurrogateTraining(data, model, train, test, metrics);
    }

    /// <summary>The metrics as a table.</summary>
    public Table MetricsTable() =>
        Table.From(Metrics, $"{Data.Chemistry} surrogate (degree {Model.Options.Degree}, {Model.TermCount} terms): {TrainRows.Count} training, {TestRows.Count} test rows")
            .WithNumberFormat("N3").WithFormat("G3", "Penalty");

    /// <summary>Predicted vs generated scatter for one output on the test rows, with the 1:1 line.</summary>
    public Figure PredictedVsGenerated(bool resistance = false)
    {
        var actual = TestRows.Select(s => resistance ? s.ResistanceIncreasePercent : s.CapacityFadePercent).ToArray();
        var predicted = TestRows.Select(s => Model.Predict(s.Inputs)).Select(p => resistance ? p.ResistanceIncreasePercent : p.CapacityFadePercent).ToArray();
        var name = resistance ? "resistance increase (%)" : "capacity fade (%)";
        var fig = Figures.Scatter($"{Data.Chemistry}: predicted vs generated {name}, test rows", actual, predicted, "test rows", $"generated {name}", $"predicted {name}");
        var lo = Math.Min(actual.Min(), predicted.Min());
        var hi = Math.Max(actual.Max(), predicted.Max());
        fig.AddTrace(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = "1:1",
            ["x"] = Figures.Arr([lo, hi]), ["y"] = Figures.Arr([lo, hi]), ["line"] = new System.Text.Json.Nodes.JsonObject { ["dash"] = "dash" },
        });
        return fig;
    }

    private static SurrogateMetric Metric(string name, double[] y, double[] predicted, double[] truth, double noiseSd, double penalty, double cvRmse)
    {
        var mean = y.Average();
        var sst = y.Sum(v => (v - mean) * (v - mean));
        double sse = 0, sae = 0, bestSse = 0;
        for (var i = 0; i < y.Length; i++)
        {
            sse += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            sae += Math.Abs(y[i] - predicted[i]);
            bestSse += (y[i] - truth[i]) * (y[i] - truth[i]);
        }
        return new SurrogateMetric(name, 1 - sse / sst, sae / y.Length, Math.Sqrt(sse / y.Length), 1 - bestSse / sst, Math.Sqrt(bestSse / y.Length), noiseSd, penalty, cvRmse);
    }
}
