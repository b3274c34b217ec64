using System.Globalization;
using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.BatteryProduction;

/// <summary>The 2035 reproduction against the original's outputs (tidy golden CSVs in TestData, derived from the reference outputs).</summary>
public class BatteryProductionTests
{
    private static readonly BatteryProductionInputs Inputs = BatteryProductionInputs.Load(Path.Combine(TestPaths.Data, "optimization"));
    private static readonly Lazy<BatteryProductionResult> Year2035 = new(() => BatteryProductionAnalysis.Solve(Inputs, 2035));


    private static CsvData Tidy(string file) => CsvData.Load(TestPaths.TestData("BatteryProduction", file));

    /// <summary>The value of a quantity in lp_result_2035.csv (quantity,value).</summary>
    private static CsvRow Result(string quantity) => Tidy("lp_result_2035.csv").Rows.Single(r => r.Text("quantity") == quantity);

    /// <summary>A row of optimal_face_ranges_2035.csv (quantity,statistic,value).</summary>
    private static double Range(string quantity, string statistic) =>
        Tidy("optimal_face_ranges_2035.csv").Rows.Single(r => r.Text("quantity") == quantity && r.Text("statistic") == statistic).Double("value");

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Closeness.Assert(expected, actual, tolerance, what);

    [Fact]
    public void Objective_2035_matches_the_original_to_1e9()
    {
        var r = Year2035.Value;
        Assert.Equal(LpStatus.Optimal, r.Solution.Status);
        AssertRelative(Result("objective_t").Double("value"), r.Objective, 1e-9, "objective (t)");
        AssertRelative(Result("total_production_t").Double("value"), r.TotalTonnes, 1e-9, "total production (t)");
    }

    [Fact]
    public void Energy_2035_and_the_published_122_343_GWh_both_lie_in_the_optimal_range()
    {
        // Total GWh is not identified (tonnes are maximised; GLOP, CLP, CBC and SCIP land on different vertices), so the
        // solver's value is not pinned: it and the original's printed value must lie in the range over all optima.
        var published = Result("total_GWh").Double("value");
        Assert.Equal("122.343", published.ToString("F3", CultureInfo.InvariantCulture));
        var gwh = BatteryProductionAnalysis.Ranges(Year2035.Value).Single(q => q.Quantity == "total_GWh");
        Assert.InRange(gwh.Min, Range("total_GWh", "min") * (1 - 1e-6), Range("total_GWh", "min") * (1 + 1e-6));
        Assert.InRange(gwh.Max, Range("total_GWh", "max") * (1 - 1e-6), Range("total_GWh", "max") * (1 + 1e-6));
        Assert.InRange(published, gwh.Min, gwh.Max);
        Assert.InRange(Year2035.Value.TotalGWh, gwh.Min * (1 - 1e-9), gwh.Max * (1 + 1e-9));
    }

    [Fact]
    public void Chemistry_shares_2035_match_the_printed_table()
    {
        var golden = Tidy("printed_chemistry_share_2035.csv").Rows.ToDictionary(r => r.Text("chemistry"), r => r.Int("share_percent"));
        var r = Year2035.Value;
        foreach (var g in BatteryTypes.ChemistryGroups)
            Assert.Equal(golden[g], BatteryProductionResult.Percent(r.ChemistryShares[g]));
    }

    [Fact]
    public void Every_published_2035_share_including_the_76_24_anode_split_lies_on_the_optimal_face()
    {
        // The optimum is not unique: the original's vertex (Pyomo + GLPK) is one point of the optimal face; any 73–100 %
        // graphite is optimal. So the solver's vertex is not pinned: every share the original printed and every share
        // the solver gives must lie within the face's range, and the objective is asserted above.
        var original = Tidy("solver_shares_2035.csv").Rows.Where(r => r.Text("run").EndsWith("(original script, PRIMARY)", StringComparison.Ordinal))
            .ToDictionary(r => r.Text("share"), r => r.Double("fraction"));
        Assert.Equal(6, original.Count);
        var r = Year2035.Value;
        var ranges = BatteryProductionAnalysis.Ranges(r).ToDictionary(x => x.Quantity);
        var shares = BatteryTypes.ChemistryGroups.Select(g => (g, r.ChemistryShares[g]))
            .Concat(BatteryTypes.AnodeGroups.Select(g => (g, r.AnodeShares[g])));
        foreach (var (g, share) in shares)
        {
            Assert.InRange(original[g], ranges[g].Min - 1e-7, ranges[g].Max + 1e-7);
            Assert.InRange(share, ranges[g].Min - 1e-7, ranges[g].Max + 1e-7);
            Assert.Equal(share, ranges[g].AtVertex);
        }
        var printed = Tidy("printed_anode_share_2035.csv").Rows.ToDictionary(r => r.Text("anode_material"), r => r.Int("share_percent"));
        foreach (var g in BatteryTypes.AnodeGroups)
            Assert.InRange(printed[g], BatteryProductionResult.Percent(ranges[g].Min), BatteryProductionResult.Percent(ranges[g].Max));
    }

