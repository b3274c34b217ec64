using EvSupplyChain.Models.Lifetimes;
using EvSupplyChain.Models.VehicleLithium;

namespace EvSupplyChain.Tests.VehicleLithium;

/// <summary>Eqs (1)–(10) on their own, each on a small case computed by hand: inflow, S-curve, replacement, recycling, sizing.</summary>
public class EquationTests
{
    private static readonly BatteryPhysics Physics = new(0.00155, 0.6, 0.85);

    [Fact]
    public void Capacity_delivers_the_range_and_grows_with_it()
    {
        var previous = 0.0;
        foreach (var range in new[] { 50.0, 100, 200, 300, 500, 800, 1200 })
        {
            var bc = Physics.Capacity(range, 4, 30000, 1.35, 0.85);
            Assert.True(bc > previous, $"capacity at {range} km = {bc} is not above {previous}");
            previous = bc;
        }
    }

    [Theory]
    // Eq (7)-(8) solved by plain bisection outside the project (200 halvings of [0, 1e5] kWh) for α = 0.00155,
    // β = 0.6, γ = 0.85, 4 kg/kWh, 30 t without battery, RF = 1.35, PE = 0.85.
    [InlineData(300.0, 436.47716452570876)]
    [InlineData(800.0, 1232.654494796388)]
    public void Capacity_solves_eq_7_and_8_as_computed_by_hand(double rangeKm, double expectedKwh)
    {
        var bc = Physics.Capacity(rangeKm, 4, 30000, 1.35, 0.85);
        Assert.Equal(expectedKwh, bc, expectedKwh * 1e-9);
        // and the equation itself, written out here rather than through Physics.Range: BC·γ·PE = ER·α·RF·(BC·ED + CW)^β
        Assert.Equal(bc * 0.85 * 0.85, rangeKm * 0.00155 * 1.35 * Math.Pow(bc * 4 + 30000, 0.6), 1e-9 * bc);
    }

    [Fact]
    public void Battery_weight_makes_capacity_grow_faster_than_range()
    {
        double Bc(double r) => Physics.Capacity(r, 5, 1400, 1, 0.85);
        var linear = 500 * Physics.Consumption(0, 5, 1400, 1, 0.85) / 0.85;
        Assert.True(Bc(500) > linear * 1.05);
        Assert.True(Bc(1000) / Bc(500) > 2);
        Assert.Equal(0, Bc(0));
    }

