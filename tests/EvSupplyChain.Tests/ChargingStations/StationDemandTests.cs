using EvSupplyChain.Models.ChargingStations;
using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Tests.ChargingStations;

public class StationDemandTests
{
    private static readonly Lazy<CityEnergyResult> Alpine = new(() => CitySimulation.Run(CityCatalog.Load(TestPaths.Data).Get("Alpine")));

    [Fact]
    public void Station_sells_its_share_of_the_city_energy_each_year()
    {
        var city = Alpine.Value;
        var rural = StationData.Load(TestPaths.Data).Site("rural") with { MaxUtilisation = 1 };
        const double share = 0.05;
        var p = StationDemand.FromCityEnergy(rural, city, share);
        var r = StationModel.Evaluate(p);
        for (var y = 0; y < city.Annual.Count; y++)
            StationModelTests.Close(share * city.Annual[y].ServedMwh * 1000, r.Years[y + 1].DeliveredKwh, 1e-12);
        // Past the simulated years demand grows at the city's fleet growth.
        var last = city.Annual.Count;
        StationModelTests.Close(r.Years[last].DeliveredKwh * (1 + city.Options.FleetGrowth), r.Years[last + 1].DeliveredKwh, 1e-12);
        var gridKwh = city.Annual.Sum(y => y.GridToEvMwh + y.GridToStorageMwh) * 1000;
        StationModelTests.Close(city.Annual.Sum(y => y.GridCostUsd) / gridKwh, p.ElectricityPrice, 1e-12);
        Assert.Contains("Alpine", p.Site);
    }

    [Fact]
    public void Too_large_a_share_names_the_parameter_and_its_range()
    {
        // One 7 kW charger delivers at most 61,320 kWh a year, less than the town's EV charging.
        var rural = StationData.Load(TestPaths.Data).Site("rural") with { Chargers = [new ChargerGroup("Level 2", 1, 7, 6000, 10, 400)] };
        Assert.True(Alpine.Value.Annual[0].ServedMwh * 1000 > 7 * 8760);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StationDemand.FromCityEnergy(rural, Alpine.Value, 1.0));
        Assert.StartsWith("capturedShare = 1 asks", e.Message);
        Assert.Contains("allowed range for this city and station is [0, ", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => StationDemand.FromCityEnergy(rural, Alpine.Value, -0.1));
    }
}
