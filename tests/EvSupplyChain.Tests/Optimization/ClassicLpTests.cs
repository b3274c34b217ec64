using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

public class ClassicLpTests
{
    public static TheoryData<string> Solvers => [.. LpSolvers.Names];

    private static OrToolsSolver Solver(string name) => LpSolvers.Create(name);

    [Theory, MemberData(nameof(Solvers))]
    public void Textbook_maximisation_reaches_the_known_optimum(string solver)
    {
        // max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → (2, 6), 36; duals (0, 1.5, 1).
        var m = new LinearModel("wyndor");
        var x = m.AddVariable("x");
        var y = m.AddVariable("y");
        m.AddLessOrEqual("plant1", x, 4);
        m.AddLessOrEqual("plant2", 2 * y, 12);
        m.AddLessOrEqual("plant3", 3 * x + 2 * y, 18);
        m.Maximize(3 * x + 5 * y);
        var s = Solver(solver).Solve(m);
        Assert.Equal(LpStatus.Optimal, s.Status);
        Assert.Equal(36, s.ObjectiveValue, 12);
        Assert.Equal(2, s.Value(x), 12);
        Assert.Equal(6, s.Value(y), 12);
        Assert.Equal(["plant2", "plant3"], s.Binding().Select(c => c.Name));
        AssertComplementarySlackness(s);
        if (!Solver(solver).HasDuals) return;
        Assert.Equal(0, s.Dual("plant1"), 12);
        Assert.Equal(1.5, s.Dual("plant2"), 12);
        Assert.Equal(1, s.Dual("plant3"), 12);
    }

    [Theory, MemberData(nameof(Solvers))]
    public void Beale_cycling_example_terminates_at_the_optimum(string solver)
    {
        // Beale (1955): cycles under the textbook rule with lowest-index ties; optimum −5/4 at x4 = x6 = 1.
        var m = new LinearModel("beale");
        var x4 = m.AddVariable("x4"); var x5 = m.AddVariable("x5"); var x6 = m.AddVariable("x6"); var x7 = m.AddVariable("x7");
        m.AddLessOrEqual("r1", 0.25 * x4 - 8 * x5 - x6 + 9 * x7, 0);
        m.AddLessOrEqual("r2", 0.5 * x4 - 12 * x5 - 0.5 * x6 + 3 * x7, 0);
        m.AddLessOrEqual("r3", x6, 1);
        m.Minimize(-0.75 * x4 + 20 * x5 - 0.5 * x6 + 6 * x7);
        var s = Solver(solver).Solve(m);
        Assert.Equal(LpStatus.Optimal, s.Status);
        Assert.Equal(-1.25, s.ObjectiveValue, 12);
        Assert.Equal(1, s.Value(x4), 12);
        Assert.Equal(1, s.Value(x6), 12);
        AssertComplementarySlackness(s);
    }

    [Theory, MemberData(nameof(Solvers))]
    public void Infeasible_model_reports_status_and_names_a_violated_row(string solver)
    {
        var m = new LinearModel("infeasible");
        var x = m.AddVariable("x"); var y = m.AddVariable("y");
        m.AddLessOrEqual("cap", x + y, 1);
        m.AddGreaterOrEqual("demand", x + 2 * y, 3);
        m.Maximize(x);
        var s = Solver(solver).Solve(m);
        Assert.Equal(LpStatus.Infeasible, s.Status);
        Assert.Contains("no point satisfies", s.Message);
        Assert.Empty(s.Values);
        Assert.True(double.IsNaN(s.ObjectiveValue));
        Assert.Throws<InvalidOperationException>(() => s.EnsureOptimal());
    }

    [Theory, MemberData(nameof(Solvers))]
    public void Unbounded_model_reports_status_and_the_ray(string solver)
    {
        var m = new LinearModel("unbounded");
        var x = m.AddVariable("x"); var y = m.AddVariable("y");
        m.AddLessOrEqual("r", x - y, 1);
        m.Maximize(x + y);
        var s = Solver(solver).Solve(m);
        Assert.Equal(LpStatus.Unbounded, s.Status);
        Assert.Contains("without limit", s.Message);
        Assert.Empty(s.Values);
    }

    [Theory, MemberData(nameof(Solvers))]
    public void Free_and_fixed_variables_and_negative_bounds(string solver)
    {
        // min x + 2y + 0·f with f free, y fixed at 3, x ≥ −5, x + f ≥ −2, f ≤ 10 → x = −5, f = 3 (from the row), obj = 1.
        var m = new LinearModel("free-fixed");
        var x = m.AddVariable("x", -5, double.PositiveInfinity);
        var y = m.AddVariable("y", 3, 3);
        var f = m.AddFreeVariable("f");
        m.AddGreaterOrEqual("link", x + f, -2);
        m.AddLessOrEqual("fcap", (LinearExpression)f, 10);
        m.AddGreaterOrEqual("fneg", -1 * f, -3);
        m.Minimize(x + 2 * y);
        var s = Solver(solver).Solve(m);
        Assert.Equal(LpStatus.Optimal, s.Status);
        Assert.Equal(1, s.ObjectiveValue, 12);
        Assert.Equal(-5, s.Value(x), 12);
        Assert.Equal(3, s.Value(y), 12);
        Assert.Equal(3, s.Value(f), 12);
    }

