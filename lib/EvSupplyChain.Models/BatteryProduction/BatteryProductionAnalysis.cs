using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Models.BatteryProduction;

/// <summary>Min and max of one reported quantity over all optimal solutions of a year.</summary>
/// <param name="Year">Year.</param>
/// <param name="Quantity">LFP, NCA, NMC, SIB, graphite_aam, silicon_aam (fractions) or total_GWh.</param>
/// <param name="AtVertex">The value at the solver's vertex.</param>
/// <param name="Min">Smallest value on the optimal face.</param>
/// <param name="Max">Largest value on the optimal face.</param>
public sealed record OptimalRange(int Year, string Quantity, double AtVertex, double Min, double Max)
{
    /// <summary>True when the value is the same (to 1e-6) at every optimum.</summary>
    public bool Identified => Max - Min <= 1e-6 * Math.Max(1.0, Math.Abs(Max));

    /// <summary>True when the printed integer percentage is the same at every optimum (shares only).</summary>
    public bool IdentifiedOnceRounded => BatteryProductionResult.Percent(Min) == BatteryProductionResult.Percent(Max);
}

/// <summary>Runs the battery-production LPs: one year, all years, and the optimal-face ranges of the shares.</summary>
public static class BatteryProductionAnalysis
{
    /// <summary>The solver used by default: OR-Tools GLOP (<see cref="LpSolvers.Default"/>).</summary>
    public static ILpSolver DefaultSolver { get; } = LpSolvers.Create();

    /// <summary>Builds and solves one year; throws <see cref="InvalidOperationException"/> (with the solver's explanation) unless optimal.</summary>
    public static BatteryProductionResult Solve(BatteryProductionInputs inputs, int year, ProductionObjective objective = ProductionObjective.Mass, ILpSolver? solver = null)
    {
        var model = BatteryProductionModel.Build(inputs, year, objective);
        var solution = (solver ?? DefaultSolver).Solve(model.Model).EnsureOptimal();
        return new BatteryProductionResult(model, solution);
    }

    /// <summary>Solves every year in <paramref name="years"/> (default 2025–2035).</summary>
    public static IReadOnlyList<BatteryProductionResult> SolveYears(BatteryProductionInputs inputs, IEnumerable<int>? years = null,
        ProductionObjective objective = ProductionObjective.Mass, ILpSolver? solver = null) =>
        [.. (years ?? BatteryProductionInputs.OriginalYears).Select(y => Solve(inputs, y, objective, solver))];

    /// <summary>
    /// The exact range of every reported share and of the total GWh over all optimal solutions of the result's LP
    /// (objective held within <paramref name="relativeTolerance"/> of its optimum; shares by Charnes–Cooper), explored
    /// with <paramref name="solver"/> (default GLOP).
    /// </summary>
    public static IReadOnlyList<OptimalRange> Ranges(BatteryProductionResult result, double relativeTolerance = 1e-9, ILpSolver? solver = null)
    {
        var model = result.Model;
        var total = model.EnergyGWh(_ => true);
        var face = new OptimalFace(model.Model, result.Objective, relativeTolerance, solver ?? DefaultSolver);
        var list = new List<OptimalRange>();
        foreach (var g in BatteryTypes.ChemistryGroups)
            list.Add(Range(g, result.ChemistryShares[g], model.EnergyGWh(p => BatteryTypes.ChemistryGroup(p.Battery) == g), total));
        foreach (var g in BatteryTypes.AnodeGroups)
            list.Add(Range(g, result.AnodeShares[g], model.EnergyGWh(p => BatteryTypes.AnodeGroup(p.Battery) == g), total));
        list.Add(Range("total_GWh", result.TotalGWh, total, null));
        return list;

        OptimalRange Range(string name, double atVertex, LinearExpression num, LinearExpression? den)
        {
            var (lo, hi) = face.Range(num, den);
            return new OptimalRange(result.Year, name, atVertex, lo, hi);
        }
    }
}
