namespace EvSupplyChain.Models.Finance;

/// <summary>
/// Discounting kernel shared by the city-energy and charging-station models. Cash-flow index 0 is "now"
/// (undiscounted); index t is discounted by (1 + rate)^t.
/// </summary>
public static class Money
{
    /// <summary>1 / (1 + rate)^year.</summary>
    public static double DiscountFactor(double rate, int year)
    {
        CheckRate(rate);
        return Math.Pow(1.0 + rate, -year);
    }

    /// <summary>Net present value of yearly cash flows, index 0 undiscounted. A non-finite cash flow is an error (as in
    /// <see cref="Irr.Find"/>), and so is a sum too large for a double.</summary>
    public static double Npv(double rate, IReadOnlyList<double> cashFlows)
    {
        CheckRate(rate);
        RequireFinite(cashFlows, nameof(cashFlows));
        var npv = 0.0;
        var factor = 1.0;
        for (var t = 0; t < cashFlows.Count; t++)
        {
            npv += cashFlows[t] * factor;
            factor /= 1.0 + rate;
        }
        return double.IsFinite(npv) ? npv
            : throw new ArgumentOutOfRangeException(nameof(cashFlows), npv, "The net present value exceeds the range of a double; express the cash flows in a larger unit.");
    }

    /// <summary>Fails naming the year of the first cash flow that is NaN or infinite.</summary>
    internal static void RequireFinite(IReadOnlyList<double> cashFlows, string name)
    {
        ArgumentNullException.ThrowIfNull(cashFlows, name);
        for (var t = 0; t < cashFlows.Count; t++)
        {
            if (!double.IsFinite(cashFlows[t]))
                throw new ArgumentOutOfRangeException(name, cashFlows[t], $"Cash flow of year {t} is not a finite number.");
        }
    }

    /// <summary>Levelised cost: Σ cost_t·DF_t / Σ quantity_t·DF_t (e.g. $/kWh). Fails when discounted quantity is 0.</summary>
    public static double LevelisedCost(double rate, IReadOnlyList<double> costs, IReadOnlyList<double> quantities)
    {
        if (costs.Count != quantities.Count)
            throw new ArgumentException($"costs has {costs.Count} years but quantities has {quantities.Count}.");
        var denominator = Npv(rate, quantities);
        if (!(denominator > 0))
            throw new ArgumentException("The discounted quantity is not positive, so no levelised cost exists.", nameof(quantities));
        return Npv(rate, costs) / denominator;
    }

    /// <summary>
    /// Years until the cumulative (discounted when <paramref name="rate"/> &gt; 0) cash flow turns non-negative,
    /// interpolated linearly within the year it crosses; null when it never does.
    /// </summary>
    public static double? Payback(double rate, IReadOnlyList<double> cashFlows)
    {
        CheckRate(rate);
        var cumulative = 0.0;
        var factor = 1.0;
        for (var t = 0; t < cashFlows.Count; t++)
        {
            var flow = cashFlows[t] * factor;
            var next = cumulative + flow;
            if (next >= 0 && (t > 0 || flow >= 0))
            {
                if (t == 0) return 0.0;
                return cumulative >= 0 ? t - 1 : t - 1 + (-cumulative / flow);
            }
            cumulative = next;
            factor /= 1.0 + rate;
        }
        return null;
    }

    /// <summary>Return on investment: (Σ inflows − Σ outflows) / Σ outflows, undiscounted. Fails when outflows are not positive.</summary>
    public static double Roi(double totalInflows, double totalOutflows)
    {
        if (!(totalOutflows > 0) || !double.IsFinite(totalOutflows))
            throw new ArgumentOutOfRangeException(nameof(totalOutflows), totalOutflows, "ROI needs positive, finite total outflows.");
        return (totalInflows - totalOutflows) / totalOutflows;
    }

    /// <summary>Present value of 1 paid at the end of each of <paramref name="years"/> years: (1 − (1 + r)^−n) / r (n when r = 0).</summary>
    public static double AnnuityFactor(double rate, int years)
    {
        CheckRate(rate);
        if (years < 0) throw new ArgumentOutOfRangeException(nameof(years), years, "The number of years must be 0 or more.");
        return rate == 0 ? years : (1.0 - Math.Pow(1.0 + rate, -years)) / rate;
    }

    /// <summary>Capital recovery factor: the level yearly payment that repays 1 over <paramref name="years"/> years, 1 / <see cref="AnnuityFactor"/>.</summary>
    public static double CapitalRecoveryFactor(double rate, int years)
    {
        if (years < 1) throw new ArgumentOutOfRangeException(nameof(years), years, "The number of years must be 1 or more.");
        return 1.0 / AnnuityFactor(rate, years);
    }

    private static void CheckRate(double rate)
    {
        if (!double.IsFinite(rate) || rate <= -1.0)
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The discount rate must be finite and greater than -1 (e.g. 0.05 for 5 %).");
    }
}
