using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>Battery (cell) mass put on the market in one year by one vehicle type and chemistry, t.</summary>
public sealed record CellMassRow(int Year, string Vehicle, string Chemistry, double Tonnes);

/// <summary>An amount of one material row in one year, t (raw rows are ore/concentrate masses).</summary>
public sealed record MaterialTonnes(int Year, string Material, double Tonnes);

/// <summary>
/// Step 1 of the model: material demand of US EV sales, for every year with sales and chemistry shares. Cells →
/// components (CAM, AAM, electrolyte, separator, binder) → refined chemicals → raw materials (MODEL_SPEC A1).
/// </summary>
public sealed class MaterialDemand
{
    private readonly Dictionary<(string Vehicle, string Chemistry), double>[] _cells;
    private readonly Dictionary<string, double>[] _rows;

    /// <summary>Computes demand for all <see cref="UsSupplyChainInputs.DemandYears"/>.</summary>
    public MaterialDemand(UsSupplyChainInputs inputs, GapOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Years = inputs.DemandYears;
        if (Years.Count == 0)
            throw new DataValidationException("ev_sales.csv", null, "year", "no year has both EV sales and chemistry shares (chemistry_share.csv)");
        for (var i = 1; i < Years.Count; i++)
            if (Years[i] != Years[i - 1] + 1)
                throw new DataValidationException("ev_sales.csv", null, "year", $"sales and chemistry-share years must be contiguous; {Years[i - 1] + 1} is missing");
        _cells = new Dictionary<(string, string), double>[Years.Count];
        _rows = new Dictionary<string, double>[Years.Count];
        var factors = new RawFactors(inputs, options);
        for (var i = 0; i < Years.Count; i++)
            (_cells[i], _rows[i]) = ComputeYear(inputs, options, factors, Years[i]);
    }

    /// <summary>Years demand is computed for (contiguous).</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Cell mass by year, vehicle and chemistry.</summary>
    public IReadOnlyList<CellMassRow> CellMass() =>
        Years.SelectMany((y, i) => _cells[i].Select(kv => new CellMassRow(y, kv.Key.Vehicle, kv.Key.Chemistry, kv.Value))).ToArray();

    /// <summary>Cell mass of one chemistry (both vehicle types) per year, aligned with <see cref="Years"/>: the end-of-life input.</summary>
    public double[] CellMassOf(string chemistry) =>
        _cells.Select(c => Catalog.Vehicles.Sum(v => c[(v, chemistry)])).ToArray();

    /// <summary>Demand of every row of the original's template in <paramref name="year"/>, in template order.</summary>
    public IReadOnlyList<MaterialTonnes> For(int year)
    {
        var i = IndexOf(year);
        var rows = _rows[i];
        if (!rows.ContainsKey("Graphite AAM"))
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"anode demand needs a graphite share (anode_share.csv) for {year}; covered: {string.Join(", ", Years.Where(HasAnodeSplit))}");
        return Catalog.Rows.Select(r => new MaterialTonnes(year, r, rows[r])).ToArray();
    }

    /// <summary>Demand of one template row over all years that have it.</summary>
    public IReadOnlyList<MaterialTonnes> Series(string material) =>
        Years.Select((y, i) => (y, i)).Where(p => _rows[p.i].ContainsKey(material))
            .Select(p => new MaterialTonnes(p.y, material, _rows[p.i][material])).ToArray();

    private bool HasAnodeSplit(int year) => _rows[IndexOf(year)].ContainsKey("Graphite AAM");

    private int IndexOf(int year)
    {
        var i = year - (Years.Count > 0 ? Years[0] : 0);
        if (i < 0 || i >= Years.Count)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"demand covers {Years[0]}–{Years[^1]}");
        return i;
    }

    private static (Dictionary<(string, string), double>, Dictionary<string, double>) ComputeYear(
        UsSupplyChainInputs inputs, GapOptions options, RawFactors f, int year)
    {
        var cells = new Dictionary<(string, string), double>();
        var rows = new Dictionary<string, double>();
        var components = Catalog.Components.ToDictionary(c => c, _ => 0.0);
        var cam = new Dictionary<string, double>();
        foreach (var v in Catalog.Vehicles)
        {
            var sales = inputs.Sales.TryGetValue((year, v), out var s) ? s
                : throw new DataValidationException("ev_sales.csv", null, "sales", $"no sales for {year}, {v}");
            foreach (var k in Catalog.Chemistries)
            {
                var vehicles = sales * inputs.ChemistryShare.GetValueOrDefault((year, k));
                var mass = inputs.BatteryMass.TryGetValue((year, v, k), out var w) ? w
                    : throw new DataValidationException("battery_mass.csv", null, "mass_t_per_vehicle", $"no battery mass for {year}, {v}, {k}");
                var c = vehicles * mass;
                cells[(v, k)] = c;
                foreach (var m in Catalog.Components)
                    components[m] += inputs.ComponentIntensity.GetValueOrDefault((m, v, k)) * c;
                cam[k] = cam.GetValueOrDefault(k) + inputs.ComponentIntensity.GetValueOrDefault(("Active Material", v, k)) * c;
            }
        }
        foreach (var k in Catalog.Chemistries)
        {
            rows[$"{k} CAM"] = cam[k];
            rows[$"{k} cell"] = Catalog.Vehicles.Sum(v => cells[(v, k)]);
        }
        foreach (var m in new[] { "LIB electrolyte", "SIB electrolyte", "Separator", "Binder", "SIB AAM" })
            rows[m] = components[m];
        foreach (var r in Catalog.RefinedChemicals)
            rows[r] = Catalog.LithiumIonChemistries.Sum(k => f.Refined(r, k) * cam[k]);
        if (inputs.GraphiteShare.TryGetValue(year, out var g))
        {
            rows["Graphite AAM"] = g * components["LIB AAM"];
            rows["Silicon AAM"] = (1 - g) * components["LIB AAM"];
            rows["Raw graphite"] = f.GraphitePerAam * rows["Graphite AAM"] + options.SiliconAnodeGraphiteFraction * f.GraphitePerAam * rows["Silicon AAM"];
        }
        foreach (var (raw, value) in f.RawFromRefined(rows)) rows[raw] = value;
        return (cells, rows);
    }
}

