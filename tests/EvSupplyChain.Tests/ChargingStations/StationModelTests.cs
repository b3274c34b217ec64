using EvSupplyChain.Models.ChargingStations;
using EvSupplyChain.Models.Finance;

namespace EvSupplyChain.Tests.ChargingStations;

public class StationModelTests
{
    internal static void Close(double expected, double actual, double rel = 1e-12) => Closeness.Assert(expected, actual, rel, floor: 1);

    /// <summary>One 100 kW charger over 3 years; every number below is worked out by hand.</summary>
    internal static StationParameters Tiny => new()
    {
        Site = "tiny",
        Chargers = [new ChargerGroup("DCFC", 1, 100, 10_000, 2, 100)],
        Years = 3, DiscountRate = 0.10, Price = 0.5, Utilisation = 0.1, UtilisationGrowth = 0, MaxUtilisation = 1,
        ElectricityPrice = 0.2, DemandCharge = 10, PeakCoincidence = 1, ChargerEfficiency = 0.8,
        GridConnectionCost = 1000, Lease = 50, NetworkFee = 20, CapitalSubsidyShare = 0.5, SubsidyCapPerCharger = 2000,
    };

    [Fact]
    public void Tiny_station_cash_flows_match_the_hand_calculation()
    {
        var r = StationModel.Evaluate(Tiny);
        // Year 0: capital 10,000 + 1,000; subsidy min(0.5 · 11,000, 2,000) = 2,000.
        // Operating year: 87,600 kWh · 0.5 = 43,800 revenue; 109,500 metered kWh · 0.2 = 21,900; demand 100 kW · 10 · 12 = 12,000;
        // O&M 50 + 20 + 100 = 170 → 9,730. Year 2 replaces the charger (−10,000); year 3 credits half its value (+5,000).
        Assert.Equal([-9000, 9730, -270, 14730], r.NetCashFlows);
        Assert.Equal(87_600, r.Years[1].DeliveredKwh);
        Assert.Equal(109_500, r.Years[1].GridKwh);
        Assert.Equal(-12_000, r.Years[2].DemandCharges);
        Assert.Equal(2000, r.Kpis.Subsidy);
        Assert.Equal(11_000, r.Kpis.InitialCapital);
        Close(Money.Npv(0.10, [-9000, 9730, -270, 14730]), r.Kpis.Npv);
        var costs = 11_000 + 34_070 / 1.1 + 44_070 / 1.21 + 29_070 / 1.331;
        var kwh = 87_600 / 1.1 + 87_600 / 1.21 + 87_600 / 1.331;
        Close(costs / kwh, r.Kpis.LevelisedCostPerKwh);
        Close((138_400.0 - 123_210) / 123_210, r.Kpis.Roi);
        Close(9000.0 / 9730, r.Kpis.SimplePaybackYears!.Value);
    }

    [Fact]
    public void Utilisation_ramps_to_its_ceiling()
    {
        var r = StationModel.Evaluate(Tiny with { UtilisationGrowth = 0.5, MaxUtilisation = 0.2 });
        Assert.Equal([0, 0.1, 0.1 * 1.5, 0.2], r.Years.Select(y => y.Utilisation));
    }

    [Fact]
    public void Solar_offsets_grid_energy_and_battery_shaves_the_billed_peak()
    {
        var p = Tiny with { SolarKw = 10, SolarYield = 1000, SolarCost = 1000, BatteryKwh = 20, BatteryKw = 30, PeakDurationHours = 1, BatteryCostPerKwh = 100 };
        var r = StationModel.Evaluate(p);
        Assert.Equal(109_500 - 10_000, r.Years[1].GridKwh);
        Assert.Equal(-(100 - 20) * 10 * 12, r.Years[1].DemandCharges); // shaved kW = min(30 kW, 20 kWh / 1 h)
        Assert.Equal(11_000 + 10_000 + 2_000, r.Kpis.InitialCapital);
    }

    [Theory]
    [InlineData("urban")]
    [InlineData("rural")]
    public void Preset_money_columns_add_up_and_npv_at_irr_is_zero(string site)
    {
        var p = StationData.Load(TestPaths.Data).Site(site);
        var r = StationModel.Evaluate(p);
        Assert.Equal(p.Years + 1, r.Years.Count);
        foreach (var y in r.Years)
        {
            var sum = y.ChargingRevenue + y.OtherRevenue + y.EnergyCost + y.DemandCharges + y.Operations + y.Capital + y.Subsidy;
            Close(y.NetCashFlow, sum, 1e-12);
            Close(y.DeliveredKwh / p.ChargerEfficiency - Math.Min(p.SolarKw * p.SolarYield, y.DeliveredKwh / p.ChargerEfficiency), y.GridKwh, 1e-12);
        }
        Close(r.Kpis.Npv, StationModel.Npv(p), 1e-12);
        Assert.NotNull(r.Kpis.Irr);
        Assert.True(Math.Abs(Money.Npv(r.Kpis.Irr!.Value, r.NetCashFlows)) < 1e-6);
    }

    [Fact]
    public void Urban_beats_rural_and_rural_needs_support()
    {
        var data = StationData.Load(TestPaths.Data);
        var urban = StationModel.Evaluate(data.Site("urban")).Kpis;
        var rural = StationModel.Evaluate(data.Site("rural")).Kpis;
        Assert.True(urban.Npv > 0);
        Assert.True(rural.Npv < 0);
        Assert.True(urban.Irr > rural.Irr);
        Assert.True(urban.LevelisedCostPerKwh < rural.LevelisedCostPerKwh);
    }

    [Fact]
    public void Zero_utilisation_has_no_levelised_cost_and_no_irr()
    {
        var k = StationModel.Evaluate(Tiny with { Utilisation = 0 }).Kpis;
        Assert.True(double.IsNaN(k.LevelisedCostPerKwh));
        Assert.Null(k.Irr);
        Assert.Contains("never change sign", k.IrrNote);
        Assert.Null(k.SimplePaybackYears);
    }
}
