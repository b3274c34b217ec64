using EvSupplyChain.Models.VehicleLithium;

namespace EvSupplyChain.Tests.VehicleLithium;

/// <summary>Eqs (7)–(10) on their own: battery sizing, battery lifespan, willingness to replace, survival curves.</summary>
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
            Assert.Equal(range, Physics.Range(bc, 4, 30000, 1.35, 0.85), 9);
            previous = bc;
        }
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
}
