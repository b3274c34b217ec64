using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Tests.CityEnergy;

/// <summary>The project's city catalog and generated profiles, loaded once.</summary>
public static class CityFixture
{
    private static readonly Lazy<CityCatalog> LazyCatalog = new(() => CityCatalog.Load(TestPaths.Data));
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HourlyProfiles> Profiles = new();

    /// <summary>data/city-energy.</summary>
    public static CityCatalog Catalog => LazyCatalog.Value;

    /// <summary>A city by name.</summary>
    public static City City(string name) => Catalog.Get(name);

    /// <summary>Generated profiles (seed 2025) of a city.</summary>
    public static HourlyProfiles ProfilesOf(City city) => Profiles.GetOrAdd(city.Name, _ => ClimateProfiles.Generate(city));

    /// <summary>A small made-up city for hand-computed cases.</summary>
    public static City Toy(params CapacityPoint[] capacity) => new("Toy", "XX", Settlement.Urban, 35, 100_000, 15, 10, 5, 0.7, 0.3,
        10, 0, 0, capacity.Length > 0 ? capacity : [new CapacityPoint(2025, 1, 1)]);
}
