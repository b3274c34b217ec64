namespace EvSupplyChain.Models.Degradation;

/// <summary>A normal distribution N(mean, sd), clipped to [<paramref name="Min"/>, <paramref name="Max"/>] after sampling.</summary>
/// <param name="Mean">Mean.</param>
/// <param name="StdDev">Standard deviation.</param>
/// <param name="Min">Lower clip (−∞ for none).</param>
/// <param name="Max">Upper clip (+∞ for none).</param>
public sealed record NormalInput(double Mean, double StdDev, double Min = double.NegativeInfinity, double Max = double.PositiveInfinity);

/// <summary>A uniform distribution U[min, max], clipped to [<paramref name="ClipMin"/>, <paramref name="ClipMax"/>].</summary>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
/// <param name="ClipMin">Lower clip.</param>
/// <param name="ClipMax">Upper clip.</param>
public sealed record UniformInput(double Low, double High, double ClipMin = double.NegativeInfinity, double ClipMax = double.PositiveInfinity);

/// <summary>
/// Every constant of the original "mock simulation" (MODEL_SPEC §1.2–1.3): input distributions, formula
/// coefficients, noise and dropped rows. <see cref="LiIon"/> and <see cref="NaIon"/> are the original values;
/// change any with a <c>with</c> expression.
/// </summary>
/// <param name="Chemistry">The chemistry these values belong to.</param>
/// <param name="Temperature">avg_temp_c, °C.</param>
/// <param name="Dod">dod, fraction.</param>
/// <param name="ChargeRate">charge_rate, C.</param>
/// <param name="DischargeRate">discharge_rate, C.</param>
/// <param name="CyclesPerDay">cycles_per_day (no clip in the original).</param>
/// <param name="InitialSoh">initial_soh_percent, %.</param>
/// <param name="BaseFade">b_F, % over the cycle block.</param>
/// <param name="BaseResistance">b_R, %.</param>
/// <param name="FadeTemperatureExponent">e_T.</param>
/// <param name="DodExponent">e_D.</param>
/// <param name="SeiConstant">k_SEI, %.</param>
/// <param name="PlatingConstant">k_pl, %.</param>
public sealed record OriginalModelParameters(
    CellChemistry Chemistry,
    NormalInput Temperature, UniformInput Dod, UniformInput ChargeRate, UniformInput DischargeRate,
    NormalInput CyclesPerDay, NormalInput InitialSoh,
    double BaseFade, double BaseResistance, double FadeTemperatureExponent, double DodExponent,
    double SeiConstant, double PlatingConstant)
{
    /// <summary>Equivalent cycles each sample represents (PYBAMM_SIMULATION_TARGET_CYCLES).</summary>
    public int Cycles { get; init; } = 500;

    /// <summary>Temperature above which heat adds fade and resistance, °C.</summary>
    public double ReferenceTemperatureC { get; init; } = 25;

    /// <summary>Coefficient of max(0, T − 25)^e_T in the fade.</summary>
    public double FadeTemperatureCoefficient { get; init; } = 0.12;

    /// <summary>Coefficient of DoD^e_D in the fade.</summary>
    public double FadeDodCoefficient { get; init; } = 6.0;

    /// <summary>Per-cycle fade constant of the cycle term.</summary>
    public double CycleFadeBase { get; init; } = 0.01;

    /// <summary>Per-cycle fade per C of charge rate.</summary>
    public double CycleFadePerChargeRate { get; init; } = 0.005;

    /// <summary>Per-cycle fade per C of effective discharge rate.</summary>
    public double CycleFadePerDischargeRate { get; init; } = 0.002;

    /// <summary>Coefficient of max(0, T − 25)^0.9 in the resistance.</summary>
    public double ResistanceTemperatureCoefficient { get; init; } = 0.06;

    /// <summary>Temperature exponent of the resistance term.</summary>
    public double ResistanceTemperatureExponent { get; init; } = 0.9;

    /// <summary>Resistance per C of charge rate.</summary>
    public double ResistancePerChargeRate { get; init; } = 2.0;

    /// <summary>Resistance per C of effective discharge rate.</summary>
    public double ResistancePerDischargeRate { get; init; } = 1.0;

    /// <summary>Discharge multiplier per traffic level: m = 1 + 0.15·L.</summary>
    public double TrafficDischargeFactor { get; init; } = 0.15;

    /// <summary>SoH multiplier slope: s = 1 + max(0, 2·(100 − SoH)/100).</summary>
    public double SohFactorSlope { get; init; } = 2.0;

    /// <summary>Standard deviation of the fade noise, percentage points.</summary>
    public double FadeNoiseSd { get; init; } = 0.6;

    /// <summary>Standard deviation of the resistance noise, percentage points.</summary>
    public double ResistanceNoiseSd { get; init; } = 1.0;

    /// <summary>Probability a sample is discarded as a "failed simulation".</summary>
    public double DropProbability { get; init; } = 0.03;

    /// <summary>The original Li-ion values.</summary>
    public static OriginalModelParameters LiIon { get; } = new(
        CellChemistry.LiIon,
        Temperature: new NormalInput(35, 8, -20, 60),
        Dod: new UniformInput(0.60, 0.95, 0.01, 1.0),
        ChargeRate: new UniformInput(0.5, 1.5, 0.01),
        DischargeRate: new UniformInput(0.8, 1.6, 0.01),
        CyclesPerDay: new NormalInput(1.5, 0.5),
        InitialSoh: new NormalInput(95, 5, 70, 100),
        BaseFade: 2.0, BaseResistance: 5.0, FadeTemperatureExponent: 1.1, DodExponent: 2.2,
        SeiConstant: 1.5, PlatingConstant: 2.0);

    /// <summary>The original Na-ion values.</summary>
    public static OriginalModelParameters NaIon { get; } = new(
        CellChemistry.NaIon,
        Temperature: new NormalInput(30, 7, -20, 60),
        Dod: new UniformInput(0.55, 0.90, 0.01, 1.0),
        ChargeRate: new UniformInput(0.4, 1.2, 0.01),
        DischargeRate: new UniformInput(0.7, 1.4, 0.01),
        CyclesPerDay: new NormalInput(1.2, 0.4),
        InitialSoh: new NormalInput(96, 4, 70, 100),
        BaseFade: 2.5, BaseResistance: 6.0, FadeTemperatureExponent: 1.05, DodExponent: 2.1,
        SeiConstant: 1.8, PlatingConstant: 0.0);

    /// <summary>The original values for <paramref name="chemistry"/>.</summary>
    public static OriginalModelParameters For(CellChemistry chemistry) => chemistry switch
    {
        CellChemistry.LiIon => LiIon,
        CellChemistry.NaIon => NaIon,
        _ => throw new ArgumentOutOfRangeException(nameof(chemistry), chemistry, "chemistry must be LiIon or NaIon."),
    };
}
