using System.Globalization;

namespace EvSupplyChain.Models.Optimization;

/// <summary>A decision variable of a <see cref="LinearModel"/>: its position, name and bounds.</summary>
public sealed class Variable
{
    internal Variable(LinearModel model, int index, string name, double lower, double upper)
    {
        Model = model;
        Index = index;
        Name = name;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The model that owns the variable.</summary>
    public LinearModel Model { get; }

    /// <summary>Position in <see cref="LinearModel.Variables"/>.</summary>
    public int Index { get; }

    /// <summary>Unique name.</summary>
    public string Name { get; }

    /// <summary>Lower bound (may be −∞).</summary>
    public double Lower { get; internal set; }

    /// <summary>Upper bound (may be +∞).</summary>
    public double Upper { get; internal set; }

    /// <summary>The variable as a one-term expression.</summary>
    public static implicit operator LinearExpression(Variable v) => new LinearExpression().Add(v, 1.0);

    /// <inheritdoc />
    public override string ToString() => Name;

#pragma warning disable CS1591 // operators are self-explanatory
    public static LinearExpression operator +(Variable a, Variable b) => (LinearExpression)a + b;
    public static LinearExpression operator -(Variable a, Variable b) => (LinearExpression)a - b;
    public static LinearExpression operator *(double c, Variable v) => new LinearExpression().Add(v, c);
    public static LinearExpression operator *(Variable v, double c) => new LinearExpression().Add(v, c);
    public static LinearExpression operator -(Variable v) => new LinearExpression().Add(v, -1.0);
#pragma warning restore CS1591
}

/// <summary>
/// A linear expression Σ cᵢ·xᵢ + constant. Terms keep the order they were added in; repeated variables are merged
/// when the expression is used in a constraint or objective.
/// </summary>
public sealed class LinearExpression
{
    private readonly List<(Variable Variable, double Coefficient)> _terms = [];

    /// <summary>The constant part.</summary>
    public double Constant { get; private set; }

    /// <summary>The terms as added (a variable may appear more than once).</summary>
    public IReadOnlyList<(Variable Variable, double Coefficient)> Terms => _terms;

    /// <summary>Adds c·v in place.</summary>
    public LinearExpression Add(Variable v, double coefficient)
    {
        ArgumentNullException.ThrowIfNull(v);
        _terms.Add((v, coefficient));
        return this;
    }

    /// <summary>Adds a constant in place.</summary>
    public LinearExpression AddConstant(double c)
    {
        Constant += c;
        return this;
    }

    /// <summary>Adds c·e in place.</summary>
    public LinearExpression Add(LinearExpression e, double c = 1.0)
    {
        foreach (var (v, k) in e._terms) _terms.Add((v, c * k));
        Constant += c * e.Constant;
        return this;
    }

    /// <summary>Σ cᵢ·vᵢ over a sequence.</summary>
    public static LinearExpression Sum(IEnumerable<(Variable Variable, double Coefficient)> terms)
    {
        var e = new LinearExpression();
        foreach (var (v, c) in terms) e.Add(v, c);
        return e;
    }

    /// <summary>Σ vᵢ over a sequence of variables.</summary>
    public static LinearExpression Sum(IEnumerable<Variable> variables) => Sum(variables.Select(v => (v, 1.0)));

    /// <summary>Terms with repeated variables merged (first-appearance order) and exact zeros dropped.</summary>
    public IReadOnlyList<(Variable Variable, double Coefficient)> Merged()
    {
        var merged = new List<(Variable Variable, double Coefficient)>(_terms.Count);
        Dictionary<Variable, int>? at = _terms.Count > 16 ? new(ReferenceEqualityComparer.Instance) : null;
        foreach (var (v, c) in _terms)
        {
            var i = at is null ? merged.FindIndex(t => ReferenceEquals(t.Variable, v)) : at.GetValueOrDefault(v, -1);
            if (i >= 0) merged[i] = (v, merged[i].Coefficient + c);
            else { at?.Add(v, merged.Count); merged.Add((v, c)); }
        }
        merged.RemoveAll(t => t.Coefficient == 0.0);
        return merged;
    }

    /// <summary>The value at a point given per variable index.</summary>
    public double Evaluate(IReadOnlyList<double> values) => Constant + _terms.Sum(t => t.Coefficient * values[t.Variable.Index]);

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = Merged().Select(t => $"{(t.Coefficient < 0 ? "-" : "+")} {Math.Abs(t.Coefficient).ToString("R", CultureInfo.InvariantCulture)} {t.Variable.Name}").ToList();
        if (Constant != 0) parts.Add($"{(Constant < 0 ? "-" : "+")} {Math.Abs(Constant).ToString("R", CultureInfo.InvariantCulture)}");
        return parts.Count == 0 ? "0" : string.Join(" ", parts);
    }

#pragma warning disable CS1591 // operators are self-explanatory
    public static implicit operator LinearExpression(double c) => new LinearExpression().AddConstant(c);
    public static LinearExpression operator +(LinearExpression a, LinearExpression b) => new LinearExpression().Add(a).Add(b);
    public static LinearExpression operator -(LinearExpression a, LinearExpression b) => new LinearExpression().Add(a).Add(b, -1.0);
    public static LinearExpression operator -(LinearExpression a) => new LinearExpression().Add(a, -1.0);
    public static LinearExpression operator *(double c, LinearExpression e) => new LinearExpression().Add(e, c);
    public static LinearExpression operator *(LinearExpression e, double c) => new LinearExpression().Add(e, c);
#pragma warning restore CS1591
}
