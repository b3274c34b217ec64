using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.CityEnergy;

/// <summary>
/// Loads the cities (<c>cities.csv</c>) and their renewable capacity paths (<c>capacity.csv</c>) from a
/// <c>city-energy</c> data folder, validating every cell.
/// </summary>
public sealed class CityCatalog
{
    /// <summary>File with one row per city.</summary>
    public const string CitiesFile = "cities.csv";

    /// <summary>File with one row per city and capacity year.</summary>
    public const string CapacityFile = "capacity.csv";

    private CityCatalog(IReadOnlyList<City> cities) => Cities = cities;

    /// <summary>Cities in file order.</summary>
    public IReadOnlyList<City> Cities { get; }

    /// <summary>Loads the catalog from the project data folder (or <paramref name="dataPath"/>: a data folder or a city-energy folder).</summary>
    public static CityCatalog Load(string? dataPath = null) => LoadFolder(DataFolder.Analysis("city-energy", dataPath));

    /// <summary>Loads <c>cities.csv</c> and <c>capacity.csv</c> from <paramref name="folder"/>.</summary>
    public static CityCatalog LoadFolder(string folder)
    {
        var capacity = ReadCapacity(Path.Combine(folder, CapacityFile));
        var file = Path.Combine(folder, CitiesFile);
        var data = CsvData.Load(file, "city", "state", "settlement", "latitude_deg", "population", "mean_temp_c",
            "seasonal_amplitude_k", "daily_amplitude_k", "mean_clearness", "wind_capacity_factor", "grid_import_mw",
            "storage_mwh", "storage_mw").RequireRows().RequireUniqueKey("city");
        var cities = new List<City>();
        foreach (var row in data.Rows)
        {
            var name = row.RequiredText("city");
            if (!capacity.TryGetValue(name.ToUpperInvariant(), out var path))
                throw row.Error("city", $"'{name}' has no rows in {CapacityFile}");
            cities.Add(new City(
                name,
                row.RequiredText("state"),
                row.Enum<Settlement>("settlement"),
                row.Double("latitude_deg", -66, 66),
                row.Double("population", 1, 5e7),
                row.Double("mean_temp_c", -30, 40),
                row.Double("seasonal_amplitude_k", 0, 30),
                row.Double("daily_amplitude_k", 0, 20),
                row.Double("mean_clearness", 0.2, 0.95),
                row.Double("wind_capacity_factor", 0.05, 0.6),
                row.Double("grid_import_mw", 0, 1e6),
                row.Double("storage_mwh", 0, 1e6),
                row.Double("storage_mw", 0, 1e6),
                path.Points));
        }
        if (cities.Count == 0) throw new DataValidationException(file, null, null, "the file has no cities");
        var unknown = capacity.Keys.Except(cities.Select(c => c.Name.ToUpperInvariant())).FirstOrDefault();
        if (unknown is not null)
            throw new DataValidationException(Path.Combine(folder, CapacityFile), null, "city", $"'{capacity[unknown].Name}' is not in {CitiesFile}");
        return new CityCatalog(cities);
    }

    /// <summary>The city with this name (case-insensitive); the error lists the known names.</summary>
    public City Get(string name) =>
        Cities.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown city '{name}'. Known cities: {string.Join(", ", Cities.Select(c => c.Name))}.", nameof(name));

    private static Dictionary<string, (string Name, CapacityPoint[] Points)> ReadCapacity(string file)
    {
        var data = CsvData.Load(file, "city", "year", "solar_mw", "wind_mw").RequireRows().RequireUniqueKey("city", "year");
        var byCity = new Dictionary<string, List<(CapacityPoint Point, string Name)>>();
        foreach (var row in data.Rows)
        {
            var name = row.RequiredText("city");
            var point = new CapacityPoint(row.Int("year", 2000, 2100), row.Double("solar_mw", 0, 1e6), row.Double("wind_mw", 0, 1e6));
            var key = name.ToUpperInvariant();
            if (!byCity.TryGetValue(key, out var list)) byCity[key] = list = [];
            list.Add((point, name));
        }
        return byCity.ToDictionary(kv => kv.Key, kv => (kv.Value[0].Name, kv.Value.Select(p => p.Point).OrderBy(p => p.Year).ToArray()));
    }
}
