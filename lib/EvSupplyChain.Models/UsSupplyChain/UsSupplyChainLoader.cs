using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>Reads and validates the CSV files of <c>data/us-supply-chain/</c>.</summary>
internal static class UsSupplyChainLoader
{
    private const double ShareTolerance = 1e-6;
    private static readonly string[] Anodes = ["graphite", "graphite-silicon"];
    private static readonly string[] Settings = ["use_capacity_limit"];

    public static UsSupplyChainInputs Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The US supply-chain data folder '{folder}' does not exist.");
        string F(string name) => Path.Combine(folder, name);

        var sales = Load(F("ev_sales.csv"), ["year", "vehicle"], "sales")
            .ToDictionary(r => (r.Int("year", 1900, 2200), r.OneOf("vehicle", Catalog.Vehicles)), r => r.NonNegative("sales"));

        var shareData = Load(F("chemistry_share.csv"), ["year", "chemistry"], "share");
        var shares = shareData.Rows.ToDictionary(r => (r.Int("year", 1900, 2200), r.OneOf("chemistry", Catalog.Chemistries)), r => r.Share("share"));
        shareData.RequireSharesSumToOne("share", ShareTolerance, "year");

        var mass = Load(F("battery_mass.csv"), ["year", "vehicle", "chemistry"], "mass_t_per_vehicle")
            .ToDictionary(r => (r.Int("year", 1900, 2200), r.OneOf("vehicle", Catalog.Vehicles), r.OneOf("chemistry", Catalog.Chemistries)),
                r => r.NonNegative("mass_t_per_vehicle"));

        // Long form (year, anode, share); the model reads the graphite rows, the rest of the anode is graphite–silicon.
        var graphite = Load(F("anode_share.csv"), ["year", "anode"], "share").Rows
            .Where(r => r.OneOf("anode", Anodes) == "graphite")
            .ToDictionary(r => r.Int("year", 1900, 2200), r => r.Share("share"));

        // Intensity tables list every key, zeros written as 0, so a truncated file is an error rather than "not applicable".
        var components = Load(F("component_intensity.csv"), ["component", "vehicle", "chemistry"], "t_per_t_battery")
            .Complete(["component", "vehicle", "chemistry"], Catalog.Components, Catalog.Vehicles, Catalog.Chemistries)
            .ToDictionary(r => (r.OneOf("component", Catalog.Components), r.OneOf("vehicle", Catalog.Vehicles), r.OneOf("chemistry", Catalog.Chemistries)),
                r => r.Double("t_per_t_battery", 0, 1));

        var refinedChemistries = Catalog.Chemistries.Append(Catalog.LfpSecondColumn).ToArray();
        var refined = Load(F("refined_intensity.csv"), ["chemistry", "refined"], "t_per_t_cam")
            .Complete(["chemistry", "refined"], [.. Catalog.LithiumIonChemistries, Catalog.LfpSecondColumn], Catalog.RefinedChemicals)
            .ToDictionary(r => (r.OneOf("chemistry", refinedChemistries), r.OneOf("refined", Catalog.RefinedChemicals)), r => r.NonNegative("t_per_t_cam"));

        var raw = Load(F("raw_intensity.csv"), ["mineral", "product"], "t_per_t_product")
            .RequireKeys(["mineral", "product"], RawPairs)
            .ToDictionary(r => (r.RequiredText("mineral"), r.RequiredText("product")), r => r.NonNegative("t_per_t_product"));

        var rate = Load(F("recycling_rate.csv"), ["year"], "recycling_rate").RequireRows()
            .ToDictionary(r => r.Int("year", 1900, 2200), r => r.Share("recycling_rate"));

        var capacity = Load(F("recycling_capacity.csv"), ["year"], "existing_t", "planned_all_t", "planned_mature_t")
            .RequireKeys(["year"], rate.Keys.Order().Select(y => new[] { Year(y) }))
            .ToDictionary(r => r.Int("year", 1900, 2200), r => new RecyclingCapacity(
                r.NonNegative("existing_t"), r.NonNegative("planned_all_t"), r.NonNegative("planned_mature_t")));

        var settings = Load(F("recycling_settings.csv"), ["setting"], "value");
        var limitRow = settings.Rows.FirstOrDefault(r => r.OneOf("setting", Settings) == "use_capacity_limit")
            ?? throw new DataValidationException(settings.File, null, "setting", "no row for setting use_capacity_limit");
        var useLimit = limitRow.Int("value", 0, 1) == 1;

        var routeData = Load(F("recycling_routes.csv"), ["route"], "portion").Complete(["route"], Catalog.Routes);
        var routes = routeData.Rows.ToDictionary(r => r.OneOf("route", Catalog.Routes), r => r.Share("portion"));
        routeData.RequireSharesSumToOne("portion", ShareTolerance);

        var yields = Load(F("recycling_yield.csv"), ["route", "output", "chemistry"], "t_per_t_battery")
            .Complete(["route", "output", "chemistry"], Catalog.Routes, Catalog.RecyclingOutputs, Catalog.Chemistries)
            .ToDictionary(r => (r.OneOf("route", Catalog.Routes), r.OneOf("output", Catalog.RecyclingOutputs), r.OneOf("chemistry", Catalog.Chemistries)),
                r => r.NonNegative("t_per_t_battery"));

        var lifetime = Load(F("lifetime.csv"), ["chemistry"], "min_years", "mode_years", "max_years").ToDictionary(r => r.OneOf("chemistry", Catalog.Chemistries), r =>
        {
            var min = r.Int("min_years", 0, 100);
            var mode = r.Double("mode_years", min, 100);
            var max = r.Double("max_years", mode, 100);
            if (!(mode > min && max > mode)) throw r.Error("mode_years", $"need min < mode < max, got {min}, {mode}, {max}");
            return new LifetimeTriplet(min, mode, max);
        });
        foreach (var k in Catalog.Chemistries)
            if (!lifetime.ContainsKey(k)) throw new DataValidationException(F("lifetime.csv"), null, "chemistry", $"no lifetime for chemistry {k}");

