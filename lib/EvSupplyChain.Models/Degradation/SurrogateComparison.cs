using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.Degradation;

/// <summary>The three surrogate families trained on the same rows, split and seed, side by side.</summary>
public static class SurrogateComparison
{
    /// <summary>Every kind, ridge first.</summary>
    public static IReadOnlyList<SurrogateKind> AllKinds { get; } = Enum.GetValues<SurrogateKind>();

    /// <summary>Trains each of <paramref name="kinds"/> (all by default) on <paramref name="data"/> with the same split.
    /// With <paramref name="warmUp"/>, each kind is first fitted once on the first 500 rows so that the timed fit does
    /// not include the one-off compilation of its code (a steady-state time, as a benchmark reports).</summary>
    public static IReadOnlyList<SurrogateTraining> Run(DegradationDataset data, IEnumerable<SurrogateKind>? kinds = null, SurrogateOptions? options = null, bool warmUp = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var o = options ?? new SurrogateOptions();
        var result = new List<SurrogateTraining>();
        foreach (var kind in (kinds ?? AllKinds).Distinct())
        {
            if (warmUp) SurrogateTraining.Run(new DegradationDataset(data.Parameters, data.Seed, data.Attempts, data.Samples.Take(500).ToList()), o with { Kind = kind });
            result.Add(SurrogateTraining.Run(data, o with { Kind = kind }));
        }
        return result;
    }

    /// <summary>One table: a row per surrogate and output with test R², MAE and RMSE beside the noise floor (the
    /// noise-free formula's R² and RMSE on the same rows), training seconds and prediction microseconds per row.</summary>
    public static Table ToTable(IReadOnlyList<SurrogateTraining> trainings, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        if (trainings.Count == 0) throw new ArgumentException("no trainings to compare.", nameof(trainings));
        var columns = new TableColumn[]
        {
            new("Surrogate", typeof(string)), new("Output", typeof(string)),
            new("Test R²", typeof(double), "N4"), new("Best R² (noise-free)", typeof(double), "N4"),
            new("MAE (pp)", typeof(double), "N3"), new("RMSE (pp)", typeof(double), "N3"), new("Noise floor RMSE (pp)", typeof(double), "N3"),
            new("Training (s)", typeof(double), "N2"), new("Prediction (µs/row)", typeof(double), "N2"),
        };
        var rows = trainings.SelectMany(t => t.Metrics.Select(m => (IReadOnlyList<object?>)
            [t.Model.Name, SurrogateTraining.OutputLabel(m.Output), m.R2, m.BestR2, m.Mae, m.Rmse, m.BestRmse, t.TrainingSeconds, t.PredictionMicrosecondsPerRow]));
        var first = trainings[0];
        return Table.Create(columns, rows, title ?? $"{first.Data.Chemistry.Label()} surrogates: {first.TrainRows.Count:N0} training, {first.TestRows.Count:N0} test rows (same split)");
    }
}
