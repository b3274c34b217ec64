using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

/// <summary>
/// The netlib LP suite (TestData/netlib, see its README): every solver the project offers must give the exact status and
/// the optimum to 1e-6 relative on every problem.
/// </summary>
public class NetlibSuiteTests
{
    internal sealed record Expected(string Problem, LpStatus Status, double Objective);

    internal static string File(string problem) => TestPaths.TestData("Optimization", Path.Combine("netlib", problem + ".mps"));

    internal static IReadOnlyList<Expected> Suite { get; } = [.. CsvData.Load(TestPaths.TestData("Optimization", Path.Combine("netlib", "expected.csv"))).Rows.Select(r =>
        new Expected(r.Text("problem"), r.OneOf("status", ["optimal", "infeasible", "unbounded"]) switch
        {
            "optimal" => LpStatus.Optimal,
            "infeasible" => LpStatus.Infeasible,
            _ => LpStatus.Unbounded,
        }, r.Text("objective") == "" ? double.NaN : r.Double("objective")))];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var solver in LpSolvers.Names)
            foreach (var e in Suite) data.Add(solver, e.Problem);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Solver_gives_the_exact_status_and_the_optimum_to_1e6(string solver, string problem)
    {
        var expected = Suite.Single(e => e.Problem == problem);
        var model = MpsFileReader.ReadFile(File(problem));
        var s = LpSolvers.Create(solver).Solve(model);
        Assert.True(expected.Status == s.Status, $"{solver} on {problem}: expected {expected.Status}, got {s.Status} ({s.Message})");
        if (expected.Status != LpStatus.Optimal)
        {
            Assert.True(double.IsNaN(s.ObjectiveValue));
            return;
        }
        Assert.True(Math.Abs(s.ObjectiveValue - expected.Objective) <= 1e-6 * Math.Abs(expected.Objective),
            $"{solver} on {problem}: objective {s.ObjectiveValue.ToString("R", CultureInfo.InvariantCulture)}, expected {expected.Objective.ToString("R", CultureInfo.InvariantCulture)}");
        Assert.All(s.Values, v => Assert.True(double.IsFinite(v)));
    }
}
