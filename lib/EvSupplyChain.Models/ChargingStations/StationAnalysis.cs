using EvSupplyChain.Models.Display;
using EvSupplyChain.Models.Finance;
using MathNet.Numerics.Random;
using MathNet.Numerics.RootFinding;
using MathNet.Numerics.Statistics;

namespace EvSupplyChain.Models.ChargingStations;

/// <summary>NPV distribution of a seeded Monte Carlo run.</summary>
/// <param name="Site">Scenario.</param>
/// <param name="Draws">Number of draws.</param>
/// <param name="Seed">Seed of the Mersenne Twister stream.</param>
/// <param name="Mean">Mean NPV (USD).</param>
/// <param name="ProbabilityPositive">Share of draws with NPV &gt; 0.</param>
/// <param name="P10">10th percentile of NPV (USD).</param>
/// <param name="P50">Median NPV (USD).</param>
/// <param name="P90">90th percentile of NPV (USD).</param>
public sealed record MonteCarloSummary(string Site, int Draws, int Seed, double Mean, double ProbabilityPositive, double P10, double P50, double P90);

/// <summary>Monte Carlo result: the summary plus every draw's NPV (in draw order).</summary>
/// <param name="Summary">Statistics.</param>
/// <param name="Npvs">NPV of each draw.</param>
public sealed record MonteCarloResult(MonteCarloSummary Summary, double[] Npvs);

/// <summary>Break-even points of one site (null when none exists in the searched range).</summary>
/// <param name="Site">Scenario.</param>
/// <param name="Npv">NPV of the preset (USD).</param>
/// <param name="BreakEvenUtilisation">Year-1 utilisation (same growth and ceiling) that makes NPV zero; searched in [0, 1].</param>
/// <param name="BreakEvenPrice">Charging price that makes NPV zero (USD/kWh); searched in [0, 10].</param>
public sealed record BreakEven(string Site, double Npv, double? BreakEvenUtilisation, double? BreakEvenPrice);

/// <summary>The support that brings a station to NPV = 0 (all zero when NPV is already ≥ 0).</summary>
/// <param name="Site">Scenario.</param>
/// <param name="Npv">NPV without extra support (USD).</param>
/// <param name="GrantUsd">Year-0 grant that closes the gap: max(0, −NPV) (USD).</param>
/// <param name="CapitalSubsidyShare">Uncapped share of year-0 capital that makes NPV zero, or null when even 100 % is not enough.</param>
/// <param name="EnergyIncentivePerKwh">Production incentive paid every year that makes NPV zero (USD/kWh), or null above 10 USD/kWh.</param>
public sealed record ViabilityGap(string Site, double Npv, double GrantUsd, double? CapitalSubsidyShare, double? EnergyIncentivePerKwh);

/// <summary>One row of the support-option comparison.</summary>
/// <param name="Option">Support option.</param>
/// <param name="Npv">Operator NPV with the option (USD).</param>
/// <param name="Irr">Operator IRR, or null.</param>
/// <param name="DiscountedPaybackYears">Discounted payback, or null.</param>
/// <param name="SupportPv">Present value of the support to the operator = NPV with − NPV without (USD).</param>
/// <param name="Viable">NPV ≥ 0.</param>
public sealed record PolicyOutcome(string Option, double Npv, double? Irr, double? DiscountedPaybackYears, double SupportPv, bool Viable);

/// <summary>Sensitivity, uncertainty, break-even and policy analyses over <see cref="StationModel"/>.</summary>
public static class StationAnalysis
{
    /// <summary>NPV at each driver's low and high factor, the others at base. Scaled values are clamped to the
    /// parameter's allowed range (e.g. utilisation ≤ 1).</summary>
    public static IReadOnlyList<TornadoBar> Tornado(StationParameters p, IEnumerable<StationDriver> drivers)
    {
        p.Validate();
        return drivers.Select(d => new TornadoBar(d.Name, StationModel.Npv(Scale(p, d.Parameter, d.LowFactor)),
            StationModel.Npv(Scale(p, d.Parameter, d.HighFactor)))).ToList();
    }

