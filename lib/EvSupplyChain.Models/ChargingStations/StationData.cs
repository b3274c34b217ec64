using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.ChargingStations;

/// <summary>A sensitivity driver: a parameter scaled by a low and a high factor (tornado), drawn from a triangular
/// distribution on [low, high] with mode 1 (Monte Carlo).</summary>
/// <param name="Name">Label, e.g. "Charging price".</param>
/// <param name="Parameter">Station parameter key.</param>
/// <param name="LowFactor">Low multiplier (≤ 1).</param>
/// <param name="HighFactor">High multiplier (≥ 1).</param>
public sealed record StationDriver(string Name, string Parameter, double LowFactor, double HighFactor);

/// <summary>One change a support option makes: set a parameter, or scale it.</summary>
/// <param name="Parameter">Station parameter key.</param>
/// <param name="Scale">True: multiply the current value; false: set it.</param>
/// <param name="Value">The value or factor.</param>
public sealed record PolicyChange(string Parameter, bool Scale, double Value);

/// <summary>A support option (e.g. a tax credit) as a list of parameter changes.</summary>
/// <param name="Name">Label.</param>
/// <param name="Changes">What it changes.</param>
public sealed record PolicyOption(string Name, IReadOnlyList<PolicyChange> Changes)
{
    /// <summary>The parameters with this option applied (values clamped to each parameter's allowed range).</summary>
    public StationParameters Apply(StationParameters p)
    {
        foreach (var c in Changes)
        {
            var spec = StationParameterSpec.Get(c.Parameter);
            var v = c.Scale ? spec.Read(p) * c.Value : c.Value;
            p = spec.Set(p, Math.Clamp(v, spec.Min, spec.Max));
        }
        return p;
    }
}

/// <summary>
/// Reads the station inputs from a data folder (data/charging-stations/ by default): presets.csv (one row per
/// parameter key, one column per site), chargers.csv, drivers.csv and policies.csv. Every bad cell fails with file,
/// line, column and the allowed range.
/// </summary>
public sealed class StationData
{
    /// <summary>Folder name under data/.</summary>
    public const string FolderName = "charging-stations";

    private static readonly string[] NonSiteColumns = ["parameter", "unit", "source"];
    private readonly Dictionary<string, StationParameters> _sites;

    private StationData(Dictionary<string, StationParameters> sites, IReadOnlyList<StationDriver> drivers, IReadOnlyList<PolicyOption> policies)
    {
        _sites = sites;
        Drivers = drivers;
        Policies = policies;
    }

    /// <summary>Site names in file order.</summary>
    public IReadOnlyList<string> Sites => [.. _sites.Keys];

    /// <summary>The sensitivity drivers.</summary>
    public IReadOnlyList<StationDriver> Drivers { get; }

    /// <summary>The support options to compare.</summary>
    public IReadOnlyList<PolicyOption> Policies { get; }

    /// <summary>The preset of one site; unknown names fail listing the known ones.</summary>
    public StationParameters Site(string name) =>
        _sites.TryGetValue(name, out var p) ? p
            : throw new ArgumentException($"Unknown site '{name}'. Sites in presets.csv: {string.Join(", ", _sites.Keys)}.", nameof(name));

