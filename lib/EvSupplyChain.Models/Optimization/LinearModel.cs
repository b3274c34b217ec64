using System.Globalization;

namespace EvSupplyChain.Models.Optimization;

/// <summary>The relation of a constraint's left side to its right-hand side.</summary>
public enum ConstraintSense
{
    /// <summary>left ≤ rhs.</summary>
    LessOrEqual,
    /// <summary>left = rhs.</summary>
    Equal,
    /// <summary>left ≥ rhs.</summary>
    GreaterOrEqual,
    /// <summary>lower ≤ left ≤ upper (an MPS ranged row); <see cref="Constraint.Rhs"/> is the upper limit.</summary>
    Range,
}

/// <summary>Whether the objective is maximised or minimised.</summary>
public enum ObjectiveSense
{
    /// <summary>Minimise.</summary>
    Minimize,
    /// <summary>Maximise.</summary>
    Maximize,
}

/// <summary>
/// A named linear constraint Σ aⱼ·xⱼ (≤ | = | ≥) rhs, or lower ≤ Σ aⱼ·xⱼ ≤ upper; the expression's constant is moved
/// to the right.
/// </summary>
public sealed class Constraint
{
    internal Constraint(int index, string name, IReadOnlyList<(Variable Variable, double Coefficient)> terms, ConstraintSense sense, double rhs, double rangeLower = double.NaN)
    {
        Index = index;
        Name = name;
        Terms = terms;
        Sense = sense;
        Rhs = rhs;
        (Lower, Upper) = sense switch
        {
            ConstraintSense.LessOrEqual => (double.NegativeInfinity, rhs),
            ConstraintSense.Equal => (rhs, rhs),
            ConstraintSense.GreaterOrEqual => (rhs, double.PositiveInfinity),
            _ => (rangeLower, rhs),
        };
    }

    /// <summary>Smallest allowed activity (−∞ for a ≤ row).</summary>
    public double Lower { get; }

    /// <summary>Largest allowed activity (+∞ for a ≥ row).</summary>
    public double Upper { get; }

    /// <summary>Position in <see cref="LinearModel.Constraints"/>.</summary>
    public int Index { get; }

    /// <summary>Unique name.</summary>
    public string Name { get; }

    /// <summary>Merged terms, no zero coefficients.</summary>
    public IReadOnlyList<(Variable Variable, double Coefficient)> Terms { get; }

    /// <summary>The relation.</summary>
    public ConstraintSense Sense { get; }

    /// <summary>The right-hand side (the upper limit of a <see cref="ConstraintSense.Range"/> row).</summary>
    public double Rhs { get; }

    /// <summary>Σ aⱼ·xⱼ at a point given per variable index.</summary>
    public double Activity(IReadOnlyList<double> values) => Terms.Sum(t => t.Coefficient * values[t.Variable.Index]);

    /// <inheritdoc />
    public override string ToString() => Sense == ConstraintSense.Range
        ? $"{Name}: {LinearModel.Fmt(Lower)} <= {LinearExpression.Sum(Terms)} <= {LinearModel.Fmt(Upper)}"
        : $"{Name}: {LinearExpression.Sum(Terms)} {Sense switch { ConstraintSense.LessOrEqual => "<=", ConstraintSense.Equal => "=", _ => ">=" }} {Rhs.ToString("R", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// An algebraic linear programme: named variables with bounds, named ≤ / = / ≥ constraints and a linear objective to
/// maximise or minimise. Names must be unique and coefficients finite; violations raise <see cref="ArgumentException"/>
/// naming the variable or constraint.
/// </summary>
public sealed class LinearModel
{
    private readonly List<Variable> _variables = [];
    private readonly List<Constraint> _constraints = [];
    private readonly Dictionary<string, Variable> _variableByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Constraint> _constraintByName = new(StringComparer.Ordinal);

    /// <summary>An empty model; <paramref name="name"/> appears in exported files and messages.</summary>
    public LinearModel(string name = "model") => Name = name;

    /// <summary>The model name.</summary>
    public string Name { get; }

    /// <summary>Variables in creation order.</summary>
    public IReadOnlyList<Variable> Variables => _variables;