        // Supply rows are keyed by their source column too (several source columns may feed one item and add up); an
        // identical row is a duplicate, and every year lists the same keys, so a truncated year is an error.
        var items = Catalog.Rows.ToArray();
        string[] existingKey = ["year", "item", "region", "source"], plannedKey = ["year", "item", "region", "stage", "source"];
        var existingData = Load(F("existing_supply.csv"), existingKey, "quantity_t").RequireRows();
        var existing = Sum(existingData.Rows,
            r => (r.Int("year", 1900, 2200), r.OneOf("item", items), r.OneOf("region", Catalog.Regions)), r => r.NonNegative("quantity_t"));
        existingData.SameKeysEveryYear(existingKey);
        var plannedData = Load(F("planned_supply.csv"), plannedKey, "quantity_t").RequireRows();
        var planned = Sum(plannedData.Rows,
            r => (r.Int("year", 1900, 2200), r.OneOf("item", items), r.OneOf("region", Catalog.PlannedRegions), r.OneOf("stage", Catalog.Stages)),
            r => r.NonNegative("quantity_t"));
        plannedData.SameKeysEveryYear(plannedKey);
        plannedData.RequireKeys(["year"], existing.Keys.Select(k => k.Item1).Distinct().Order().Select(y => new[] { Year(y) }));
        RequireCoverage(F, sales, shares, graphite, rate, existing);

        return new UsSupplyChainInputs
        {
            Sales = sales, ChemistryShare = shares, BatteryMass = mass, GraphiteShare = graphite, ComponentIntensity = components,
            RefinedIntensity = refined, RawIntensity = raw, RecyclingRate = rate, RecyclingCapacity = capacity, UseCapacityLimit = useLimit,
            RoutePortion = routes, RecyclingYield = yields, Lifetime = lifetime, ExistingSupply = existing, PlannedSupply = planned,
        };
    }

    private static readonly IReadOnlyList<string>[] RawPairs =
    [
        ["Bauxite", "Aluminum hydroxide"], ["Cobalt", "Cobalt sulfate"], ["Natural graphite", "Graphite AAM"], ["Synthetic graphite", "Graphite AAM"],
        ["Lithium ore", "Lithium hydroxide"], ["Lithium ore", "Lithium carbonate"], ["Lithium brine", "Lithium carbonate"],
        ["Manganese", "Manganese sulfate"], ["Nickel", "Nickel sulfate"],
    ];

    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Every combination of the key domains must have a row.
    private static CsvData Complete(this CsvData data, string[] keys, params IReadOnlyList<string>[] domains)
    {
        IEnumerable<IReadOnlyList<string>> combos = [[]];
        foreach (var domain in domains) combos = combos.SelectMany(c => domain.Select(v => (IReadOnlyList<string>)[.. c, v]));
        return data.RequireKeys(keys, combos);
    }

    private static void SameKeysEveryYear(this CsvData data, string[] key)
    {
        var rest = key[1..];
        var perYear = data.Rows.GroupBy(r => r.Text("year")).ToArray();
        var all = perYear.SelectMany(g => g.Select(r => rest.Select(r.Text).ToArray())).DistinctBy(k => string.Join("\u001f", k), StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var year in perYear)
            data.RequireKeys(key, all.Select(k => (IReadOnlyList<string>)[year.Key, .. k]));
    }

    // The gap table needs a year that sales, shares, anode split, recycling rate and supply all cover: name the file that misses it.
    private static void RequireCoverage(Func<string, string> file, Dictionary<(int, string), double> sales, Dictionary<(int, string), double> shares,
        Dictionary<int, double> graphite, Dictionary<int, double> rate, Dictionary<(int, string, string), double> existing)
    {
        var years = sales.Keys.Select(k => k.Item1).ToHashSet();
        var steps = new (string File, IEnumerable<int> Years)[]
        {
            ("chemistry_share.csv", shares.Keys.Select(k => k.Item1)), ("anode_share.csv", graphite.Keys),
            ("recycling_rate.csv", rate.Keys), ("existing_supply.csv", existing.Keys.Select(k => k.Item1)),
        };
        var covered = years.Order().ToArray();
        foreach (var (name, fileYears) in steps)
        {
            var before = covered;
            covered = before.Intersect(fileYears).ToArray();
            if (covered.Length == 0)
                throw new DataValidationException(file(name), null, "year",
                    before.Length == 0 ? "no data rows" : $"no row for any year the earlier inputs cover ({before[0]}–{before[^1]}), so no reporting year is left");
        }
    }

    private static CsvData Load(string path, string[] keys, params string[] values)
    {
        var data = CsvData.Load(path, [.. keys, .. values]);
        if (keys.Length > 0) data.RequireUniqueKey(keys);
        return data;
    }

    private static Dictionary<TKey, TValue> ToDictionary<TKey, TValue>(this CsvData data, Func<CsvRow, TKey> key, Func<CsvRow, TValue> value) where TKey : notnull =>
        data.Rows.ToDictionary(key, value);

    // Several source columns may feed one row (e.g. the per-chemistry US electrolyte columns): they add up.
    private static Dictionary<TKey, double> Sum<TKey>(IEnumerable<CsvRow> rows, Func<CsvRow, TKey> key, Func<CsvRow, double> value) where TKey : notnull
    {
        var result = new Dictionary<TKey, double>();
        foreach (var row in rows)
        {
            var k = key(row);
            result[k] = result.GetValueOrDefault(k) + value(row);
        }
        return result;
    }
}
