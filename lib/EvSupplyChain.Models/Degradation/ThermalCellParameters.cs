namespace EvSupplyChain.Models.Degradation;

/// <summary>
/// A lumped (single-temperature) cell charging at constant current (MODEL_SPEC §5.6). Defaults are the spec's
/// approximate LG M50 / Chen2020 figures — a project assumption, since the original PyBaMM lookup was never published.
/// </summary>
/// <param name="CapacityAh">Nominal capacity, Ah.</param>
/// <param name="ChargeRateC">Charge rate, C (current = rate × capacity).</param>
/// <param name="InitialSoc">State of charge at the start of the constant-current phase.</param>
/// <param name="FinalSoc">State of charge at its end.</param>
/// <param name="MassKg">Cell mass, kg.</param>
/// <param name="HeatCapacityJPerKgK">Specific heat, J/(kg·K).</param>
/// <param name="CoolingAreaM2">Cooled surface, m².</param>
/// <param name="HeatTransferWPerM2K">Convective coefficient h, W/(m²·K).</param>
/// <param name="Resistance25Ohm">Internal resistance at 25 °C, Ω.</param>
/// <param name="ActivationEnergyJPerMol">Arrhenius activation energy of the resistance, J/mol.</param>
public sealed record ThermalCellParameters(
    double CapacityAh = 5.0,
    double ChargeRateC = 1.5,
    double InitialSoc = 0.1,
    double FinalSoc = 1.0,
    double MassKg = 0.069,
    double HeatCapacityJPerKgK = 1100,
    double CoolingAreaM2 = 5.3e-3,
    double HeatTransferWPerM2K = 25,
    double Resistance25Ohm = 0.025,
    double ActivationEnergyJPerMol = 25_000)
{
    /// <summary>The gas constant, J/(mol·K).</summary>
    public const double GasConstant = 8.314462618;

    /// <summary>0 °C in kelvin.</summary>
    public const double ZeroCelsiusK = 273.15;

    /// <summary>The spec's defaults.</summary>
    public static ThermalCellParameters Default { get; } = new();

    /// <summary>Charging current, A.</summary>
    public double CurrentA => ChargeRateC * CapacityAh;

    /// <summary>Thermal time constant τ = m·c_p/(h·A), s.</summary>
    public double TimeConstantS => MassKg * HeatCapacityJPerKgK / (HeatTransferWPerM2K * CoolingAreaM2);

    /// <summary>Duration of the constant-current phase, s.</summary>
    public double ChargeDurationS => (FinalSoc - InitialSoc) / ChargeRateC * 3600;

    /// <summary>Resistance at <paramref name="temperatureC"/>: R25·exp((Ea/R)(1/T − 1/298.15)).</summary>
    public double ResistanceOhm(double temperatureC) =>
        Resistance25Ohm * Math.Exp(ActivationEnergyJPerMol / GasConstant * (1 / (temperatureC + ZeroCelsiusK) - 1 / (25 + ZeroCelsiusK)));

    /// <summary>Fails with the parameter name and allowed range when a value is not physical.</summary>
    public ThermalCellParameters Validated()
    {
        OperatingConditions.Check(nameof(CapacityAh), CapacityAh, 1e-6, 1e5);
        OperatingConditions.Check(nameof(ChargeRateC), ChargeRateC, 1e-6, 20);
        OperatingConditions.Check(nameof(InitialSoc), InitialSoc, 0, 1);
        OperatingConditions.Check(nameof(FinalSoc), FinalSoc, InitialSoc + 1e-6, 1);
        OperatingConditions.Check(nameof(MassKg), MassKg, 1e-6, 1e4);
        OperatingConditions.Check(nameof(HeatCapacityJPerKgK), HeatCapacityJPerKgK, 1, 1e5);
        OperatingConditions.Check(nameof(CoolingAreaM2), CoolingAreaM2, 1e-8, 1e3);
        OperatingConditions.Check(nameof(HeatTransferWPerM2K), HeatTransferWPerM2K, 1e-3, 1e5);
        OperatingConditions.Check(nameof(Resistance25Ohm), Resistance25Ohm, 0, 10);
        OperatingConditions.Check(nameof(ActivationEnergyJPerMol), ActivationEnergyJPerMol, 0, 2e5);
        return this;
    }
}
