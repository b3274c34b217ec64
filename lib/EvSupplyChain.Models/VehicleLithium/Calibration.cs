using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>One published value next to the model's.</summary>
/// <param name="Target">The published result, with its goal (tolerance).</param>
/// <param name="Model">The model's value (mt).</param>
public sealed record TargetFit(Target Target, double Model)
{
    /// <summary>Relative error in % (null for a published zero, where it is undefined).</summary>
    public double? ErrorPercent => Target.ValueMt == 0 ? null : 100 * (Model / Target.ValueMt - 1);

    /// <summary>The least-squares residual: relative error over the relative goal, or mt over the absolute goal for a published zero.</summary>
    public double Residual => Target.ToleranceIsAbsolute ? (Model - Target.ValueMt) / Target.Tolerance : (Model / Target.ValueMt - 1) / Target.Tolerance;

    /// <summary>True when within the goal.</summary>
    public bool WithinGoal => Math.Abs(Residual) <= 1;
}

/// <summary>A calibrated parameter after the fit, against its sourced range.</summary>
/// <param name="Bounds">Central value and sourced range.</param>
/// <param name="Fitted">The fitted value (inside the range).</param>
public sealed record ParameterFit(ParameterBounds Bounds, double Fitted)
{
    /// <summary>Move from the central value in % of the half range (±100 % reaches an end of the range).</summary>
    public double MovePercent => Bounds.IsFree ? 100 * (Fitted - Bounds.Central) / Bounds.HalfRange : 0;

    /// <summary>The penalty residual: move over the prior standard deviation (a quarter of the range, so the range is ±2σ).</summary>
    public double Penalty => Bounds.IsFree ? (Fitted - Bounds.Central) / (Bounds.HalfRange / Calibration.RangeInSigmas) : 0;

    /// <summary>True when the fit stopped at an end of the range (within 0.1 % of it).</summary>
    public bool AtBound => Bounds.IsFree && Math.Min(Fitted - Bounds.Lower, Bounds.Upper - Fitted) <= 1e-3 * (Bounds.Upper - Bounds.Lower);
}

/// <summary>Result of fitting the calibrated parameters to a set of published targets.</summary>
/// <param name="FitOn">The target selection fitted (see <see cref="Calibration.Select"/>).</param>
/// <param name="Central">Parameters at their sourced central values.</param>
/// <param name="Fitted">Parameters after the fit.</param>
/// <param name="Parameters">Every calibrated parameter: fitted value, range, move.</param>
/// <param name="Fits">Every fitted target: published, model, error.</param>
/// <param name="CentralFits">The same targets with the central values.</param>
/// <param name="Correlation">Correlation of the free parameters' estimates, from (JᵀJ)⁻¹ at the optimum (penalty rows included); rows and columns in <see cref="FreeNames"/> order.</param>
/// <param name="FreeNames">Names of the parameters with an open range, in correlation order.</param>
/// <param name="Iterations">Levenberg–Marquardt iterations.</param>
/// <param name="ModelRuns">Scenario runs spent.</param>
/// <param name="ExitReason">Why the minimiser stopped.</param>
public sealed record CalibrationResult(string FitOn, ModelParameters Central, ModelParameters Fitted, IReadOnlyList<ParameterFit> Parameters,
    IReadOnlyList<TargetFit> Fits, IReadOnlyList<TargetFit> CentralFits, double[,] Correlation, IReadOnlyList<string> FreeNames,
    int Iterations, int ModelRuns, string ExitReason)
{
    /// <summary>Sum of squared target residuals after the fit.</summary>
    public double TargetObjective => Fits.Sum(f => f.Residual * f.Residual);

    /// <summary>Sum of squared penalties (moves from the central values in prior standard deviations).</summary>
    public double PenaltyObjective => Parameters.Sum(p => p.Penalty * p.Penalty);

    /// <summary>The minimised objective: targets plus penalties.</summary>
    public double Objective => TargetObjective + PenaltyObjective;

    /// <summary>Largest absolute relative error (%) after the fit.</summary>
    public double WorstErrorPercent => Fits.Where(f => f.ErrorPercent is not null).Max(f => Math.Abs(f.ErrorPercent!.Value));
}

/// <summary>
/// Penalised (prior-weighted) least squares on published targets. Residuals: each target's (model/published − 1) /
/// goal, and each free parameter's (value − central) / σ with σ a quarter of its sourced range. Levenberg–Marquardt
/// (MathNet) with a numerical Jacobian works on range-normalised values with hard bounds at the range ends, so no
/// parameter can leave its sourced range. A parameter whose range is a single value (low = high) is fixed.
/// </summary>
public static class Calibration
{
    /// <summary>The sourced range spans ±2 prior standard deviations.</summary>
    public const double RangeInSigmas = 2;

    /// <summary>The default selection: every published target.</summary>
    public const string AllTargets = "D1,D2,D3,D4";

