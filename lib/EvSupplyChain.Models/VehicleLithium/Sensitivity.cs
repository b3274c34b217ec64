namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>One setting of a sensitivity sweep and its accumulated 2000–2100 results (mt Li).</summary>
/// <param name="Driver">What is varied.</param>
/// <param name="Setting">Its value.</param>
/// <param name="Gross">Accumulated gross demand.</param>
/// <param name="HdvManufacturing">Accumulated HDV manufacturing inflow.</param>
/// <param name="HdvReplacement">Accumulated HDV replacement inflow.</param>
/// <param name="Net">Accumulated net demand.</param>
public sealed record SensitivityRow(string Driver, double Setting, double Gross, double HdvManufacturing, double HdvReplacement, double Net);

/// <summary>One-at-a-time sweeps around a scenario: HDV range, cycle life (constant over time) and recycling rate.</summary>
public static class Sensitivity
{
    /// <summary>HDV BEV range sweep (km).</summary>
    public static IReadOnlyList<SensitivityRow> HdvRange(VehicleLithiumInputs inputs, Scenario scenario, ModelParameters parameters, IEnumerable<double> rangesKm) =>
        rangesKm.Select(r => Row("HDV range (km)", r, FleetModel.Run(inputs, scenario with { HdvRangeKm = r }, parameters))).ToList();

    /// <summary>Cycle life sweep: the same cycle life for every sales year.</summary>
    public static IReadOnlyList<SensitivityRow> CycleLife(VehicleLithiumInputs inputs, Scenario scenario, ModelParameters parameters, IEnumerable<double> cycles) =>
        cycles.Select(c => Row("cycle life", c, FleetModel.Run(inputs, scenario with { CycleLifeInitial = c, CycleLifeImproved = c }, parameters))).ToList();

    /// <summary>Recycling-rate sweep.</summary>
    public static IReadOnlyList<SensitivityRow> RecyclingRate(VehicleLithiumInputs inputs, Scenario scenario, ModelParameters parameters, IEnumerable<double> rates) =>
        rates.Select(rr => Row("recycling rate", rr, FleetModel.Run(inputs, scenario, parameters with { RecyclingRate = rr }))).ToList();

    private static SensitivityRow Row(string driver, double setting, FleetResult r) => new(driver, setting,
        r.Accumulated(y => r.Gross(y)), r.Accumulated(y => r.Flow(Flow.VehicleManufacturing, y, Segment.HDV)),
        r.Accumulated(y => r.Flow(Flow.BatteryReplacement, y, Segment.HDV)), r.Accumulated(y => r.Net(y)));
}
