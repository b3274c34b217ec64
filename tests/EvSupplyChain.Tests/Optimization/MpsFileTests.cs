using System.Globalization;
using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

/// <summary>MPS in and out: every optimal netlib problem written as free MPS, fixed MPS and CPLEX LP and read back
/// solves to the same optimum; the reader names the line of a malformed file.</summary>
public class MpsFileTests
{
    public static TheoryData<string> OptimalProblems() =>
        [.. NetlibSuiteTests.Suite.Where(e => e.Status == LpStatus.Optimal).Select(e => e.Problem)];

    [Theory, MemberData(nameof(OptimalProblems))]
    public void Free_fixed_and_lp_round_trips_keep_the_optimum(string problem)
    {
        var expected = NetlibSuiteTests.Suite.Single(e => e.Problem == problem).Objective;
        var model = MpsFileReader.ReadFile(NetlibSuiteTests.File(problem));
        var copies = new (string Kind, LinearModel Model)[]
        {
            ("free MPS", MpsFileReader.Read(MpsFileWriter.Write(model, MpsFormat.Free), problem + ".mps", MpsFormat.Free)),
            ("fixed MPS", MpsFileReader.Read(MpsFileWriter.Write(model, MpsFormat.Fixed), problem + ".mps", MpsFormat.Fixed)),
            ("CPLEX LP", LpFileReader.Read(LpFileWriter.Write(model), problem + ".lp")),
        };
        foreach (var (kind, copy) in copies)
        {
            Assert.Equal(model.Variables.Count, copy.Variables.Count);
            var s = LpSolvers.Create().Solve(copy);
            Assert.True(s.IsOptimal, $"{problem} as {kind}: {s.Status} ({s.Message})");
            Assert.True(Math.Abs(s.ObjectiveValue - expected) <= 1e-6 * Math.Abs(expected),
                $"{problem} as {kind}: {s.ObjectiveValue.ToString("R", CultureInfo.InvariantCulture)} vs {expected.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }

    [Fact]
    public void Free_mps_keeps_every_number_exactly()
    {
        var model = MpsFileReader.ReadFile(NetlibSuiteTests.File("e226"));
        var again = MpsFileReader.Read(MpsFileWriter.Write(model), "e226.mps");
        Assert.Equal(MpsFileWriter.Write(model), MpsFileWriter.Write(again));
        Assert.Equal(model.ObjectiveConstant, again.ObjectiveConstant);
        Assert.Equal(7.113, model.ObjectiveConstant);
    }

    [Fact]
    public void Maximisation_ranges_and_bounds_survive_free_and_fixed()
    {
        var m = new LinearModel("small");
        var x = m.AddVariable("x", -2, 4); var y = m.AddFreeVariable("y"); var z = m.AddVariable("z", 1, 1);
        m.AddRange("r1", x + y, -1, 3);
        m.AddLessOrEqual("r2", y - 2 * z, 5);
        m.AddGreaterOrEqual("r3", x + y + z, -10);
        m.SetObjective(ObjectiveSense.Maximize, 2 * x + y + new LinearExpression().AddConstant(1.5), "obj");
        var expected = m.Solve().ObjectiveValue;
        foreach (var format in new[] { MpsFormat.Free, MpsFormat.Fixed })
        {
            var text = MpsFileWriter.Write(m, format);
            Assert.Contains("OBJSENSE", text);
            var again = MpsFileReader.Read(text, "small.mps", format);
            Assert.Equal(ObjectiveSense.Maximize, again.Sense);
            Assert.Equal(ConstraintSense.Range, again.Constraint("r1").Sense);
            Assert.Equal((-1.0, 3.0), (again.Constraint("r1").Lower, again.Constraint("r1").Upper));
            Assert.Equal(1.5, again.ObjectiveConstant);
            Assert.Equal(expected, again.Solve().ObjectiveValue, 12);
        }
    }

    [Fact]
    public void Fixed_mps_rejects_names_longer_than_eight_characters()
    {
        var m = new LinearModel("long");
        var v = m.AddVariable("graphite_aam");
        m.AddLessOrEqual("c", (LinearExpression)v, 1);
        m.Maximize((LinearExpression)v);
        var e = Assert.Throws<ArgumentException>(() => MpsFileWriter.Write(m, MpsFormat.Fixed));
        Assert.Contains("graphite_aam", e.Message);
    }

    [GlpkTheory, MemberData(nameof(OptimalProblems))]
    public void Glpsol_reads_the_written_free_mps_to_the_same_optimum(string problem)
    {
        var expected = NetlibSuiteTests.Suite.Single(e => e.Problem == problem).Objective;
        var model = MpsFileReader.ReadFile(NetlibSuiteTests.File(problem));
        if (model.ObjectiveConstant != 0) return; // GLPK adds +RHS of the objective row (see TestData/netlib/README.md)
        var s = Glpk.Solver().Solve(model);
        Assert.True(s.IsOptimal, $"glpsol on written {problem}: {s.Status}");
        Assert.True(Math.Abs(s.ObjectiveValue - expected) <= 1e-6 * Math.Abs(expected), $"glpsol on written {problem}: {s.ObjectiveValue:R}");
    }

    [Theory]
    [InlineData("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1\nRHS\n rhs c1 4\nENDATA\n", 6, "needs a column name")]
    [InlineData("NAME t\nROWS\n N obj\n Q c1\nENDATA\n", 4, "row type 'Q'")]
    [InlineData("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c2 1\nENDATA\n", 6, "row 'c2' is not declared")]
    [InlineData("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n M1 'MARKER' 'INTORG'\nENDATA\n", 6, "integer markers")]
    [InlineData("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 abc\nENDATA\n", 6, "not a finite number")]
    [InlineData("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\nBOUNDS\n BV b x\nENDATA\n", 8, "integer")]
    [InlineData("NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\n", 7, "without ENDATA")]
    public void Malformed_files_name_the_line(string text, int line, string message)
    {
        var e = Assert.Throws<DataValidationException>(() => MpsFileReader.Read(text, "broken.mps", MpsFormat.Free));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
        Assert.Contains("broken.mps", e.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Assert.Throws<DataValidationException>(() => MpsFileReader.ReadFile("/no/such/model.mps"));
        Assert.Contains("does not exist", e.Message);
    }
}
