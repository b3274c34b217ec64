using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>Lifetime triplet of one chemistry: minimum, most likely and maximum age in years.</summary>
public sealed record LifetimeTriplet(double Min, double Mode, double Max);

/// <summary>Recycling capacity of one year (t battery/yr); planned = all announced or advanced-stage projects.</summary>
public sealed record RecyclingCapacity(double Existing, double PlannedAll, double PlannedMature);

/// <summary>
/// Every input of the US supply–demand gap model, as loaded from <c>data/us-supply-chain/</c> (see data/README.md).
/// Keys are the names in <see cref="Catalog"/>. Immutable; the <c>With…</c> methods return modified copies for what-ifs.
/// </summary>
public sealed record UsSupplyChainInputs
{
    /// <summary>EV sales by (year, vehicle), vehicles/yr.</summary>
    public required IReadOnlyDictionary<(int Year, string Vehicle), double> Sales { get; init; }

    /// <summary>Chemistry share of sales by (year, chemistry), fraction; the same for BEV and PHEV.</summary>
    public required IReadOnlyDictionary<(int Year, string Chemistry), double> ChemistryShare { get; init; }

    /// <summary>Battery (cell) mass per vehicle by (year, vehicle, chemistry), t/vehicle.</summary>
    public required IReadOnlyDictionary<(int Year, string Vehicle, string Chemistry), double> BatteryMass { get; init; }

    /// <summary>Graphite share of the Li-ion anode active material by year; the rest is graphite–silicon.</summary>
    public required IReadOnlyDictionary<int, double> GraphiteShare { get; init; }

    /// <summary>Component mass per battery mass by (component, vehicle, chemistry), t/t; absent = 0.</summary>
    public required IReadOnlyDictionary<(string Component, string Vehicle, string Chemistry), double> ComponentIntensity { get; init; }

    /// <summary>Refined chemical per CAM by (chemistry, refined), t/t; includes <see cref="Catalog.LfpSecondColumn"/>.</summary>
    public required IReadOnlyDictionary<(string Chemistry, string Refined), double> RefinedIntensity { get; init; }

    /// <summary>Raw material per refined product by (mineral, product), t/t.</summary>
    public required IReadOnlyDictionary<(string Mineral, string Product), double> RawIntensity { get; init; }

    /// <summary>Share of the available end-of-life stock recycled, by year.</summary>
    public required IReadOnlyDictionary<int, double> RecyclingRate { get; init; }

    /// <summary>US recycling capacity by year (missing years have none).</summary>
    public required IReadOnlyDictionary<int, RecyclingCapacity> RecyclingCapacity { get; init; }

    /// <summary>Whether recycled mass is capped by capacity.</summary>
    public required bool UseCapacityLimit { get; init; }

    /// <summary>Share of recycled mass per route (pyro, hydro, direct).</summary>
    public required IReadOnlyDictionary<string, double> RoutePortion { get; init; }

    /// <summary>Recovered output per recycled battery mass by (route, output, chemistry), t/t.</summary>
    public required IReadOnlyDictionary<(string Route, string Output, string Chemistry), double> RecyclingYield { get; init; }

    /// <summary>Lifetime triplets by chemistry.</summary>
    public required IReadOnlyDictionary<string, LifetimeTriplet> Lifetime { get; init; }

    /// <summary>Existing production (US) or historical average imports, by (year, row, region), t/yr.</summary>
    public required IReadOnlyDictionary<(int Year, string Item, string Region), double> ExistingSupply { get; init; }

    /// <summary>Planned projects by (year, row, region, stage), t/yr.</summary>
    public required IReadOnlyDictionary<(int Year, string Item, string Region, string Stage), double> PlannedSupply { get; init; }

    /// <summary>Years with sales and chemistry shares: the years demand is computed for (contiguous).</summary>
    public IReadOnlyList<int> DemandYears
    {
        get
        {
            var sales = Sales.Keys.Select(k => k.Year).ToHashSet();
            return ChemistryShare.Keys.Select(k => k.Year).Where(sales.Contains).Distinct().Order().ToArray();
        }
    }

    /// <summary>The reporting years every input covers (demand, anode split, recycling, supply).</summary>
    public IReadOnlyList<int> ReportingYears
    {
        get
        {
            var supply = ExistingSupply.Keys.Select(k => k.Year).ToHashSet();
            return DemandYears.Where(y => GraphiteShare.ContainsKey(y) && RecyclingRate.ContainsKey(y) && supply.Contains(y)).ToArray();
        }
    }

    /// <summary>Loads <c>data/us-supply-chain/</c>; any invalid cell raises a <see cref="DataValidationException"/>.</summary>
    public static UsSupplyChainInputs Load(string folder) => UsSupplyChainLoader.Load(folder);

    /// <summary>
    /// Adds <paramref name="percentagePoints"/> to one chemistry's share from <paramref name="fromYear"/> on and scales the
    /// other chemistries down proportionally, so each year still sums to 1.
    /// </summary>
    public UsSupplyChainInputs WithChemistryShift(string chemistry, double percentagePoints, int fromYear)
    {
        if (!Catalog.Chemistries.Contains(chemistry))
            throw new ArgumentOutOfRangeException(nameof(chemistry), chemistry, $"chemistry must be one of {string.Join(", ", Catalog.Chemistries)}");
        var shares = new Dictionary<(int, string), double>(ChemistryShare);
        foreach (var year in ChemistryShare.Keys.Select(k => k.Year).Distinct().Where(y => y >= fromYear))
        {
            var current = ChemistryShare.GetValueOrDefault((year, chemistry));
            var target = current + percentagePoints / 100.0;
            if (target is < 0 or > 1)
                throw new ArgumentOutOfRangeException(nameof(percentagePoints), percentagePoints,
                    $"{chemistry} share in {year} would be {target:0.###}; the shift must keep it within [0, 1]");
            var others = 1 - current;
            foreach (var k in Catalog.Chemistries)
                shares[(year, k)] = k == chemistry ? target
                    : others > 0 ? ChemistryShare.GetValueOrDefault((year, k)) * (1 - target) / others : 0;
        }
        return this with { ChemistryShare = shares };
    }

    /// <summary>Sets the recycling rate to <paramref name="rate"/> (0–1) from <paramref name="fromYear"/> on.</summary>
    public UsSupplyChainInputs WithRecyclingRate(double rate, int fromYear)
    {
        if (!(rate is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate must be within [0, 1]");
        var rates = RecyclingRate.ToDictionary(kv => kv.Key, kv => kv.Key >= fromYear ? rate : kv.Value);
        return this with { RecyclingRate = rates };
    }
}
