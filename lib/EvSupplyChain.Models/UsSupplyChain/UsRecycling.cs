using EvSupplyChain.Models.Lifetimes;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>End-of-life flows of one chemistry in one year, t battery.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Chemistry">Battery chemistry.</param>
/// <param name="Retired">Batteries reaching end of life this year (Weibull retirements).</param>
/// <param name="Available">Retired plus carried over from earlier years.</param>
/// <param name="Recycled">Recycled this year (rate × available, capped by capacity).</param>
/// <param name="CarriedOver">Left for next year.</param>
public sealed record EndOfLifeRow(int Year, string Chemistry, double Retired, double Available, double Recycled, double CarriedOver);

/// <summary>US recycling in one year: all chemistries together, t battery.</summary>
public sealed record RecyclingYearRow(int Year, double Retired, double Available, double Recycled, double Capacity, bool CapacityBinds);

/// <summary>
/// Step 2: US recycling supply (MODEL_SPEC A2). Retirements of the battery mass put on the market follow a Weibull
/// lifetime per chemistry; each year a rate of the available end-of-life stock is recycled up to the capacity; the
/// recovered outputs are converted to avoided refined and raw materials.
/// </summary>
public sealed class UsRecycling
{
    private readonly double[][] _retired, _available, _recycled, _carry;
    private readonly double[] _capacity;
    private readonly bool[] _binds;
    private readonly Dictionary<string, double>[] _supply;

    /// <summary>Runs the recycling model over the demand years.</summary>
    public UsRecycling(UsSupplyChainInputs inputs, MaterialDemand demand, GapOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Years = demand.Years;
        var ks = Catalog.Chemistries;
        Lifetimes = ks.ToDictionary(k => k, k =>
        {
            var t = inputs.Lifetime[k];
            return WeibullLifetime.Fit(t.Min, t.Mode, t.Max, options.LifetimeMaxQuantile);
        });
        var n = Years.Count;
        RetirementYears = Enumerable.Range(Years[0], n + options.MaxAge).ToArray();
        _retired = ks.Select(k => Cohorts.Outflow(demand.CellMassOf(k), Lifetimes[k].ToDistribution(options.MaxAge), n + options.MaxAge)).ToArray();
        _available = Jagged(ks.Count, n);
        _recycled = Jagged(ks.Count, n);
        _carry = Jagged(ks.Count, n);
        _capacity = new double[n];
        _binds = new bool[n];
        _supply = new Dictionary<string, double>[n];
        var factors = new RawFactors(inputs, options);
        var carry = new double[ks.Count];
        for (var t = 0; t < n; t++)
        {
            var year = Years[t];
            var rate = inputs.RecyclingRate.TryGetValue(year, out var r) ? r
                : throw new Data.DataValidationException("recycling_rate.csv", null, "recycling_rate", $"no recycling rate for {year}");
            var cap = inputs.RecyclingCapacity.TryGetValue(year, out var c) ? c.Existing + c.PlannedAll : 0.0;
            var total = 0.0;
            for (var k = 0; k < ks.Count; k++)
            {
                _available[k][t] = _retired[k][t] + carry[k];
                _recycled[k][t] = rate * _available[k][t];
                total += _recycled[k][t];
            }
            if (inputs.UseCapacityLimit && total > cap)
            {
                _binds[t] = true;
                for (var k = 0; k < ks.Count; k++) _recycled[k][t] *= cap / total;
            }
            for (var k = 0; k < ks.Count; k++)
            {
                var left = _available[k][t] - _recycled[k][t];
                carry[k] = options.UnrecycledCarryOver == 1 ? left : options.UnrecycledCarryOver * left;
                _carry[k][t] = carry[k];
            }
            _capacity[t] = cap;
            _supply[t] = Recovered(inputs, factors, Enumerable.Range(0, ks.Count).Select(k => _recycled[k][t]).ToArray());
        }
    }

    /// <summary>Years simulated (the demand years).</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Years retirements are reported for: the demand years plus the kernel's maximum age.</summary>
    public IReadOnlyList<int> RetirementYears { get; }

    /// <summary>Fitted lifetime per chemistry.</summary>
    public IReadOnlyDictionary<string, WeibullLifetime> Lifetimes { get; }

    /// <summary>Retirements of one chemistry over <see cref="RetirementYears"/>, t battery.</summary>
    public IReadOnlyList<double> Retirements(string chemistry) => _retired[Catalog.ChemistryIndex(chemistry)];

    /// <summary>End-of-life stock and flows per year and chemistry.</summary>
    public IReadOnlyList<EndOfLifeRow> EndOfLife() =>
        Years.SelectMany((y, t) => Catalog.Chemistries.Select((k, i) =>
            new EndOfLifeRow(y, k, _retired[i][t], _available[i][t], _recycled[i][t], _carry[i][t]))).ToArray();

    /// <summary>Totals per year with the capacity and whether it capped recycling.</summary>
    public IReadOnlyList<RecyclingYearRow> ByYear() =>
        Years.Select((y, t) => new RecyclingYearRow(y, Sum(_retired, t), Sum(_available, t), Sum(_recycled, t), _capacity[t], _binds[t])).ToArray();

    /// <summary>The "US recycling" supply of every template row in <paramref name="year"/> (0 for Silicon AAM and cells).</summary>
    public double SupplyOf(string row, int year)
    {
        var t = year - Years[0];
        if (t < 0 || t >= Years.Count) throw new ArgumentOutOfRangeException(nameof(year), year, $"recycling covers {Years[0]}–{Years[^1]}");
        return _supply[t].GetValueOrDefault(row);
    }

    /// <summary>
    /// The "US recycling" supply of every template row in <paramref name="year"/>: recovered components and CAM, and the
    /// refined chemicals and raw materials they avoid (t/yr).
    /// </summary>
    public IReadOnlyList<MaterialTonnes> Supply(int year) => Catalog.Rows.Select(r => new MaterialTonnes(year, r, SupplyOf(r, year))).ToArray();

    private static Dictionary<string, double> Recovered(UsSupplyChainInputs inputs, RawFactors f, double[] recycled)
    {
        // Recovered outputs (CAM kept per chemistry).
        var output = new Dictionary<string, double>();
        for (var i = 0; i < Catalog.Chemistries.Count; i++)
        {
            var k = Catalog.Chemistries[i];
            foreach (var o in Catalog.RecyclingOutputs)
            {
                var perTonne = Catalog.Routes.Sum(route => inputs.RoutePortion.GetValueOrDefault(route) * inputs.RecyclingYield.GetValueOrDefault((route, o, k)));
                var key = o == "CAM" ? $"{k} CAM" : o;
                output[key] = output.GetValueOrDefault(key) + recycled[i] * perTonne;
            }
        }
        var supply = new Dictionary<string, double>(output);
        // Avoided refined chemicals: recovered directly plus those embodied in recovered Li-ion CAM.
        foreach (var r in Catalog.RefinedChemicals)
            supply[r] = output.GetValueOrDefault(r) + Catalog.LithiumIonChemistries.Sum(k => f.Refined(r, k) * output[$"{k} CAM"]);
        foreach (var (raw, value) in f.RawFromRefined(supply)) supply[raw] = value;
        supply["Raw graphite"] = f.GraphitePerAam * output["Graphite AAM"];
        return supply;
    }

    private static double Sum(double[][] byChemistry, int t) => byChemistry.Sum(a => a[t]);

    private static double[][] Jagged(int rows, int columns) => Enumerable.Range(0, rows).Select(_ => new double[columns]).ToArray();
}
