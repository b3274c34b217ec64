using System.Globalization;
using Google.OrTools.LinearSolver;

namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// Solves a <see cref="LinearModel"/> with one of Google OR-Tools' linear solvers (MPSolver), in process. Every claimed
/// optimum is checked here before it is reported as <see cref="LpStatus.Optimal"/>: values and objective must be finite
/// and every bound and row must hold within <see cref="FeasibilityTolerance"/>·max(1, |limit|); otherwise the status is
/// <see cref="LpStatus.Abnormal"/> and the message names the worst violation. A claim of infeasible or unbounded is
/// settled by two more solves, because MPSolver reports GLOP's and CLP's "dual infeasible" (an unbounded model) as
/// INFEASIBLE: the model with a zero objective (feasible or not?) and, if feasible, the recession LP (is there a ray
/// along which the objective improves by at least 1?). Infeasible = no feasible point; unbounded = a feasible point and
/// an improving ray; any other combination is <see cref="LpStatus.Abnormal"/>. Create one through <see cref="LpSolvers.Create"/>.
/// </summary>
public sealed class OrToolsSolver : ILpSolver
{
    internal OrToolsSolver(string name, string orToolsId, string? parameters, bool hasDuals)
    {
        Name = name;
        OrToolsId = orToolsId;
        Parameters = parameters;
        HasDuals = hasDuals;
    }

    /// <summary>The project's name of the solver (glop, clp, cbc, scip).</summary>
    public string Name { get; }

    /// <summary>OR-Tools' solver id (GLOP, CLP, CBC, SCIP).</summary>
    public string OrToolsId { get; }

    /// <summary>Solver-specific parameters in OR-Tools' text format, or null.</summary>
    public string? Parameters { get; }

    /// <summary>True when the solver reports duals and reduced costs that the project uses (GLOP, CLP); otherwise they are NaN.</summary>
    public bool HasDuals { get; }

    /// <summary>True for the LP solvers that re-solve a loaded model exactly after an objective change (GLOP, CLP);
    /// SCIP, re-solved that way, returned a range bound 2e-5 off, so CBC and SCIP always solve from scratch.</summary>
    internal bool WarmStarts => OrToolsId is "GLOP" or "CLP";

    /// <summary>Wall-clock limit of one solve (default 60 s); reaching it gives <see cref="LpStatus.IterationLimit"/>.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Relative tolerance of the optimality check on bounds and rows.</summary>
    public double FeasibilityTolerance { get; init; } = 1e-6;

    /// <inheritdoc />
    public LpSolution Solve(LinearModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = SolveOnce(model);
        if (s.Status is not (LpStatus.Infeasible or LpStatus.Unbounded)) return s;
        var feasible = SolveOnce(FeasibilityModel(model));
        if (feasible.Status == LpStatus.Infeasible)
            return Fail(model, LpStatus.Infeasible, $"{Name}: no point satisfies every constraint and bound", s.Iterations + feasible.Iterations);
        if (feasible.Status != LpStatus.Optimal)
            return Fail(model, LpStatus.Abnormal, $"{Name} reported {s.Status} but could not decide whether the model is feasible ({feasible.Message})", s.Iterations);
        var ray = SolveOnce(RayModel(model));
        if (ray.Status == LpStatus.Optimal)
            return Fail(model, LpStatus.Unbounded, $"{Name}: the model is feasible and the objective can {(model.Sense == ObjectiveSense.Maximize ? "increase" : "decrease")} without limit along a ray", s.Iterations + feasible.Iterations + ray.Iterations);
        return Fail(model, LpStatus.Abnormal, $"{Name} reported {s.Status}, but the model is feasible and has no improving ray ({ray.Status})", s.Iterations);
    }

