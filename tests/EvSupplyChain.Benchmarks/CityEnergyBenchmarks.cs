using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.CityEnergy;

namespace EvSupplyChain.Benchmarks;

/// <summary>City energy balance: one city for 10 years hourly, and 100 cities on all cores.</summary>
[MemoryDiagnoser]
public class CityEnergyBenchmarks
{
    private City _phoenix = null!;
    private HourlyProfiles _profiles = null!;
    private (City City, HourlyProfiles Profiles)[] _hundred = [];

    /// <summary>Loads the cities and generates their profiles once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var catalog = CityCatalog.Load(BenchPaths.Data);
        _phoenix = catalog.Get("Phoenix");
        _profiles = ClimateProfiles.Generate(_phoenix);
        // 100 runs: the 12 cities with ten seeds each, cut to 100.
        _hundred = catalog.Cities.SelectMany(c => Enumerable.Range(0, 10).Select(s => (c, ClimateProfiles.Generate(c, (ulong)s)))).Take(100).ToArray();
    }

    /// <summary>Phoenix, 2025–2034 hourly (87,648 steps): demand, dispatch, yearly totals, finance.</summary>
    [Benchmark]
    public double OneCityTenYears() => CitySimulation.Run(_phoenix, _profiles, new CityEnergyOptions()).Finance.LcoeUsdPerKwh;

    /// <summary>The same with the smart profile.</summary>
    [Benchmark]
    public double OneCityTenYearsSmart() => CitySimulation.Run(_phoenix, _profiles, new CityEnergyOptions { Profile = ChargingProfile.Smart }).Finance.LcoeUsdPerKwh;

    /// <summary>Phoenix, 10 years, yearly results only (hourly flows in a reused buffer).</summary>
    [Benchmark]
    public double OneCityTenYearsSummary() => CitySimulation.RunSummary(_phoenix, _profiles, new CityEnergyOptions()).Finance.LcoeUsdPerKwh;

    /// <summary>Generating one city's typical-year profiles (solar, wind with the capacity-factor bisection, temperature).</summary>
    [Benchmark]
    public double GenerateProfiles() => ClimateProfiles.Generate(_phoenix, 7).WindAnnualCf;

    /// <summary>100 city runs of 10 years in parallel on all cores, keeping every hourly series.</summary>
    [Benchmark]
    public double HundredCitiesParallel()
    {
        var lcoe = new double[_hundred.Length];
        Parallel.For(0, _hundred.Length, i => lcoe[i] = CitySimulation.Run(_hundred[i].City, _hundred[i].Profiles, new CityEnergyOptions()).Finance.LcoeUsdPerKwh);
        return lcoe.Sum();
    }

    /// <summary>100 city runs of 10 years in parallel, yearly results only.</summary>
    [Benchmark]
    public double HundredCitiesParallelSummary()
    {
        var lcoe = new double[_hundred.Length];
        Parallel.For(0, _hundred.Length, i => lcoe[i] = CitySimulation.RunSummary(_hundred[i].City, _hundred[i].Profiles, new CityEnergyOptions()).Finance.LcoeUsdPerKwh);
        return lcoe.Sum();
    }
}
