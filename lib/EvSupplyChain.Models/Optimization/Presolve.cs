using System.Globalization;

namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// Presolve by substitution: a variable defined by an equality row (e.g. a material flow z = a·x) is replaced by its
/// definition everywhere when the row implies its bounds, and the row is dropped. Rows left empty are checked and
/// dropped. <see cref="Postsolve"/> restores the eliminated values, the duals of dropped rows and the reduced costs.
/// </summary>
public sealed class Presolve
{
    private sealed record Elimination(int Variable, int Row, (int Var, double Coef)[] Definition, double Constant,
        double Pivot, double Cost, (int Row, double Coef)[] OtherColumnEntries);

    private readonly LinearModel _original;
    private readonly List<Elimination> _eliminated = [];
    private readonly int[] _newVariable;   // original → reduced index or −1
    private readonly int[] _newRow;        // original → reduced index or −1

    private Presolve(LinearModel original)
    {
        _original = original;
        _newVariable = new int[original.Variables.Count];
        _newRow = new int[original.Constraints.Count];
        Reduced = original;
    }

    /// <summary>The reduced model (same names for the surviving variables and constraints).</summary>
    public LinearModel Reduced { get; private set; }

    /// <summary>Why the model is infeasible, when presolve alone proves it; otherwise null.</summary>
    public string? Infeasibility { get; private set; }

    /// <summary>Number of variables substituted out.</summary>
    public int EliminatedVariables => _eliminated.Count;

    /// <summary>Presolves <paramref name="model"/>; bounds are compared with relative tolerance <paramref name="tolerance"/>.</summary>
    public static Presolve Run(LinearModel model, double tolerance = 1e-9)
    {
        var p = new Presolve(model);
        p.Reduce(tolerance);
        return p;
    }

    private void Reduce(double tol)
    {
        var model = _original;
        int n = model.Variables.Count, m = model.Constraints.Count;
        var rows = model.Constraints.Select(c => c.Terms.Select(t => (Var: t.Variable.Index, Coef: t.Coefficient)).ToList()).ToArray();
        var rhs = model.Constraints.Select(c => c.Rhs).ToArray();
        var alive = Enumerable.Repeat(true, m).ToArray();
        var cols = new List<int>[n];
        for (var j = 0; j < n; j++) cols[j] = [];
        for (var i = 0; i < m; i++) foreach (var (v, _) in rows[i]) cols[v].Add(i);
        var cost = new double[n];
        foreach (var (v, a) in model.Objective) cost[v.Index] = a;
        var objConstant = model.ObjectiveConstant;
        var gone = new bool[n];
        var lo = model.Variables.Select(v => v.Lower).ToArray();
        var hi = model.Variables.Select(v => v.Upper).ToArray();

        for (var i = 0; i < m; i++)
        {
            if (model.Constraints[i].Sense != ConstraintSense.Equal || rows[i].Count == 0) continue;
            var k = PickImpliedFree(rows[i], rhs[i], lo, hi, cols, tol);
            if (k < 0) continue;
            var pivot = rows[i].First(t => t.Var == k).Coef;
            var definition = rows[i].Where(t => t.Var != k).Select(t => (t.Var, -t.Coef / pivot)).ToArray();
            var constant = rhs[i] / pivot;
            var others = cols[k].Where(p => p != i).Order().Select(p => (p, rows[p].First(t => t.Var == k).Coef)).ToArray();
            _eliminated.Add(new Elimination(k, i, definition, constant, pivot, cost[k], others));
            foreach (var (p, a) in others)
            {
                rows[p].RemoveAll(t => t.Var == k);
                foreach (var (v, d) in definition) AddTerm(rows[p], cols, p, v, a * d);
                rhs[p] -= a * constant;
            }
            if (cost[k] != 0)
            {
                foreach (var (v, d) in definition) cost[v] += cost[k] * d;
                objConstant += cost[k] * constant;
                cost[k] = 0;
            }
            foreach (var (v, _) in rows[i]) cols[v].Remove(i);
            rows[i].Clear();
            alive[i] = false;
            gone[k] = true;
            cols[k].Clear();
        }

        // Rows left without terms must hold as 0 (sense) rhs.
        for (var i = 0; i < m; i++)
        {
            if (!alive[i] || rows[i].Count > 0) continue;
            var c = model.Constraints[i];
            var scale = tol * Math.Max(1.0, Math.Abs(rhs[i]));
            var ok = c.Sense switch
            {
                ConstraintSense.LessOrEqual => 0 <= rhs[i] + scale,
                ConstraintSense.Equal => Math.Abs(rhs[i]) <= scale,
                _ => 0 >= rhs[i] - scale,
            };
            if (!ok)
            {
                Infeasibility = $"constraint '{c.Name}' reduces to 0 {Symbol(c.Sense)} {rhs[i].ToString("R", CultureInfo.InvariantCulture)} after substituting the variables defined by equalities";
                return;
            }
            alive[i] = false;
        }

        var reduced = new LinearModel(model.Name);
        var map = new Variable?[n];
        for (var j = 0; j < n; j++)
        {
            _newVariable[j] = -1;
            if (gone[j]) continue;
            var v = model.Variables[j];
            map[j] = reduced.AddVariable(v.Name, v.Lower, v.Upper);
            _newVariable[j] = map[j]!.Index;
        }
        for (var i = 0; i < m; i++)
        {
            _newRow[i] = -1;
            if (!alive[i]) continue;
            var c = model.Constraints[i];
            var e = LinearExpression.Sum(rows[i].Select(t => (map[t.Var]!, t.Coef)));
            _newRow[i] = reduced.AddConstraint(c.Name, e, c.Sense, rhs[i]).Index;
        }
        var objective = LinearExpression.Sum(Enumerable.Range(0, n).Where(j => !gone[j] && cost[j] != 0).Select(j => (map[j]!, cost[j])));
        objective.AddConstant(objConstant);
        reduced.SetObjective(model.Sense, objective, model.ObjectiveName);
        Reduced = reduced;
    }