    /// <summary>The same bounds and rows with a zero objective.</summary>
    private static LinearModel FeasibilityModel(LinearModel m)
    {
        var f = new LinearModel(m.Name + "-feasibility");
        var x = m.Variables.Select(v => f.AddVariable(v.Name, v.Lower, v.Upper)).ToArray();
        foreach (var c in m.Constraints)
        {
            var e = LinearExpression.Sum(c.Terms.Select(t => (x[t.Variable.Index], t.Coefficient)));
            if (c.Sense == ConstraintSense.Range) f.AddRange(c.Name, e, c.Lower, c.Upper); else f.AddConstraint(c.Name, e, c.Sense, c.Rhs);
        }
        f.Minimize(new LinearExpression());
        return f;
    }

    /// <summary>Directions d of the recession cone (rows and bounds with zero right-hand sides, a finite limit keeping
    /// its side) along which the objective improves by at least 1.</summary>
    private static LinearModel RayModel(LinearModel m)
    {
        var r = new LinearModel(m.Name + "-ray");
        var d = m.Variables.Select(v => r.AddVariable(v.Name,
            double.IsFinite(v.Lower) ? 0 : double.NegativeInfinity, double.IsFinite(v.Upper) ? 0 : double.PositiveInfinity)).ToArray();
        foreach (var c in m.Constraints)
        {
            var e = LinearExpression.Sum(c.Terms.Select(t => (d[t.Variable.Index], t.Coefficient)));
            if (double.IsFinite(c.Lower) && double.IsFinite(c.Upper)) r.AddEqual(c.Name, e, 0);
            else if (double.IsFinite(c.Lower)) r.AddGreaterOrEqual(c.Name, e, 0);
            else r.AddLessOrEqual(c.Name, e, 0);
        }
        var objective = LinearExpression.Sum(m.Objective.Select(t => (d[t.Variable.Index], t.Coefficient)));
        if (m.Sense == ObjectiveSense.Maximize) r.AddGreaterOrEqual("improvement", objective, 1); else r.AddLessOrEqual("improvement", objective, -1);
        r.Minimize(new LinearExpression());
        return r;
    }

    private LpSolution SolveOnce(LinearModel model)
    {
        using var session = new Session(this, model);
        return session.Solve();
    }

    /// <summary>
    /// The model kept loaded in one OR-Tools solver, so that a change of objective re-solves from the last basis
    /// (GLOP and CLP warm-start): what <see cref="OptimalFace"/> does with its many objectives on one feasible set.
    /// <see cref="Solve"/> reads the model's current objective and returns the checked optimum, or a non-optimal status
    /// without the infeasible/unbounded settling of <see cref="OrToolsSolver.Solve"/> (call that for the exact status).
    /// </summary>
    internal sealed class Session : IDisposable
    {
        private readonly OrToolsSolver _owner;
        private readonly LinearModel _model;
        private readonly Solver _solver;
        private readonly Google.OrTools.LinearSolver.Variable[] _x;
        private readonly Google.OrTools.LinearSolver.Constraint[] _rows;

        internal Session(OrToolsSolver owner, LinearModel model)
        {
            _owner = owner;
            _model = model;
            _solver = Solver.CreateSolver(owner.OrToolsId)
                ?? throw new InvalidOperationException($"OR-Tools has no solver '{owner.OrToolsId}' in this build.");
            _solver.SuppressOutput();
            _solver.SetTimeLimit((long)owner.TimeLimit.TotalMilliseconds);
            if (owner.Parameters is not null && !_solver.SetSolverSpecificParametersAsString(owner.Parameters))
                throw new InvalidOperationException($"OR-Tools rejected the {owner.Name} parameters '{owner.Parameters}'.");
            _x = new Google.OrTools.LinearSolver.Variable[model.Variables.Count];
            foreach (var v in model.Variables) _x[v.Index] = _solver.MakeNumVar(v.Lower, v.Upper, v.Name);
            _rows = new Google.OrTools.LinearSolver.Constraint[model.Constraints.Count];
            foreach (var c in model.Constraints)
            {
                var row = _rows[c.Index] = _solver.MakeConstraint(c.Lower, c.Upper, c.Name);
                foreach (var (v, a) in c.Terms) row.SetCoefficient(_x[v.Index], a);
            }
        }

