using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Tests.Degradation;

/// <summary>Issue #19 item 4: further terms of the NMC law (Schmalstieg et al. 2014) on hand-computed cases, with the
/// published constants written here, not read from the library, so a changed coefficient fails.</summary>
public class SemiEmpiricalTermTests
{
    // Published OCV of the NMC cell at 0 %, 5 %, …, 100 % SoC (the table the law uses).
    private static readonly double[] Ocv = [3.331, 3.420, 3.491, 3.544, 3.581, 3.608, 3.627, 3.641, 3.655, 3.673, 3.697,
        3.732, 3.775, 3.821, 3.869, 3.915, 3.965, 4.019, 4.073, 4.118, 4.162];

    private static double OcvAt(double soc)
    {
        var x = soc * 20;
        var i = Math.Min((int)x, 19);
        return Ocv[i] + (x - i) * (Ocv[i + 1] - Ocv[i]);
    }

    [Fact]
    public void Nmc_calendar_resistance_is_the_published_law()
    {
        // α_R = (5.270·V − 16.32)·1e5·exp(−5986/T), ΔR = α_R·t^0.75 (t in days); no cycling, V(50 % SoC) = 3.697 V.
        var r = SemiEmpiricalAgeing.For(AgeingCell.Nmc).Evaluate(new AgeingConditions(35, 0.5, 1, 1, 0.0), 365);
        var expected = 100 * (5.270 * 3.697 - 16.32) * 1e5 * Math.Exp(-5986 / 308.15) * Math.Pow(365, 0.75);
        Assert.Equal(expected, r.ResistanceIncreasePercent, 1e-9 * expected);
    }

    [Fact]
    public void Nmc_cycle_fade_is_the_published_law()
    {
        // β_C = 7.348e-3·(V_rms − 3.667)² + 7.600e-4 + 4.081e-3·DoD, fade = β_C·Q^0.5 with Q = 2·EFC·2.15 Ah the charge
        // throughput; V_rms over the OCV swing 40–60 % SoC by a fine midpoint integral (not the library's 101 points).
        const double dod = 0.2, days = 200, cyclesPerDay = 1.5;
        const int n = 200_000;
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += Math.Pow(OcvAt(0.4 + dod * (i + 0.5) / n), 2);
        var vRms = Math.Sqrt(sum / n);
        var beta = 7.348e-3 * Math.Pow(vRms - 3.667, 2) + 7.600e-4 + 4.081e-3 * dod;
        var throughput = 2 * days * cyclesPerDay * dod * 2.15;
        var expected = 100 * beta * Math.Sqrt(throughput);
        var r = SemiEmpiricalAgeing.For(AgeingCell.Nmc).Evaluate(new AgeingConditions(25, dod, 1, 1, cyclesPerDay), days);
        Assert.Equal(expected, r.CycleFadePercent, 1e-4 * expected); // the library averages 101 OCV points: ~4e-5 from the integral
    }

    // Graphite open-circuit potential (Safari & Delacourt 2011) at the mean SoC, as the NREL LFP calendar law uses it.
    private static double GraphitePotential(double soc)
    {
        var x = 8.5e-3 + soc * (0.78 - 8.5e-3);
        return 0.6379 + 0.5416 * Math.Exp(-305.5309 * x) + 0.044 * Math.Tanh(-(x - 0.1958) / 0.1088)
            - 0.1978 * Math.Tanh((x - 1.0571) / 0.0854) - 0.6875 * Math.Tanh((x + 0.0117) / 0.0529)
            - 0.0175 * Math.Tanh((x - 0.5692) / 0.0875);
    }

    [Fact]
    public void Lfp_calendar_fade_is_the_nrel_law()
    {
        // k = p1·exp(p2/T)·exp(p3·U_a/T) with p1 = 8.37e4, p2 = −5.21e3 K, p3 = −3.56e3 K/V; fade = k·t^0.526 (t in days).
        var r = SemiEmpiricalAgeing.For(AgeingCell.Lfp).Evaluate(new AgeingConditions(35, 0.5, 1, 1, 0.0), 365);
        const double t = 308.15;
        var k = 8.37e4 * Math.Exp(-5.21e3 / t) * Math.Exp(-3.56e3 * GraphitePotential(0.5) / t);
        var expected = 100 * k * Math.Pow(365, 0.526);
        Assert.Equal(expected, r.CalendarFadePercent, 1e-9 * expected);
        Assert.Equal(0, r.CycleFadePercent);
    }

    [Fact]
    public void Lfp_calendar_resistance_is_the_nrel_law()
    {
        // ΔR/R = k_ref·exp(−Ea/R·(1/T − 1/298.15))·(c·(SoC − 0.5)³ + d)·t (t in s), k_ref = 3.4194e-10 /s, Ea = 71,827 J/mol,
        // c = −3.3903, d = 1.5604; at 50 % SoC the SoC term is d. No cycling, so no cycle term.
        var r = SemiEmpiricalAgeing.For(AgeingCell.Lfp).Evaluate(new AgeingConditions(35, 0.5, 1, 1, 0.0), 365);
        var arrhenius = Math.Exp(-71_827 / 8.314462618 * (1 / 308.15 - 1 / 298.15));
        var expected = 100 * 3.4194e-10 * arrhenius * 1.5604 * 365 * 86_400;
        Assert.Equal(expected, r.ResistanceIncreasePercent, 1e-9 * expected);
    }
}
