namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>
/// Lithium flows and stock of one scenario run, per vehicle type and year (million tonnes of Li), with the
/// aggregates the paper reports: gross demand, outflow, recycled, net demand and mine-production equivalent.
/// </summary>
public sealed class FleetResult
{
    private readonly double[][] _manufacturing, _scrappage, _replacement, _stock;
    private readonly IReadOnlyDictionary<(VehicleType, Powertrain), double[]> _capacity;

    internal FleetResult(VehicleLithiumInputs inputs, Scenario scenario, ModelParameters parameters, double[][] manufacturing,
        double[][] scrappage, double[][] replacement, double[][] stock, IReadOnlyDictionary<(VehicleType, Powertrain), double[]> capacity)
    {
        Inputs = inputs;
        Scenario = scenario;
        Parameters = parameters;
        _manufacturing = manufacturing;
        _scrappage = scrappage;
        _replacement = replacement;
        _stock = stock;
        _capacity = capacity;
        Years = Enumerable.Range(inputs.FirstYear, inputs.YearCount).ToArray();
    }

    /// <summary>The inputs of the run.</summary>
    public VehicleLithiumInputs Inputs { get; }

    /// <summary>The scenario run.</summary>
    public Scenario Scenario { get; }

    /// <summary>The parameter values used.</summary>
    public ModelParameters Parameters { get; }

    /// <summary>The simulated years.</summary>
    public IReadOnlyList<int> Years { get; }

    private int Index(int year) => year >= Inputs.FirstYear && year <= Inputs.LastYear ? year - Inputs.FirstYear
        : throw new ArgumentOutOfRangeException(nameof(year), year, $"the model covers {Inputs.FirstYear}–{Inputs.LastYear}");

    private IEnumerable<int> TypesOf(Segment? segment) =>
        VehicleTypes.All.Where(t => segment is null || VehicleTypes.SegmentOf(t) == segment).Select(t => (int)t);

    /// <summary>Inflow (manufacturing, replacement) or outflow (scrappage, replacement) of one flow in a year (mt).</summary>
    public double Flow(Flow flow, int year, Segment? segment = null)
    {
        var y = Index(year);
        var source = flow switch
        {
            VehicleLithium.Flow.VehicleManufacturing => _manufacturing,
            VehicleLithium.Flow.VehicleScrappage => _scrappage,
            _ => _replacement,
        };
        return TypesOf(segment).Sum(t => source[t][y]);
    }

    /// <summary>The flow of one vehicle type in a year (mt).</summary>
    public double Flow(Flow flow, int year, VehicleType type) => (flow switch
    {
        VehicleLithium.Flow.VehicleManufacturing => _manufacturing,
        VehicleLithium.Flow.VehicleScrappage => _scrappage,
        _ => _replacement,
    })[(int)type][Index(year)];

    /// <summary>Lithium in vehicles in use at the end of the year, eq (5) (mt).</summary>
    public double Stock(int year, Segment? segment = null) => TypesOf(segment).Sum(t => _stock[t][Index(year)]);

    /// <summary>Lithium in vehicles of one type in use at the end of the year (mt).</summary>
    public double Stock(int year, VehicleType type) => _stock[(int)type][Index(year)];

    /// <summary>Gross demand = manufacturing + replacement inflow (mt).</summary>
    public double Gross(int year, Segment? segment = null) =>
        Flow(VehicleLithium.Flow.VehicleManufacturing, year, segment) + Flow(VehicleLithium.Flow.BatteryReplacement, year, segment);

    /// <summary>Outflow = scrappage + replaced batteries, eqs (2) and (4) (mt).</summary>
    public double Outflow(int year, Segment? segment = null) =>
        Flow(VehicleLithium.Flow.VehicleScrappage, year, segment) + Flow(VehicleLithium.Flow.BatteryReplacement, year, segment);

    /// <summary>Recycled lithium, eq (6): outflow × recycling rate (mt).</summary>
    public double Recycled(int year, Segment? segment = null) =>
        FleetModel.Recycled(Flow(VehicleLithium.Flow.VehicleScrappage, year, segment), Flow(VehicleLithium.Flow.BatteryReplacement, year, segment), Parameters.RecyclingRate);

