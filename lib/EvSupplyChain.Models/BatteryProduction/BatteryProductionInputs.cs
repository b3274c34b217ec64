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
/// The inputs of the battery-production LP, read from the folder <c>data/optimization/</c> (or a user's copy):
/// material_share.csv, mineral_supply.csv, component_supply.csv, cell_supply.csv and specific_energy.csv.
/// Empty cells count as 0, as in the original; every other value must be a finite number ≥ 0.
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
        var share = CsvData.Load(Path.Combine(folder, "material_share.csv"), ["material", .. pairs.Select(p => $"{p.Vehicle}_{p.Battery}")]);
        share.RequireUniqueKey("material");
        var intensity = new Dictionary<(string, string, string), double>();
        foreach (var material in BatteryTypes.IntensityRows)
        {
            var row = share.Rows.FirstOrDefault(r => r.Text("material") == material)
                ?? throw new DataValidationException(share.File, null, "material", $"no row for material '{material}' (needed rows: {string.Join(", ", BatteryTypes.IntensityRows)})");
            foreach (var (v, b) in pairs) intensity[(material, v, b)] = row.DoubleOr($"{v}_{b}", 0.0, min: 0);
        }

        var mineral = Load(folder, "mineral_supply.csv", [.. BatteryTypes.RawMaterials.Concat(BatteryTypes.RefinedMaterials).Select(m => m + "_eligible")]);
        string[] componentColumns = [.. BatteryTypes.CellChemistries.Select(k => k + "_eligible"), "graphite_aam_eligible", "silicon_aam_eligible",
            "SIB_aam_eligible", "separator_eligible", "electrolyte_eligible", "SIB_electrolyte_eligible"];
        var component = Load(folder, "component_supply.csv", componentColumns);
        var cell = Load(folder, "cell_supply.csv", [.. BatteryTypes.CellChemistries.Select(k => k + "_cell_eligible")], out var cellHeader);
        var energy = Load(folder, "specific_energy.csv", [.. pairs.Select(p => $"{p.Vehicle}_{p.Battery}_specificenergy")]);

        var years = new Dictionary<int, YearSupply>();
        foreach (var (year, m) in mineral)
        {
            if (!component.TryGetValue(year, out var c) || !cell.TryGetValue(year, out var k) || !energy.TryGetValue(year, out var e)) continue;
            var materials = BatteryTypes.RawMaterials.Concat(BatteryTypes.RefinedMaterials).ToDictionary(x => x, x => m.DoubleOr(x + "_eligible", 0, min: 0));
            var cam = BatteryTypes.CellChemistries.ToDictionary(x => x, x => c.DoubleOr(x + "_eligible", 0, min: 0));
            // A chemistry's cell cap adds its optional silicon-anode column (absent or empty = 0).
            var cells = BatteryTypes.CellChemistries.ToDictionary(x => x, x => k.DoubleOr(x + "_cell_eligible", 0, min: 0)
                + (cellHeader.HasColumn(x + BatteryTypes.SiliconSuffix + "_cell_eligible") ? k.DoubleOr(x + BatteryTypes.SiliconSuffix + "_cell_eligible", 0, min: 0) : 0));
            var se = pairs.ToDictionary(p => p, p => e.Double($"{p.Vehicle}_{p.Battery}_specificenergy", min: 0));
            years[year] = new YearSupply(year, materials, cam,
                c.DoubleOr("graphite_aam_eligible", 0, min: 0), c.DoubleOr("silicon_aam_eligible", 0, min: 0), c.DoubleOr("SIB_aam_eligible", 0, min: 0),
                c.DoubleOr("separator_eligible", 0, min: 0), c.DoubleOr("electrolyte_eligible", 0, min: 0), c.DoubleOr("SIB_electrolyte_eligible", 0, min: 0),
                cells, se);
        }
        if (years.Count == 0)
            throw new DataValidationException(Path.Combine(folder, "mineral_supply.csv"), null, "year", "no year appears in all of mineral_supply.csv, component_supply.csv, cell_supply.csv and specific_energy.csv");
        return new BatteryProductionInputs(folder, intensity, years);
    }

    private static Dictionary<int, CsvRow> Load(string folder, string file, string[] columns) => Load(folder, file, columns, out _);

    private static Dictionary<int, CsvRow> Load(string folder, string file, string[] columns, out CsvData data)
    {
        data = CsvData.Load(Path.Combine(folder, file), ["year", .. columns]).RequireUniqueKey("year");
        return data.Rows.ToDictionary(r => r.Int("year", 1900, 2200), r => r);
    }
}
