using EvSupplyChain.Models.Data;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

public class LpFileTests
{
    private const string Sample = """
        \* a small model *\
        Maximize
         profit: 3 x + 5 y - 2 z + 1.5
        Subject To
         c1: x + 2.5e0 y <= 12 \ trailing comment
         c2: - x + z >= -3
         c3: x + y + z = 7
        Bounds
         x <= 4
         -1 <= z <= 2
         y free
        End
        """;

    [Fact]
    public void Reads_sections_names_bounds_and_constants()
    {
        var m = LpFileReader.Read(Sample, "sample.lp");
        Assert.Equal(ObjectiveSense.Maximize, m.Sense);
        Assert.Equal("profit", m.ObjectiveName);
        Assert.Equal(1.5, m.ObjectiveConstant);
        Assert.Equal(["x", "y", "z"], m.Variables.Select(v => v.Name));
        Assert.Equal(["c1", "c2", "c3"], m.Constraints.Select(c => c.Name));
        Assert.Equal(2.5, m.Constraint("c1").Terms[1].Coefficient);
        Assert.Equal(ConstraintSense.GreaterOrEqual, m.Constraint("c2").Sense);
        Assert.Equal(-3, m.Constraint("c2").Rhs);
        Assert.Equal((0.0, 4.0), (m.Variable("x").Lower, m.Variable("x").Upper));
        Assert.True(double.IsNegativeInfinity(m.Variable("y").Lower));
        Assert.Equal((-1.0, 2.0), (m.Variable("z").Lower, m.Variable("z").Upper));
    }

    [Fact]
    public void Write_then_read_gives_the_same_model_and_optimum()
    {
        var m = LpFileReader.Read(Sample, "sample.lp");
        var again = LpFileReader.Read(LpFileWriter.Write(m), "again.lp");
        Assert.Equal(m.Variables.Select(v => (v.Name, v.Lower, v.Upper)), again.Variables.Select(v => (v.Name, v.Lower, v.Upper)));
        Assert.Equal(m.Constraints.Select(c => c.ToString()), again.Constraints.Select(c => c.ToString()));
        Assert.Equal(1.5, again.ObjectiveConstant);
        Assert.Equal(m.Solve().ObjectiveValue, again.Solve().ObjectiveValue, 12);
    }

    [Fact]
    public void Writer_can_list_every_variable_in_the_objective_to_fix_column_order()
    {
        var m = new LinearModel("order");
        var a = m.AddVariable("a"); var b = m.AddVariable("b");
        m.AddLessOrEqual("r", b + a, 1);
        m.Maximize((LinearExpression)b);
        var text = LpFileWriter.Write(m, listAllVariablesInObjective: true);
        Assert.Contains("+0 a\n+1 b\n", text);
        Assert.Equal(["a", "b"], LpFileReader.Read(text).Variables.Select(v => v.Name));
    }

    [Fact]
    public void Writer_escapes_keywords_and_names_the_format_cannot_hold_and_reads_back_the_same_optimum()
    {
        // Keyword names (end, st, bounds, free, inf), a name with ':' and one starting with a digit, an objective
        // constant and a ranged row: GLPK rejected each of these when written plainly.
        var m = new LinearModel("keywords");
        var end = m.AddVariable("end", 0, 4); var st = m.AddVariable("st"); var bounds = m.AddVariable("bounds");
        var free = m.AddFreeVariable("free"); var colon = m.AddVariable("x:y"); var digit = m.AddVariable("1x", 0, 2);
        m.AddLessOrEqual("end", end + st + bounds, 10);
        m.AddRange("st", free - colon, -1, 3);
        m.AddLessOrEqual("r", free + digit + colon, 6);
        m.AddLessOrEqual("inf", st - bounds, 2);
        m.Maximize(3 * end + st + 2 * bounds + free + digit + new LinearExpression().AddConstant(-2.5));
        var text = LpFileWriter.Write(m);
        Assert.DoesNotContain("\nend:", text);
        Assert.Contains(@"\ name end is written ~end", text);
        var again = LpFileReader.Read(text, "escaped.lp");
        Assert.Equal(m.Variables.Count, again.Variables.Count);
        Assert.Equal(-2.5, again.ObjectiveConstant);
        Assert.Equal(ConstraintSense.Range, again.Constraint("~st").Sense);
        Assert.Equal((-1.0, 3.0), (again.Constraint("~st").Lower, again.Constraint("~st").Upper));
        var expected = m.Solve();
        Assert.Equal(LpStatus.Optimal, expected.Status);
        Assert.Equal(expected.ObjectiveValue, again.Solve().ObjectiveValue, 9);
    }

    [Theory]
    [InlineData("max\n obj: x\nst\n c1: x <= \nend\n", 5, "expected a number")]
    [InlineData("max\n obj: x\nst\n c1: x 2 y <= 4\nend\n", 4, "expected '+' or '-'")]
    [InlineData("max\n obj: x\nst\n c1: x + y\n\nend\n", 6, "needs a relation")]
    [InlineData("max\n obj: x\nst\n c1: x <= 3\nbounds\n x <= abc\nend\n", 6, "expected a number")]
    [InlineData("max\n obj: x\nst\n c1: x <= 3\ngeneral\n x\nend\n", 5, "not supported")]
    [InlineData("foo\n obj: x\nend\n", 1, "must start with 'maximize' or 'minimize'")]
    [InlineData("max\n obj: x\nst\n c1: x <= 3\n c1: x <= 4\nend\n", 5, "Duplicate constraint name 'c1'")]
    [InlineData("max\n obj: x\nst\n c1: x <= 1e999\nend\n", 4, "not a valid number")]
    [InlineData("max\n obj: x\nst\n c1: x <= 3\nbounds\n 5 <= x <= 2\nend\n", 6, "bounds of 'x' are empty")]
    [InlineData("\\* open comment\nmax\n obj: x\n", 1, "never closed")]
    public void Malformed_files_name_the_line(string text, int line, string message)
    {
        var e = Assert.Throws<DataValidationException>(() => LpFileReader.Read(text, "broken.lp"));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
        Assert.Contains("broken.lp, line " + line, e.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Assert.Throws<DataValidationException>(() => LpFileReader.ReadFile("/no/such/model.lp"));
        Assert.Contains("does not exist", e.Message);
    }
}