    /// <summary>The row's variable with the fewest column entries whose bounds the row implies; −1 when none.</summary>
    private static int PickImpliedFree(List<(int Var, double Coef)> row, double rhs, double[] lo, double[] hi, List<int>[] cols, double tol)
    {
        var best = -1;
        foreach (var (k, a) in row)
        {
            // a·x_k = rhs − Σ_{j≠k} a_j·x_j: interval of the right side from the other bounds.
            double sMin = 0, sMax = 0;
            foreach (var (j, b) in row)
            {
                if (j == k) continue;
                sMin += b > 0 ? b * lo[j] : b * hi[j];
                sMax += b > 0 ? b * hi[j] : b * lo[j];
            }
            var (rMin, rMax) = (rhs - sMax, rhs - sMin);
            var (kMin, kMax) = a > 0 ? (rMin / a, rMax / a) : (rMax / a, rMin / a);
            if (double.IsNaN(kMin) || double.IsNaN(kMax)) continue;
            var okLow = double.IsNegativeInfinity(lo[k]) || kMin >= lo[k] - tol * Math.Max(1.0, Math.Abs(lo[k]));
            var okHigh = double.IsPositiveInfinity(hi[k]) || kMax <= hi[k] + tol * Math.Max(1.0, Math.Abs(hi[k]));
            if (!okLow || !okHigh) continue;
            if (best < 0 || cols[k].Count < cols[best].Count) best = k;
        }
        return best;
    }

    private static void AddTerm(List<(int Var, double Coef)> row, List<int>[] cols, int rowIndex, int v, double c)
    {
        var at = row.FindIndex(t => t.Var == v);
        if (at >= 0)
        {
            var sum = row[at].Coef + c;
            if (sum == 0) { row.RemoveAt(at); cols[v].Remove(rowIndex); }
            else row[at] = (v, sum);
        }
        else if (c != 0) { row.Add((v, c)); cols[v].Add(rowIndex); }
    }

    /// <summary>Rewrites an expression over the original variables into one over the reduced model's variables.</summary>
    public LinearExpression Substitute(LinearExpression e)
    {
        var coef = new double[_original.Variables.Count];
        var order = new List<int>();
        foreach (var (v, c) in e.Terms)
        {
            if (!ReferenceEquals(v.Model, _original)) throw new ArgumentException($"Variable '{v.Name}' is not part of model '{_original.Name}'.");
            if (coef[v.Index] == 0 && !order.Contains(v.Index)) order.Add(v.Index);
            coef[v.Index] += c;
        }
        var constant = e.Constant;
        foreach (var el in _eliminated)
        {
            var c = coef[el.Variable];
            if (c == 0) continue;
            coef[el.Variable] = 0;
            constant += c * el.Constant;
            foreach (var (v, d) in el.Definition)
            {
                if (!order.Contains(v)) order.Add(v);
                coef[v] += c * d;
            }
        }
        var result = new LinearExpression().AddConstant(constant);
        foreach (var j in order)
            if (coef[j] != 0 && _newVariable[j] >= 0) result.Add(Reduced.Variables[_newVariable[j]], coef[j]);
        return result;
    }

    /// <summary>Maps a solution of <see cref="Reduced"/> back to the original model.</summary>
    public LpSolution Postsolve(LpSolution reduced)
    {
        var model = _original;
        if (!reduced.IsOptimal)
            return new LpSolution(model, reduced.Status, reduced.Message, double.NaN, [], [], [], reduced.Iterations, reduced.Solver + "+presolve");
        int n = model.Variables.Count, m = model.Constraints.Count;
        var x = new double[n];
        var d = new double[n];
        var y = new double[m];
        for (var j = 0; j < n; j++)
            if (_newVariable[j] >= 0) { x[j] = reduced.Values[_newVariable[j]]; d[j] = reduced.ReducedCosts[_newVariable[j]]; }
        for (var i = 0; i < m; i++) if (_newRow[i] >= 0) y[i] = reduced.Duals[_newRow[i]];
        for (var t = _eliminated.Count - 1; t >= 0; t--)
        {
            var el = _eliminated[t];
            var value = el.Constant;
            foreach (var (v, c) in el.Definition) value += c * x[v];
            x[el.Variable] = value;
            var s = el.Cost;
            foreach (var (p, a) in el.OtherColumnEntries) s -= a * y[p];
            y[el.Row] = s / el.Pivot;
            d[el.Variable] = 0;
        }
        return new LpSolution(model, LpStatus.Optimal, reduced.Message, model.ObjectiveValue(x), x, d, y, reduced.Iterations, reduced.Solver + "+presolve");
    }

    private static string Symbol(ConstraintSense s) => s switch { ConstraintSense.LessOrEqual => "<=", ConstraintSense.Equal => "=", _ => ">=" };
}
