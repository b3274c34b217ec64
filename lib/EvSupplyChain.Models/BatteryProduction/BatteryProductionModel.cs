using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Models.BatteryProduction;

/// <summary>What the yearly LP maximises.</summary>
public enum ProductionObjective
{
    /// <summary>Eligible battery mass in t (the original).</summary>
    Mass,
    /// <summary>Eligible battery energy in GWh (an option beyond the original).</summary>
    Energy,
}

/// <summary>One supply-limit row of the LP with a readable label.</summary>
/// <param name="Constraint">The ≤ row.</param>
/// <param name="Label">e.g. "raw manganese", "NMC111 CAM", "LFP cells".</param>
/// <param name="Stage">raw material, refined chemical, component or cell.</param>
public sealed record SupplyLimit(Constraint Constraint, string Label, string Stage);

/// <summary>
/// The battery-production LP of one year exactly as MODEL_SPEC Part B: 26 production variables x, 442 defining
/// equalities for the material flows z = a·x, and 33 supply limits, with the original's names and row/column order
/// (so <see cref="LpFileWriter"/> gives a file equivalent to the original's <c>lp_model_2035.lp</c>).
/// </summary>
public sealed class BatteryProductionModel
{
    private BatteryProductionModel(int year, ProductionObjective objective, LinearModel model,
        IReadOnlyDictionary<(string, string), Variable> production, IReadOnlyList<SupplyLimit> limits, YearSupply supply)
    {
        Year = year;
        Objective = objective;
        Model = model;
        Production = production;
        SupplyLimits = limits;
        Supply = supply;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>Mass or energy.</summary>
    public ProductionObjective Objective { get; }

    /// <summary>The LP.</summary>
    public LinearModel Model { get; }

    /// <summary>x per (vehicle, battery type), t/yr.</summary>
    public IReadOnlyDictionary<(string Vehicle, string Battery), Variable> Production { get; }

    /// <summary>The 33 supply limits in the original's order.</summary>
    public IReadOnlyList<SupplyLimit> SupplyLimits { get; }

    /// <summary>The year's inputs.</summary>
    public YearSupply Supply { get; }

    /// <summary>Energy (GWh) of the production variables: Σ x·e·1e-6 over the given pairs.</summary>
    public LinearExpression EnergyGWh(Func<(string Vehicle, string Battery), bool> include) =>
        LinearExpression.Sum(BatteryTypes.Pairs.Where(include).Select(p => (Production[p], Supply.SpecificEnergy[p] * 1e-6)));

    /// <summary>Builds the LP of <paramref name="year"/>.</summary>
    public static BatteryProductionModel Build(BatteryProductionInputs inputs, int year, ProductionObjective objective = ProductionObjective.Mass)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!Enum.IsDefined(objective)) throw new ArgumentOutOfRangeException(nameof(objective), objective, "The objective must be Mass or Energy.");
        var supply = inputs.Year(year);
        var a = inputs.Intensity;
        var m = new LinearModel($"battery-production-{year}");
        var x = new Dictionary<(string, string), Variable>();
        foreach (var (v, b) in BatteryTypes.Pairs) x[(v, b)] = m.AddVariable($"battery_eligible_production({v}_{b})");
        var flows = new Dictionary<(string Family, string Vehicle, string Battery), Variable>();

        // z = a·x for one family over the given battery types (vehicle inner).
        void Define(string family, string intensityRow, IEnumerable<string> batteries, Func<string, string, string>? rowName = null)
        {
            foreach (var b in batteries)
                foreach (var v in BatteryTypes.Vehicles)
                {
                    var z = m.AddVariable($"{family}_eligible({v}_{b})");
                    flows[(family, v, b)] = z;
                    var name = rowName?.Invoke(v, b) ?? $"c_e_{v.ToLowerInvariant()}_{b.ToLowerInvariant()}_{family}_constraint_";
                    m.AddEqual(name, new LinearExpression().Add(x[(v, b)], -a[(intensityRow, v, b)]).Add(z, 1.0), 0.0);
                }
        }
        var limits = new List<SupplyLimit>();
        void Limit(string name, IEnumerable<Variable> terms, double cap, string label, string stage) =>
            limits.Add(new SupplyLimit(m.AddLessOrEqual(name, LinearExpression.Sum(terms), cap), label, stage));
        IEnumerable<Variable> Flows(string family, IEnumerable<string> batteries) =>
            BatteryTypes.Vehicles.SelectMany(v => batteries.Select(b => flows[(family, v, b)]));

