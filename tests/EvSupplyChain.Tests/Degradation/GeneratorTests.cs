using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Tests.Degradation;

public class GeneratorTests
{
    [Theory]
    [InlineData(CellChemistry.LiIon, 20.7, 9.8)]
    [InlineData(CellChemistry.NaIon, 17.4, 9.9)]
    public void Mean_500_cycle_fade_and_resistance_match_the_spec_statistics(CellChemistry chemistry, double fade, double resistance)
    {
        // MODEL_SPEC §1.3: 100k-sample means from the reviewer's own re-run of the formula.
        var data = OriginalDegradationModel.Generate(OriginalModelParameters.For(chemistry), 100_000, seed: 7);
        Assert.InRange(data.Fade.Average(), fade - 0.3, fade + 0.3);
        Assert.InRange(data.Resistance.Average(), resistance - 0.3, resistance + 0.3);
    }

    [Fact]
    public void Same_seed_gives_identical_data_and_another_seed_does_not()
    {
        var p = OriginalModelParameters.LiIon;
        var a = OriginalDegradationModel.Generate(p, 2000, seed: 11);
        var b = OriginalDegradationModel.Generate(p, 2000, seed: 11);
        var c = OriginalDegradationModel.Generate(p, 2000, seed: 12);
        Assert.Equal(a.Samples, b.Samples);
        Assert.NotEqual(a.Samples.Take(5), c.Samples.Take(5));
    }

    [Fact]
    public void About_three_percent_of_attempts_are_dropped()
    {
        var data = OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 100_000, seed: 3);
        Assert.InRange(data.Count, 96_700, 97_300);
    }

    [Fact]
    public void Inputs_follow_the_spec_distributions_and_clips()
    {
        var data = OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 100_000, seed: 5);
        var temp = data.Feature(0);
        Assert.InRange(temp.Min(), -20, 60);
        Assert.InRange(temp.Average(), 34.9, 35.1);
        var dod = data.Feature(1);
        Assert.InRange(dod.Min(), 0.60, 0.61);
        Assert.InRange(dod.Max(), 0.94, 0.95);
        var soh = data.Feature(5);
        var atHundred = soh.Count(v => v == 100) / (double)soh.Length;
        Assert.InRange(atHundred, 0.15, 0.17); // the point mass of the clip at 100 (spec: about 16 %)
        Assert.InRange(soh.Min(), 70, 100);
        Assert.Contains(data.Feature(4), v => v < 0); // cycles_per_day has no clip
        Assert.Equal([0.0, 1.0, 2.0], data.Feature(6).Distinct().Order());
    }

    [Fact]
    public void Expected_values_match_the_spec_worked_examples()
    {
        // MODEL_SPEC §3: noise-free LiIon, SoH0 = 100, traffic 1: Average user temperate 15.9 / 7.3, very hot 18.3 / 8.0;
        // Taxi very hot 23.3 / 10.4.
        var p = OriginalModelParameters.LiIon;
        var temperate = OriginalDegradationModel.Expected(new OperatingConditions(18, 0.7, 0.7, 0.8, 1.0, 100, 1), p);
        var cold = OriginalDegradationModel.Expected(new OperatingConditions(5, 0.7, 0.7, 0.8, 1.0, 100, 1), p);
        var veryHot = OriginalDegradationModel.Expected(new OperatingConditions(40, 0.7, 0.7, 0.8, 1.0, 100, 1), p);
        var taxi = OriginalDegradationModel.Expected(new OperatingConditions(40, 0.9, 1.8, 1.0, 2.0, 100, 1), p);
        Assert.Equal(15.9, temperate.CapacityFadePercent, 0.05);
        Assert.Equal(7.3, temperate.ResistanceIncreasePercent, 0.05);
        Assert.Equal(temperate, cold);
        Assert.Equal(18.3, veryHot.CapacityFadePercent, 0.05);
        Assert.Equal(8.0, veryHot.ResistanceIncreasePercent, 0.05);
        Assert.Equal(23.3, taxi.CapacityFadePercent, 0.05);
        Assert.Equal(10.4, taxi.ResistanceIncreasePercent, 0.05);
    }

    [Fact]
    public void Expected_fade_is_the_formula_term_by_term()
    {
        var p = OriginalModelParameters.NaIon;
        var x = new OperatingConditions(33, 0.8, 1.0, 1.2, 1.5, 90, 2);
        var s = 1 + 2 * (100 - 90) / 100.0;
        var cd = 1.2 * 1.3;
        var fade = 2.5 * s + 0.12 * Math.Pow(8, 1.05) + 6.0 * Math.Pow(0.8, 2.1) + (0.01 + 0.005 * 1.0 + 0.002 * cd) * 500 * s + 1.8 + 0;
        var res = 6.0 * s + 0.06 * Math.Pow(8, 0.9) + (2.0 * 1.0 + 1.0 * cd) * s;
        var got = OriginalDegradationModel.Expected(x, p);
        Assert.Equal(fade, got.CapacityFadePercent, 1e-12);
        Assert.Equal(res, got.ResistanceIncreasePercent, 1e-12);
    }

    [Fact]
    public void Bad_inputs_name_the_parameter_and_its_allowed_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OperatingConditions.Create(25, 1.3, 1, 1, 1, 95, 1));
        Assert.Contains("dod", e.Message);
        Assert.Contains("[0, 1]", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => OperatingConditions.Create(25, 0.8, 1, 1, 1, 120, 1));
        Assert.Contains("[0, 100]", e.Message);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => OperatingConditions.Create(25, 0.8, 1, 1, 1, 95, 3));
        Assert.Contains("allowed values", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 0));
    }
}
