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

/// <summary>A calibrated parameter: its sourced central value and range (a row of parameters.csv with calibrated = true).</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Central">The sourced central value, used without calibration and as the penalty's centre.</param>
/// <param name="Lower">Low end of the sourced range; the calibration never goes below it.</param>
/// <param name="Upper">High end of the sourced range; the calibration never goes above it.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Source">Where the value and range come from.</param>
public sealed record ParameterBounds(string Name, double Central, double Lower, double Upper, string Unit, string Source)
{
    /// <summary>True when the range leaves the value open (low &lt; high).</summary>
    public bool IsFree => Upper > Lower;

    /// <summary>Half the range: the unit in which the penalty measures a move from the central value.</summary>
    public double HalfRange => (Upper - Lower) / 2;
}

/// <summary>One input value of the model with its sourced range, as printed by <c>evsc lithium --parameters</c>.</summary>
/// <param name="File">The data file it comes from.</param>
/// <param name="Name">What the value is (parameter, or type · property, or series · year).</param>
/// <param name="Central">The value used (central).</param>
/// <param name="Low">Low end of the sourced range.</param>
/// <param name="High">High end of the sourced range.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Calibrated">True when the calibration may move it inside [Low, High].</param>
public sealed record SourcedInput(string File, string Name, double Central, double Low, double High, string Unit, string Source, bool Calibrated = false);

/// <summary>A published result (a row of published_targets.csv), in million tonnes of lithium.</summary>
/// <param name="Scenario">D1–D4.</param>
/// <param name="Measure">gross_demand, recycled, net_demand, mine_production_equivalent, outflow or stock.</param>
/// <param name="Segment">all, LDV or HDV.</param>
/// <param name="SourceOfFlow">all, vehicle_manufacturing or battery_replacement.</param>
/// <param name="YearOrPeriod">A year, or 2000-2100 for the accumulated total.</param>
/// <param name="ValueMt">Published value (mt Li).</param>
/// <param name="Note">The paper's wording.</param>
public sealed record Target(string Scenario, string Measure, string Segment, string SourceOfFlow, string YearOrPeriod, double ValueMt, string Note)
{
    /// <summary>The quantity as written in published_targets.csv, e.g. "D2 · gross demand · HDV · battery replacement · 2000–2100".</summary>
    public string Name { get; init; } = $"{Scenario} · {Measure.Replace('_', ' ')} · {Segment} · {SourceOfFlow.Replace('_', ' ')} · {YearOrPeriod}";

    /// <summary>Where the paper states it.</summary>
    public string Source { get; init; } = "Hao et al. 2019";

    /// <summary>The goal: relative (0.05 = ±5 %) or, for a published zero, absolute in mt.</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>True when <see cref="Tolerance"/> is in mt rather than relative.</summary>
    public bool ToleranceIsAbsolute { get; init; }

    /// <summary>True for 2000–2100 totals, false for single years.</summary>
    public bool IsAccumulated => YearOrPeriod.Contains('-');

    /// <summary>The quantity's name (as in published_targets.csv).</summary>
    public string Label => Name;
}