    /// <summary>Constraints in creation order.</summary>
    public IReadOnlyList<Constraint> Constraints => _constraints;

    /// <summary>Maximise or minimise.</summary>
    public ObjectiveSense Sense { get; private set; } = ObjectiveSense.Minimize;

    /// <summary>Name of the objective row (as in LP files).</summary>
    public string ObjectiveName { get; private set; } = "objective";

    /// <summary>Merged objective terms.</summary>
    public IReadOnlyList<(Variable Variable, double Coefficient)> Objective { get; private set; } = [];

    /// <summary>The objective's constant term.</summary>
    public double ObjectiveConstant { get; private set; }

    /// <summary>A new variable with bounds [<paramref name="lower"/>, <paramref name="upper"/>] (default [0, +∞)).</summary>
    public Variable AddVariable(string name, double lower = 0.0, double upper = double.PositiveInfinity)
    {
        CheckName(name, "variable");
        if (_variableByName.ContainsKey(name)) throw new ArgumentException($"Duplicate variable name '{name}'.", nameof(name));
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower == double.PositiveInfinity || upper == double.NegativeInfinity)
            throw new ArgumentException($"Variable '{name}': bounds [{Fmt(lower)}, {Fmt(upper)}] are not valid (NaN, or lower = +∞, or upper = −∞).");
        if (lower > upper)
            throw new ArgumentException($"Variable '{name}': lower bound {Fmt(lower)} exceeds upper bound {Fmt(upper)}.");
        var v = new Variable(this, _variables.Count, name, lower, upper);
        _variables.Add(v);
        _variableByName.Add(name, v);
        return v;
    }

    /// <summary>A new free variable (−∞, +∞).</summary>
    public Variable AddFreeVariable(string name) => AddVariable(name, double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Changes a variable's bounds.</summary>
    public void SetBounds(Variable v, double lower, double upper)
    {
        CheckOwned(v);
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower > upper || lower == double.PositiveInfinity || upper == double.NegativeInfinity)
            throw new ArgumentException($"Variable '{v.Name}': bounds [{Fmt(lower)}, {Fmt(upper)}] are not valid.");
        v.Lower = lower;
        v.Upper = upper;
    }

    /// <summary>Adds the constraint <paramref name="left"/> (sense) <paramref name="rhs"/>.</summary>
    public Constraint AddConstraint(string name, LinearExpression left, ConstraintSense sense, double rhs)
    {
        if (sense == ConstraintSense.Range) throw new ArgumentException($"Constraint '{name}': add a ranged row with AddRange(name, expression, lower, upper).");
        return Add(name, left, sense, rhs, double.NaN);
    }

