using System.Globalization;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>
/// The uncertain inputs the calibration fits, one value each for every scenario (so scenario contrasts come from
/// the mechanisms, range and cycle life, never from per-scenario factors).
/// </summary>
/// <param name="LithiumKgPerKwh">Lithium content of batteries, MC of eq (1) (kg Li per kWh).</param>
/// <param name="RecyclingRate">End-of-life recycling rate RR of eq (6).</param>
/// <param name="LdvMidpointYear">Year LDV plug-in sales reach half their saturation share.</param>
/// <param name="HdvMidpointYear">Year HDV plug-in sales reach half their saturation share.</param>
/// <param name="HdvSalesScale">Multiplier on the HDV sales series (future HDV sales are the least known input).</param>
/// <param name="HdvMileageScale">Multiplier on HDV annual and lifetime mileage (drives battery replacement).</param>
/// <param name="LifeScale">Multiplier on every vehicle type's mean life (drives scrappage, stock and outflow).</param>
/// <param name="SalesGrowthScale">Multiplier on the projected change of every type's sales after the base year.</param>
public sealed record ModelParameters(double LithiumKgPerKwh, double RecyclingRate, double LdvMidpointYear, double HdvMidpointYear,
    double HdvSalesScale, double HdvMileageScale, double LifeScale, double SalesGrowthScale)
{
    /// <summary>Parameter names as in calibration.csv, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["lithium_kg_per_kwh", "recycling_rate", "ldv_midpoint_year", "hdv_midpoint_year", "hdv_sales_scale", "hdv_mileage_scale", "life_scale", "sales_growth_scale"];

    /// <summary>The values in <see cref="Names"/> order.</summary>
    public double[] ToArray() => [LithiumKgPerKwh, RecyclingRate, LdvMidpointYear, HdvMidpointYear, HdvSalesScale, HdvMileageScale, LifeScale, SalesGrowthScale];

    /// <summary>From values in <see cref="Names"/> order.</summary>
    public static ModelParameters FromArray(IReadOnlyList<double> v)
    {
        if (v.Count != Names.Count) throw new ArgumentException($"expected {Names.Count} parameter values, got {v.Count}", nameof(v));
        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /// <summary>A copy with one parameter (by name) changed.</summary>
    public ModelParameters With(string name, double value)
    {
        var i = Names.ToList().IndexOf(name);
        if (i < 0) throw new ArgumentException($"unknown parameter '{name}'; known: {string.Join(", ", Names)}", nameof(name));
        var v = ToArray();
        v[i] = value;
        return FromArray(v);
    }

    /// <summary>Fails unless every value is inside its physical range.</summary>
    public void Validate()
    {
        Check(LithiumKgPerKwh > 0 && double.IsFinite(LithiumKgPerKwh), "lithium_kg_per_kwh", LithiumKgPerKwh, "(0, ∞)");
        Check(RecyclingRate is >= 0 and <= 1, "recycling_rate", RecyclingRate, "[0, 1]");
        Check(HdvSalesScale >= 0 && double.IsFinite(HdvSalesScale), "hdv_sales_scale", HdvSalesScale, "[0, ∞)");
        Check(HdvMileageScale > 0 && double.IsFinite(HdvMileageScale), "hdv_mileage_scale", HdvMileageScale, "(0, ∞)");
        Check(SalesGrowthScale >= 0 && double.IsFinite(SalesGrowthScale), "sales_growth_scale", SalesGrowthScale, "[0, ∞)");
        Check(LifeScale > 0 && double.IsFinite(LifeScale), "life_scale", LifeScale, "(0, ∞)");
        Check(double.IsFinite(LdvMidpointYear) && double.IsFinite(HdvMidpointYear), "midpoint_year", LdvMidpointYear, "a finite year");
    }

    private static void Check(bool ok, string name, double value, string range)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"{name} = {value.ToString(CultureInfo.InvariantCulture)} is outside the allowed range {range}");
    }
}

/// <summary>A calibrated parameter's prior value and bounds (a row of calibration.csv).</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Prior">Value used before calibration.</param>
/// <param name="Lower">Lowest value the calibration may choose.</param>
/// <param name="Upper">Highest value the calibration may choose.</param>
/// <param name="Unit">Unit.</param>
public sealed record ParameterBounds(string Name, double Prior, double Lower, double Upper, string Unit);

/// <summary>A published result (a row of published_targets.csv), in million tonnes of lithium.</summary>
/// <param name="Scenario">D1–D4.</param>
/// <param name="Quantity">gross_demand, recycled, net_demand, mine_production_equivalent, outflow or stock.</param>
/// <param name="Segment">all, LDV or HDV.</param>
/// <param name="SourceOfFlow">all, vehicle_manufacturing or battery_replacement.</param>
/// <param name="YearOrPeriod">A year, or 2000-2100 for the accumulated total.</param>
/// <param name="ValueMt">Published value (mt Li).</param>
/// <param name="Note">The paper's wording.</param>
public sealed record Target(string Scenario, string Quantity, string Segment, string SourceOfFlow, string YearOrPeriod, double ValueMt, string Note)
{
    /// <summary>True for 2000–2100 totals, false for single years.</summary>
    public bool IsAccumulated => YearOrPeriod.Contains('-');

    /// <summary>A short label, e.g. "D2 gross HDV BR 2000-2100".</summary>
    public string Label => $"{Scenario} {Quantity.Replace('_', ' ')} {Segment}{(SourceOfFlow == "all" ? "" : " " + SourceOfFlow.Replace('_', ' '))} {YearOrPeriod}";
}
