using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EvSupplyChain.Models.Lifetimes;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>
/// The cohort stock–flow model, eqs (1)–(10), for one scenario: for every sales year and vehicle type, plug-in sales
/// times battery capacity times lithium content give the manufacturing inflow; the survival curve gives scrappage and
/// stock; BEV batteries are replaced when the vehicle's mileage reaches whole battery lifespans.
/// </summary>
public static class FleetModel
{
    /// <summary>Runs a scenario with the given parameters (the priors by default).</summary>
    public static FleetResult Run(VehicleLithiumInputs inputs, Scenario scenario, ModelParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(scenario);
        var p = parameters ?? inputs.Central;
        p.Validate();
        var years = inputs.YearCount;
        var manufacturing = new double[VehicleTypes.All.Count][];
        var scrappage = new double[VehicleTypes.All.Count][];
        var replacement = new double[VehicleTypes.All.Count][];
        var stock = new double[VehicleTypes.All.Count][];
        var capacity = Capacities(inputs, scenario);
        foreach (var spec in inputs.Types)
        {
            var t = (int)spec.Type;
            var hdv = spec.Segment == Segment.HDV;
            var curve = hdv
                ? scenario.Hdv with { MidpointYear = p.HdvMidpointYear }
                : scenario.Ldv with { MidpointYear = p.LdvMidpointYear };
            var life = Survival(spec.MeanLifeYears * p.LifeScale, spec.WeibullShape, inputs.MaxAge);
            var bevLi = new double[years];
            var allLi = new double[years];
            var bevCap = capacity[(spec.Type, Powertrain.Bev)];
            var phevCap = capacity[(spec.Type, Powertrain.Phev)];
            for (var j = 0; j < years; j++)
            {
                var year = inputs.FirstYear + j;
                var sales = Sales(inputs, spec.Type, year, p.SalesGrowthScale) * (hdv ? p.HdvSalesScale : 1);
                (bevLi[j], allLi[j]) = ManufacturingInflow(sales, curve.Share(year), curve.BevShareOfPlugIn, bevCap[j], phevCap[j], p.LithiumKgPerKwh);
            }
            manufacturing[t] = allLi;
            scrappage[t] = Cohorts.Outflow(allLi, life, years);
            stock[t] = Levels(allLi, scrappage[t]);
            var mileage = hdv ? p.HdvMileageScale : 1;
            replacement[t] = ReplacementInflow(bevLi, life, j => Replacement.BatteryLifespanKm(scenario.CycleLife(inputs.FirstYear + j), BevRange(inputs, scenario, spec, inputs.FirstYear + j)),
                spec.LifetimeMileageKm * mileage, spec.AnnualMileageKm * mileage);
        }
        return new FleetResult(inputs, scenario, p, manufacturing, scrappage, replacement, stock, capacity);
    }

    private static readonly ConditionalWeakTable<VehicleLithiumInputs, ConcurrentDictionary<Scenario, IReadOnlyDictionary<(VehicleType, Powertrain), double[]>>> CapacityCache = new();

    /// <summary>
    /// Battery capacity (kWh) per type, powertrain and sales year from eqs (7)–(8). They depend on the inputs and the
    /// scenario only, not on the calibrated parameters, so they are solved once per scenario and reused.
    /// </summary>
    public static IReadOnlyDictionary<(VehicleType, Powertrain), double[]> Capacities(VehicleLithiumInputs inputs, Scenario scenario) =>
        CapacityCache.GetOrCreateValue(inputs).GetOrAdd(scenario, s =>
        {
            var table = new Dictionary<(VehicleType, Powertrain), double[]>();
            foreach (var spec in inputs.Types)
            {
                var bev = new double[inputs.YearCount];
                var phev = new double[inputs.YearCount];
                for (var j = 0; j < inputs.YearCount; j++)
                {
                    var year = inputs.FirstYear + j;
                    var kgPerKwh = 1000 / inputs.PackWhPerKg.At(year);
                    bev[j] = Capacity(inputs, spec, BevRange(inputs, s, spec, year), kgPerKwh);
                    phev[j] = Capacity(inputs, spec, spec.PhevRangeKm, kgPerKwh);
                }
                table[(spec.Type, Powertrain.Bev)] = bev;
                table[(spec.Type, Powertrain.Phev)] = phev;
            }
            return table;
        });

    /// <summary>Eq (5) as a running balance: the stock at the end of each year is everything sold minus everything scrapped.</summary>
    private static double[] Levels(double[] inflow, double[] outflow)
    {
        var stock = new double[inflow.Length];
        var level = 0.0;
        for (var y = 0; y < inflow.Length; y++) stock[y] = level += inflow[y] - outflow[y];
        return stock;
    }

