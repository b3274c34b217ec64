namespace EvSupplyChain.Models.Degradation;

/// <summary>The published cell-ageing models available as the physics-grounded alternative.</summary>
public enum AgeingCell
{
    /// <summary>LFP–graphite: calendar fade from NREL's fit to a large-format LFP cell, cycle fade from Wang et al. (2011).</summary>
    Lfp,

    /// <summary>NMC–graphite: Schmalstieg et al. (2014), Sanyo UR18650E.</summary>
    Nmc,
}

/// <summary>Constant operating conditions for the semi-empirical models.</summary>
/// <param name="CellTemperatureC">Cell temperature, °C (use the thermal lookup to go from ambient to cell).</param>
/// <param name="DepthOfDischarge">Depth of each cycle, fraction (0, 1].</param>
/// <param name="ChargeRate">Charge rate, C.</param>
/// <param name="DischargeRate">Discharge rate, C.</param>
/// <param name="CyclesPerDay">Cycles per day.</param>
/// <param name="MeanSoc">Average state of charge (storage and mid-point of the cycles), fraction.</param>
public sealed record AgeingConditions(double CellTemperatureC, double DepthOfDischarge, double ChargeRate, double DischargeRate,
    double CyclesPerDay, double MeanSoc = 0.5)
{
    /// <summary>Fails with the parameter name and its allowed range.</summary>
    public AgeingConditions Validated()
    {
        OperatingConditions.Check(nameof(CellTemperatureC), CellTemperatureC, -40, 80);
        OperatingConditions.Check(nameof(DepthOfDischarge), DepthOfDischarge, 0, 1);
        OperatingConditions.Check(nameof(ChargeRate), ChargeRate, 0, 20);
        OperatingConditions.Check(nameof(DischargeRate), DischargeRate, 0, 20);
        OperatingConditions.Check(nameof(CyclesPerDay), CyclesPerDay, 0, 50);
        OperatingConditions.Check(nameof(MeanSoc), MeanSoc, DepthOfDischarge / 2, 1 - DepthOfDischarge / 2);
        return this;
    }

    /// <summary>Mean of charge and discharge rate, C.</summary>
    public double MeanRate => (ChargeRate + DischargeRate) / 2;

    /// <summary>Cell temperature in kelvin.</summary>
    public double TemperatureK => CellTemperatureC + ThermalCellParameters.ZeroCelsiusK;

    /// <summary>
    /// The semi-empirical equivalent of the original's inputs: its temperature is taken as the cell temperature,
    /// cycles per day as given (at least 0.01, since the original may sample negatives), mean SoC 0.5.
    /// </summary>
    public static AgeingConditions From(in OperatingConditions x) =>
        new(x.AvgTempC, x.Dod, x.ChargeRate, x.DischargeRate, Math.Max(0.01, x.CyclesPerDay));
}

/// <summary>Fade and resistance growth after some time under constant conditions, from a fresh cell.</summary>
/// <param name="Days">Elapsed days.</param>
/// <param name="EquivalentFullCycles">Discharge throughput divided by the nominal capacity.</param>
/// <param name="CalendarFadePercent">Calendar (time) part of the capacity fade, %.</param>
/// <param name="CycleFadePercent">Cycling (throughput) part of the capacity fade, %.</param>
/// <param name="ResistanceIncreasePercent">Resistance increase, %.</param>
public sealed record AgeingResult(double Days, double EquivalentFullCycles, double CalendarFadePercent, double CycleFadePercent,
    double ResistanceIncreasePercent)
{
    /// <summary>Total capacity fade, %.</summary>
    public double CapacityFadePercent => CalendarFadePercent + CycleFadePercent;
}

/// <summary>A calendar + cycle ageing law fitted to published cell tests.</summary>
public interface ISemiEmpiricalAgeingModel
{
    /// <summary>Short name with the source.</summary>
    string Name { get; }

    /// <summary>Fade and resistance growth of a fresh cell after <paramref name="days"/> under <paramref name="conditions"/>.</summary>
    AgeingResult Evaluate(AgeingConditions conditions, double days);
}

/// <summary>Entry points for the semi-empirical models.</summary>
public static class SemiEmpiricalAgeing
{
    /// <summary>The model with published default parameters.</summary>
    public static ISemiEmpiricalAgeingModel For(AgeingCell cell) => cell switch
    {
        AgeingCell.Lfp => new LfpAgeingModel(LfpAgeingParameters.Default),
        AgeingCell.Nmc => new NmcAgeingModel(NmcAgeingParameters.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "cell must be Lfp or Nmc."),
    };

    /// <summary>Fade and resistance growth over <paramref name="cycles"/> cycles (the original's 500-cycle block):
    /// the elapsed time is cycles / cycles-per-day.</summary>
    public static AgeingResult OverCycles(this ISemiEmpiricalAgeingModel model, AgeingConditions conditions, double cycles = 500)
    {
        ArgumentNullException.ThrowIfNull(model);
        OperatingConditions.Check(nameof(cycles), cycles, 0, 1e6);
        if (conditions.CyclesPerDay <= 0)
            throw new ArgumentOutOfRangeException(nameof(conditions), conditions.CyclesPerDay, "CyclesPerDay must be above 0 to convert cycles to time.");
        return model.Evaluate(conditions, cycles / conditions.CyclesPerDay);
    }

    /// <summary>Arrhenius factor exp(−Ea/R·(1/T − 1/T_ref)).</summary>
    internal static double Arrhenius(double activationJPerMol, double temperatureK, double referenceK = 298.15) =>
        Math.Exp(-activationJPerMol / ThermalCellParameters.GasConstant * (1 / temperatureK - 1 / referenceK));
}