    /// <summary>
    /// Draws every driver's factor independently from Triangular(low, 1, high) (inverse CDF on a seeded Mersenne
    /// Twister stream, drivers in list order within each draw) and returns the NPV distribution. Percentiles use
    /// MathNet's default quantile definition.
    /// </summary>
    public static MonteCarloResult MonteCarlo(StationParameters p, IReadOnlyList<StationDriver> drivers, int draws, int seed = 1)
    {
        if (draws < 1 || draws > 10_000_000)
            throw new ArgumentOutOfRangeException(nameof(draws), $"draws = {draws} is outside the allowed range [1, 10000000].");
        p.Validate();
        var specs = drivers.Select(d => StationParameterSpec.Get(d.Parameter)).ToArray();
        var bases = specs.Select(s => s.Read(p)).ToArray();
        var rng = new MersenneTwister(seed, threadSafe: false);
        var npvs = new double[draws];
        var positive = 0;
        for (var i = 0; i < draws; i++)
        {
            var q = p;
            for (var d = 0; d < specs.Length; d++)
            {
                var factor = Triangular(drivers[d].LowFactor, 1, drivers[d].HighFactor, rng.NextDouble());
                q = specs[d].Set(q, Scaled(specs[d], bases[d], factor));
            }
            npvs[i] = StationModel.Npv(q);
            if (npvs[i] > 0) positive++;
        }
        var sorted = (double[])npvs.Clone();
        Array.Sort(sorted);
        var summary = new MonteCarloSummary(p.Site, draws, seed, npvs.Average(), (double)positive / draws,
            SortedArrayStatistics.Quantile(sorted, 0.1), SortedArrayStatistics.Quantile(sorted, 0.5), SortedArrayStatistics.Quantile(sorted, 0.9));
        return new MonteCarloResult(summary, npvs);
    }

    /// <summary>Inverse CDF of the triangular distribution on [a, b] with mode c at probability u.</summary>
    public static double Triangular(double a, double c, double b, double u)
    {
        if (b <= a) return c;
        var fc = (c - a) / (b - a);
        return u < fc ? a + Math.Sqrt(u * (b - a) * (c - a)) : b - Math.Sqrt((1 - u) * (b - a) * (b - c));
    }

    /// <summary>NPV at each value of one parameter (the break-even curves).</summary>
    public static double[] NpvCurve(StationParameters p, string parameter, IReadOnlyList<double> values)
    {
        p.Validate();
        var spec = StationParameterSpec.Get(parameter);
        return values.Select(v => StationModel.Npv(spec.Set(p, v))).ToArray();
    }

    /// <summary>Break-even year-1 utilisation and price (Brent on NPV = 0).</summary>
    public static BreakEven BreakEvens(StationParameters p)
    {
        p.Validate();
        return new BreakEven(p.Site, StationModel.Npv(p), SolveFor(p, "utilisation", 0, 1), SolveFor(p, "price", 0, 10));
    }

    /// <summary>The value of <paramref name="parameter"/> in [<paramref name="lo"/>, <paramref name="hi"/>] that makes
    /// NPV zero, or null when NPV does not change sign on that interval.</summary>
    public static double? SolveFor(StationParameters p, string parameter, double lo, double hi)
    {
        var spec = StationParameterSpec.Get(parameter);
        double F(double v) => StationModel.Npv(spec.Set(p, v));
        var (flo, fhi) = (F(lo), F(hi));
        if (flo == 0) return lo;
        if (fhi == 0) return hi;
        if (Math.Sign(flo) == Math.Sign(fhi)) return null;
        return Brent.TryFindRoot(F, lo, hi, 1e-12, 200, out var root) ? root : null;
    }

    /// <summary>The support that makes NPV zero: a year-0 grant, an uncapped capital-subsidy share, or a
    /// per-kWh production incentive over all operating years.</summary>
    public static ViabilityGap Gap(StationParameters p)
    {
        p.Validate();
        var npv = StationModel.Npv(p);
        if (npv >= 0) return new ViabilityGap(p.Site, npv, 0, 0, 0);
        var uncapped = p with { SubsidyCapPerCharger = double.PositiveInfinity };
        var everyYear = p with { IncentiveYears = p.Years };
        return new ViabilityGap(p.Site, npv, -npv, SolveFor(uncapped, "capital_subsidy_share", 0, 1), SolveFor(everyYear, "energy_incentive", 0, 10));
    }

    /// <summary>Operator outcome under each support option; support PV = NPV(option) − NPV(preset).</summary>
    public static IReadOnlyList<PolicyOutcome> ComparePolicies(StationParameters p, IEnumerable<PolicyOption> options)
    {
        var baseNpv = StationModel.Evaluate(p).Kpis.Npv;
        return options.Select(o =>
        {
            var k = StationModel.Evaluate(o.Apply(p)).Kpis;
            return new PolicyOutcome(o.Name, k.Npv, k.Irr, k.DiscountedPaybackYears, k.Npv - baseNpv, k.Npv >= 0);
        }).ToList();
    }

    private static StationParameters Scale(StationParameters p, string key, double factor)
    {
        var spec = StationParameterSpec.Get(key);
        return spec.Set(p, Scaled(spec, spec.Read(p), factor));
    }

    // base · factor, clamped to the allowed range (and rounded for year counts).
    private static double Scaled(StationParameterSpec spec, double value, double factor)
    {
        var v = Math.Clamp(value * factor, spec.Min, spec.Max);
        return spec.IsWholeNumber ? Math.Round(v) : v;
    }
}
