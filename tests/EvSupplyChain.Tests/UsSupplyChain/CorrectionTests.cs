using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary>The C1 and C6 corrections and the what-if helpers do what they say, checked against hand derivations.</summary>
public class CorrectionTests
{
    private static readonly Lazy<GapResult> Original = new(() => GapAnalysis.Run(Golden.Inputs));

    private static double Demand(GapResult r, string row) => r.Demand.For(r.Year).Single(d => d.Material == row).Tonnes;

    [Fact]
    public void C1_moves_LFP_lithium_from_hydroxide_to_carbonate()
    {
        var corrected = GapAnalysis.Run(Golden.Inputs, GapOptions.Original with { LfpCarbonateShare = 1 });
        var lfpCam = Demand(Original.Value, "LFP CAM");
        var hydroxide = Golden.Inputs.RefinedIntensity[("LFP", "Lithium hydroxide")];
        var carbonate = Golden.Inputs.RefinedIntensity[(Catalog.LfpSecondColumn, "Lithium carbonate")];
        Golden.Close(Demand(Original.Value, "Lithium hydroxide") - hydroxide * lfpCam, Demand(corrected, "Lithium hydroxide"), "LiOH");
        Golden.Close(Demand(Original.Value, "Lithium carbonate") + carbonate * lfpCam, Demand(corrected, "Lithium carbonate"), "Li2CO3");
        Golden.Close(Demand(Original.Value, "Raw cobalt"), Demand(corrected, "Raw cobalt"), "cobalt unchanged");
    }

    [Fact]
    public void C6_without_carry_over_recycles_only_this_years_retirements()
    {
        var corrected = GapAnalysis.Run(Golden.Inputs, GapOptions.Original with { UnrecycledCarryOver = 0 });
        var rate = Golden.Inputs.RecyclingRate;
        foreach (var row in corrected.Recycling.EndOfLife())
        {
            Assert.Equal(row.Retired, row.Available);
            Assert.Equal(0, row.CarriedOver);
            Golden.Close(rate[row.Year] * row.Retired, row.Recycled, $"{row.Year} {row.Chemistry}");
        }
        Assert.True(corrected.Rows.Single(r => r.Material == "Cobalt").Gap > Original.Value.Rows.Single(r => r.Material == "Cobalt").Gap);
    }

    [Fact]
    public void Corrected_preset_combines_both_fixes()
    {
        Assert.Equal((1.0, 0.0), (GapOptions.Corrected.LfpCarbonateShare, GapOptions.Corrected.UnrecycledCarryOver));
        Assert.Equal((0.0, 1.0), (GapOptions.Original.LfpCarbonateShare, GapOptions.Original.UnrecycledCarryOver));
    }

    [Fact]
    public void Chemistry_shift_adds_the_points_and_keeps_each_year_at_one()
    {
        var shifted = Golden.Inputs.WithChemistryShift("LFP", 20, 2025);
        foreach (var year in shifted.DemandYears)
        {
            var sum = Catalog.Chemistries.Sum(k => shifted.ChemistryShare[(year, k)]);
            Assert.Equal(1, sum, 12);
            var delta = shifted.ChemistryShare[(year, "LFP")] - Golden.Inputs.ChemistryShare[(year, "LFP")];
            Assert.Equal(year >= 2025 ? 0.2 : 0, delta, 12);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Golden.Inputs.WithChemistryShift("LFP", 99, 2025));
    }

    [Fact]
    public void A_higher_recycling_rate_recycles_more_and_never_widens_a_gap()
    {
        var more = GapAnalysis.Run(Golden.Inputs.WithRecyclingRate(0.3, 2025));
        Assert.True(more.Recycling.ByYear().Single(r => r.Year == 2035).Recycled > Original.Value.Recycling.ByYear().Single(r => r.Year == 2035).Recycled);
        foreach (var change in GapViews.Compare(Original.Value, more)) Assert.True(change.Change <= 1e-6, change.Material);
    }

    [Fact]
    public void Published_comparison_reports_differences_below_1e_9()
    {
        var published = GapViews.LoadPublished(Golden.DataFolder);
        Assert.Equal(28, published.Count);
        Assert.All(GapViews.ComparePublished(Original.Value, published), c => Assert.True(c.MaxRelativeDifference <= 1e-9, c.Material));
    }
}