        /// <summary>Solves with the model's current objective.</summary>
        public LpSolution Solve()
        {
            var (model, name) = (_model, _owner.Name);
            var objective = _solver.Objective();
            objective.Clear();
            foreach (var (v, a) in model.Objective) objective.SetCoefficient(_x[v.Index], a);
            objective.SetOffset(model.ObjectiveConstant);
            if (model.Sense == ObjectiveSense.Maximize) objective.SetMaximization(); else objective.SetMinimization();

            var status = _solver.Solve();
            var iterations = (int)Math.Min(int.MaxValue, _solver.Iterations());
            switch (status)
            {
                case Solver.ResultStatus.OPTIMAL: break;
                case Solver.ResultStatus.INFEASIBLE:
                    return _owner.Fail(model, LpStatus.Infeasible, $"{name}: no point satisfies every constraint and bound", iterations);
                case Solver.ResultStatus.UNBOUNDED:
                    return _owner.Fail(model, LpStatus.Unbounded, $"{name}: the objective can {(model.Sense == ObjectiveSense.Maximize ? "increase" : "decrease")} without limit", iterations);
                case Solver.ResultStatus.FEASIBLE:
                case Solver.ResultStatus.NOT_SOLVED:
                    return _owner.Fail(model, LpStatus.IterationLimit, $"{name} stopped at a limit ({_owner.TimeLimit.TotalSeconds:G} s) before proving optimality ({status})", iterations);
                default:
                    return _owner.Fail(model, LpStatus.Abnormal, $"{name} failed: {status}", iterations);
            }
            var values = _x.Select(v => v.SolutionValue() + 0.0).ToArray();
            var reduced = _owner.HasDuals ? _x.Select(v => v.ReducedCost() + 0.0).ToArray() : Enumerable.Repeat(double.NaN, _x.Length).ToArray();
            var duals = _owner.HasDuals ? _rows.Select(r => r.DualValue() + 0.0).ToArray() : Enumerable.Repeat(double.NaN, _rows.Length).ToArray();
            if (Violation(model, values, _owner.FeasibilityTolerance) is { } why)
                return _owner.Fail(model, LpStatus.Abnormal, $"{name} reported an optimum that fails the check: {why}", iterations);
            return new LpSolution(model, LpStatus.Optimal, "optimal", model.ObjectiveValue(values), values, reduced, duals, iterations, name);
        }

        /// <inheritdoc />
        public void Dispose() => _solver.Dispose();
    }

    /// <summary>The worst violated bound or row of a point (relative to max(1, |limit|)), or null when all hold.</summary>
    internal static string? Violation(LinearModel model, IReadOnlyList<double> values, double tolerance)
    {
        if (values.Any(v => !double.IsFinite(v))) return "a value is not finite";
        if (!double.IsFinite(model.ObjectiveValue(values))) return "the objective is not finite";
        var (worst, what) = (tolerance, (string?)null);
        void Check(double lower, double upper, double value, string name)
        {
            var over = Math.Max(Excess(lower - value, lower), Excess(value - upper, upper));
            if (over > worst) (worst, what) = (over, $"{name} = {F(value)} outside [{LinearModel.Fmt(lower)}, {LinearModel.Fmt(upper)}]");
        }
        foreach (var v in model.Variables) Check(v.Lower, v.Upper, values[v.Index], $"variable '{v.Name}'");
        foreach (var c in model.Constraints) Check(c.Lower, c.Upper, c.Activity(values), $"row '{c.Name}'");
        return what;
    }

    private static double Excess(double gap, double limit) => double.IsFinite(limit) && gap > 0 ? gap / Math.Max(1.0, Math.Abs(limit)) : 0;

    private LpSolution Fail(LinearModel model, LpStatus status, string message, int iterations) =>
        new(model, status, message, double.NaN, [], [], [], iterations, Name);

    private static string F(double x) => x.ToString("G9", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Name;
}