    [Fact]
    public void Unreachable_range_gives_a_clear_error()
    {
        var steep = new BatteryPhysics(0.00155, 1.3, 0.85);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => steep.Capacity(3000, 8, 30000, 1.35, 0.85));
        Assert.Contains("no battery capacity delivers 3000 km", e.Message);
        Assert.Contains("caps the range", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Physics.Capacity(-1, 5, 1400, 1, 0.85));
    }

    [Theory]
    [InlineData(1_200_000, 500_000, 1, 1.0)]   // remaining 700 000 km > one battery life: everyone replaces
    [InlineData(1_200_000, 500_000, 2, 0.4)]   // remaining 200 000 km < 500 000: 200/500 replace
    [InlineData(1_000_000, 500_000, 1, 1.0)]   // remaining equals one battery life: WtR = 1 (both cases agree)
    [InlineData(1_000_000, 500_000, 2, 0.0)]   // nothing remains
    [InlineData(900_000, 300_000, 2, 1.0)]     // remaining 300 000 = BL
    [InlineData(800_000, 300_000, 2, 2.0 / 3)] // remaining 200 000 of 300 000
    public void Willingness_to_replace_follows_eq_10(double lifespan, double batteryLife, int n, double expected) =>
        Assert.Equal(expected, Replacement.WillingnessToReplace(lifespan, batteryLife, n), 12);

    [Fact]
    public void Expected_replacements_per_vehicle_are_lifespan_over_battery_life_minus_one()
    {
        foreach (var (ls, bl) in new[] { (1_200_000.0, 500_000.0), (1_200_000, 300_000), (200_000, 300_000), (1_000_000, 450_000) })
        {
            var events = Replacement.Events(ls, bl, 90_000).ToList();
            Assert.Equal(Math.Max(0, ls / bl - 1), events.Sum(e => e.Willingness), 12);
            Assert.All(events, e => Assert.Equal(e.N * bl / 90_000, e.AgeYears, 12));
        }
        Assert.Equal(500_000, Replacement.BatteryLifespanKm(1000, 500));
    }

    [Theory]
    [InlineData(18, 2.0)]
    [InlineData(12, 3.0)]
    public void A_survival_curve_sums_to_one_and_keeps_its_mean(double mean, double shape)
    {
        var life = FleetModel.Survival(mean, shape, 50);
        Assert.Equal(1, life.Probabilities.Sum(), 12);
        Assert.Equal(0, life.Surviving(50), 12);
        Assert.InRange(life.Mean, mean - 0.6, mean + 0.6);
    }

    [Fact]
    public void Manufacturing_inflow_counts_bev_and_phev_batteries()
    {
        // 10 M sales, half plug-in: 3 M BEV × 60 kWh + 2 M PHEV × 10 kWh, at 0.1 kg Li/kWh.
        // BEV: 3e6 · 60 · 0.1 kg = 18 kt = 0.018 mt; PHEV: 2e6 · 10 · 0.1 kg = 2 kt = 0.002 mt.
        var (bev, all) = FleetModel.ManufacturingInflow(salesMillion: 10, plugInShare: 0.5, bevShareOfPlugIn: 0.6, bevKwh: 60, phevKwh: 10, kgLiPerKwh: 0.1);
        Assert.Equal(0.018, bev, 15);
        Assert.Equal(0.020, all, 15);
        Assert.Equal(0, FleetModel.ManufacturingInflow(10, 0, 0.6, 60, 10, 0.1).AllMt);
    }

    [Fact]
    public void S_curve_passes_the_observed_share_and_reaches_half_saturation_at_the_midpoint()
    {
        // k = ln(1/0.022 − 1) / (2040 − 2018) = 0.172476; share(2030) = 1 / (1 + e^{1.72476}) = 0.151259.
        var curve = new PlugInShareCurve(FirstYear: 2010, ObservedYear: 2018, ObservedShare: 0.022, SaturationShare: 1.0, MidpointYear: 2040,
            TransitionYears: null, BevShareOfPlugIn: 0.69);
        Assert.Equal(0.17247578257620463, curve.Steepness, 14);
        Assert.Equal(0.15125934020047327, curve.Share(2030), 14);
        Assert.Equal(0.022, curve.Share(2018), 14);
        Assert.Equal(0.5, curve.Share(2040), 14);
        Assert.Equal(0, curve.Share(2009));
        // With a 10→90 % transition of 20 years: k = ln 81 / 20, and 2030 is one half-transition before the midpoint: 10 % of S.
        var fixedK = curve with { SaturationShare = 0.9, TransitionYears = 20 };
        Assert.Equal(Math.Log(81) / 20, fixedK.Steepness, 15);
        Assert.Equal(0.09, fixedK.Share(2030), 14);
        Assert.Equal(0, (curve with { SaturationShare = 0 }).Share(2050));
    }

    [Fact]
    public void Replacement_inflow_lands_at_the_ages_where_mileage_reaches_whole_battery_lifespans()
    {
        // One cohort of 1 mt BEV lithium. LS = 250,000 km, BL = 100,000 km, 40,000 km/yr.
        // n = 1 at 2.5 years, remaining 150,000 > BL: WtR 1, split half to year 2 and half to year 3.
        // n = 2 at 5.0 years, remaining 50,000 ≤ BL: WtR 0.5, all to year 5.
        // Survival: 20 % of the cohort is scrapped at age 3, the rest at age 10; S(2) = 1, S(3) = S(5) = 0.8.
        var p = new double[11];
        p[3] = 0.2;
        p[10] = 0.8;
        var life = new LifetimeDistribution(p);
        var bevLi = new double[8];
        bevLi[0] = 1;
        var r = FleetModel.ReplacementInflow(bevLi, life, _ => 100_000, vehicleLifespanKm: 250_000, annualMileageKm: 40_000);
        Assert.Equal([0, 0, 0.5, 0.5 * 0.8, 0, 0.5 * 0.8, 0, 0], r.Select(v => Math.Round(v, 12)));
        // A battery that outlasts the vehicle is never replaced.
        Assert.All(FleetModel.ReplacementInflow(bevLi, life, _ => 300_000, 250_000, 40_000), v => Assert.Equal(0, v));
        // A cohort sold two years later replaces two years later.
        var later = new double[8];
        later[2] = 1;
        Assert.Equal(0.5, FleetModel.ReplacementInflow(later, life, _ => 100_000, 250_000, 40_000)[4], 12);
    }

    [Fact]
    public void Recycling_applies_the_rate_to_scrappage_and_replaced_batteries()
    {
        Assert.Equal(2.4, FleetModel.Recycled(scrappage: 2, replacementOutflow: 1, recyclingRate: 0.8), 15);
        Assert.Equal(0, FleetModel.Recycled(2, 1, 0));
    }

    [Fact]
    public void Scrappage_outflow_of_a_run_is_the_cohort_outflow_of_its_manufacturing_inflow()
    {
        var inputs = FleetModelTests.Inputs;
        var r = FleetModel.Run(inputs, inputs.Scenario("D2"));
        var spec = inputs.Spec(VehicleType.HeavyTruck);
        var life = FleetModel.Survival(spec.MeanLifeYears * r.Parameters.LifeScale, spec.WeibullShape, inputs.MaxAge);
        var inflow = r.Years.Select(y => r.Flow(Flow.VehicleManufacturing, y, VehicleType.HeavyTruck)).ToArray();
        var expected = Cohorts.Outflow(inflow, life, inflow.Length);
        for (var i = 0; i < inflow.Length; i++)
            Assert.Equal(expected[i], r.Flow(Flow.VehicleScrappage, r.Years[i], VehicleType.HeavyTruck), 12);
    }

    [Fact]
    public void Lithium_content_range_spans_the_cathode_stoichiometry()
    {
        // kg Li per kWh = (M_Li / M_cathode) / (practical capacity × voltage); data/README.md shows the calculation.
        Assert.Equal(0.0859, CathodeLithium.KgPerKwh(157.76, 160, 3.2), 4);   // LiFePO4
        Assert.Equal(0.1215, CathodeLithium.KgPerKwh(96.46, 160, 3.7), 4);    // NMC111
        var b = FleetModelTests.Inputs.Bounds("lithium_kg_per_kwh");
        Assert.InRange(CathodeLithium.KgPerKwh(157.76, 160, 3.2), b.Lower, b.Central);
        Assert.InRange(CathodeLithium.KgPerKwh(96.46, 160, 3.7), b.Central - 0.005, b.Upper);
    }

    [Theory]
    [InlineData("LFP", 157.76, 160, 3.2, 0.086)]
    [InlineData("LMO", 180.81, 110, 4.0, 0.087)]
    [InlineData("NMC811", 97.28, 200, 3.7, 0.096)]
    [InlineData("NCA", 96.08, 195, 3.7, 0.100)]
    [InlineData("NMC622", 96.93, 175, 3.7, 0.111)]
    [InlineData("NMC111", 96.46, 160, 3.7, 0.122)]
    public void Cathode_lithium_per_kwh_is_the_value_the_parameter_source_quotes(string cathode, double molarMass, double mahPerG, double volts, double quoted)
    {
        // The calculation of data/README.md, rounded as parameters.csv quotes it in the source of lithium_kg_per_kwh.
        Assert.Equal(quoted, Math.Round(CathodeLithium.KgPerKwh(molarMass, mahPerG, volts), 3, MidpointRounding.AwayFromZero), 10);
        Assert.Contains($"{cathode} {quoted:0.000}", FleetModelTests.Inputs.Bounds("lithium_kg_per_kwh").Source);
        Assert.InRange(CathodeLithium.KgPerKwh(molarMass, mahPerG, volts), FleetModelTests.Inputs.Bounds("lithium_kg_per_kwh").Lower, FleetModelTests.Inputs.Bounds("lithium_kg_per_kwh").Upper);
    }
}