    /// <summary>Gross demand of one vehicle type (mt).</summary>
    public double Gross(int year, VehicleType type) =>
        Flow(VehicleLithium.Flow.VehicleManufacturing, year, type) + Flow(VehicleLithium.Flow.BatteryReplacement, year, type);

    /// <summary>Outflow of one vehicle type (mt).</summary>
    public double Outflow(int year, VehicleType type) =>
        Flow(VehicleLithium.Flow.VehicleScrappage, year, type) + Flow(VehicleLithium.Flow.BatteryReplacement, year, type);

    /// <summary>Recycled lithium from one vehicle type (mt).</summary>
    public double Recycled(int year, VehicleType type) =>
        FleetModel.Recycled(Flow(VehicleLithium.Flow.VehicleScrappage, year, type), Flow(VehicleLithium.Flow.BatteryReplacement, year, type), Parameters.RecyclingRate);

    /// <summary>Net demand = gross − recycled (mt).</summary>
    public double Net(int year, Segment? segment = null) => Gross(year, segment) - Recycled(year, segment);

    /// <summary>Mine production equivalent = net / production-chain efficiency (mt).</summary>
    public double MineProduction(int year, Segment? segment = null) => Net(year, segment) / Inputs.ProductionChainEfficiency;

    /// <summary>Sum of a yearly quantity over the whole period (accumulated 2000–2100).</summary>
    public double Accumulated(Func<int, double> perYear) => Years.Sum(perYear);

    /// <summary>Battery capacity (kWh) of a new vehicle of a type and powertrain sold in <paramref name="year"/>.</summary>
    public double CapacityKwh(VehicleType type, Powertrain powertrain, int year) => _capacity[(type, powertrain)][Index(year)];

    /// <summary>
    /// The model's value for a published quantity: accumulated over the period or in one year, for a segment and
    /// source of flow (manufacturing, replacement or all).
    /// </summary>
    public double Value(string quantity, string segment, string sourceOfFlow, string yearOrPeriod)
    {
        Segment? seg = segment == "all" ? null : Enum.Parse<Segment>(segment);
        Func<int, double> perYear = (quantity, sourceOfFlow) switch
        {
            ("gross_demand", "vehicle_manufacturing") => y => Flow(VehicleLithium.Flow.VehicleManufacturing, y, seg),
            ("gross_demand", "battery_replacement") => y => Flow(VehicleLithium.Flow.BatteryReplacement, y, seg),
            ("gross_demand", _) => y => Gross(y, seg),
            ("recycled", _) => y => Recycled(y, seg),
            ("net_demand", _) => y => Net(y, seg),
            ("mine_production_equivalent", _) => y => MineProduction(y, seg),
            ("outflow", _) => y => Outflow(y, seg),
            ("stock", _) => y => Stock(y, seg),
            _ => throw new ArgumentException($"unknown quantity '{quantity}'", nameof(quantity)),
        };
        if (!yearOrPeriod.Contains('-')) return perYear(int.Parse(yearOrPeriod, System.Globalization.CultureInfo.InvariantCulture));
        if (quantity == "stock") throw new ArgumentException("stock is a level, not accumulated over a period", nameof(quantity));
        return Accumulated(perYear);
    }

    /// <summary>The model's value for a published target.</summary>
    public double Value(Target target) => Value(target.Measure, target.Segment, target.SourceOfFlow, target.YearOrPeriod);

    /// <summary>
    /// Largest relative gap of the mass balance over all years and types: stock change − (inflow − outflow), relative
    /// to the larger of the flows and the stock.
    /// </summary>
    public double MassBalanceResidual()
    {
        var worst = 0.0;
        foreach (var t in VehicleTypes.All.Select(t => (int)t))
        {
            var previous = 0.0;
            for (var y = 0; y < Years.Count; y++)
            {
                var inflow = _manufacturing[t][y] + _replacement[t][y];
                var outflow = _scrappage[t][y] + _replacement[t][y];
                var change = _stock[t][y] - previous;
                var scale = Math.Max(Math.Max(inflow, outflow), Math.Abs(_stock[t][y]));
                if (scale > 0) worst = Math.Max(worst, Math.Abs(change - (inflow - outflow)) / scale);
                previous = _stock[t][y];
            }
        }
        return worst;
    }
}
