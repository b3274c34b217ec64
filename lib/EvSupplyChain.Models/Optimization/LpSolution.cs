namespace EvSupplyChain.Models.Optimization;

/// <summary>How a solve ended.</summary>
public enum LpStatus
{
    /// <summary>An optimal solution was found and checked against every bound and row.</summary>
    Optimal,
    /// <summary>No point satisfies every constraint and bound.</summary>
    Infeasible,
    /// <summary>The objective improves without limit.</summary>
    Unbounded,
    /// <summary>An iteration or time limit was reached first.</summary>
    IterationLimit,
    /// <summary>The solver failed, or claimed an optimum that is not finite or violates a bound or row (never reported as optimal).</summary>
    Abnormal,
}

/// <summary>
/// The result of solving a <see cref="LinearModel"/>. Values, duals and reduced costs are only meaningful when
/// <see cref="Status"/> is <see cref="LpStatus.Optimal"/>; otherwise they are empty and <see cref="Message"/> explains why.
/// Duals (shadow prices) and reduced costs are derivatives of the objective <em>in the model's own sense</em>: the dual of
/// a ≤ row in a maximisation is the gain per unit of extra right-hand side. At a degenerate optimum they are one valid
/// choice among several (the one belonging to the final basis).
/// </summary>
public sealed class LpSolution
{
    internal LpSolution(LinearModel model, LpStatus status, string message, double objective,
        double[] values, double[] reducedCosts, double[] duals, int iterations, string solver)
    {
        Model = model;
        Status = status;
        Message = message;
        ObjectiveValue = objective;
        Values = values;
        ReducedCosts = reducedCosts;
        Duals = duals;
        Iterations = iterations;
        Solver = solver;
        Activities = status == LpStatus.Optimal ? model.Constraints.Select(c => c.Activity(values)).ToArray() : [];
    }

    /// <summary>The model solved.</summary>
    public LinearModel Model { get; }

    /// <summary>How the solve ended.</summary>
    public LpStatus Status { get; }

    /// <summary>A readable account of the outcome (why infeasible or unbounded).</summary>
    public string Message { get; }

    /// <summary>Which solver produced this.</summary>
    public string Solver { get; }

    /// <summary>Objective value (NaN unless optimal).</summary>
    public double ObjectiveValue { get; }

    /// <summary>Primal values per variable index.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Reduced costs per variable index (objective change per unit increase of a non-basic variable).</summary>
    public IReadOnlyList<double> ReducedCosts { get; }

    /// <summary>Shadow prices per constraint index (objective change per unit increase of the right-hand side).</summary>
    public IReadOnlyList<double> Duals { get; }

    /// <summary>Left-hand side Σ aⱼ·xⱼ per constraint index.</summary>
    public IReadOnlyList<double> Activities { get; }

    /// <summary>Iterations the solver reports (simplex pivots, or PDLP iterations).</summary>
    public int Iterations { get; }

    /// <summary>True when optimal.</summary>
    public bool IsOptimal => Status == LpStatus.Optimal;

    /// <summary>The value of a variable.</summary>
    public double Value(Variable v) => Values[Check(v).Index];

    /// <summary>The value of a variable by name.</summary>
    public double Value(string variable) => Values[Model.Variable(variable).Index];

    /// <summary>The shadow price of a constraint by name.</summary>
    public double Dual(string constraint) => Duals[Model.Constraint(constraint).Index];

    /// <summary>rhs − activity of a constraint (≥ 0 for a satisfied ≤ row, ≤ 0 for a satisfied ≥ row).</summary>
    public double Slack(Constraint c) => c.Rhs - Activities[c.Index];

    /// <summary>
    /// The inequality constraints whose activity equals the right-hand side within
    /// <paramref name="relativeTolerance"/>·max(1, |rhs|) (equalities are always tight and are left out).
    /// </summary>
    public IReadOnlyList<Constraint> Binding(double relativeTolerance = 1e-9) =>
        Status != LpStatus.Optimal ? []
        : Model.Constraints.Where(c => c.Sense != ConstraintSense.Equal && (At(c.Upper, Activities[c.Index], relativeTolerance) || At(c.Lower, Activities[c.Index], relativeTolerance))).ToArray();

    private static bool At(double limit, double activity, double relativeTolerance) =>
        double.IsFinite(limit) && Math.Abs(limit - activity) <= relativeTolerance * Math.Max(1.0, Math.Abs(limit));

    /// <summary>Throws <see cref="InvalidOperationException"/> with <see cref="Message"/> unless optimal.</summary>
    public LpSolution EnsureOptimal()
    {
        if (!IsOptimal) throw new InvalidOperationException($"Model '{Model.Name}' is {Status}: {Message}");
        return this;
    }

    private Variable Check(Variable v) => ReferenceEquals(v.Model, Model) ? v
        : throw new ArgumentException($"Variable '{v.Name}' is not part of model '{Model.Name}'.");

    /// <inheritdoc />
    public override string ToString() => $"{Status} ({Solver}, {Iterations} iterations): {(IsOptimal ? ObjectiveValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Message)}";
}

/// <summary>Anything that solves a <see cref="LinearModel"/>.</summary>
public interface ILpSolver
{
    /// <summary>Solves the model; never throws for infeasible or unbounded models (see <see cref="LpSolution.Status"/>).</summary>
    LpSolution Solve(LinearModel model);
}
