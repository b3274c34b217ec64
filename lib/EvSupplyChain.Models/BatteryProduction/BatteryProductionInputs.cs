using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.BatteryProduction;

/// <summary>The supply limits of one year (t/yr; separator in the original's non-tonne unit).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Materials">Eligible raw and refined material supply by material name.</param>
/// <param name="CathodeActiveMaterial">Eligible CAM supply by cell chemistry (G ∪ SIB).</param>
/// <param name="GraphiteAam">Graphite anode active material.</param>
/// <param name="SiliconAam">Silicon–graphite anode active material.</param>
/// <param name="SibAam">Sodium-ion anode active material.</param>
/// <param name="Separator">Separator (never binds).</param>
/// <param name="Electrolyte">Li-ion electrolyte.</param>
/// <param name="SibElectrolyte">Na-ion electrolyte.</param>
/// <param name="Cells">Eligible cell supply by chemistry (graphite + silicon variants).</param>
/// <param name="SpecificEnergy">Wh/kg per (vehicle, battery type).</param>
public sealed record YearSupply(int Year, IReadOnlyDictionary<string, double> Materials, IReadOnlyDictionary<string, double> CathodeActiveMaterial,
    double GraphiteAam, double SiliconAam, double SibAam, double Separator, double Electrolyte, double SibElectrolyte,
    IReadOnlyDictionary<string, double> Cells, IReadOnlyDictionary<(string Vehicle, string Battery), double> SpecificEnergy);

/// <summary>
/// The inputs of the battery-production LP, read from the folder <c>data/optimization/</c> (or a user's copy), all tidy
/// long CSVs with one observation per row: material_share.csv (material, vehicle, chemistry, anode, mass_share_t_per_t),
/// mineral_supply.csv and component_supply.csv (year, material|component, eligibility, supply_t), cell_supply.csv
/// (year, chemistry, anode, eligibility, supply_t) and specific_energy.csv (year, vehicle, chemistry, anode,
/// specific_energy_wh_per_kg). Every cell of every row (ineligible rows too) must be valid: names from the model's lists and
/// finite numbers ≥ 0; an empty value is an error (write 0), so no blank can reach the LP as a silent zero or a NaN.
/// </summary>
public sealed class BatteryProductionInputs
{
    private readonly Dictionary<int, YearSupply> _years;

    private BatteryProductionInputs(string folder, IReadOnlyDictionary<(string Material, string Vehicle, string Battery), double> intensity, Dictionary<int, YearSupply> years)
    {
        Folder = folder;
        Intensity = intensity;
        _years = years;
    }

    /// <summary>The folder read.</summary>
    public string Folder { get; }

    /// <summary>t of material per t of battery, by (material row, vehicle, battery type).</summary>
    public IReadOnlyDictionary<(string Material, string Vehicle, string Battery), double> Intensity { get; }

    /// <summary>Years present in every supply file, ascending.</summary>
    public IReadOnlyList<int> Years => [.. _years.Keys.Order()];

    /// <summary>The LP years of the original, 2025–2035.</summary>
    public static IReadOnlyList<int> OriginalYears { get; } = [.. Enumerable.Range(2025, 11)];

    /// <summary>The supply limits of a year; the error lists the years available.</summary>
    public YearSupply Year(int year) => _years.TryGetValue(year, out var s) ? s
        : throw new ArgumentOutOfRangeException(nameof(year), year, $"No supply data for {year}; available years: {string.Join(", ", Years)}.");

