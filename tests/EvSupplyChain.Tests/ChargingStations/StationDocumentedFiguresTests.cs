using EvSupplyChain.Models.ChargingStations;

namespace EvSupplyChain.Tests.ChargingStations;

/// <summary>The preset figures quoted in the README (rounded as printed there), so the text cannot drift from the data.</summary>
public class StationDocumentedFiguresTests
{
    private static readonly StationData Data = StationData.Load(TestPaths.Data);

    [Fact]
    public void Urban_preset_figures_quoted_in_the_readme()
    {
        var k = StationModel.Evaluate(Data.Site("urban")).Kpis;
        Assert.Equal(21, Math.Round(k.Npv / 1e5));
        Assert.Equal(0.29, Math.Round(k.Irr!.Value, 2));
        Assert.Equal(0.33, Math.Round(k.LevelisedCostPerKwh, 2));
    }

    [Fact]
    public void Rural_preset_figures_quoted_in_the_readme()
    {
        var p = Data.Site("rural");
        var k = StationModel.Evaluate(p).Kpis;
        Assert.Equal(-124, Math.Round(k.Npv / 1e3));
        Assert.Equal(0.039, Math.Round(k.Irr!.Value, 3));
        var gap = StationAnalysis.Gap(p);
        Assert.Equal(0.28, Math.Round(gap.CapitalSubsidyShare!.Value, 2));
        Assert.Equal(0.058, Math.Round(gap.EnergyIncentivePerKwh!.Value, 3));
    }
}
