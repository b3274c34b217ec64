using System.Globalization;

namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// The library's own LP solver: a bounded-variable revised primal simplex (see <see cref="BoundedSimplex"/> for the
/// method) with optional presolve. Deterministic: the same model gives the same vertex, so results are reproducible.
/// </summary>
public sealed class SimplexSolver : ILpSolver
{
    /// <summary>A solver with the given (or default) options.</summary>
    public SimplexSolver(SimplexOptions? options = null) => Options = (options ?? new SimplexOptions()).Validated();

    /// <summary>Tolerances and rules.</summary>
    public SimplexOptions Options { get; }

    /// <inheritdoc />
    public LpSolution Solve(LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Options.Presolve) return SolveDirect(model);
        var presolved = Optimization.Presolve.Run(model, Options.FeasibilityTolerance);
        if (presolved.Infeasibility is { } why)
            return new LpSolution(model, LpStatus.Infeasible, why, double.NaN, [], [], [], 0, "simplex+presolve");
        var reduced = SolveDirect(presolved.Reduced);
        return presolved.Postsolve(reduced);
    }

    private LpSolution SolveDirect(LinearModel model)
    {
        int n = model.Variables.Count, m = model.Constraints.Count;
        var rows = new List<int>[n];
        var vals = new List<double>[n];
        for (var j = 0; j < n; j++) { rows[j] = []; vals[j] = []; }
        var lower = new double[n + m];
        var upper = new double[n + m];
        foreach (var c in model.Constraints)
        {
            foreach (var (v, a) in c.Terms) { rows[v.Index].Add(c.Index); vals[v.Index].Add(a); }
            (lower[n + c.Index], upper[n + c.Index]) = c.Sense switch
            {
                ConstraintSense.LessOrEqual => (double.NegativeInfinity, c.Rhs),
                ConstraintSense.Equal => (c.Rhs, c.Rhs),
                _ => (c.Rhs, double.PositiveInfinity),
            };
        }
        var sign = model.Sense == ObjectiveSense.Maximize ? -1.0 : 1.0;
        var cost = new double[n];
        foreach (var (v, a) in model.Objective) cost[v.Index] = sign * a;
        for (var j = 0; j < n; j++) { lower[j] = model.Variables[j].Lower; upper[j] = model.Variables[j].Upper; }

        var engine = new BoundedSimplex(m, n, rows.Select(r => r.ToArray()).ToArray(), vals.Select(v => v.ToArray()).ToArray(),
            cost, lower, upper, Options);
        var (status, message, entering) = engine.Run();
        if (status == LpStatus.Infeasible)
            return Fail(model, status, DescribeInfeasible(model, engine), engine.Iterations);
        if (status == LpStatus.Unbounded)
            return Fail(model, status, $"the objective can {(model.Sense == ObjectiveSense.Maximize ? "increase" : "decrease")} without limit along a ray on which '{Name(model, entering)}' moves away from its bound and no constraint or bound stops it", engine.Iterations);
        if (status != LpStatus.Optimal) return Fail(model, status, message, engine.Iterations);

        var (x, y, d) = engine.Finish();
        var values = x.Take(n).ToArray();
        var duals = y.Select(v => sign * v + 0.0).ToArray();
        var reduced = d.Take(n).Select(v => sign * v + 0.0).ToArray();
        return new LpSolution(model, LpStatus.Optimal, "optimal", model.ObjectiveValue(values), values, reduced, duals, engine.Iterations, "simplex");
    }

    private static LpSolution Fail(LinearModel model, LpStatus status, string message, int iterations) =>
        new(model, status, message, double.NaN, [], [], [], iterations, "simplex");

    private static string Name(LinearModel model, int j) =>
        j < model.Variables.Count ? model.Variables[j].Name : "activity of " + model.Constraints[j - model.Variables.Count].Name;

    private static string DescribeInfeasible(LinearModel model, BoundedSimplex engine)
    {
        var n = model.Variables.Count;
        var worst = engine.Violations().Take(5).Select(t => t.Variable < n
            ? $"variable '{model.Variables[t.Variable].Name}' off its bounds by {Fmt(t.Violation)}"
            : $"constraint '{model.Constraints[t.Variable - n].Name}' violated by {Fmt(t.Violation)}").ToArray();
        return "no point satisfies all constraints and bounds; the least-infeasible basis found still has "
            + (worst.Length == 0 ? "a violation within tolerance" : string.Join("; ", worst));
    }

    private static string Fmt(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
