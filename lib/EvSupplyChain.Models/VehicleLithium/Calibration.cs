using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>One published value next to the model's.</summary>
/// <param name="Target">The published result.</param>
/// <param name="Model">The model's value (mt).</param>
/// <param name="Tolerance">The goal: 5 % for accumulated totals, 10 % for annual values.</param>
public sealed record TargetFit(Target Target, double Model, double Tolerance)
{
    /// <summary>Relative error in % (null for a published zero, where it is undefined).</summary>
    public double? ErrorPercent => Target.ValueMt == 0 ? null : 100 * (Model / Target.ValueMt - 1);

    /// <summary>The least-squares residual: relative error over the tolerance (absolute mt over the tolerance for a published zero).</summary>
    public double Residual => (Target.ValueMt == 0 ? Model : Model / Target.ValueMt - 1) / Tolerance;

    /// <summary>True when within the tolerance.</summary>
    public bool WithinGoal => Math.Abs(Residual) <= 1;
}

/// <summary>Result of fitting the named parameters to the published targets.</summary>
/// <param name="Prior">Parameters before the fit.</param>
/// <param name="Fitted">Parameters after the fit.</param>
/// <param name="Fits">Every target: published, model, error.</param>
/// <param name="PriorFits">Every target with the prior parameters.</param>
/// <param name="Iterations">Levenberg–Marquardt iterations.</param>
/// <param name="ModelRuns">Scenario runs spent.</param>
/// <param name="ExitReason">Why the minimiser stopped.</param>
public sealed record CalibrationResult(ModelParameters Prior, ModelParameters Fitted, IReadOnlyList<TargetFit> Fits, IReadOnlyList<TargetFit> PriorFits,
    int Iterations, int ModelRuns, string ExitReason)
{
    /// <summary>Weighted sum of squared residuals after the fit.</summary>
    public double Objective => Fits.Sum(f => f.Residual * f.Residual);

    /// <summary>Largest absolute relative error (%) after the fit.</summary>
    public double WorstErrorPercent => Fits.Where(f => f.ErrorPercent is not null).Max(f => Math.Abs(f.ErrorPercent!.Value));
}

/// <summary>
/// Weighted least squares on the published targets: residual = (model/published − 1) / tolerance, so an accumulated
/// total (goal ±5 %) weighs four times an annual value (goal ±10 %). The parameters move inside the bounds of
/// calibration.csv; Levenberg–Marquardt (MathNet) with a numerical Jacobian works on bounds-normalised values.
/// </summary>
public static class Calibration
{
    /// <summary>Accumulated totals: within 5 %.</summary>
    public const double AccumulatedTolerance = 0.05;

    /// <summary>Annual values: within 10 %.</summary>
    public const double AnnualTolerance = 0.10;

    /// <summary>The tolerance of a target.</summary>
    public static double ToleranceOf(Target target) => target.IsAccumulated ? AccumulatedTolerance : AnnualTolerance;

    /// <summary>Model vs published for every target, with the given parameters.</summary>
    public static IReadOnlyList<TargetFit> Compare(VehicleLithiumInputs inputs, ModelParameters parameters, IReadOnlyList<Target>? targets = null)
    {
        targets ??= inputs.Targets;
        var runs = targets.Select(t => t.Scenario).Distinct().ToDictionary(s => s, s => FleetModel.Run(inputs, inputs.Scenario(s), parameters));
        return targets.Select(t => new TargetFit(t, runs[t.Scenario].Value(t), ToleranceOf(t))).ToList();
    }

    /// <summary>Fits the parameters to the targets (all of inputs.Targets by default).</summary>
    public static CalibrationResult Fit(VehicleLithiumInputs inputs, IReadOnlyList<Target>? targets = null, int maxIterations = 100)
    {
        targets ??= inputs.Targets;
        if (targets.Count == 0) throw new ArgumentException("no targets to calibrate to", nameof(targets));
        var bounds = ModelParameters.Names.Select(n => inputs.Calibration.First(c => c.Name == n)).ToArray();
        var prior = inputs.Priors;
        var runs = 0;
        var scenarios = targets.Select(t => t.Scenario).Distinct().Count();
        ModelParameters FromUnit(Vector<double> u) =>
            ModelParameters.FromArray(bounds.Select((b, i) => b.Lower + Math.Clamp(u[i], 0, 1) * (b.Upper - b.Lower)).ToArray());
        Vector<double> Residuals(Vector<double> u, Vector<double> _)
        {
            runs += scenarios;
            var fits = Compare(inputs, FromUnit(u), targets);
            return Vector<double>.Build.DenseOfEnumerable(fits.Select(f => f.Residual));
        }
        var x = Vector<double>.Build.Dense(targets.Count, i => i);
        var zero = Vector<double>.Build.Dense(targets.Count);
        var objective = ObjectiveFunction.NonlinearModel(Residuals, x, zero, accuracyOrder: 1);
        var start = Vector<double>.Build.DenseOfEnumerable(bounds.Select(b => b.Upper > b.Lower ? (b.Prior - b.Lower) / (b.Upper - b.Lower) : 0));
        var lower = Vector<double>.Build.Dense(bounds.Length, 0);
        var upper = Vector<double>.Build.Dense(bounds.Length, 1);
        var isFixed = bounds.Select(b => b.Upper == b.Lower).ToList();
        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: maxIterations);
        var result = minimizer.FindMinimum(objective, start, lower, upper, isFixed: isFixed);
        var fitted = FromUnit(result.MinimizingPoint);
        return new CalibrationResult(prior, fitted, Compare(inputs, fitted, targets), Compare(inputs, prior, targets),
            result.Iterations, runs, result.ReasonForExit.ToString());
    }
}
