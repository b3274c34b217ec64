namespace EvSupplyChain.Models.Lifetimes;

/// <summary>Cohort bookkeeping: what a series of yearly inflows becomes under a lifetime law.</summary>
public static class Cohorts
{
    /// <summary>
    /// Outflow (retirements) per year: out[τ] = Σ_t in[t]·p(τ − t), for τ = 0 … <paramref name="years"/> − 1 counted from
    /// the first inflow year. Use <paramref name="years"/> = inflow length + MaxAge to keep every retirement.
    /// </summary>
    public static double[] Outflow(IReadOnlyList<double> inflow, LifetimeDistribution lifetime, int years)
    {
        ArgumentNullException.ThrowIfNull(inflow);
        ArgumentNullException.ThrowIfNull(lifetime);
        if (years < 0) throw new ArgumentOutOfRangeException(nameof(years), years, "years must be ≥ 0.");
        var p = lifetime.Probabilities;
        var result = new double[years];
        for (var t = 0; t < inflow.Count; t++)
        {
            var x = inflow[t];
            if (x == 0) continue;
            var last = Math.Min(years - 1, t + lifetime.MaxAge);
            for (var tau = t; tau <= last; tau++) result[tau] += x * p[tau - t];
        }
        return result;
    }

    /// <summary>Stock at the end of each year: Σ_{t ≤ τ} in[t]·S(τ − t), where S is the surviving share.</summary>
    public static double[] Stock(IReadOnlyList<double> inflow, LifetimeDistribution lifetime, int years)
    {
        var outflow = Outflow(inflow, lifetime, years);
        var stock = new double[years];
        var level = 0.0;
        for (var tau = 0; tau < years; tau++)
        {
            level += (tau < inflow.Count ? inflow[tau] : 0.0) - outflow[tau];
            stock[tau] = level;
        }
        return stock;
    }
}
