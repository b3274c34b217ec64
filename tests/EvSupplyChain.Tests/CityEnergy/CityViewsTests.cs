using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Tests.CityEnergy;

public class CityViewsTests
{
    private static readonly Lazy<CityEnergyResult> Miami = new(() =>
    {
        var city = CityFixture.City("Miami");
        return CitySimulation.Run(city, CityFixture.ProfilesOf(city), new CityEnergyOptions { Years = 2 });
    });

    [Fact]
    public void Views_have_one_row_per_year_and_the_heatmap_covers_each_hour_of_day()
    {
        var r = Miami.Value;
        Assert.Equal(2, CityEnergyViews.Annual(r).RowCount);
        Assert.Equal(3, CityEnergyViews.Cash(r).RowCount);
        Assert.Equal(2, CityEnergyViews.Fleet(r).RowCount);
        var heat = CityEnergyViews.GridImportHeatmap(r, 1);
        Assert.Equal(24, heat.Data[0]!["z"]!.AsArray().Count);
        Assert.Equal(365, heat.Data[0]!["z"]![0]!.AsArray().Count);
        Assert.Equal(5, CityEnergyViews.SupplyMixWeek(r, 0).Data.Count);
    }

    [Fact]
    public void Out_of_range_view_arguments_name_the_allowed_range()
    {
        var r = Miami.Value;
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => CityEnergyViews.GridImportHeatmap(r, 2)).Message);
        Assert.Contains("[0, 17519]", Assert.Throws<ArgumentOutOfRangeException>(() => CityEnergyViews.SupplyMixWeek(r, -1)).Message);
        Assert.Contains("day 1–359", Assert.Throws<ArgumentOutOfRangeException>(() => CityEnergyViews.ProfileWeek(r.Profiles, 360, "x")).Message);
    }
}

public class CitySummaryTests
{
    [Fact]
    public void Summaries_reusing_the_hourly_buffer_equal_full_runs()
    {
        foreach (var name in new[] { "Seattle", "Houston", "Seattle" })
        {
            var city = CityFixture.City(name);
            var p = CityFixture.ProfilesOf(city);
            var o = new CityEnergyOptions { Profile = ChargingProfile.Smart };
            var full = CitySimulation.Run(city, p, o);
            var summary = CitySimulation.RunSummary(city, p, o);
            Assert.Equal(full.Annual, summary.Annual);
            Assert.Equal(full.Finance.LcoeUsdPerKwh, summary.Finance.LcoeUsdPerKwh);
        }
    }
}
