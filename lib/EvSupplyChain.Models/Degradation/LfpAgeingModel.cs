namespace EvSupplyChain.Models.Degradation;

/// <summary>
/// LFP–graphite ageing assembled from three published fits:
/// <list type="bullet">
/// <item>Cycle fade: Wang et al., J. Power Sources 196 (2011) 3942–3948 (A123 ANR26650M1, 2.2 Ah):
/// Q_loss[%] = B(C)·exp(−(E_a − k·C)/(R·T))·Ah^z, with Ah = EFC × capacity and B tabulated against C-rate.</item>
/// <item>Calendar fade: NREL BLAST-Lite fit to a &gt;250 Ah LFP cell (data: Gasper et al., J. Energy Storage 73 (2023) 109042):
/// k = p1·e^(p2/T)·e^(p3·U_a/T), loss = k·t^p (t in days), with the graphite potential U_a(SoC) of Safari and
/// Delacourt, J. Electrochem. Soc. 158 (2011) A562.</item>
/// <item>Resistance growth: Naumann et al. (J. Energy Storage 17 (2018) 153; J. Power Sources 451 (2020) 227666) as
/// refitted in BLAST-Lite: calendar k_ref·Arrhenius·(c(SoC − ½)³ + d) per second, cycle (a·C + b)·(c(DoD − ½)³ + d) per 100 EFC.</item>
/// </list>
/// The C-rate stress is the mean of charge and discharge rate. Wang's cycle fit already contains the calendar ageing
/// of its (short) test periods, so the sum slightly double counts at high cycling rates.
/// </summary>
/// <param name="CapacityAh">Nominal capacity of the cycled cell (Wang), Ah.</param>
/// <param name="CycleActivationJPerMol">E_a of the cycle fade, J/mol.</param>
/// <param name="CycleRateActivation">k: J/mol per C that lowers the activation energy.</param>
/// <param name="CycleExponent">z of the throughput.</param>
/// <param name="CycleRates">C-rates where B is tabulated.</param>
/// <param name="CyclePrefactors">B at those C-rates (linear in between, clamped outside).</param>
/// <param name="CalendarP1">p1 of the calendar rate.</param>
/// <param name="CalendarP2">p2, K.</param>
/// <param name="CalendarP3">p3, K/V.</param>
/// <param name="CalendarExponent">Time exponent.</param>
/// <param name="ResistanceCalendarRef">k_ref, per second at 25 °C.</param>
/// <param name="ResistanceCalendarActivation">E_a of calendar resistance growth, J/mol.</param>
/// <param name="ResistanceCalendarSoc">c, d of the SoC factor.</param>
/// <param name="ResistanceCycleRate">a, b of the C-rate factor.</param>
/// <param name="ResistanceCycleDod">c, d of the DoD factor.</param>
public sealed record LfpAgeingParameters(
    double CapacityAh, double CycleActivationJPerMol, double CycleRateActivation, double CycleExponent,
    IReadOnlyList<double> CycleRates, IReadOnlyList<double> CyclePrefactors,
    double CalendarP1, double CalendarP2, double CalendarP3, double CalendarExponent,
    double ResistanceCalendarRef, double ResistanceCalendarActivation, (double C, double D) ResistanceCalendarSoc,
    (double A, double B) ResistanceCycleRate, (double C, double D) ResistanceCycleDod)
{
    /// <summary>The published values.</summary>
    public static LfpAgeingParameters Default { get; } = new(
        CapacityAh: 2.2, CycleActivationJPerMol: 31_700, CycleRateActivation: 370.3, CycleExponent: 0.55,
        CycleRates: [0.5, 2, 6, 10], CyclePrefactors: [31_630, 21_681, 12_934, 15_512],
        CalendarP1: 8.37e4, CalendarP2: -5.21e3, CalendarP3: -3.56e3, CalendarExponent: 0.526,
        ResistanceCalendarRef: 3.4194e-10, ResistanceCalendarActivation: 71_827, ResistanceCalendarSoc: (-3.3903, 1.5604),
        ResistanceCycleRate: (-0.002, 0.0021), ResistanceCycleDod: (6.8477, 0.91882));

    /// <summary>B at <paramref name="rate"/> (linear between tabulated rates, clamped outside).</summary>
    public double CyclePrefactor(double rate)
    {
        if (rate <= CycleRates[0]) return CyclePrefactors[0];
        for (var i = 1; i < CycleRates.Count; i++)
        {
            if (rate <= CycleRates[i])
            {
                var w = (rate - CycleRates[i - 1]) / (CycleRates[i] - CycleRates[i - 1]);
                return CyclePrefactors[i - 1] + w * (CyclePrefactors[i] - CyclePrefactors[i - 1]);
            }
        }
        return CyclePrefactors[^1];
    }

    /// <summary>Graphite potential vs Li, V, at cell SoC (Safari and Delacourt 2011; lithiation 0.0085…0.78 as in BLAST-Lite).</summary>
    public static double GraphitePotential(double soc)
    {
        var x = 8.5e-3 + soc * (0.78 - 8.5e-3);
        return 0.6379 + 0.5416 * Math.Exp(-305.5309 * x) + 0.044 * Math.Tanh(-(x - 0.1958) / 0.1088)
            - 0.1978 * Math.Tanh((x - 1.0571) / 0.0854) - 0.6875 * Math.Tanh((x + 0.0117) / 0.0529)
            - 0.0175 * Math.Tanh((x - 0.5692) / 0.0875);
    }
}

/// <summary>The LFP ageing law (see <see cref="LfpAgeingParameters"/>).</summary>
/// <param name="Parameters">Its parameters.</param>
public sealed record LfpAgeingModel(LfpAgeingParameters Parameters) : ISemiEmpiricalAgeingModel
{
    /// <inheritdoc />
    public string Name => "LFP (Wang et al. 2011 cycle; NREL calendar)";

    /// <inheritdoc />
    public AgeingResult Evaluate(AgeingConditions conditions, double days)
    {
        var c = conditions.Validated();
        OperatingConditions.Check(nameof(days), days, 0, 1e6);
        var p = Parameters;
        var t = c.TemperatureK;
        var rate = c.MeanRate;
        var efc = days * c.CyclesPerDay * c.DepthOfDischarge;
        var cycle = p.CyclePrefactor(rate) * Math.Exp(-(p.CycleActivationJPerMol - p.CycleRateActivation * rate) / (ThermalCellParameters.GasConstant * t))
            * Math.Pow(efc * p.CapacityAh, p.CycleExponent);
        var ua = LfpAgeingParameters.GraphitePotential(c.MeanSoc);
        var kCal = p.CalendarP1 * Math.Exp(p.CalendarP2 / t) * Math.Exp(p.CalendarP3 * ua / t);
        var calendar = 100 * kCal * Math.Pow(days, p.CalendarExponent);
        var rCal = p.ResistanceCalendarRef * SemiEmpiricalAgeing.Arrhenius(p.ResistanceCalendarActivation, t)
            * (p.ResistanceCalendarSoc.C * Math.Pow(c.MeanSoc - 0.5, 3) + p.ResistanceCalendarSoc.D) * days * 86_400;
        var rCyc = Math.Max(0, p.ResistanceCycleRate.A * rate + p.ResistanceCycleRate.B)
            * (p.ResistanceCycleDod.C * Math.Pow(c.DepthOfDischarge - 0.5, 3) + p.ResistanceCycleDod.D) * efc / 100;
        return new AgeingResult(days, efc, calendar, cycle, 100 * (rCal + rCyc));
    }
}
