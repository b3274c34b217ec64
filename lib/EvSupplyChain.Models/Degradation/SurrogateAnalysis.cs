using EvSupplyChain.Models.Display;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace EvSupplyChain.Models.Degradation;

/// <summary>How much the test MSE grows when one feature's column is shuffled.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="FadeMseIncrease">Mean increase of the fade MSE over the repeats.</param>
/// <param name="FadeMseIncreaseSd">Its standard deviation.</param>
/// <param name="ResistanceMseIncrease">Mean increase of the resistance MSE.</param>
/// <param name="ResistanceMseIncreaseSd">Its standard deviation.</param>
public sealed record PermutationImportance(string Feature, double FadeMseIncrease, double FadeMseIncreaseSd, double ResistanceMseIncrease, double ResistanceMseIncreaseSd);

/// <summary>One point of a one-at-a-time sensitivity curve.</summary>
/// <param name="Feature">The swept feature.</param>
/// <param name="Value">Its value (others at their training means).</param>
/// <param name="CapacityFadePercent">Predicted fade, %.</param>
/// <param name="ResistanceIncreasePercent">Predicted resistance increase, %.</param>
public sealed record SensitivityPoint(string Feature, double Value, double CapacityFadePercent, double ResistanceIncreasePercent);

/// <summary>The original's "extras": permutation importance, sensitivity curves and the Monte Carlo summary.</summary>
public static class SurrogateAnalysis
{
    /// <summary>Permutation importance on the test rows (the original: 10 repeats, MSE scoring), seeded.</summary>
    public static IReadOnlyList<PermutationImportance> Importance(SurrogateTraining training, int repeats = 10, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (repeats is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, $"repeats = {repeats} is outside the allowed range [1, 1000].");
        var rows = training.TestRows;
        var model = training.Model;
        var (baseFade, baseRes) = Mse(model, rows.Select(r => r.Inputs).ToArray(), rows);
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        var result = new List<PermutationImportance>();
        var features = new double[OperatingConditions.FeatureCount];
        for (var j = 0; j < OperatingConditions.FeatureCount; j++)
        {
            var fade = new double[repeats];
            var res = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                var column = rows.Select(s => s.Inputs.Feature(j)).ToArray();
                for (var i = column.Length - 1; i > 0; i--) { var k = rng.Next(i + 1); (column[i], column[k]) = (column[k], column[i]); }
                var permuted = new OperatingConditions[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    rows[i].Inputs.CopyTo(features);
                    features[j] = column[i];
                    permuted[i] = OperatingConditions.FromFeatures(features);
                }
                var (f, s) = Mse(model, permuted, rows);
                fade[r] = f - baseFade;
                res[r] = s - baseRes;
            }
            result.Add(new(OperatingConditions.FeatureNames[j], fade.Average(), StdDev(fade), res.Average(), StdDev(res)));
        }
        return result;
    }

    /// <summary>Sweeps each feature over its training [min, max] in <paramref name="points"/> steps, the others at training means.</summary>
    public static IReadOnlyList<SensitivityPoint> Sensitivity(IDegradationSurrogate model, int points = 50)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (points is < 2 or > 10_000) throw new ArgumentOutOfRangeException(nameof(points), points, $"points = {points} is outside the allowed range [2, 10000].");
        var result = new List<SensitivityPoint>();
        var range = model.Range;
        var f = new double[OperatingConditions.FeatureCount];
        for (var j = 0; j < OperatingConditions.FeatureCount; j++)
        {
            for (var k = 0; k < points; k++)
            {
                for (var i = 0; i < f.Length; i++) f[i] = range.Mean[i];
                f[j] = range.Min[j] + (range.Max[j] - range.Min[j]) * k / (points - 1);
                var p = model.PredictFeatures(f);
                result.Add(new(OperatingConditions.FeatureNames[j], f[j], p.CapacityFadePercent, p.ResistanceIncreasePercent));
            }
        }
        return result;
    }

    /// <summary>Sensitivity curves of one output as a figure: one panel-free line per feature against its position in its range (0–1).</summary>
    public static Figure SensitivityFigure(IReadOnlyList<SensitivityPoint> points, bool resistance = false, string? title = null)
    {
        var fig = new Figure(title ?? $"One-at-a-time sensitivity of predicted {(resistance ? "resistance increase" : "capacity fade")}");
        foreach (var g in points.GroupBy(p => p.Feature))
        {
            var lo = g.Min(p => p.Value);
            var hi = g.Max(p => p.Value);
            fig.AddTrace(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines", ["name"] = $"{DegradationViews.Label(g.Key)} [{lo:G3}, {hi:G3}]",
                ["x"] = Figures.Arr(g.Select(p => hi > lo ? (p.Value - lo) / (hi - lo) : 0).ToArray()),
                ["y"] = Figures.Arr(g.Select(p => resistance ? p.ResistanceIncreasePercent : p.CapacityFadePercent).ToArray()),
            });
        }
        return fig.WithAxisTitles("position in the training range (0 = min, 1 = max)", resistance ? "resistance increase (%)" : "capacity fade (%)");
    }

    /// <summary>
    /// The original's "probabilistic analysis": draws <paramref name="samples"/> inputs from the generator's
    /// distributions (no noise, no drops), predicts with the surrogate and summarises each output.
    /// </summary>
    public static (IReadOnlyList<ColumnSummary> Summary, double[] Fade, double[] Resistance) MonteCarlo(IDegradationSurrogate model, OriginalModelParameters parameters,
        int samples = 10_000, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        if (samples is < 2 or > 10_000_000) throw new ArgumentOutOfRangeException(nameof(samples), samples, $"samples = {samples} is outside the allowed range [2, 10000000].");
        var rng = new Xoshiro256StarStar(seed, threadSafe: false);
        var inputs = new OperatingConditions[samples];
        for (var i = 0; i < samples; i++)
            inputs[i] = new OperatingConditions(Draw(rng, parameters.Temperature), Draw(rng, parameters.Dod), Draw(rng, parameters.ChargeRate),
                Draw(rng, parameters.DischargeRate), Draw(rng, parameters.CyclesPerDay), Draw(rng, parameters.InitialSoh), rng.Next(3));
        var outcomes = new DegradationOutcome[samples];
        model.PredictMany(inputs, outcomes);
        var fade = outcomes.Select(o => o.CapacityFadePercent).ToArray();
        var res = outcomes.Select(o => o.ResistanceIncreasePercent).ToArray();
        return ([ColumnSummary.Of("capacity_fade_percent", fade), ColumnSummary.Of("resistance_increase_percent", res)], fade, res);
    }

    private static (double Fade, double Resistance) Mse(IDegradationSurrogate model, OperatingConditions[] inputs, IReadOnlyList<DegradationSample> rows)
    {
        double f = 0, r = 0;
        var predicted = new DegradationOutcome[inputs.Length];
        model.PredictMany(inputs, predicted);
        for (var i = 0; i < inputs.Length; i++)
        {
            var p = predicted[i];
            f += Math.Pow(p.CapacityFadePercent - rows[i].CapacityFadePercent, 2);
            r += Math.Pow(p.ResistanceIncreasePercent - rows[i].ResistanceIncreasePercent, 2);
        }
        return (f / inputs.Length, r / inputs.Length);
    }

    private static double StdDev(double[] v)
    {
        if (v.Length < 2) return 0;
        var m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
    }

    private static double Draw(Random rng, NormalInput d) => Math.Clamp(Normal.Sample(rng, d.Mean, d.StdDev), d.Min, d.Max);

    private static double Draw(Random rng, UniformInput d) => Math.Clamp(d.Low + (d.High - d.Low) * rng.NextDouble(), d.ClipMin, d.ClipMax);
}