    /// <summary>Loads the folder; <paramref name="path"/> as for <see cref="DataFolder.Analysis"/> (null = the project's data/).</summary>
    public static StationData Load(string? path = null)
    {
        var folder = DataFolder.Analysis(FolderName, path);
        var chargers = LoadChargers(Path.Combine(folder, "chargers.csv"));
        // Every parameter has a row (an empty cell keeps the model default), so a truncated presets.csv is an error.
        var presets = CsvData.Load(Path.Combine(folder, "presets.csv"), "parameter").RequireUniqueKey("parameter");
        foreach (var row in presets.Rows)
        {
            var key = row.RequiredText("parameter");
            if (!StationParameterSpec.Exists(key))
                throw row.Error("parameter", $"unknown parameter '{key}' (known: {string.Join(", ", StationParameterSpec.All.Select(s => s.Key))})");
        }
        presets.RequireKeys(["parameter"], StationParameterSpec.All.Select(s => new[] { s.Key }));
        var siteNames = presets.Header.Where(h => !NonSiteColumns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (siteNames.Length == 0)
            throw new DataValidationException(presets.File, 1, null, "no site columns (expected e.g. parameter,unit,urban,rural,source)");
        var chargerSites = chargers.Select(c => c.Site).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var c in chargers)
            if (!siteNames.Contains(c.Site, StringComparer.OrdinalIgnoreCase))
                throw new DataValidationException(presets.File, 1, null,
                    $"no column for site '{c.Site}', which chargers.csv line {c.Line} uses (site columns: {string.Join(", ", siteNames)})");
        var sites = new Dictionary<string, StationParameters>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in siteNames)
        {
            var p = new StationParameters { Site = site };
            foreach (var row in presets.Rows)
            {
                var spec = StationParameterSpec.Get(row.Text("parameter"));
                if (row.IsEmpty(site)) continue; // keep the default
                var value = spec.IsWholeNumber ? row.Int(site, (int)spec.Min, (int)spec.Max) : row.Double(site, spec.Min, spec.Max);
                p = spec.Set(p, value);
            }
            var group = chargers.Where(c => string.Equals(c.Site, site, StringComparison.OrdinalIgnoreCase)).Select(c => c.Group).ToArray();
            if (group.Length == 0)
                throw new DataValidationException(presets.File, 1, site,
                    $"site column '{site}' has no chargers in chargers.csv (sites there: {string.Join(", ", chargerSites)})");
            sites[site] = (p with { Chargers = group }).Validate();
        }
        return new StationData(sites, LoadDrivers(Path.Combine(folder, "drivers.csv")), LoadPolicies(Path.Combine(folder, "policies.csv")));
    }

    private static List<(string Site, int Line, ChargerGroup Group)> LoadChargers(string file)
    {
        var csv = CsvData.Load(file, "site", "type", "count", "power_kw", "cost_per_charger_usd", "lifetime_years", "om_per_charger_usd_year")
            .RequireRows().RequireUniqueKey("site", "type");
        return csv.Rows.Select(r => (r.RequiredText("site"), r.Line, new ChargerGroup(r.RequiredText("type"), r.Int("count", 0, 1000),
            r.Double("power_kw", 0, 2000), r.Double("cost_per_charger_usd", 0, 10_000_000), r.Int("lifetime_years", 1, 60),
            r.Double("om_per_charger_usd_year", 0, 1_000_000)))).ToList();
    }

    private static List<StationDriver> LoadDrivers(string file)
    {
        var csv = CsvData.Load(file, "driver", "parameter", "low_factor", "high_factor").RequireRows().RequireUniqueKey("driver");
        return csv.Rows.Select(r =>
        {
            var key = r.RequiredText("parameter");
            if (!StationParameterSpec.Exists(key)) throw r.Error("parameter", $"unknown parameter '{key}'");
            return new StationDriver(r.RequiredText("driver"), key, r.Double("low_factor", 0, 1), r.Double("high_factor", 1, 100));
        }).ToList();
    }

    private static List<PolicyOption> LoadPolicies(string file)
    {
        var csv = CsvData.Load(file, "option", "parameter", "mode", "value").RequireRows().RequireUniqueKey("option", "parameter");
        var options = new List<PolicyOption>();
        foreach (var group in csv.Rows.GroupBy(r => r.RequiredText("option")))
        {
            var changes = new List<PolicyChange>();
            foreach (var r in group)
            {
                var key = r.Text("parameter");
                if (key.Length == 0) continue; // an option with no change (the baseline)
                if (!StationParameterSpec.Exists(key)) throw r.Error("parameter", $"unknown parameter '{key}'");
                var scale = r.OneOf("mode", ["set", "scale"]) == "scale";
                var spec = StationParameterSpec.Get(key);
                changes.Add(new PolicyChange(key, scale, scale ? r.Double("value", 0, 100) : r.Double("value", spec.Min, spec.Max)));
            }
            options.Add(new PolicyOption(group.Key, changes));
        }
        return options;
    }
}
