using System.Globalization;
using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.BatteryProduction;

/// <summary>The 2035 reproduction against the original's outputs (copied into TestData from the reference outputs).</summary>
public class BatteryProductionTests
{
    private static readonly BatteryProductionInputs Inputs = BatteryProductionInputs.Load(Path.Combine(TestPaths.Data, "optimization"));
    private static readonly Lazy<BatteryProductionResult> Year2035 = new(() => BatteryProductionAnalysis.Solve(Inputs, 2035));

    private static CsvRow Golden(string file) => CsvData.Load(TestPaths.TestData("BatteryProduction", file)).Rows.Single();

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");

    [Fact]
    public void Objective_2035_matches_the_original_to_1e9()
    {
        var golden = Golden("lp_objective_2035.csv");
        var r = Year2035.Value;
        Assert.Equal(LpStatus.Optimal, r.Solution.Status);
        AssertRelative(golden.Double("objective_t"), r.Objective, 1e-9, "objective (t)");
        AssertRelative(567370.40563385817, r.TotalTonnes, 1e-9, "total production (t)");
    }

    [Fact]
    public void Energy_2035_is_122_343_GWh()
    {
        var r = Year2035.Value;
        AssertRelative(Golden("lp_objective_2035.csv").Double("total_GWh"), r.TotalGWh, 1e-9, "total GWh");
        Assert.Equal("122.343", r.TotalGWh.ToString("F3", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Chemistry_shares_2035_match_the_printed_table()
    {
        var golden = Golden("chemistry_share_2035.csv");
        var r = Year2035.Value;
        foreach (var g in BatteryTypes.ChemistryGroups)
            Assert.Equal(golden.Int($"{g}_share"), BatteryProductionResult.Percent(r.ChemistryShares[g]));
    }

    [Fact]
    public void Shares_2035_equal_the_original_vertex_including_the_76_24_anode_split()
    {
        // The original's solution (Pyomo + GLPK) at full precision; our steepest-edge simplex lands on the same vertex.
        var golden = CsvData.Load(TestPaths.TestData("BatteryProduction", "opt_solver_sensitivity_2035.csv")).Rows[0];
        var r = Year2035.Value;
        foreach (var g in BatteryTypes.ChemistryGroups) AssertRelative(golden.Double($"{g}_share_frac"), r.ChemistryShares[g], 1e-9, g);
        AssertRelative(golden.Double("graphite_aam_frac"), r.AnodeShares["graphite_aam"], 1e-9, "graphite AAM");
        AssertRelative(golden.Double("silicon_aam_frac"), r.AnodeShares["silicon_aam"], 1e-9, "silicon AAM");
        var printed = Golden("anode_share_2035.csv");
        Assert.Equal(printed.Int("graphite_aam"), BatteryProductionResult.Percent(r.AnodeShares["graphite_aam"]));
        Assert.Equal(printed.Int("silicon_aam"), BatteryProductionResult.Percent(r.AnodeShares["silicon_aam"]));
    }

    [Fact]
    public void Binding_supply_limits_2035_are_the_originals()
    {
        var names = Golden("lp_objective_2035.csv").Text("binding_supply_constraints").Split(';');
        var binding = Year2035.Value.Binding.Select(b => b.Label).ToArray();
        Assert.Equal(names.Length, binding.Length);
        Assert.Equal(["raw manganese", "raw nickel", "NMC111 CAM", "silicon AAM", "SIB electrolyte", "LFP cells"], binding);
    }

    [Fact]
    public void Share_ranges_over_the_optimal_face_2035_match_to_1e6()
    {
        var golden = Golden("share_ranges_optimal_face_2035.csv");
        var ranges = BatteryProductionAnalysis.Ranges(Year2035.Value).ToDictionary(r => r.Quantity);
        foreach (var q in new[] { "LFP", "NCA", "NMC", "SIB", "graphite_aam", "silicon_aam" })
        {
            var column = q.EndsWith("aam", StringComparison.Ordinal) ? q : $"{q}_share";
            Assert.Equal(golden.Double(column + "_min"), ranges[q].Min, 1e-6);
            Assert.Equal(golden.Double(column + "_max"), ranges[q].Max, 1e-6);
        }
        AssertRelative(golden.Double("total_GWh_min"), ranges["total_GWh"].Min, 1e-6, "total GWh min");
        AssertRelative(golden.Double("total_GWh_max"), ranges["total_GWh"].Max, 1e-6, "total GWh max");
        // Chemistry shares are identified once rounded; the anode split is not.
        Assert.All(BatteryTypes.ChemistryGroups, g => Assert.True(ranges[g].IdentifiedOnceRounded, g));
        Assert.False(ranges["silicon_aam"].IdentifiedOnceRounded);
        Assert.Equal(0, ranges["silicon_aam"].Min, 9);
    }

    [Fact]
    public void Every_year_2025_to_2035_solves_optimal_with_nickel_sulfate_binding_early()
    {
        var results = BatteryProductionAnalysis.SolveYears(Inputs);
        Assert.Equal(Enumerable.Range(2025, 11), results.Select(r => r.Year));
        Assert.All(results, r => Assert.Equal(LpStatus.Optimal, r.Solution.Status));
        foreach (var r in results)
        {
            var binding = r.Binding.Select(b => b.Label).ToArray();
            Assert.Contains(r.Year <= 2026 ? "refined nickel sulfate" : "raw nickel", binding);
            // NMC532 and NMC811 are never produced (MODEL_SPEC Part B).
            Assert.All(r.Pairs.Where(p => p.Battery.Contains("NMC532") || p.Battery.Contains("NMC811")), p => Assert.Equal(0, p.Tonnes, 9));
        }
    }

    [Fact]
    public void The_built_2035_model_is_the_original_lp_file()
    {
        var original = LpFileReader.ReadFile(TestPaths.TestData("BatteryProduction", "lp_model_2035.lp"));
        var built = BatteryProductionModel.Build(Inputs, 2035).Model;
        Assert.Equal((468, 475, 1214), (built.Variables.Count, built.Constraints.Count, built.NonZeros));
        Assert.Equal(original.Variables.Select(v => (v.Name, v.Lower, v.Upper)), built.Variables.Select(v => (v.Name, v.Lower, v.Upper)));
        Assert.Equal(original.Constraints.Select(c => c.ToString()), built.Constraints.Select(c => c.ToString()));
        Assert.Equal(original.Objective.Select(t => (t.Variable.Name, t.Coefficient)), built.Objective.Select(t => (t.Variable.Name, t.Coefficient)));
        // And the written file reads back to the same model.
        var again = LpFileReader.Read(LpFileWriter.Write(built), "written.lp");
        Assert.Equal(built.Constraints.Select(c => c.ToString()), again.Constraints.Select(c => c.ToString()));
    }

    [Fact]
    public void Reading_the_original_lp_file_and_solving_gives_the_objective()
    {
        var original = LpFileReader.ReadFile(TestPaths.TestData("BatteryProduction", "lp_model_2035.lp"));
        var s = new SimplexSolver(new SimplexOptions { Presolve = true }).Solve(original);
        AssertRelative(567370.40563385817, s.ObjectiveValue, 1e-9, "objective of lp_model_2035.lp");
    }

    [Fact]
    public void Presolve_and_full_model_agree_and_duals_are_complementary()
    {
        var model = BatteryProductionModel.Build(Inputs, 2030).Model;
        var presolved = new SimplexSolver(new SimplexOptions { Presolve = true }).Solve(model);
        var full = new SimplexSolver(new SimplexOptions { Presolve = false, Pricing = PricingRule.Dantzig }).Solve(model);
        AssertRelative(full.ObjectiveValue, presolved.ObjectiveValue, 1e-9, "objective");
        Optimization.ClassicLpTests.AssertComplementarySlackness(presolved);
    }

    [Fact]
    public void Energy_objective_gives_at_least_the_energy_of_the_mass_optimum()
    {
        var energy = BatteryProductionAnalysis.Solve(Inputs, 2035, ProductionObjective.Energy);
        Assert.Equal(energy.TotalGWh, energy.Objective, 9);
        Assert.True(energy.TotalGWh >= Year2035.Value.TotalGWh - 1e-9);
        Assert.True(energy.TotalTonnes <= Year2035.Value.TotalTonnes + 1e-6);
    }

    [Fact]
    public void Shadow_prices_2035_say_what_one_more_tonne_gives()
    {
        var r = Year2035.Value;
        var lfpCells = r.Supply.Single(s => s.Label == "LFP cells");
        Assert.True(lfpCells.Binding);
        Assert.Equal(1.0, lfpCells.ShadowPrice, 9); // one more tonne of LFP cells is one more tonne of batteries
        Assert.All(r.Supply.Where(s => !s.Binding), s => Assert.Equal(0, s.ShadowPrice, 12));
        // Check one price by re-solving with one more tonne of manganese.
        var manganese = r.Supply.Single(s => s.Label == "raw manganese");
        var model = BatteryProductionModel.Build(Inputs, 2035);
        var row = model.SupplyLimits.Single(l => l.Label == "raw manganese").Constraint;
        var text = LpFileWriter.Write(model.Model).Replace($"<= {row.Rhs.ToString("R", CultureInfo.InvariantCulture)}\n", $"<= {(row.Rhs + 1).ToString("R", CultureInfo.InvariantCulture)}\n");
        var more = new SimplexSolver(new SimplexOptions { Presolve = true }).Solve(LpFileReader.Read(text));
        Assert.Equal(manganese.ShadowPrice, more.ObjectiveValue - r.Objective, 6);
    }
}
