namespace EvSupplyChain.Models.Degradation;

/// <summary>Per-feature minimum, maximum, mean and population standard deviation of the training rows.</summary>
public sealed class TrainingRange
{
    private TrainingRange(double[] min, double[] max, double[] mean, double[] sd)
    {
        Min = min;
        Max = max;
        Mean = mean;
        StdDev = sd;
    }

    /// <summary>Smallest training value of each feature.</summary>
    public IReadOnlyList<double> Min { get; }

    /// <summary>Largest training value of each feature.</summary>
    public IReadOnlyList<double> Max { get; }

    /// <summary>Training mean of each feature.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Population standard deviation of each feature.</summary>
    public IReadOnlyList<double> StdDev { get; }

    /// <summary>The statistics of <paramref name="rows"/>' inputs.</summary>
    public static TrainingRange Of(IReadOnlyList<DegradationSample> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentOutOfRangeException(nameof(rows), 0, "no training rows.");
        const int n = OperatingConditions.FeatureCount;
        var (min, max, mean, sd) = (new double[n], new double[n], new double[n], new double[n]);
        for (var j = 0; j < n; j++)
        {
            double sum = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var i = 0; i < rows.Count; i++)
            {
                var v = rows[i].Inputs.Feature(j);
                sum += v;
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
            mean[j] = sum / rows.Count;
            var ss = 0.0;
            for (var i = 0; i < rows.Count; i++)
            {
                var d = rows[i].Inputs.Feature(j) - mean[j];
                ss += d * d;
            }
            sd[j] = Math.Sqrt(ss / rows.Count);
            (min[j], max[j]) = (lo, hi);
        }
        return new TrainingRange(min, max, mean, sd);
    }

    /// <summary>The features of <paramref name="x"/> outside the range by more than 1 % of its width, one message each.</summary>
    public IReadOnlyList<string> Warnings(in OperatingConditions x)
    {
        var warnings = new List<string>();
        for (var j = 0; j < OperatingConditions.FeatureCount; j++)
        {
            var v = x.Feature(j);
            var slack = 0.01 * (Max[j] - Min[j]);
            if (v < Min[j] - slack || v > Max[j] + slack)
                warnings.Add($"{OperatingConditions.FeatureNames[j]} = {v:G4} is outside the training range [{Min[j]:G4}, {Max[j]:G4}]; the surrogate extrapolates.");
        }
        return warnings;
    }
}
