using EvSupplyChain.Models.ChargingStations;

namespace EvSupplyChain.Tests.ChargingStations;

public class StationAnalysisTests
{
    private static readonly StationData Data = StationData.Load(TestPaths.Data);

    [Theory]
    [InlineData("urban")]
    [InlineData("rural")]
    public void Tornado_bars_bracket_the_base_npv(string site)
    {
        var p = Data.Site(site);
        var baseNpv = StationModel.Npv(p);
        var bars = StationAnalysis.Tornado(p, Data.Drivers);
        Assert.Equal(Data.Drivers.Count, bars.Count);
        foreach (var b in bars)
        {
            Assert.True(Math.Min(b.AtLow, b.AtHigh) < baseNpv && baseNpv < Math.Max(b.AtLow, b.AtHigh), $"{b.Driver}: {b.AtLow} .. {b.AtHigh} vs {baseNpv}");
        }
        var price = bars.Single(b => b.Driver == "Charging price");
        Assert.True(price.AtHigh > price.AtLow);
        var demand = bars.Single(b => b.Driver == "Demand charge");
        Assert.True(demand.AtHigh < demand.AtLow);
    }

    [Fact]
    public void Monte_carlo_is_reproducible_for_a_seed()
    {
        var p = Data.Site("rural");
        var a = StationAnalysis.MonteCarlo(p, Data.Drivers, 2000, seed: 42);
        var b = StationAnalysis.MonteCarlo(p, Data.Drivers, 2000, seed: 42);
        var c = StationAnalysis.MonteCarlo(p, Data.Drivers, 2000, seed: 43);
        Assert.Equal(a.Npvs, b.Npvs);
        Assert.Equal(a.Summary, b.Summary);
        Assert.NotEqual(a.Npvs, c.Npvs);
        var s = a.Summary;
        Assert.True(s.P10 < s.P50 && s.P50 < s.P90);
        Assert.InRange(s.ProbabilityPositive, 0, 1);
        Assert.Equal(a.Npvs.Count(v => v > 0) / 2000.0, s.ProbabilityPositive);
    }

    [Fact]
    public void Monte_carlo_without_spread_returns_the_base_npv()
    {
        var p = Data.Site("urban");
        var flat = Data.Drivers.Select(d => d with { LowFactor = 1, HighFactor = 1 }).ToList();
        var mc = StationAnalysis.MonteCarlo(p, flat, 50);
        Assert.All(mc.Npvs, v => StationModelTests.Close(StationModel.Npv(p), v, 1e-12));
    }

    [Theory]
    [InlineData(0.1, 0.5, 0.1)]
    [InlineData(0.1, 0.5, 0.05)]
    [InlineData(0.1, 0.5, 0.3)]
    [InlineData(0.1, 0.5, 0.5)]
    public void Triangular_inverse_cdf(double a, double b, double u)
    {
        var x = StationAnalysis.Triangular(a, 0.2, b, u);
        var cdf = x <= 0.2 ? (x - a) * (x - a) / ((b - a) * (0.2 - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - 0.2));
        StationModelTests.Close(u, cdf, 1e-12);
    }

    [Theory]
    [InlineData("urban")]
    [InlineData("rural")]
    public void Break_even_utilisation_and_price_make_npv_zero(string site)
    {
        var p = Data.Site(site);
        var be = StationAnalysis.BreakEvens(p);
        Assert.NotNull(be.BreakEvenUtilisation);
        Assert.NotNull(be.BreakEvenPrice);
        var scale = StationModel.Evaluate(p).Kpis.InitialCapital;
        Assert.True(Math.Abs(StationModel.Npv(p with { Utilisation = be.BreakEvenUtilisation!.Value })) < 1e-6 * scale);
        Assert.True(Math.Abs(StationModel.Npv(p with { Price = be.BreakEvenPrice!.Value })) < 1e-6 * scale);
    }

    [Fact]
    public void Break_even_price_equals_the_levelised_cost_when_there_is_no_other_revenue()
    {
        var p = Data.Site("urban");
        Assert.Equal(0, p.AncillaryRevenue * p.BatteryKw + p.V2gRevenue + p.CapitalSubsidyShare + p.EnergyIncentive);
        StationModelTests.Close(StationModel.Evaluate(p).Kpis.LevelisedCostPerKwh, StationAnalysis.BreakEvens(p).BreakEvenPrice!.Value, 1e-9);
    }

    [Fact]
    public void Viability_gap_closes_the_rural_npv()
    {
        var p = Data.Site("rural");
        var gap = StationAnalysis.Gap(p);
        Assert.True(gap.Npv < 0);
        Assert.Equal(-gap.Npv, gap.GrantUsd);
        var scale = StationModel.Evaluate(p).Kpis.InitialCapital;
        Assert.InRange(gap.CapitalSubsidyShare!.Value, 0, 1);
        Assert.True(Math.Abs(StationModel.Npv(p with { CapitalSubsidyShare = gap.CapitalSubsidyShare.Value, SubsidyCapPerCharger = double.PositiveInfinity })) < 1e-6 * scale);
        Assert.True(Math.Abs(StationModel.Npv(p with { EnergyIncentive = gap.EnergyIncentivePerKwh!.Value, IncentiveYears = p.Years })) < 1e-6 * scale);
        // The uncapped share equals the grant over year-0 capital.
        StationModelTests.Close(gap.GrantUsd / scale, gap.CapitalSubsidyShare.Value, 1e-9);
        Assert.Equal(0, StationAnalysis.Gap(Data.Site("urban")).GrantUsd);
    }

    [Fact]
    public void Policy_support_pv_is_the_npv_gain()
    {
        var p = Data.Site("rural");
        var rows = StationAnalysis.ComparePolicies(p, Data.Policies);
        Assert.Equal(Data.Policies.Count, rows.Count);
        var none = rows.Single(r => r.Option == "No support");
        Assert.Equal(0, none.SupportPv);
        Assert.False(none.Viable);
        var credit = rows.Single(r => r.Option.StartsWith("Tax credit"));
        // 30 % of year-0 capital is below the 100k USD per charger cap here.
        StationModelTests.Close(0.3 * StationModel.Evaluate(p).Kpis.InitialCapital, credit.SupportPv, 1e-9);
        Assert.All(rows.Where(r => r.Option != "No support"), r => Assert.True(r.SupportPv > 0, r.Option));
    }

    [Fact]
    public void Npv_curve_is_monotone_in_price_and_utilisation()
    {
        var p = Data.Site("rural");
        var prices = StationAnalysis.NpvCurve(p, "price", [0.2, 0.3, 0.4, 0.5, 0.6]);
        var utils = StationAnalysis.NpvCurve(p, "utilisation", [0.01, 0.03, 0.05, 0.07]);
        Assert.True(prices.Zip(prices.Skip(1)).All(t => t.Second > t.First));
        Assert.True(utils.Zip(utils.Skip(1)).All(t => t.Second > t.First));
    }
}
