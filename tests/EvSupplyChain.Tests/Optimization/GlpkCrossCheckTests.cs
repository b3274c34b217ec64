using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

/// <summary>A fact that runs only when glpsol (Debian package glpk-utils) is on PATH.</summary>
public sealed class GlpkFactAttribute : FactAttribute
{
    public GlpkFactAttribute()
    {
        if (!GlpkSolver.IsAvailable) Skip = "glpsol (GLPK) is not on PATH: install glpk-utils to run the GLPK cross-checks (.ci/run does).";
    }
}

public class GlpkCrossCheckTests
{
    private static readonly BatteryProductionInputs Inputs = BatteryProductionInputs.Load(Path.Combine(TestPaths.Data, "optimization"));

    [GlpkFact]
    public void Glpsol_agrees_with_the_simplex_on_every_yearly_model_to_1e9()
    {
        var glpk = new GlpkSolver();
        var simplex = new SimplexSolver(new SimplexOptions { Presolve = true });
        foreach (var year in BatteryProductionInputs.OriginalYears)
        {
            var model = BatteryProductionModel.Build(Inputs, year).Model;
            var g = glpk.Solve(model);
            var s = simplex.Solve(model);
            Assert.Equal(LpStatus.Optimal, g.Status);
            Assert.True(Math.Abs(g.ObjectiveValue - s.ObjectiveValue) <= 1e-9 * Math.Abs(s.ObjectiveValue),
                $"{year}: glpsol {g.ObjectiveValue:R} vs simplex {s.ObjectiveValue:R}");
        }
    }

    [GlpkFact]
    public void Glpsol_on_the_2035_model_lands_on_the_same_vertex_and_duals()
    {
        var model = BatteryProductionModel.Build(Inputs, 2035).Model;
        var g = new GlpkSolver().Solve(model);
        var s = new SimplexSolver(new SimplexOptions { Presolve = true }).Solve(model);
        for (var j = 0; j < model.Variables.Count; j++) Assert.Equal(g.Values[j], s.Values[j], 6);
        foreach (var c in model.Constraints.Where(c => c.Sense != ConstraintSense.Equal)) Assert.Equal(g.Duals[c.Index], s.Duals[c.Index], 9);
    }

    [GlpkFact]
    public void Glpsol_agrees_on_the_classic_models_and_their_statuses()
    {
        var glpk = new GlpkSolver();
        var m = new LinearModel("wyndor");
        var x = m.AddVariable("x"); var y = m.AddVariable("y");
        m.AddLessOrEqual("plant1", x, 4);
        m.AddLessOrEqual("plant2", 2 * y, 12);
        m.AddLessOrEqual("plant3", 3 * x + 2 * y, 18);
        m.Maximize(3 * x + 5 * y);
        var g = glpk.Solve(m);
        Assert.Equal(36, g.ObjectiveValue, 9);
        Assert.Equal(1.5, g.Dual("plant2"), 9);
        Assert.Equal(1, g.Dual("plant3"), 9);

        var inf = new LinearModel("infeasible");
        var a = inf.AddVariable("a");
        inf.AddLessOrEqual("cap", (LinearExpression)a, 1);
        inf.AddGreaterOrEqual("need", (LinearExpression)a, 2);
        inf.Maximize((LinearExpression)a);
        Assert.Equal(LpStatus.Infeasible, glpk.Solve(inf).Status);

        var unb = new LinearModel("unbounded");
        var b = unb.AddVariable("b"); var c = unb.AddVariable("c");
        unb.AddLessOrEqual("r", b - c, 1);
        unb.Maximize(b + c);
        Assert.Equal(LpStatus.Unbounded, glpk.Solve(unb).Status);
    }

    [GlpkFact]
    public void Glpsol_solves_the_written_2035_lp_file_to_the_same_objective()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-glpk-test-").FullName;
        try
        {
            // The built 2035 model equals the original's lp_model_2035.lp (BatteryProductionTests); write it and let glpsol read it.
            var inputs = BatteryProductionInputs.Load(Path.Combine(TestPaths.Data, "optimization"));
            var lp = Path.Combine(dir, "model_2035.lp");
            File.WriteAllText(lp, LpFileWriter.Write(BatteryProductionModel.Build(inputs, 2035).Model));
            var sol = Path.Combine(dir, "sol.txt");
            new GlpkSolver().SolveFile(lp, sol);
            var objective = File.ReadLines(sol).First(l => l.StartsWith("s ", StringComparison.Ordinal)).Split(' ')[^1];
            Assert.Equal(567370.40563385817, double.Parse(objective, System.Globalization.CultureInfo.InvariantCulture), 1e-9 * 567370.4);
        }
        finally { Directory.Delete(dir, true); }
    }
}