    [Fact]
    public void Binding_supply_limits_2035_include_the_ones_binding_on_the_whole_face()
    {
        // The original's vertex binds six limits; which of them bind depends on the vertex, except for those that bind
        // at every optimum (no slack anywhere on the face).
        var names = Tidy("lp_result_2035.csv").Rows.Where(r => r.Text("quantity") == "binding_supply_constraint").Select(r => r.Text("value")).ToArray();
        Assert.Equal(names.Length, (int)Range("n_binding", "value"));
        var r = Year2035.Value;
        var face = new OptimalFace(r.Model.Model, r.Objective);
        var always = r.Model.SupplyLimits.Where(l => face.Range(LinearExpression.Sum(l.Constraint.Terms)).Min >= l.Constraint.Rhs * (1 - 1e-7))
            .Select(l => l.Label).ToArray();
        Assert.Equal(["raw manganese", "raw nickel", "LFP cells"], always);
        Assert.Subset(names.Select(Label).ToHashSet(), always.ToHashSet());
        Assert.Subset(r.Binding.Select(b => b.Label).ToHashSet(), always.ToHashSet());
    }

    /// <summary>The original's constraint name (manganese_eligible_supply, LFP_cell_eligible_supply…) as the model's label.</summary>
    private static string Label(string original) =>
        BatteryProductionModel.Build(Inputs, 2035).SupplyLimits.Single(l => l.Constraint.Name.Trim('_').Replace("c_u_", "").Equals(original, StringComparison.OrdinalIgnoreCase)).Label;

    [Fact]
    public void Share_ranges_over_the_optimal_face_2035_match_to_1e6()
    {
        var ranges = BatteryProductionAnalysis.Ranges(Year2035.Value).ToDictionary(r => r.Quantity);
        foreach (var q in new[] { "LFP", "NCA", "NMC", "SIB", "graphite_aam", "silicon_aam" })
        {
            Assert.Equal(Range(q, "min"), ranges[q].Min, 1e-6);
            Assert.Equal(Range(q, "max"), ranges[q].Max, 1e-6);
        }
        AssertRelative(Range("total_GWh", "min"), ranges["total_GWh"].Min, 1e-6, "total GWh min");
        AssertRelative(Range("total_GWh", "max"), ranges["total_GWh"].Max, 1e-6, "total GWh max");
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

    /// <summary>lp_model_2035_entries.csv: the original's lp_model_2035.lp as rows (entry, constraint, variable, value).</summary>
    private static IReadOnlyList<CsvRow> Entries(string entry) => [.. Tidy("lp_model_2035_entries.csv").Rows.Where(r => r.Text("entry") == entry)];

    private static double Bound(CsvRow r) => r.Text("value") switch { "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => r.Double("value") };

    [Fact]
    public void The_built_2035_model_is_the_original_lp_model()
    {
        var built = BatteryProductionModel.Build(Inputs, 2035).Model;
        Assert.Equal((468, 475, 1214), (built.Variables.Count, built.Constraints.Count, built.NonZeros));
        Assert.Equal("max", Entries("objective_sense").Single().Text("value"));
        Assert.Equal(ObjectiveSense.Maximize, built.Sense);
        Assert.Equal(Entries("objective").Select(r => (r.Text("variable"), r.Double("value"))), built.Objective.Select(t => (t.Variable.Name, t.Coefficient)));
        var lower = Entries("lower_bound").ToDictionary(r => r.Text("variable"), Bound);
        var upper = Entries("upper_bound").ToDictionary(r => r.Text("variable"), Bound);
        Assert.Equal(468, lower.Count);
        Assert.Equal(lower.Keys.Order(StringComparer.Ordinal), built.Variables.Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.All(built.Variables, v => Assert.Equal((lower[v.Name], upper[v.Name]), (v.Lower, v.Upper)));
        var coefficients = Entries("coefficient");
        Assert.Equal(1214, coefficients.Count);
        Assert.Equal(coefficients.Select(r => (r.Text("constraint"), r.Text("variable"), r.Double("value"))),
            built.Constraints.SelectMany(c => c.Terms.Select(t => (c.Name, t.Variable.Name, t.Coefficient))));
        string Sense(ConstraintSense s) => s switch { ConstraintSense.LessOrEqual => "<=", ConstraintSense.Equal => "=", _ => ">=" };
        Assert.Equal(Entries("sense").Select(r => (r.Text("constraint"), r.Text("value"))), built.Constraints.Select(c => (c.Name, Sense(c.Sense))));
        Assert.Equal(Entries("rhs").Select(r => (r.Text("constraint"), r.Double("value"))), built.Constraints.Select(c => (c.Name, c.Rhs)));
        // And the written LP file reads back to the same model.
        var again = LpFileReader.Read(LpFileWriter.Write(built), "written.lp");
        Assert.Equal(built.Constraints.Select(c => c.ToString()), again.Constraints.Select(c => c.ToString()));
    }

    [Fact]
    public void Writing_the_built_2035_model_and_reading_it_back_solves_to_the_objective()
    {
        var again = LpFileReader.Read(LpFileWriter.Write(BatteryProductionModel.Build(Inputs, 2035).Model), "written.lp");
        var s = again.Solve();
        AssertRelative(Result("objective_t").Double("value"), s.ObjectiveValue, 1e-9, "objective of the written 2035 LP file");
    }

    [Fact]
    public void Every_offered_solver_agrees_on_2030_and_duals_are_complementary()
    {
        var model = BatteryProductionModel.Build(Inputs, 2030).Model;
        var glop = model.Solve();
        foreach (var name in LpSolvers.Names)
        {
            var s = model.Solve(name);
            AssertRelative(glop.ObjectiveValue, s.ObjectiveValue, 1e-9, name + " objective");
            if (LpSolvers.Create(name).HasDuals) Optimization.ClassicLpTests.AssertComplementarySlackness(s);
        }
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
        var more = LpFileReader.Read(text).Solve();
        Assert.Equal(manganese.ShadowPrice, more.ObjectiveValue - r.Objective, 6);
    }
}
