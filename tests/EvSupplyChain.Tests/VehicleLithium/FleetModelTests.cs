using EvSupplyChain.Models.VehicleLithium;

namespace EvSupplyChain.Tests.VehicleLithium;

/// <summary>The cohort model on the project's data: balances, identities and the scenario mechanisms.</summary>
public class FleetModelTests
{
    internal static readonly VehicleLithiumInputs Inputs = VehicleLithiumInputs.Load(TestPaths.Data);

    [Theory]
    [InlineData("D1")]
    [InlineData("D2")]
    [InlineData("D3")]
    [InlineData("D4")]
    public void Stock_change_equals_inflow_minus_outflow_every_year(string scenario)
    {
        var r = FleetModel.Run(Inputs, Inputs.Scenario(scenario));
        Assert.True(r.MassBalanceResidual() < 1e-9, $"residual {r.MassBalanceResidual()}");
        var previous = 0.0;
        foreach (var y in r.Years)
        {
            var change = r.Stock(y) - previous;
            Assert.Equal(r.Gross(y) - r.Outflow(y), change, 1e-9 * Math.Max(1, r.Gross(y)));
            previous = r.Stock(y);
        }
    }

    [Theory]
    [InlineData(VehicleType.PassengerCar, 2030)]
    [InlineData(VehicleType.LightCommercial, 2045)]
    public void A_run_feeds_eq_1_with_bev_and_phev_batteries(VehicleType type, int year)
    {
        // The full model, not only the equation: its manufacturing inflow of one type and year is eq (1) recomputed
        // from the run's own sales, S-curve, BEV share and capacities, PHEV batteries included.
        var p = Inputs.Central;
        var scenario = Inputs.Scenario("D2");
        var r = FleetModel.Run(Inputs, scenario, p);
        var curve = scenario.Ldv with { MidpointYear = p.LdvMidpointYear };
        var plugIns = FleetModel.Sales(Inputs, type, year, p.SalesGrowthScale) * curve.Share(year);
        var b = curve.BevShareOfPlugIn;
        var phevMt = plugIns * (1 - b) * r.CapacityKwh(type, Powertrain.Phev, year) * p.LithiumKgPerKwh / 1000;
        var expected = plugIns * b * r.CapacityKwh(type, Powertrain.Bev, year) * p.LithiumKgPerKwh / 1000 + phevMt;
        Assert.True(phevMt > 0.01 * expected, "the PHEV term must be large enough to notice");
        Assert.Equal(expected, r.Flow(Flow.VehicleManufacturing, year, type), 1e-12);
    }

    [Fact]
    public void Totals_obey_the_paper_identities()
    {
        var r = FleetModel.Run(Inputs, Inputs.Scenario("D2"));
        var gross = r.Accumulated(y => r.Gross(y));
        var recycled = r.Accumulated(y => r.Recycled(y));
        var net = r.Accumulated(y => r.Net(y));
        Assert.Equal(gross - recycled, net, 9);
        Assert.Equal(net / 0.9, r.Value("mine_production_equivalent", "all", "all", "2000-2100"), 9);
        Assert.Equal(r.Accumulated(y => r.Outflow(y)) * r.Parameters.RecyclingRate, recycled, 9);
        Assert.Equal(gross - r.Stock(2100), r.Accumulated(y => r.Outflow(y)), 9);
        Assert.Equal(r.Stock(2100), r.Stock(2100, Segment.LDV) + r.Stock(2100, Segment.HDV), 12);
    }

    [Fact]
    public void Per_type_flows_add_up_to_the_segments()
    {
        var r = FleetModel.Run(Inputs, Inputs.Scenario("D3"));
        foreach (var y in new[] { 2030, 2060, 2100 })
        {
            var hdv = VehicleTypes.All.Where(t => VehicleTypes.SegmentOf(t) == Segment.HDV).ToArray();
            Assert.Equal(r.Gross(y, Segment.HDV), hdv.Sum(t => r.Gross(y, t)), 12);
            Assert.Equal(r.Outflow(y), VehicleTypes.All.Sum(t => r.Outflow(y, t)), 12);
            Assert.Equal(r.Recycled(y), VehicleTypes.All.Sum(t => r.Recycled(y, t)), 12);
            Assert.Equal(r.Stock(y, Segment.LDV), r.Stock(y, VehicleType.PassengerCar) + r.Stock(y, VehicleType.LightCommercial), 12);
        }
    }

    [Fact]
    public void D1_has_no_heavy_duty_lithium_and_no_light_duty_replacement_late()
    {
        var r = FleetModel.Run(Inputs, Inputs.Scenario("D1"));
        Assert.Equal(0, r.Accumulated(y => r.Gross(y, Segment.HDV)));
        Assert.Equal(0, r.Flow(Flow.BatteryReplacement, 2100, Segment.LDV));
    }

    [Fact]
    public void Shorter_HDV_range_cuts_manufacturing_in_proportion_and_raises_replacement()
    {
        var d2 = FleetModel.Run(Inputs, Inputs.Scenario("D2"));
        var d3 = FleetModel.Run(Inputs, Inputs.Scenario("D3"));
        var d4 = FleetModel.Run(Inputs, Inputs.Scenario("D4"));
        double Acc(FleetResult r, Flow f) => r.Accumulated(y => r.Flow(f, y, Segment.HDV));
        Assert.InRange(Acc(d3, Flow.VehicleManufacturing) / Acc(d2, Flow.VehicleManufacturing), 0.55, 0.62);
        Assert.True(Acc(d3, Flow.BatteryReplacement) > Acc(d2, Flow.BatteryReplacement));
        Assert.True(Acc(d4, Flow.BatteryReplacement) < 0.5 * Acc(d3, Flow.BatteryReplacement));
        Assert.Equal(Acc(d3, Flow.VehicleManufacturing), Acc(d4, Flow.VehicleManufacturing), 9);
    }

    [Fact]
    public void Users_can_define_their_own_scenario()
    {
        var custom = Inputs.Scenario("D2") with { Name = "long-range", HdvRangeKm = 800 };
        var r = FleetModel.Run(Inputs, custom);
        var d2 = FleetModel.Run(Inputs, Inputs.Scenario("D2"));
        Assert.True(r.Accumulated(y => r.Flow(Flow.VehicleManufacturing, y, Segment.HDV)) > d2.Accumulated(y => d2.Flow(Flow.VehicleManufacturing, y, Segment.HDV)));
        Assert.True(r.CapacityKwh(VehicleType.HeavyTruck, Powertrain.Bev, 2030) > 800);
    }

    [Fact]
    public void Sensitivities_move_the_right_way()
    {
        var s = Inputs.Scenario("D2");
        var ranges = Sensitivity.HdvRange(Inputs, s, Inputs.Central, [300, 500, 800]);
        Assert.True(ranges[0].HdvManufacturing < ranges[1].HdvManufacturing && ranges[1].HdvManufacturing < ranges[2].HdvManufacturing);
        Assert.True(ranges[0].HdvReplacement > ranges[2].HdvReplacement);
        var cycles = Sensitivity.CycleLife(Inputs, s, Inputs.Central, [500, 1000, 2000]);
        Assert.True(cycles[0].HdvReplacement > cycles[1].HdvReplacement && cycles[1].HdvReplacement > cycles[2].HdvReplacement);
        var rr = Sensitivity.RecyclingRate(Inputs, s, Inputs.Central, [0.5, 0.9]);
        Assert.True(rr[0].Net > rr[1].Net);
        Assert.Equal(rr[0].Gross, rr[1].Gross, 9);
    }
}
