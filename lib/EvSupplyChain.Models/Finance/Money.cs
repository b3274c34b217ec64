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

    /// <summary>Net present value of yearly cash flows, index 0 undiscounted.</summary>
    public static double Npv(double rate, IReadOnlyList<double> cashFlows)
    {
        CheckRate(rate);
        var npv = 0.0;
        var factor = 1.0;
        for (var t = 0; t < cashFlows.Count; t++)
        {
            npv += cashFlows[t] * factor;
            factor /= 1.0 + rate;
        }
        return npv;
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

    private static void CheckRate(double rate)
    {
        if (!double.IsFinite(rate) || rate <= -1.0)
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The discount rate must be finite and greater than -1 (e.g. 0.05 for 5 %).");
    }
}
