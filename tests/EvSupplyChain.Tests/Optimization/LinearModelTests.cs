using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

public class LinearModelTests
{
    [Fact]
    public void Duplicate_names_are_rejected_with_the_name()
    {
        var m = new LinearModel();
        var x = m.AddVariable("x");
        Assert.Contains("Duplicate variable name 'x'", Assert.Throws<ArgumentException>(() => m.AddVariable("x")).Message);
        m.AddLessOrEqual("r", x, 1);
        Assert.Contains("Duplicate constraint name 'r'", Assert.Throws<ArgumentException>(() => m.AddLessOrEqual("r", x, 2)).Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_coefficients_and_rhs_are_rejected(double bad)
    {
        var m = new LinearModel();
        var x = m.AddVariable("x");
        Assert.Contains("coefficient of 'x'", Assert.Throws<ArgumentException>(() => m.AddLessOrEqual("r", bad * x, 1)).Message);
        Assert.Contains("right-hand side", Assert.Throws<ArgumentException>(() => m.AddLessOrEqual("r", x, bad)).Message);
        Assert.Contains("Objective", Assert.Throws<ArgumentException>(() => m.Maximize(bad * x)).Message);
    }

    [Fact]
    public void Invalid_bounds_and_foreign_variables_are_rejected()
    {
        var m = new LinearModel("a");
        Assert.Contains("exceeds", Assert.Throws<ArgumentException>(() => m.AddVariable("x", 2, 1)).Message);
        var other = new LinearModel("b").AddVariable("y");
        Assert.Contains("belongs to model 'b'", Assert.Throws<ArgumentException>(() => m.AddLessOrEqual("r", other, 1)).Message);
    }

    [Fact]
    public void Expressions_merge_repeated_terms_and_move_constants_right()
    {
        var m = new LinearModel();
        var x = m.AddVariable("x"); var y = m.AddVariable("y");
        var c = m.AddLessOrEqual("r", 2 * x + y - x + 3 - y, 10);
        Assert.Equal([("x", 1.0)], c.Terms.Select(t => (t.Variable.Name, t.Coefficient)));
        Assert.Equal(7, c.Rhs);
    }
}
