using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

/// <summary>
/// A fact that needs glpsol (Debian package glpk-utils). Without it the fact is skipped with the reason, except under
/// CI=true (.ci/run installs glpk-utils), where the missing tool fails the test instead of skipping it silently.
/// </summary>
public sealed class GlpkFactAttribute : FactAttribute
{
    public GlpkFactAttribute()
    {
        if (!GlpkSolver.IsAvailable && !Glpk.Required) Skip = Glpk.SkipReason;
    }
}

/// <summary>A theory with the same rule as <see cref="GlpkFactAttribute"/>.</summary>
public sealed class GlpkTheoryAttribute : TheoryAttribute
{
    public GlpkTheoryAttribute()
    {
        if (!GlpkSolver.IsAvailable && !Glpk.Required) Skip = Glpk.SkipReason;
    }
}

internal static class Glpk
{
    public const string SkipReason = "glpsol (GLPK) is not on PATH: install glpk-utils to run the GLPK cross-checks (.ci/run does; under CI=true a missing glpsol fails).";

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails with the reason when glpsol is missing (reached only when required, i.e. under CI=true).</summary>
    public static GlpkSolver Solver()
    {
        Assert.True(GlpkSolver.IsAvailable, "CI=true but " + SkipReason);
        return new GlpkSolver();
    }
}

public class GlpkCrossCheckTests
{
    private static readonly BatteryProductionInputs Inputs = BatteryProductionInputs.Load(Path.Combine(TestPaths.Data, "optimization"));

    public static TheoryData<string> Solvers => [.. LpSolvers.Names];

    [GlpkTheory, MemberData(nameof(Solvers))]
    public void Glpsol_agrees_with_every_offered_solver_on_every_yearly_model_to_1e9(string solver)
    {
        var glpk = Glpk.Solver();
        foreach (var year in BatteryProductionInputs.OriginalYears)
        {
            var model = BatteryProductionModel.Build(Inputs, year).Model;
            var g = glpk.Solve(model);
            var s = LpSolvers.Create(solver).Solve(model);
            Assert.Equal(LpStatus.Optimal, g.Status);
            Assert.Equal(LpStatus.Optimal, s.Status);
            Assert.True(Math.Abs(g.ObjectiveValue - s.ObjectiveValue) <= 1e-9 * Math.Abs(s.ObjectiveValue),
                $"{year}: glpsol {g.ObjectiveValue:R} vs {solver} {s.ObjectiveValue:R}");
        }
    }

    [GlpkFact]
    public void Glpsol_agrees_on_the_classic_models_and_their_statuses()
    {
        var glpk = Glpk.Solver();
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
            Glpk.Solver().SolveFile(lp, sol);
            var objective = File.ReadLines(sol).First(l => l.StartsWith("s ", StringComparison.Ordinal)).Split(' ')[^1];
            Assert.Equal(567370.40563385817, double.Parse(objective, System.Globalization.CultureInfo.InvariantCulture), 1e-9 * 567370.4);
        }
        finally { Directory.Delete(dir, true); }
    }
}
