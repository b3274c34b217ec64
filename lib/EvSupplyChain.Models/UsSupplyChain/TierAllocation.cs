namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>The outcome of allocating one row's demand over tiers of supply sources.</summary>
/// <param name="Allocated">Supply used, per tier and member, in the order given.</param>
/// <param name="Gap">Demand left unmet (0 when supply suffices).</param>
/// <param name="MarginalTier">0-based index of the tier that meets the last of the demand; −1 when supply falls short.</param>
public sealed record TierAllocationResult(IReadOnlyList<IReadOnlyList<double>> Allocated, double Gap, int MarginalTier);

/// <summary>
/// Step 4: sourcing by priority tiers (MODEL_SPEC A4). Supply is taken tier by tier; the tier that reaches the demand is
/// scaled down pro rata so the row's supply equals its demand, and later tiers are not used.
/// </summary>
public static class TierAllocation
{
    /// <summary>
    /// Allocates <paramref name="demand"/> over <paramref name="tiers"/> (each a list of source quantities, in priority order).
    /// Rules: U_j is the cumulative supply of tiers 1…j (added in order). If U_last &lt; demand nothing is scaled and
    /// gap = demand − U_last. Otherwise the first tier j with U_j ≥ demand (a boundary met exactly counts as met) has
    /// each member scaled by (demand − U_{j−1})/S_j (left as is when S_j = 0), tiers after j get 0, and gap = 0.
    /// Zero demand therefore zeroes every source.
    /// </summary>
    public static TierAllocationResult Allocate(double demand, IReadOnlyList<IReadOnlyList<double>> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (!double.IsFinite(demand) || demand < 0)
            throw new ArgumentOutOfRangeException(nameof(demand), demand, "demand must be finite and ≥ 0");
        var sums = new double[tiers.Count];
        for (var j = 0; j < tiers.Count; j++)
        {
            foreach (var s in tiers[j])
            {
                if (!double.IsFinite(s) || s < 0)
                    throw new ArgumentOutOfRangeException(nameof(tiers), s, $"supply in tier {j + 1} must be finite and ≥ 0");
                sums[j] += s;
            }
        }
        var cumulative = 0.0;
        var marginal = -1;
        for (var j = 0; j < tiers.Count; j++)
        {
            if (cumulative + sums[j] >= demand)
            {
                marginal = j;
                break;
            }
            cumulative += sums[j];
        }
        if (marginal < 0)
            return new TierAllocationResult(tiers.Select(t => (IReadOnlyList<double>)t.ToArray()).ToArray(), demand - cumulative, -1);
        var allocated = new IReadOnlyList<double>[tiers.Count];
        for (var j = 0; j < tiers.Count; j++)
        {
            if (j < marginal) allocated[j] = tiers[j].ToArray();
            else if (j > marginal) allocated[j] = new double[tiers[j].Count];
            else
            {
                var factor = sums[j] == 0 ? 1.0 : (demand - cumulative) / sums[j];
                allocated[j] = tiers[j].Select(s => s * factor).ToArray();
            }
        }
        return new TierAllocationResult(allocated, 0, marginal);
    }
}