/// <summary>Conversion factors shared by demand and avoided-material accounting (MODEL_SPEC A1, A2.7–8).</summary>
internal sealed class RawFactors
{
    private readonly UsSupplyChainInputs _inputs;
    private readonly double _lfpCarbonateShare;

    public RawFactors(UsSupplyChainInputs inputs, GapOptions options)
    {
        _inputs = inputs;
        _lfpCarbonateShare = options.LfpCarbonateShare;
        var n = options.NaturalGraphiteShare;
        GraphitePerAam = n * Raw("Natural graphite", "Graphite AAM") + (1 - n) * Raw("Synthetic graphite", "Graphite AAM");
        var o = options.LithiumCarbonateOreShare;
        LithiumPerCarbonate = o * Raw("Lithium ore", "Lithium carbonate") + (1 - o) * Raw("Lithium brine", "Lithium carbonate");
    }

    /// <summary>γ: raw graphite per graphite AAM.</summary>
    public double GraphitePerAam { get; }

    /// <summary>λ_c: raw lithium per lithium carbonate.</summary>
    public double LithiumPerCarbonate { get; }

    /// <summary>Refined chemical per CAM of a Li-ion chemistry; LFP blends its two workbook columns by the C1 option.</summary>
    public double Refined(string refined, string chemistry)
    {
        var q = _inputs.RefinedIntensity.GetValueOrDefault((chemistry, refined));
        if (chemistry != "LFP") return q;
        var second = _inputs.RefinedIntensity.GetValueOrDefault((Catalog.LfpSecondColumn, refined));
        return (1 - _lfpCarbonateShare) * q + _lfpCarbonateShare * second;
    }

    /// <summary>Raw rows other than graphite from refined rows.</summary>
    public IEnumerable<(string Raw, double Tonnes)> RawFromRefined(IReadOnlyDictionary<string, double> refined)
    {
        yield return ("Bauxite", Raw("Bauxite", "Aluminum hydroxide") * refined["Aluminum hydroxide"]);
        yield return ("Raw cobalt", Raw("Cobalt", "Cobalt sulfate") * refined["Cobalt sulfate"]);
        yield return ("Raw lithium", Raw("Lithium ore", "Lithium hydroxide") * refined["Lithium hydroxide"] + LithiumPerCarbonate * refined["Lithium carbonate"]);
        yield return ("Raw manganese", Raw("Manganese", "Manganese sulfate") * refined["Manganese sulfate"]);
        yield return ("Raw nickel", Raw("Nickel", "Nickel sulfate") * refined["Nickel sulfate"]);
    }

    private double Raw(string mineral, string product) =>
        _inputs.RawIntensity.TryGetValue((mineral, product), out var u) ? u
            : throw new DataValidationException("raw_intensity.csv", null, "t_per_t_product", $"no row for mineral '{mineral}', product '{product}'");
}