    /// <summary>
    /// Targets chosen by a comma-separated list of scenarios, each optionally restricted with ":accumulated" or
    /// ":annual", e.g. "D1,D2:accumulated,D3"; "all" selects every target. Fails naming the unknown token.
    /// </summary>
    public static IReadOnlyList<Target> Select(IReadOnlyList<Target> targets, string fitOn)
    {
        ArgumentNullException.ThrowIfNull(fitOn);
        var scenarios = targets.Select(t => t.Scenario).Distinct().ToList();
        var chosen = new HashSet<Target>();
        foreach (var raw in fitOn.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Equals("all", StringComparison.OrdinalIgnoreCase)) { chosen.UnionWith(targets); continue; }
            var parts = raw.Split(':');
            var scenario = scenarios.FirstOrDefault(s => s.Equals(parts[0], StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"--fit-on: no published targets for '{parts[0]}'; scenarios with targets: {string.Join(", ", scenarios)}");
            Func<Target, bool> kind = parts.Length == 1 ? _ => true
                : parts.Length == 2 && parts[1].Equals("accumulated", StringComparison.OrdinalIgnoreCase) ? t => t.IsAccumulated
                : parts.Length == 2 && parts[1].Equals("annual", StringComparison.OrdinalIgnoreCase) ? t => !t.IsAccumulated
                : throw new ArgumentException($"--fit-on: '{raw}' is not SCENARIO, SCENARIO:accumulated or SCENARIO:annual");
            chosen.UnionWith(targets.Where(t => t.Scenario == scenario && kind(t)));
        }
        if (chosen.Count == 0) throw new ArgumentException($"--fit-on '{fitOn}' selects no published target");
        return targets.Where(chosen.Contains).ToList();
    }

    /// <summary>Model vs published for every target (all of inputs.Targets by default), with the given parameters.</summary>
    public static IReadOnlyList<TargetFit> Compare(VehicleLithiumInputs inputs, ModelParameters parameters, IReadOnlyList<Target>? targets = null)
    {
        targets ??= inputs.Targets;
        var runs = targets.Select(t => t.Scenario).Distinct().ToDictionary(s => s, s => FleetModel.Run(inputs, inputs.Scenario(s), parameters));
        return targets.Select(t => new TargetFit(t, runs[t.Scenario].Value(t))).ToList();
    }

    /// <summary>Fits the calibrated parameters to the targets selected by <paramref name="fitOn"/> (see <see cref="Select"/>).</summary>
    public static CalibrationResult Fit(VehicleLithiumInputs inputs, string fitOn = AllTargets, int maxIterations = 200)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var targets = Select(inputs.Targets, fitOn);
        var bounds = ModelParameters.Names.Select(inputs.Bounds).ToArray();
        var free = Enumerable.Range(0, bounds.Length).Where(i => bounds[i].IsFree).ToArray();
        var central = inputs.Central;
        var runs = 0;
        var scenarios = targets.Select(t => t.Scenario).Distinct().Count();
        ModelParameters FromUnit(IReadOnlyList<double> u)
        {
            var v = central.ToArray();
            for (var k = 0; k < free.Length; k++)
            {
                var b = bounds[free[k]];
                v[free[k]] = b.Lower + Math.Clamp(u[k], 0, 1) * (b.Upper - b.Lower);
            }
            return ModelParameters.FromArray(v);
        }
        double[] Residuals(ModelParameters p)
        {
            runs += scenarios;
            var values = p.ToArray();
            return Compare(inputs, p, targets).Select(f => f.Residual)
                .Concat(free.Select(i => new ParameterFit(bounds[i], values[i]).Penalty)).ToArray();
        }
        var count = targets.Count + free.Length;
        var x = Vector<double>.Build.Dense(count, i => i);
        var zero = Vector<double>.Build.Dense(count);
        var objective = ObjectiveFunction.NonlinearModel((u, _) => Vector<double>.Build.DenseOfArray(Residuals(FromUnit(u.ToArray()))), x, zero, accuracyOrder: 1);
        var start = Vector<double>.Build.DenseOfEnumerable(free.Select(i => (bounds[i].Central - bounds[i].Lower) / (bounds[i].Upper - bounds[i].Lower)));
        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: maxIterations);
        var result = minimizer.FindMinimum(objective, start, Vector<double>.Build.Dense(free.Length, 0), Vector<double>.Build.Dense(free.Length, 1));
        var fitted = FromUnit(result.MinimizingPoint.ToArray());
        var correlation = Correlation(u => Residuals(FromUnit(u)), result.MinimizingPoint.ToArray());
        var values = fitted.ToArray();
        return new CalibrationResult(fitOn, central, fitted, bounds.Select((b, i) => new ParameterFit(b, values[i])).ToList(),
            Compare(inputs, fitted, targets), Compare(inputs, central, targets), correlation, free.Select(i => bounds[i].Name).ToList(),
            result.Iterations, runs, result.ReasonForExit.ToString());
    }

    /// <summary>Correlation matrix of the estimates from (JᵀJ)⁻¹, J by central differences (one-sided at a bound).</summary>
    private static double[,] Correlation(Func<double[], double[]> residuals, double[] u)
    {
        const double h = 1e-4;
        var n = u.Length;
        var columns = new double[n][];
        for (var k = 0; k < n; k++)
        {
            var up = (double[])u.Clone();
            var down = (double[])u.Clone();
            up[k] = Math.Min(1, u[k] + h);
            down[k] = Math.Max(0, u[k] - h);
            var (ru, rd) = (residuals(up), residuals(down));
            columns[k] = ru.Zip(rd, (a, b) => (a - b) / (up[k] - down[k])).ToArray();
        }
        var j = Matrix<double>.Build.DenseOfColumnArrays(columns);
        var cov = (j.TransposeThisAndMultiply(j)).PseudoInverse();
        var corr = new double[n, n];
        for (var a = 0; a < n; a++)
            for (var b = 0; b < n; b++)
                corr[a, b] = cov[a, b] / Math.Sqrt(cov[a, a] * cov[b, b]);
        return corr;
    }
}
