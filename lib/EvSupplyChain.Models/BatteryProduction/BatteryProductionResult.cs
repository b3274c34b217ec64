using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Models.BatteryProduction;

/// <summary>Production of one (vehicle, battery type) pair at the optimum.</summary>
/// <param name="Vehicle">BEV or PHEV.</param>
/// <param name="Battery">Battery type (e.g. LFP, LFP_siliconaam).</param>
/// <param name="Tonnes">Eligible battery production, t.</param>
/// <param name="GWh">Its energy, GWh.</param>
public sealed record PairProduction(string Vehicle, string Battery, double Tonnes, double GWh);

/// <summary>A supply limit at the optimum: its use and shadow price.</summary>
/// <param name="Label">Readable name, e.g. "raw manganese".</param>
/// <param name="Stage">raw material, refined chemical, component or cell.</param>
/// <param name="Limit">Eligible supply (t/yr).</param>
/// <param name="Used">Amount the optimum uses.</param>
/// <param name="Binding">True when the limit is met within 1e-9 relative.</param>
/// <param name="ShadowPrice">Objective gain per extra unit of supply (t battery per t, or GWh per t for the energy
/// objective). At a degenerate optimum this is the value of the final basis, one valid choice among several.</param>
public sealed record SupplyUse(string Label, string Stage, double Limit, double Used, bool Binding, double ShadowPrice);

/// <summary>The solved LP of one year with the original's post-processing.</summary>
public sealed class BatteryProductionResult
{
    internal BatteryProductionResult(BatteryProductionModel model, LpSolution solution)
    {
        Model = model;
        Solution = solution;
        var s = model.Supply;
        Pairs = [.. BatteryTypes.Pairs.Select(p =>
        {
            var t = solution.Value(model.Production[p]);
            return new PairProduction(p.Vehicle, p.Battery, t, t * s.SpecificEnergy[p] * 1e-6);
        })];
        TotalTonnes = Pairs.Sum(p => p.Tonnes);
        TotalGWh = Pairs.Sum(p => p.GWh);
        EnergyByType = BatteryTypes.All.ToDictionary(b => b, b => Pairs.Where(p => p.Battery == b).Sum(p => p.GWh));
        // Shares per type, then summed per group, as the original does; nothing produced has no share (0, never 0/0 = NaN).
        var share = EnergyByType.ToDictionary(kv => kv.Key, kv => TotalGWh > 0 ? kv.Value / TotalGWh : 0);
        ChemistryShares = BatteryTypes.ChemistryGroups.ToDictionary(g => g, g => BatteryTypes.All.Where(b => BatteryTypes.ChemistryGroup(b) == g).Sum(b => share[b]));
        AnodeShares = BatteryTypes.AnodeGroups.ToDictionary(g => g, g => BatteryTypes.All.Where(b => BatteryTypes.AnodeGroup(b) == g).Sum(b => share[b]));
        Supply = [.. model.SupplyLimits.Select(l =>
        {
            var used = solution.Activities[l.Constraint.Index];
            var binding = Math.Abs(l.Constraint.Rhs - used) <= 1e-9 * Math.Max(1.0, Math.Abs(l.Constraint.Rhs));
            return new SupplyUse(l.Label, l.Stage, l.Constraint.Rhs, used, binding, solution.Duals[l.Constraint.Index]);
        })];
    }

    /// <summary>The LP.</summary>
    public BatteryProductionModel Model { get; }

    /// <summary>The solver's answer.</summary>
    public LpSolution Solution { get; }

    /// <summary>Year.</summary>
    public int Year => Model.Year;

    /// <summary>Objective value (t for mass, GWh for energy).</summary>
    public double Objective => Solution.ObjectiveValue;

    /// <summary>Production per pair, in the original's order.</summary>
    public IReadOnlyList<PairProduction> Pairs { get; }

    /// <summary>Total eligible production, t.</summary>
    public double TotalTonnes { get; }

    /// <summary>Total energy, GWh.</summary>
    public double TotalGWh { get; }

    /// <summary>GWh per battery type (13).</summary>
    public IReadOnlyDictionary<string, double> EnergyByType { get; }

    /// <summary>Energy shares of LFP, NCA, NMC, SIB (fractions).</summary>
    public IReadOnlyDictionary<string, double> ChemistryShares { get; }

    /// <summary>Energy shares of graphite (SIB included, as in the original) and silicon anodes (fractions).</summary>
    public IReadOnlyDictionary<string, double> AnodeShares { get; }

    /// <summary>Every supply limit with use and shadow price.</summary>
    public IReadOnlyList<SupplyUse> Supply { get; }

    /// <summary>The binding supply limits.</summary>
    public IReadOnlyList<SupplyUse> Binding => [.. Supply.Where(s => s.Binding)];

    /// <summary>A share as the original prints it: ×100, rounded half to even, as an integer.</summary>
    public static int Percent(double fraction) => (int)Math.Round(fraction * 100, MidpointRounding.ToEven);
}