    /// <summary>The survival curve: a Weibull lifetime law with the given mean and shape, discretised by year.</summary>
    public static LifetimeDistribution Survival(double meanYears, double shape, int maxAge)
    {
        var scale = meanYears / MathNet.Numerics.SpecialFunctions.Gamma(1 + 1 / shape);
        return LifetimeDistribution.FromCdf(age => 1 - Math.Exp(-Math.Pow(Math.Max(age, 0) / scale, shape)), maxAge);
    }

    /// <summary>Sales (million) of a type in a year, with the change after the base year scaled by <paramref name="growthScale"/>.</summary>
    public static double Sales(VehicleLithiumInputs inputs, VehicleType type, int year, double growthScale)
    {
        var series = inputs.SalesMillion[type];
        if (year <= inputs.SalesBaseYear) return series.At(year);
        var baseSales = series.At(inputs.SalesBaseYear);
        return Math.Max(0, baseSales + growthScale * (series.At(year) - baseSales));
    }

    /// <summary>BEV electric range (km) of a type sold in <paramref name="year"/>.</summary>
    public static double BevRange(VehicleLithiumInputs inputs, Scenario scenario, VehicleTypeSpec spec, int year) =>
        spec.Segment == Segment.HDV ? scenario.HdvRangeKm : inputs.LdvBevRangeKm.At(year);

    private static double Capacity(VehicleLithiumInputs inputs, VehicleTypeSpec spec, double rangeKm, double kgPerKwh)
    {
        try
        {
            return inputs.Physics.Capacity(rangeKm, kgPerKwh, spec.MassExclBatteryKg, spec.ResistanceFactor, spec.PowertrainEfficiency);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentOutOfRangeException(nameof(rangeKm), rangeKm, $"{spec.Type}: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    /// <summary>
    /// Eq (1) for one sales year: lithium (mt) entering with new plug-in vehicles, split into BEVs (which later replace
    /// batteries) and all plug-ins (BEV + PHEV). million vehicles × kWh × kg/kWh = kt; / 1000 → mt.
    /// </summary>
    /// <param name="salesMillion">All new vehicles of the type (million).</param>
    /// <param name="plugInShare">Plug-in share of sales.</param>
    /// <param name="bevShareOfPlugIn">BEV share of plug-in sales; the rest are PHEVs.</param>
    /// <param name="bevKwh">BEV battery capacity (kWh).</param>
    /// <param name="phevKwh">PHEV battery capacity (kWh).</param>
    /// <param name="kgLiPerKwh">Lithium content MC (kg Li per kWh).</param>
    public static (double BevMt, double AllMt) ManufacturingInflow(double salesMillion, double plugInShare, double bevShareOfPlugIn,
        double bevKwh, double phevKwh, double kgLiPerKwh)
    {
        var plugIn = salesMillion * plugInShare;
        var bev = plugIn * bevShareOfPlugIn * bevKwh * kgLiPerKwh / 1000;
        var phev = plugIn * (1 - bevShareOfPlugIn) * phevKwh * kgLiPerKwh / 1000;
        return (bev, bev + phev);
    }

    /// <summary>
    /// Eq (3): lithium in replacement batteries per year, BEVs only. Each cohort j replaces its battery at the ages where
    /// its mileage reaches n battery lifespans (age = n·BL / annual mileage; sales at mid-year, so an event at age a + f
    /// is split (1 − f) to year j + a and f to year j + a + 1), for the survivors at that age, times the willingness to
    /// replace of eq (10).
    /// </summary>
    /// <param name="bevLi">Lithium in new BEV batteries by sales year (mt).</param>
    /// <param name="life">Vehicle survival by age.</param>
    /// <param name="batteryLifespanKm">Battery lifespan BL (km) of the cohort sold in year index j, eq (9).</param>
    /// <param name="vehicleLifespanKm">Vehicle lifespan LS (km).</param>
    /// <param name="annualMileageKm">Distance driven per year (km).</param>
    public static double[] ReplacementInflow(IReadOnlyList<double> bevLi, LifetimeDistribution life, Func<int, double> batteryLifespanKm,
        double vehicleLifespanKm, double annualMileageKm)
    {
        var years = bevLi.Count;
        var result = new double[years];
        for (var j = 0; j < years; j++)
        {
            if (bevLi[j] == 0) continue;
            var bl = batteryLifespanKm(j);
            if (!(bl > 0)) continue;
            foreach (var (_, age, willingness) in Replacement.Events(vehicleLifespanKm, bl, annualMileageKm))
            {
                var a = (int)Math.Floor(age);
                var f = age - a;
                Add(j + a, (1 - f) * life.Surviving(a));
                Add(j + a + 1, f * life.Surviving(a + 1));
                void Add(int index, double share)
                {
                    if (index < years) result[index] += bevLi[j] * willingness * share;
                }
            }
        }
        return result;
    }

    /// <summary>Eq (6): recycled lithium = (scrappage outflow + replaced batteries) × end-of-life recycling rate.</summary>
    public static double Recycled(double scrappage, double replacementOutflow, double recyclingRate) => (scrappage + replacementOutflow) * recyclingRate;
}
