using System.Diagnostics;
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
public sealed record SurrogateMetric(string Output, double R2, double Mae, double Rmse, double BestR2, double BestRmse, double NoiseSd);

/// <summary>A trained surrogate with its held-out test rows, metrics and timings.</summary>
public sealed class SurrogateTraining
{
    private SurrogateTraining(DegradationDataset data, IDegradationSurrogate model, DegradationSample[] train, DegradationSample[] test,
        IReadOnlyList<SurrogateMetric> metrics, double trainingSeconds, double predictionMicroseconds)
    {
        Data = data;
        Model = model;
        TrainRows = train;
        TestRows = test;
        Metrics = metrics;
        TrainingSeconds = trainingSeconds;
        PredictionMicrosecondsPerRow = predictionMicroseconds;
    }

    /// <summary>All generated rows.</summary>
    public DegradationDataset Data { get; }

    /// <summary>The surrogate fitted on <see cref="TrainRows"/>.</summary>
    public IDegradationSurrogate Model { get; }

    /// <summary>Training rows (80 % by default).</summary>
    public IReadOnlyList<DegradationSample> TrainRows { get; }

    /// <summary>Held-out rows.</summary>
    public IReadOnlyList<DegradationSample> TestRows { get; }

    /// <summary>Test metrics for fade and resistance.</summary>
    public IReadOnlyList<SurrogateMetric> Metrics { get; }

    /// <summary>Wall-clock seconds of the fit (both outputs; one measurement, not a benchmark).</summary>
    public double TrainingSeconds { get; }

    /// <summary>Wall-clock microseconds per row of a batch prediction of the test rows (both outputs), timed on the
    /// second pass so that first-call compilation is not counted.</summary>
    public double PredictionMicrosecondsPerRow { get; }

    /// <summary>Shuffles with the options' seed, holds out the test share, fits the options' kind on the rest and scores the test rows.</summary>
    public static SurrogateTraining Run(DegradationDataset data, SurrogateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = (options ?? new SurrogateOptions()).Validated();
        var order = DegradationSurrogate.Shuffled(data.Count, o.Seed);
        var testCount = (int)Math.Ceiling(data.Count * o.TestShare);
        var test = order.Take(testCount).Select(i => data.Samples[i]).ToArray();
        var train = order.Skip(testCount).Select(i => data.Samples[i]).ToArray();
        var clock = Stopwatch.StartNew();
        IDegradationSurrogate model = o.Kind == SurrogateKind.Ridge
            ? DegradationSurrogate.Fit(data.Chemistry, train, o)
            : TreeSurrogate.Fit(o.Kind, data.Chemistry, train, o.Trees, o.Seed);
        var trainingSeconds = clock.Elapsed.TotalSeconds;
        var inputs = test.Select(s => s.Inputs).ToArray();
        var predicted = new DegradationOutcome[test.Length];
        model.PredictMany(inputs, predicted);
        clock.Restart();
        model.PredictMany(inputs, new DegradationOutcome[test.Length]);
        var predictionMicroseconds = clock.Elapsed.TotalMicroseconds / Math.Max(1, test.Length);
        var truth = test.Select(s => OriginalDegradationModel.Expected(s.Inputs, data.Parameters)).ToArray();
        var metrics = new[]
        {
            Metric("capacity_fade_percent", test.Select(s => s.CapacityFadePercent).ToArray(), predicted.Select(p => p.CapacityFadePercent).ToArray(),
                truth.Select(t => t.CapacityFadePercent).ToArray(), data.Parameters.FadeNoiseSd),
            Metric("resistance_increase_percent", test.Select(s => s.ResistanceIncreasePercent).ToArray(), predicted.Select(p => p.ResistanceIncreasePercent).ToArray(),
                truth.Select(t => t.ResistanceIncreasePercent).ToArray(), data.Parameters.ResistanceNoiseSd),
        };
        return new SurrogateTraining(data, model, train, test, metrics, trainingSeconds, predictionMicroseconds);
    }

    /// <summary>A short description of the model: its kind and settings.</summary>
    public string Description => Model switch
    {
        DegradationSurrogate r => $"{r.Name}, degree {r.Options.Degree} ({r.TermCount} terms), penalties λ = {r.Penalties.Fade:G3} / {r.Penalties.Resistance:G3} by {r.Options.Folds}-fold CV",
        TreeSurrogate t => $"{t.Name}, {t.Settings.Trees} trees of ≤ {t.Settings.Leaves} leaves, learning rate {t.Settings.LearningRate:G3}",
        _ => Model.Name,
    };

    /// <summary>The metrics as a table with word headers.</summary>
    public Table MetricsTable() =>
        Table.Create(
        [
            new TableColumn("Output", typeof(string)), new TableColumn("Test R²", typeof(double), "N3"), new TableColumn("Best R² (noise-free formula)", typeof(double), "N3"),
            new TableColumn("MAE (pp)", typeof(double), "N3"), new TableColumn("RMSE (pp)", typeof(double), "N3"),
            new TableColumn("Best RMSE (pp)", typeof(double), "N3"), new TableColumn("Noise sd (pp)", typeof(double), "N3"),
        ], Metrics.Select(m => (IReadOnlyList<object?>)[OutputLabel(m.Output), m.R2, m.BestR2, m.Mae, m.Rmse, m.BestRmse, m.NoiseSd]),
        $"{Data.Chemistry.Label()} surrogate ({Description}): {TrainRows.Count:N0} training, {TestRows.Count:N0} test rows");

    /// <summary>Predicted vs generated scatter for one output on the test rows, with the 1:1 line.</summary>
    public Figure PredictedVsGenerated(bool resistance = false)
    {
        var actual = TestRows.Select(s => resistance ? s.ResistanceIncreasePercent : s.CapacityFadePercent).ToArray();
        var outcomes = new DegradationOutcome[TestRows.Count];
        Model.PredictMany(TestRows.Select(s => s.Inputs).ToArray(), outcomes);
        var predicted = outcomes.Select(p => resistance ? p.ResistanceIncreasePercent : p.CapacityFadePercent).ToArray();
        var name = resistance ? "resistance increase (%)" : "capacity fade (%)";
        var fig = Figures.Scatter($"{Data.Chemistry.Label()}, {Model.Name}: predicted vs generated {name}, test rows", actual, predicted, "test rows", $"generated {name}", $"predicted {name}");
        var lo = Math.Min(actual.Min(), predicted.Min());
        var hi = Math.Max(actual.Max(), predicted.Max());
        fig.AddTrace(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = "1:1",
            ["x"] = Figures.Arr([lo, hi]), ["y"] = Figures.Arr([lo, hi]), ["line"] = new System.Text.Json.Nodes.JsonObject { ["dash"] = "dash" },
        });
        return fig;
    }

    /// <summary>A reader's label for an output column ("capacity fade (%)").</summary>
    public static string OutputLabel(string output) => output switch
    {
        "capacity_fade_percent" => "capacity fade (%)",
        "resistance_increase_percent" => "resistance increase (%)",
        _ => output,
    };

    private static SurrogateMetric Metric(string name, double[] y, double[] predicted, double[] truth, double noiseSd)
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
        return new SurrogateMetric(name, 1 - sse / sst, sae / y.Length, Math.Sqrt(sse / y.Length), 1 - bestSse / sst, Math.Sqrt(bestSse / y.Length), noiseSd);
    }
}