    /// <summary>Reads the five CSV files from <paramref name="folder"/>.</summary>
    public static BatteryProductionInputs Load(string folder)
    {
        var pairs = BatteryTypes.Pairs;
        var share = CsvData.Load(Path.Combine(folder, "material_share.csv"), "material", "vehicle", "chemistry", "anode", "mass_share_t_per_t")
            .RequireUniqueKey("material", "vehicle", "chemistry", "anode");
        // The workbook also lists chemistries the LP does not model (NMC95): any name is kept, the numbers are still checked.
        var shareRows = share.Rows.ToDictionary(r => (r.OneOf("material", BatteryTypes.IntensityRows), r.OneOf("vehicle", BatteryTypes.Vehicles), AnyBattery(r)));
        foreach (var r in share.Rows) r.Double("mass_share_t_per_t", min: 0);
        var intensity = new Dictionary<(string, string, string), double>();
        foreach (var material in BatteryTypes.IntensityRows)
            foreach (var (v, b) in pairs)
                intensity[(material, v, b)] = shareRows.TryGetValue((material, v, b), out var row) ? row.Double("mass_share_t_per_t", min: 0)
                    : throw Missing(share.File, "material", $"material '{material}', vehicle '{v}', battery '{b}'");

        var mineral = LoadSupply(folder, "mineral_supply.csv", "material", r => r.OneOf("material", MineralItems));
        var component = LoadSupply(folder, "component_supply.csv", "component", r => r.OneOf("component", ComponentItems));
        var cell = LoadSupply(folder, "cell_supply.csv", "chemistry", Battery, "anode");
        var energyData = CsvData.Load(Path.Combine(folder, "specific_energy.csv"), "year", "vehicle", "chemistry", "anode", "specific_energy_wh_per_kg")
            .RequireRows()
            .RequireUniqueKey("year", "vehicle", "chemistry", "anode");
        foreach (var r in energyData.Rows) SpecificEnergy(r);
        var energy = energyData.Rows.GroupBy(r => r.Int("year", 1900, 2200)).ToDictionary(g => g.Key, g => g.ToDictionary(r => (r.OneOf("vehicle", BatteryTypes.Vehicles), Battery(r))));

        var years = new Dictionary<int, YearSupply>();
        foreach (var (year, m) in mineral.Rows)
        {
            if (!component.Rows.TryGetValue(year, out var c) || !cell.Rows.TryGetValue(year, out var k) || !energy.TryGetValue(year, out var e)) continue;
            var materials = BatteryTypes.RawMaterials.Concat(BatteryTypes.RefinedMaterials).ToDictionary(x => x, x => mineral.Value(year, m, x));
            var cam = BatteryTypes.CellChemistries.ToDictionary(x => x, x => component.Value(year, c, x));
            // A chemistry's cell cap adds its optional silicon-anode row (absent or empty = 0).
            var cells = BatteryTypes.CellChemistries.ToDictionary(x => x, x => cell.Value(year, k, x) + cell.Value(year, k, x + BatteryTypes.SiliconSuffix, optional: true));
            var se = pairs.ToDictionary(p => p, p => e.TryGetValue(p, out var row) ? SpecificEnergy(row)
                : throw Missing(energyData.File, "vehicle", $"year {year}, vehicle '{p.Vehicle}', battery '{p.Battery}'"));
            years[year] = new YearSupply(year, materials, cam,
                component.Value(year, c, "graphite_aam"), component.Value(year, c, "silicon_aam"), component.Value(year, c, "SIB_aam"),
                component.Value(year, c, "separator"), component.Value(year, c, "electrolyte"), component.Value(year, c, "SIB_electrolyte"),
                cells, se);
        }
        if (years.Count == 0)
            throw new DataValidationException(Path.Combine(folder, "mineral_supply.csv"), null, "year", "no year appears in all of mineral_supply.csv, component_supply.csv, cell_supply.csv and specific_energy.csv");
        return new BatteryProductionInputs(folder, intensity, years);
    }

    /// <summary>Battery type name from a row's chemistry and anode (graphite | silicon).</summary>
    private static string Battery(CsvRow r) => Battery(r, r.OneOf("chemistry", BatteryTypes.CellChemistries));

    private static string AnyBattery(CsvRow r) => Battery(r, r.RequiredText("chemistry"));

    private static string Battery(CsvRow r, string chemistry) =>
        chemistry + (r.OneOf("anode", ["graphite", "silicon"]) == "silicon" ? BatteryTypes.SiliconSuffix : "");

    // Energy per kilogram divides masses into GWh: it must be positive.
    private static double SpecificEnergy(CsvRow r)
    {
        var v = r.Double("specific_energy_wh_per_kg", min: 0);
        return v > 0 ? v : throw r.Error("specific_energy_wh_per_kg", "must be greater than 0");
    }

    private static readonly string[] MineralItems = [.. BatteryTypes.RawMaterials, .. BatteryTypes.RefinedMaterials];
    private static readonly string[] ComponentItems =
        [.. BatteryTypes.CellChemistries, "graphite_aam", "silicon_aam", "SIB_aam", "separator", "electrolyte", "SIB_electrolyte"];

    private static DataValidationException Missing(string file, string column, string what) => new(file, null, column, $"no row for {what}");

    /// <summary>The eligible rows of one supply file, by year then item.</summary>
    private sealed record Supply(string File, string ItemColumn, Dictionary<int, Dictionary<string, CsvRow>> Rows)
    {
        public double Value(int year, Dictionary<string, CsvRow> rows, string item, bool optional = false) =>
            rows.TryGetValue(item, out var r) ? r.Double("supply_t", min: 0)
            : optional ? 0 : throw Missing(File, ItemColumn, $"year {year}, eligible '{item}'");
    }

    private static Supply LoadSupply(string folder, string file, string itemColumn, Func<CsvRow, string> item, params string[] extraKey)
    {
        var data = CsvData.Load(Path.Combine(folder, file), ["year", itemColumn, .. extraKey, "eligibility", "supply_t"])
            .RequireRows().RequireUniqueKey(["year", itemColumn, .. extraKey, "eligibility"]);
        // Every row is checked, also the ineligible ones the LP never reads.
        foreach (var r in data.Rows)
        {
            r.Int("year", 1900, 2200);
            item(r);
            r.OneOf("eligibility", ["eligible", "ineligible"]);
            r.Double("supply_t", min: 0);
        }
        var rows = data.Rows.Where(r => r.OneOf("eligibility", ["eligible", "ineligible"]) == "eligible")
            .GroupBy(r => r.Int("year", 1900, 2200)).ToDictionary(g => g.Key, g => g.ToDictionary(item));
        return new Supply(data.File, itemColumn, rows);
    }
}
