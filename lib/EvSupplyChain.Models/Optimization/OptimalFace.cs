namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// Identifiability of an LP optimum: the exact range of a quantity over <em>all</em> optimal solutions. The objective is
/// held at its optimum within a relative tolerance and the quantity is minimised and maximised. A ratio of two linear
/// expressions (a share) is handled with the Charnes–Cooper transformation y = t·x, t = 1/denominator, which turns the
/// linear-fractional programme into an LP.
/// </summary>
public sealed class OptimalFace
{
    private readonly LinearModel _model;
    private readonly double _optimum, _tolerance;
    private readonly ILpSolver _solver;
    private (LinearExpression Denominator, (LinearModel Model, Variable[] Y, Variable T) Lp, OrToolsSolver.Session? Session)? _cached;

    /// <summary>
    /// The face of <paramref name="model"/> whose objective is within <paramref name="relativeTolerance"/>·max(1, |optimum|)
    /// of <paramref name="optimum"/>, explored with <paramref name="solver"/> (default GLOP).
    /// </summary>
    public OptimalFace(LinearModel model, double optimum, double relativeTolerance = 1e-9, ILpSolver? solver = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!double.IsFinite(optimum)) throw new ArgumentOutOfRangeException(nameof(optimum), optimum, "The optimum must be finite.");
        if (!(relativeTolerance >= 0 && relativeTolerance < 1)) throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "The tolerance must be in [0, 1).");
        _model = model;
        _optimum = optimum;
        _tolerance = relativeTolerance;
        _solver = solver ?? LpSolvers.Create();
    }

    /// <summary>
    /// Min and max of <paramref name="numerator"/>/<paramref name="denominator"/> (or of <paramref name="numerator"/> alone
    /// when no denominator is given) over the face. The denominator must be positive on the face. Reusing the same
    /// denominator object reuses the transformed LP.
    /// </summary>
    public (double Min, double Max) Range(LinearExpression numerator, LinearExpression? denominator = null)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        var key = denominator ?? One;
        if (_cached is not { } c || !ReferenceEquals(c.Denominator, key))
        {
            _cached?.Session?.Dispose();
            var lp = CharnesCooper(_model, _optimum, _tolerance, key);
            _cached = c = (key, lp, _solver is OrToolsSolver { WarmStarts: true } ort ? new OrToolsSolver.Session(ort, lp.Model) : null);
        }
        return (Solve(_solver, c.Session, c.Lp, numerator, ObjectiveSense.Minimize, _model.Name),
            Solve(_solver, c.Session, c.Lp, numerator, ObjectiveSense.Maximize, _model.Name));
    }

    private static readonly LinearExpression One = new LinearExpression().AddConstant(1.0);

    /// <summary>One-off form of <see cref="Range(LinearExpression, LinearExpression?)"/>.</summary>
    public static (double Min, double Max) Range(LinearModel model, double optimum, LinearExpression numerator,
        LinearExpression? denominator = null, double relativeTolerance = 1e-9, ILpSolver? solver = null) =>
        new OptimalFace(model, optimum, relativeTolerance, solver).Range(numerator, denominator);

    /// <summary>One bound: with an OR-Tools session the LP stays loaded and re-solves from the last basis; anything but
    /// an optimum there is solved again from scratch, which also settles the exact status for the message.</summary>
    private static double Solve(ILpSolver solver, OrToolsSolver.Session? session, (LinearModel Model, Variable[] Y, Variable T) cc,
        LinearExpression num, ObjectiveSense sense, string name)
    {
        cc.Model.SetObjective(sense, Lift(num, cc.Y, cc.T), "ratio");
        if (session?.Solve() is { IsOptimal: true } warm) return warm.ObjectiveValue;
        var s = solver.Solve(cc.Model);
        if (!s.IsOptimal)
            throw new InvalidOperationException($"The range over the optimal face of '{name}' could not be computed: the Charnes–Cooper LP is {s.Status} ({s.Message}). Is the denominator positive on the face?");
        return s.ObjectiveValue;
    }

    /// <summary>y = t·x: every row a·x (sense) b becomes a·y − b·t (sense) 0, bounds l ≤ x ≤ u become l·t ≤ y ≤ u·t,
    /// the face row keeps the objective at its optimum, and denominator(y, t) = 1.</summary>
    private static (LinearModel Model, Variable[] Y, Variable T) CharnesCooper(LinearModel m, double optimum, double tol, LinearExpression den)
    {
        var cc = new LinearModel(m.Name + "-charnes-cooper");
        var y = new Variable[m.Variables.Count];
        foreach (var v in m.Variables)
            y[v.Index] = v.Lower == 0 && double.IsPositiveInfinity(v.Upper) ? cc.AddVariable(v.Name) : cc.AddFreeVariable(v.Name);
        var t = cc.AddVariable("charnes_cooper_t");
        foreach (var v in m.Variables)
        {
            if (v.Lower == 0 && double.IsPositiveInfinity(v.Upper)) continue;
            if (double.IsFinite(v.Lower)) cc.AddGreaterOrEqual($"lower_{v.Name}", y[v.Index] - v.Lower * (LinearExpression)t, 0);
            if (double.IsFinite(v.Upper)) cc.AddLessOrEqual($"upper_{v.Name}", y[v.Index] - v.Upper * (LinearExpression)t, 0);
        }
        foreach (var c in m.Constraints)
        {
            var e = LinearExpression.Sum(c.Terms.Select(x => (y[x.Variable.Index], x.Coefficient)));
            if (c.Sense != ConstraintSense.Range) { cc.AddConstraint(c.Name, e.Add(t, -c.Rhs), c.Sense, 0); continue; }
            cc.AddGreaterOrEqual(c.Name + "_lower", LinearExpression.Sum(e.Terms).Add(t, -c.Lower), 0);
            cc.AddLessOrEqual(c.Name + "_upper", e.Add(t, -c.Upper), 0);
        }
        var slack = tol * Math.Max(1.0, Math.Abs(optimum));
        var objective = LinearExpression.Sum(m.Objective.Select(x => (y[x.Variable.Index], x.Coefficient)));
        if (m.Sense == ObjectiveSense.Maximize) cc.AddGreaterOrEqual("optimal_face", objective.Add(t, m.ObjectiveConstant - (optimum - slack)), 0);
        else cc.AddLessOrEqual("optimal_face", objective.Add(t, m.ObjectiveConstant - (optimum + slack)), 0);
        cc.AddEqual("normalisation", Lift(den, y, t), 1.0);
        return (cc, y, t);
    }

    private static LinearExpression Lift(LinearExpression e, Variable[] y, Variable t)
    {
        var lifted = LinearExpression.Sum(e.Terms.Select(x => (y[x.Variable.Index], x.Coefficient)));
        if (e.Constant != 0) lifted.Add(t, e.Constant);
        return lifted;
    }
}