    [Theory, MemberData(nameof(Solvers))]
    public void Optimum_at_an_upper_bound_of_a_variable(string solver)
    {
        var m = new LinearModel("bound");
        var x = m.AddVariable("x", 0, 2); var y = m.AddVariable("y", 0, 10);
        m.AddLessOrEqual("r", x + y, 5);
        m.Maximize(3 * x + y);
        var s = Solver(solver).Solve(m);
        Assert.Equal(9, s.ObjectiveValue, 12);
        Assert.Equal(2, s.Value(x), 12);
        if (!Solver(solver).HasDuals) return;
        Assert.Equal(2, s.ReducedCosts[x.Index], 12); // one more unit of x's bound gains 3 − 1
        Assert.Equal(1, s.Dual("r"), 12);
    }

    [Theory, MemberData(nameof(Solvers))]
    public void Equality_heavy_transportation_problem(string solver)
    {
        // 3 supplies × 3 demands, balanced. The plan below is optimal and unique: with potentials u = (0, 3, 3),
        // v = (6, 6, 10) every non-basic cell has a strictly positive reduced cost (2, 3, 5, 3).
        double[] supply = [20, 30, 25];
        double[] demand = [10, 35, 30];
        double[,] cost = { { 8, 6, 10 }, { 9, 12, 13 }, { 14, 9, 16 } };
        var m = new LinearModel("transport");
        var x = new Variable[3, 3];
        for (var i = 0; i < 3; i++) for (var j = 0; j < 3; j++) x[i, j] = m.AddVariable($"x_{i}_{j}");
        for (var i = 0; i < 3; i++) m.AddEqual($"supply_{i}", LinearExpression.Sum(Enumerable.Range(0, 3).Select(j => x[i, j])), supply[i]);
        for (var j = 0; j < 3; j++) m.AddEqual($"demand_{j}", LinearExpression.Sum(Enumerable.Range(0, 3).Select(i => x[i, j])), demand[j]);
        m.Minimize(LinearExpression.Sum(from i in Enumerable.Range(0, 3) from j in Enumerable.Range(0, 3) select (x[i, j], cost[i, j])));
        var s = Solver(solver).Solve(m);
        Assert.Equal(LpStatus.Optimal, s.Status);
        Assert.Equal(735, s.ObjectiveValue, 9); // 6·10 + 10·10 + 9·10 + 13·20 + 9·25
        Assert.Equal(25, s.Value(x[2, 1]), 9);
        Assert.Equal(20, s.Value(x[1, 2]), 9);
        foreach (var c in m.Constraints) Assert.Equal(c.Rhs, s.Activities[c.Index], 9);
        AssertComplementarySlackness(s);
    }

    /// <summary>Strong duality and complementary slackness for models whose variables are ≥ 0 without upper bounds; a
    /// solver that reports no duals must give NaN for every dual and reduced cost, never a number.</summary>
    internal static void AssertComplementarySlackness(LpSolution s)
    {
        if (!LpSolvers.Create(s.Solver).HasDuals)
        {
            Assert.All(s.Duals.Concat(s.ReducedCosts), d => Assert.True(double.IsNaN(d)));
            return;
        }
        var m = s.Model;
        var scale = Math.Max(1, Math.Abs(s.ObjectiveValue));
        foreach (var c in m.Constraints) Assert.True(Math.Abs(s.Duals[c.Index] * s.Slack(c)) <= 1e-7 * scale, $"{c.Name}: dual {s.Duals[c.Index]} × slack {s.Slack(c)}");
        foreach (var v in m.Variables.Where(v => v.Lower == 0 && double.IsPositiveInfinity(v.Upper)))
            Assert.True(Math.Abs(s.ReducedCosts[v.Index] * s.Values[v.Index]) <= 1e-7 * scale, $"{v.Name}: reduced cost × value");
        // Dual sign: a ≤ row can only help a maximisation when relaxed (dual ≥ 0), and vice versa.
        var max = m.Sense == ObjectiveSense.Maximize ? 1 : -1;
        foreach (var c in m.Constraints.Where(c => c.Sense != ConstraintSense.Equal))
            Assert.True(max * s.Duals[c.Index] * (c.Sense == ConstraintSense.LessOrEqual ? 1 : -1) >= -1e-9, $"{c.Name}: dual sign");
        if (m.Variables.All(v => v.Lower == 0 && double.IsPositiveInfinity(v.Upper)))
            Assert.Equal(s.ObjectiveValue, m.Constraints.Sum(c => s.Duals[c.Index] * c.Rhs) + m.ObjectiveConstant, 7);
    }
}
