using System.Globalization;
using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.BatteryProduction;

/// <summary>
/// The battery LP with every offered solver: the same optimum, the same share ranges over the optimal face (computed
/// with that solver), and, for the solvers that report duals, duals that prove the optimum (strong duality).
/// </summary>
public class SolverChoiceTests
{
    private static readonly BatteryProductionInputs Inputs = BatteryProductionInputs.Load(Path.Combine(TestPaths.Data, "optimization"));

    public static TheoryData<string> Solvers => [.. LpSolvers.Names];

    private static double Golden(string quantity, string statistic) =>
        CsvData.Load(TestPaths.TestData("BatteryProduction", "optimal_face_ranges_2035.csv")).Rows
            .Single(r => r.Text("quantity") == quantity && r.Text("statistic") == statistic).Double("value");

    [Theory, MemberData(nameof(Solvers))]
    public void Share_ranges_2035_over_the_optimal_face_are_the_same_with_every_solver(string name)
    {
        var solver = LpSolvers.Create(name);
        var result = BatteryProductionAnalysis.Solve(Inputs, 2035, solver: solver);
        Assert.Equal(name, result.Solution.Solver);
        var ranges = BatteryProductionAnalysis.Ranges(result, solver: solver).ToDictionary(r => r.Quantity);
        foreach (var q in BatteryTypes.ChemistryGroups.Concat(BatteryTypes.AnodeGroups))
        {
            Assert.True(Math.Abs(Golden(q, "min") - ranges[q].Min) <= 1e-6, $"{name} {q} min {ranges[q].Min:R}");
            Assert.True(Math.Abs(Golden(q, "max") - ranges[q].Max) <= 1e-6, $"{name} {q} max {ranges[q].Max:R}");
            // Whatever vertex this solver returns, its shares lie on the face (no vertex is pinned).
            Assert.InRange(ranges[q].AtVertex, ranges[q].Min - 1e-7, ranges[q].Max + 1e-7);
        }
    }

    [Theory, MemberData(nameof(Solvers))]
    public void Duals_prove_the_2035_optimum_by_strong_duality(string name)
    {
        var solver = LpSolvers.Create(name);
        var s = solver.Solve(BatteryProductionModel.Build(Inputs, 2035).Model);
        Assert.True(s.IsOptimal);
        if (!solver.HasDuals)
        {
            Assert.All(s.Duals, d => Assert.True(double.IsNaN(d)));
            return;
        }
        var m = s.Model;
        // Reduced costs are c − Aᵀy, and the dual objective (each dual times its binding limit, each reduced cost times
        // its variable's bound) equals the primal optimum.
        var reduced = m.Variables.Select(v => m.Objective.Where(t => t.Variable.Index == v.Index).Sum(t => t.Coefficient)).ToArray();
        foreach (var c in m.Constraints)
            foreach (var (v, a) in c.Terms) reduced[v.Index] -= a * s.Duals[c.Index];
        foreach (var v in m.Variables)
            Assert.True(Math.Abs(reduced[v.Index] - s.ReducedCosts[v.Index]) <= 1e-9 * Math.Max(1, Math.Abs(reduced[v.Index])), $"{name}: reduced cost of {v.Name}");
        var dual = m.ObjectiveConstant
            + m.Constraints.Sum(c => s.Duals[c.Index] == 0 ? 0 : s.Duals[c.Index] * Nearest(c.Lower, c.Upper, s.Activities[c.Index]))
            + m.Variables.Sum(v => s.ReducedCosts[v.Index] == 0 ? 0 : s.ReducedCosts[v.Index] * Nearest(v.Lower, v.Upper, s.Values[v.Index]));
        Assert.True(Math.Abs(dual - s.ObjectiveValue) <= 1e-7 * Math.Abs(s.ObjectiveValue),
            $"{name}: dual objective {dual.ToString("R", CultureInfo.InvariantCulture)} vs primal {s.ObjectiveValue.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The finite limit nearest to the value (a dual or reduced cost is non-zero only where a limit binds).</summary>
    private static double Nearest(double lower, double upper, double value) =>
        !double.IsFinite(upper) || (double.IsFinite(lower) && Math.Abs(value - lower) <= Math.Abs(value - upper)) ? lower : upper;

    [Fact]
    public void Optimize_with_a_solver_without_duals_says_so_instead_of_printing_NaN_shadow_prices()
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = EvSupplyChain.Cli.Program.Run(["optimize", "--solver", "CBC", "--data", TestPaths.Data], o, e);
        Assert.Equal(0, code);
        Assert.Contains("567,370", o.ToString()); // the objective (t); GWh differ by vertex
        Assert.Contains("cbc reports no duals", o.ToString());
        Assert.DoesNotContain("NaN", o.ToString());
    }
}
