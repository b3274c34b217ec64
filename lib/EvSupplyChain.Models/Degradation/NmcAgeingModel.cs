namespace EvSupplyChain.Models.Degradation;

/// <summary>
/// Schmalstieg et al., J. Power Sources 257 (2014) 325–334, "A holistic aging model for Li(NiMnCo)O2 based 18650
/// lithium-ion batteries" (Sanyo UR18650E, 2.15 Ah). Calendar: α(V, T)·t^0.75 with α = (a·V + b)·10^6·e^(c/T) (t in
/// days); cycle: β(V_rms, DoD)·√Q with β = d·(V_rms − e)² + f + g·DoD (Q in Ah). Resistance the same way with its own
/// constants and a linear throughput term. Cycle ageing was measured at 35 °C and 1C only, so its temperature and
/// C-rate dependence are not modelled. Throughput Q counts charge and discharge (2 × EFC × capacity), as NREL's
/// BLAST-Lite replication of the paper does.
/// </summary>
/// <param name="CapacityAh">Nominal capacity, Ah.</param>
/// <param name="CalendarCapacity">a, b, c of α_cap.</param>
/// <param name="CalendarResistance">a, b, c of α_res (scaled by 10^5 instead of 10^6).</param>
/// <param name="CycleCapacity">d, e, f, g of β_cap.</param>
/// <param name="CycleResistance">d, e, f, g of β_res.</param>
/// <param name="CalendarExponent">Time exponent (0.75).</param>
/// <param name="CycleExponent">Throughput exponent of the capacity fade (0.5).</param>
/// <param name="OcvAtSoc">Open-circuit voltage at SoC 0, 0.05, …, 1 (V).</param>
public sealed record NmcAgeingParameters(
    double CapacityAh,
    (double A, double B, double C) CalendarCapacity,
    (double A, double B, double C) CalendarResistance,
    (double D, double E, double F, double G) CycleCapacity,
    (double D, double E, double F, double G) CycleResistance,
    double CalendarExponent, double CycleExponent, IReadOnlyList<double> OcvAtSoc)
{
    /// <summary>The published values. The OCV curve is the Ecker et al. (2014) / Schmalstieg et al. (2014) curve as
    /// digitised in NREL BLAST-Lite, resampled every 5 % SoC.</summary>
    public static NmcAgeingParameters Default { get; } = new(
        CapacityAh: 2.15,
        CalendarCapacity: (7.543, -23.75, -6976),
        CalendarResistance: (5.270, -16.32, -5986),
        CycleCapacity: (7.348e-3, 3.667, 7.600e-4, 4.081e-3),
        CycleResistance: (2.153e-4, 3.725, -1.521e-5, 2.798e-4),
        CalendarExponent: 0.75, CycleExponent: 0.5,
        OcvAtSoc: [3.331, 3.420, 3.491, 3.544, 3.581, 3.608, 3.627, 3.641, 3.655, 3.673, 3.697,
            3.732, 3.775, 3.821, 3.869, 3.915, 3.965, 4.019, 4.073, 4.118, 4.162]);

    /// <summary>Open-circuit voltage at <paramref name="soc"/> (linear between the tabulated points).</summary>
    public double Ocv(double soc)
    {
        var x = Math.Clamp(soc, 0, 1) * (OcvAtSoc.Count - 1);
        var i = Math.Min((int)x, OcvAtSoc.Count - 2);
        return OcvAtSoc[i] + (x - i) * (OcvAtSoc[i + 1] - OcvAtSoc[i]);
    }
}

/// <summary>The Schmalstieg et al. (2014) NMC ageing law (see <see cref="NmcAgeingParameters"/>).</summary>
/// <param name="Parameters">Its parameters.</param>
public sealed record NmcAgeingModel(NmcAgeingParameters Parameters) : ISemiEmpiricalAgeingModel
{
    /// <inheritdoc />
    public string Name => "NMC (Schmalstieg et al. 2014)";

    /// <inheritdoc />
    public AgeingResult Evaluate(AgeingConditions conditions, double days)
    {
        var c = conditions.Validated();
        OperatingConditions.Check(nameof(days), days, 0, 1e6);
        var p = Parameters;
        var t = c.TemperatureK;
        var v = p.Ocv(c.MeanSoc);
        var vRms = RmsVoltage(c.MeanSoc, c.DepthOfDischarge);
        var alphaCap = Math.Max(0, p.CalendarCapacity.A * v + p.CalendarCapacity.B) * 1e6 * Math.Exp(p.CalendarCapacity.C / t);
        var alphaRes = Math.Max(0, p.CalendarResistance.A * v + p.CalendarResistance.B) * 1e5 * Math.Exp(p.CalendarResistance.C / t);
        var betaCap = Math.Max(0, p.CycleCapacity.D * Square(vRms - p.CycleCapacity.E) + p.CycleCapacity.F + p.CycleCapacity.G * c.DepthOfDischarge);
        var betaRes = Math.Max(0, p.CycleResistance.D * Square(vRms - p.CycleResistance.E) + p.CycleResistance.F + p.CycleResistance.G * c.DepthOfDischarge);
        var efc = days * c.CyclesPerDay * c.DepthOfDischarge;
        var throughputAh = 2 * efc * p.CapacityAh;
        var timeTerm = Math.Pow(days, p.CalendarExponent);
        return new AgeingResult(days, efc,
            CalendarFadePercent: 100 * alphaCap * timeTerm,
            CycleFadePercent: 100 * betaCap * Math.Pow(throughputAh, p.CycleExponent),
            ResistanceIncreasePercent: 100 * (alphaRes * timeTerm + betaRes * throughputAh));
    }

    /// <summary>Root-mean-square OCV over a cycle swinging ±DoD/2 around <paramref name="meanSoc"/>.</summary>
    public double RmsVoltage(double meanSoc, double dod)
    {
        const int n = 101;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var v = Parameters.Ocv(meanSoc - dod / 2 + dod * i / (n - 1));
            sum += v * v;
        }
        return Math.Sqrt(sum / n);
    }

    private static double Square(double x) => x * x;
}
