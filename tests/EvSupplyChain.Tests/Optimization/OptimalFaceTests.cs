using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Tests.Optimization;

public class OptimalFaceTests
{
    [Fact]
    public void Ratio_range_over_a_tied_optimum()
    {
        // max x + y with x + y ≤ 4, x ≤ 3, y ≤ 3: every point of the segment (1,3)–(3,1) is optimal.
        var m = new LinearModel("tie");
        var x = m.AddVariable("x", 0, 3); var y = m.AddVariable("y", 0, 3);
        m.AddLessOrEqual("cap", x + y, 4);
        m.Maximize(x + y);
        var s = m.Solve();
        var (lo, hi) = OptimalFace.Range(m, s.ObjectiveValue, x, x + y, relativeTolerance: 0);
        Assert.Equal(0.25, lo, 12);
        Assert.Equal(0.75, hi, 12);
        // The default tolerance (1e-9 of the optimum) widens the face by about that much.
        var (loTol, _) = OptimalFace.Range(m, s.ObjectiveValue, x, x + y);
        Assert.InRange(0.25 - loTol, 0, 1e-8);
        var (xlo, xhi) = OptimalFace.Range(m, s.ObjectiveValue, x, relativeTolerance: 0);
        Assert.Equal(1, xlo, 12);
        Assert.Equal(3, xhi, 12);
    }

    [Fact]
    public void Range_of_a_variable_defined_by_an_equality()
    {
        var m = new LinearModel("defined");
        var x = m.AddVariable("x"); var y = m.AddVariable("y"); var z = m.AddVariable("z");
        m.AddEqual("define_z", z - 2 * x, 0);
        m.AddLessOrEqual("cap", z + 2 * y, 8);
        m.Maximize(x + y);
        var s = m.Solve();
        Assert.Equal(4, s.ObjectiveValue, 12);
        var (lo, hi) = OptimalFace.Range(m, s.ObjectiveValue, z, relativeTolerance: 0);
        Assert.Equal(0, lo, 12);
        Assert.Equal(8, hi, 12);
    }
}