    /// <summary>Adds <paramref name="lower"/> ≤ <paramref name="left"/> ≤ <paramref name="upper"/> (both finite, lower &lt; upper).</summary>
    public Constraint AddRange(string name, LinearExpression left, double lower, double upper)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(lower < upper))
            throw new ArgumentException($"Constraint '{name}': the range [{Fmt(lower)}, {Fmt(upper)}] needs finite limits with lower < upper (use AddEqual for equal limits).");
        ArgumentNullException.ThrowIfNull(left);
        return Add(name, left, ConstraintSense.Range, upper, lower - left.Constant);
    }

    private Constraint Add(string name, LinearExpression left, ConstraintSense sense, double rhs, double rangeLower)
    {
        ArgumentNullException.ThrowIfNull(left);
        CheckName(name, "constraint");
        if (_constraintByName.ContainsKey(name)) throw new ArgumentException($"Duplicate constraint name '{name}'.", nameof(name));
        if (!double.IsFinite(rhs)) throw new ArgumentException($"Constraint '{name}': the right-hand side {Fmt(rhs)} is not finite.");
        var terms = CheckTerms(left, $"Constraint '{name}'");
        if (!double.IsFinite(left.Constant)) throw new ArgumentException($"Constraint '{name}': the constant {Fmt(left.Constant)} is not finite.");
        var c = new Constraint(_constraints.Count, name, terms, sense, rhs - left.Constant, rangeLower);
        _constraints.Add(c);
        _constraintByName.Add(name, c);
        return c;
    }

    /// <summary>Adds <paramref name="left"/> ≤ <paramref name="rhs"/>.</summary>
    public Constraint AddLessOrEqual(string name, LinearExpression left, double rhs) => AddConstraint(name, left, ConstraintSense.LessOrEqual, rhs);

    /// <summary>Adds <paramref name="left"/> = <paramref name="rhs"/>.</summary>
    public Constraint AddEqual(string name, LinearExpression left, double rhs) => AddConstraint(name, left, ConstraintSense.Equal, rhs);

    /// <summary>Adds <paramref name="left"/> ≥ <paramref name="rhs"/>.</summary>
    public Constraint AddGreaterOrEqual(string name, LinearExpression left, double rhs) => AddConstraint(name, left, ConstraintSense.GreaterOrEqual, rhs);

    /// <summary>Sets the objective to maximise.</summary>
    public void Maximize(LinearExpression objective, string name = "objective") => SetObjective(ObjectiveSense.Maximize, objective, name);

    /// <summary>Sets the objective to minimise.</summary>
    public void Minimize(LinearExpression objective, string name = "objective") => SetObjective(ObjectiveSense.Minimize, objective, name);

    /// <summary>Sets the objective.</summary>
    public void SetObjective(ObjectiveSense sense, LinearExpression objective, string name = "objective")
    {
        ArgumentNullException.ThrowIfNull(objective);
        CheckName(name, "objective");
        var terms = CheckTerms(objective, "Objective");
        if (!double.IsFinite(objective.Constant)) throw new ArgumentException($"Objective: the constant {Fmt(objective.Constant)} is not finite.");
        Sense = sense;
        ObjectiveName = name;
        Objective = terms;
        ObjectiveConstant = objective.Constant;
    }

    /// <summary>The variable with this name.</summary>
    public Variable Variable(string name) => _variableByName.TryGetValue(name, out var v) ? v
        : throw new ArgumentException($"No variable named '{name}' in model '{Name}'.", nameof(name));

    /// <summary>The constraint with this name.</summary>
    public Constraint Constraint(string name) => _constraintByName.TryGetValue(name, out var c) ? c
        : throw new ArgumentException($"No constraint named '{name}' in model '{Name}'.", nameof(name));

    /// <summary>True when a variable has this name.</summary>
    public bool HasVariable(string name) => _variableByName.ContainsKey(name);

    /// <summary>The objective value at a point given per variable index.</summary>
    public double ObjectiveValue(IReadOnlyList<double> values) => ObjectiveConstant + Objective.Sum(t => t.Coefficient * values[t.Variable.Index]);

    /// <summary>Solves the model with the named solver (default <see cref="LpSolvers.Default"/>, GLOP); see <see cref="LpSolvers.Names"/>.</summary>
    public LpSolution Solve(string? solver = null) => LpSolvers.Create(solver).Solve(this);

    /// <summary>Number of non-zero constraint coefficients.</summary>
    public int NonZeros => _constraints.Sum(c => c.Terms.Count);

    private IReadOnlyList<(Variable, double)> CheckTerms(LinearExpression e, string owner)
    {
        foreach (var (v, c) in e.Terms)
        {
            CheckOwned(v);
            if (!double.IsFinite(c)) throw new ArgumentException($"{owner}: the coefficient of '{v.Name}' is {Fmt(c)}, not a finite number.");
        }
        var merged = e.Merged();
        foreach (var (v, c) in merged)
            if (!double.IsFinite(c)) throw new ArgumentException($"{owner}: the summed coefficient of '{v.Name}' overflows.");
        return merged;
    }

    private void CheckOwned(Variable v)
    {
        if (!ReferenceEquals(v.Model, this)) throw new ArgumentException($"Variable '{v.Name}' belongs to model '{v.Model.Name}', not '{Name}'.");
    }

    private static void CheckName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"A {what} needs a non-empty name.");
        if (name.Any(char.IsWhiteSpace)) throw new ArgumentException($"The {what} name '{name}' contains white space.");
    }

    internal static string Fmt(double x) => double.IsPositiveInfinity(x) ? "+inf" : double.IsNegativeInfinity(x) ? "-inf" : x.ToString("R", CultureInfo.InvariantCulture);
}
