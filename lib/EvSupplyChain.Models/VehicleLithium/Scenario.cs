namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>
/// A demand scenario: plug-in penetration per segment, the HDV electric range and the battery cycle-life path.
/// D1–D4 ship in scenarios.csv and plugin_shares.csv; users may add rows to define their own.
/// </summary>
/// <param name="Name">Scenario id, e.g. D2.</param>
/// <param name="Description">One line saying what the scenario assumes.</param>
/// <param name="HdvRangeKm">BEV electric range of heavy-duty vehicles (km).</param>
/// <param name="CycleLifeInitial">Full cycles to 80 % capacity before the improvement.</param>
/// <param name="CycleLifeImproved">Full cycles once the improvement is complete.</param>
/// <param name="ImprovementStartYear">Last year at the initial cycle life.</param>
/// <param name="ImprovementEndYear">First year at the improved cycle life (linear in between).</param>
/// <param name="Ldv">Plug-in share curve of light-duty vehicles.</param>
/// <param name="Hdv">Plug-in share curve of heavy-duty vehicles.</param>
public sealed record Scenario(string Name, string Description, double HdvRangeKm, double CycleLifeInitial, double CycleLifeImproved,
    int ImprovementStartYear, int ImprovementEndYear, PlugInShareCurve Ldv, PlugInShareCurve Hdv)
{
    /// <summary>Battery cycle life of batteries sold in <paramref name="year"/>.</summary>
    public double CycleLife(int year)
    {
        if (year <= ImprovementStartYear) return CycleLifeInitial;
        if (year >= ImprovementEndYear) return CycleLifeImproved;
        var t = (year - ImprovementStartYear) / (double)(ImprovementEndYear - ImprovementStartYear);
        return CycleLifeInitial + t * (CycleLifeImproved - CycleLifeInitial);
    }

    /// <summary>The plug-in share curve of a segment.</summary>
    public PlugInShareCurve Curve(Segment segment) => segment == Segment.LDV ? Ldv : Hdv;
}
