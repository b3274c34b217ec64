using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Tests.Degradation;

public class SemiEmpiricalTests
{
    private static readonly AgeingConditions Average = new(25, 0.7, 0.7, 0.8, 1.0);

    [Fact]
    public void Nmc_calendar_fade_is_the_published_law()
    {
        // Schmalstieg et al. (2014): α = (7.543·V − 23.75)·1e6·exp(−6976/T), fade = α·t^0.75 (t in days); V(50 % SoC) = 3.697 V.
        var model = SemiEmpiricalAgeing.For(AgeingCell.Nmc);
        var r = model.Evaluate(new AgeingConditions(35, 0.5, 1, 1, 0.0), 365);
        var expected = 100 * (7.543 * 3.697 - 23.75) * 1e6 * Math.Exp(-6976 / 308.15) * Math.Pow(365, 0.75);
        Assert.Equal(expected, r.CalendarFadePercent, 1e-9 * expected);
        Assert.Equal(0, r.CycleFadePercent);
    }

    [Fact]
    public void Lfp_cycle_fade_is_the_wang_2011_law()
    {
        // Wang et al. (2011): Q = B·exp(−(31700 − 370.3·C)/(R·T))·Ah^0.55, B(0.5C) = 31630, Ah = EFC × 2.2 Ah.
        var model = SemiEmpiricalAgeing.For(AgeingCell.Lfp);
        var c = new AgeingConditions(25, 1.0, 0.5, 0.5, 1.0);
        var r = model.Evaluate(c, 1000);
        var expected = 31630 * Math.Exp(-(31700 - 370.3 * 0.5) / (8.314462618 * 298.15)) * Math.Pow(1000 * 2.2, 0.55);
        Assert.Equal(expected, r.CycleFadePercent, 1e-9 * expected);
        Assert.Equal(1000, r.EquivalentFullCycles, 9);
    }

    [Theory]
    [InlineData(AgeingCell.Lfp)]
    [InlineData(AgeingCell.Nmc)]
    public void Fade_rises_with_temperature_below_25_C_too(AgeingCell cell)
    {
        var model = SemiEmpiricalAgeing.For(cell);
        var previous = double.NegativeInfinity;
        foreach (var t in new[] { -10.0, 0, 10, 18, 25, 35, 45 })
        {
            var fade = model.OverCycles(Average with { CellTemperatureC = t }).CapacityFadePercent;
            Assert.True(fade > previous, $"{cell}: fade at {t} °C ({fade}) not above the colder value ({previous})");
            previous = fade;
        }
    }

    [Fact]
    public void Lfp_fades_far_less_than_the_original_heuristic_over_500_cycles()
    {
        var lfp = SemiEmpiricalAgeing.For(AgeingCell.Lfp).OverCycles(Average).CapacityFadePercent;
        var original = OriginalDegradationModel.Expected(new OperatingConditions(25, 0.7, 0.7, 0.8, 1.0, 100, 1), OriginalModelParameters.LiIon).CapacityFadePercent;
        Assert.InRange(lfp, 1, 10);
        Assert.True(original > 3 * lfp);
    }

    [Fact]
    public void Graphite_potential_falls_as_the_cell_charges()
    {
        Assert.True(LfpAgeingParameters.GraphitePotential(0.1) > LfpAgeingParameters.GraphitePotential(0.5));
        Assert.True(LfpAgeingParameters.GraphitePotential(0.5) > LfpAgeingParameters.GraphitePotential(0.95));
        Assert.InRange(LfpAgeingParameters.GraphitePotential(0.5), 0.08, 0.2);
    }

    [Fact]
    public void Bad_conditions_name_the_parameter()
    {
        var model = SemiEmpiricalAgeing.For(AgeingCell.Nmc);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(Average with { DepthOfDischarge = 1.4 }, 10));
        Assert.Contains("DepthOfDischarge", e.Message);
        Assert.Contains("[0, 1]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(Average, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.OverCycles(Average with { CyclesPerDay = 0 }));
    }
}