        var all = BatteryTypes.All;
        var lib = all.Where(b => b != "SIB").ToArray();
        var silicon = lib.Where(BatteryTypes.IsSilicon).ToArray();
        foreach (var b in all)
            foreach (var v in BatteryTypes.Vehicles)
                foreach (var r in BatteryTypes.RawMaterials) DefineOne(r, v, b);
        foreach (var b in all)
            foreach (var v in BatteryTypes.Vehicles)
                foreach (var r in BatteryTypes.RefinedMaterials) DefineOne(r, v, b);
        foreach (var r in BatteryTypes.RawMaterials)
            Limit($"c_u_{r}_eligible_supply_", Flows(r, all), supply.Materials[r], $"raw {r}", "raw material");
        foreach (var r in BatteryTypes.RefinedMaterials)
            Limit($"c_u_{r}_eligible_supply_", Flows(r, all), supply.Materials[r], $"refined {r.Replace('_', ' ')}", "refined chemical");
        foreach (var b in all)
            foreach (var v in BatteryTypes.Vehicles) { DefineOne("cam", v, b); DefineOne("separator", v, b); }
        Define("electrolyte", "electrolyte", lib);
        Define("graphite_aam", "aam", BatteryTypes.GraphiteAnode);
        Define("silicon_aam", "aam", silicon);
        foreach (var v in BatteryTypes.Vehicles)
        {
            DefineOne("sib_aam", v, "SIB", "aam", $"c_e_{v.ToLowerInvariant()}_sib_aam_constraint_");
            DefineOne("electrolyte", v, "SIB", "electrolyte", $"c_e_{v.ToLowerInvariant()}_sib_electrolyte_constraint_");
        }
        foreach (var k in BatteryTypes.CellChemistries)
        {
            var types = k == "SIB" ? new[] { k } : [k, k + BatteryTypes.SiliconSuffix];
            Limit($"c_u_{k.ToLowerInvariant()}_cam_eligible_supply_", Flows("cam", types), supply.CathodeActiveMaterial[k], $"{k} CAM", "component");
        }
        Limit("c_u_graphite_aam_eligible_supply_", Flows("graphite_aam", BatteryTypes.GraphiteAnode), supply.GraphiteAam, "graphite AAM", "component");
        Limit("c_u_silicon_aam_eligible_supply_", Flows("silicon_aam", silicon), supply.SiliconAam, "silicon AAM", "component");
        Limit("c_u_sib_aam_eligible_supply_", Flows("sib_aam", ["SIB"]), supply.SibAam, "SIB AAM", "component");
        Limit("c_u_separator_eligible_supply_", Flows("separator", all), supply.Separator, "separator", "component");
        Limit("c_u_electrolyte_eligible_supply_", Flows("electrolyte", lib), supply.Electrolyte, "Li-ion electrolyte", "component");
        Limit("c_u_sib_electrolyte_eligible_supply_", Flows("electrolyte", ["SIB"]), supply.SibElectrolyte, "SIB electrolyte", "component");
        foreach (var k in BatteryTypes.CellChemistries)
        {
            var types = k == "SIB" ? new[] { k } : [k, k + BatteryTypes.SiliconSuffix];
            Limit($"c_u_{k}_cell_eligible_supply_", BatteryTypes.Vehicles.SelectMany(v => types.Select(b => x[(v, b)])), supply.Cells[k], $"{k} cells", "cell");
        }

        var result = new BatteryProductionModel(year, objective, m, x, limits, supply);
        var goal = objective == ProductionObjective.Mass ? LinearExpression.Sum(BatteryTypes.Pairs.Select(p => x[p])) : result.EnergyGWh(_ => true);
        m.Maximize(goal, "objective");
        return result;

        void DefineOne(string family, string v, string b, string? row = null, string? name = null)
        {
            var z = m.AddVariable($"{family}_eligible({v}_{b})");
            flows[(family, v, b)] = z;
            m.AddEqual(name ?? $"c_e_{v.ToLowerInvariant()}_{b.ToLowerInvariant()}_{family}_constraint_",
                new LinearExpression().Add(x[(v, b)], -a[(row ?? family, v, b)]).Add(z, 1.0), 0.0);
        }
    }
}
