namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>A calibration on one subset of the targets, judged on every target.</summary>
/// <param name="Name">What is fitted, in words.</param>
/// <param name="FitOn">The target selection (see <see cref="Calibration.Select"/>).</param>
/// <param name="Calibration">The fit.</param>
/// <param name="All">Every published target with the fitted parameters.</param>
public sealed record ValidationSplit(string Name, string FitOn, CalibrationResult Calibration, IReadOnlyList<TargetFit> All)
{
    /// <summary>True when the target was fitted (in sample).</summary>
    public bool InSample(Target t) => Calibration.Fits.Any(f => f.Target == t);

    /// <summary>Root-mean-square relative error (%) of the in-sample or out-of-sample targets (published zeros left out).</summary>
    public double RmsErrorPercent(bool inSample)
    {
        var e = All.Where(f => InSample(f.Target) == inSample && f.ErrorPercent is not null).Select(f => f.ErrorPercent!.Value).ToList();
        return e.Count == 0 ? double.NaN : Math.Sqrt(e.Average(x => x * x));
    }

    /// <summary>Largest absolute relative error (%) of the in-sample or out-of-sample targets.</summary>
    public double WorstErrorPercent(bool inSample)
    {
        var e = All.Where(f => InSample(f.Target) == inSample && f.ErrorPercent is not null).Select(f => Math.Abs(f.ErrorPercent!.Value)).ToList();
        return e.Count == 0 ? double.NaN : e.Max();
    }
}

/// <summary>Hold-out validation: fit on part of the published targets, predict the rest.</summary>
public static class Validation
{
    /// <summary>The splits: every target; D1–D3 accumulated totals (predicts D4 and D2's annual values); D2 only (predicts D1, D3, D4).</summary>
    public static IReadOnlyList<(string Name, string FitOn)> DefaultSplits { get; } =
    [
        ("all targets", Calibration.AllTargets),
        ("D1–D3 accumulated", "D1,D2:accumulated,D3"),
        ("D2 only", "D2"),
    ];

    /// <summary>Fits each split and compares every target; a split that selects the same targets as <paramref name="done"/> reuses that fit.</summary>
    public static IReadOnlyList<ValidationSplit> Run(VehicleLithiumInputs inputs, IEnumerable<(string Name, string FitOn)>? splits = null, CalibrationResult? done = null) =>
        (splits ?? DefaultSplits).Select(s =>
        {
            var fit = done is not null && done.Fits.Select(f => f.Target).SequenceEqual(Calibration.Select(inputs.Targets, s.FitOn)) ? done : Calibration.Fit(inputs, s.FitOn);
            return new ValidationSplit(s.Name, s.FitOn, fit, Calibration.Compare(inputs, fit.Fitted));
        }).ToList();
}
