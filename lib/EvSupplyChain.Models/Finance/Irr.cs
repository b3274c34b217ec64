using MathNet.Numerics.RootFinding;

namespace EvSupplyChain.Models.Finance;

/// <summary>
/// Outcome of an internal-rate-of-return search. <see cref="Rate"/> is null when no root exists in the searched range
/// (always so when the cash flows never change sign); <see cref="Roots"/> lists every root found, lowest first.
/// </summary>
/// <param name="Rate">The IRR (lowest root found), or null.</param>
/// <param name="Roots">Every rate in the search range where NPV = 0.</param>
/// <param name="SignChanges">Sign changes in the cash-flow sequence (Descartes: an upper bound on the number of roots).</param>
/// <param name="Message">Why there is no IRR, or a warning that several rates make NPV zero; null when the IRR is unique.</param>
public sealed record IrrResult(double? Rate, IReadOnlyList<double> Roots, int SignChanges, string? Message)
{
    /// <summary>True when more than one rate makes NPV zero, so "the" IRR is ambiguous.</summary>
    public bool HasMultipleRoots => Roots.Count > 1;
}

/// <summary>Internal rate of return: the discount rate r &gt; −1 where NPV(r) = 0, found with MathNet's Brent solver.</summary>
public static class Irr
{
    /// <summary>Lowest rate searched by default (−99 %).</summary>
    public const double DefaultLowerRate = -0.99;

    /// <summary>Highest rate searched by default (1000 %).</summary>
    public const double DefaultUpperRate = 10.0;

    /// <summary>
    /// Scans NPV over a grid of rates in [<paramref name="lowerRate"/>, <paramref name="upperRate"/>] (steps of 1 % up
    /// to 100 %, then 5 % apart in growth factor), and polishes every bracketed sign change with Brent to 1e-12.
    /// Cash flows that never change sign have no IRR: the result has a null rate and says so.
    /// </summary>
    public static IrrResult Find(IReadOnlyList<double> cashFlows, double lowerRate = DefaultLowerRate, double upperRate = DefaultUpperRate)
    {
        ArgumentNullException.ThrowIfNull(cashFlows);
        if (!(lowerRate > -1) || !(upperRate > lowerRate) || !double.IsFinite(upperRate))
            throw new ArgumentOutOfRangeException(nameof(lowerRate), $"The IRR search range [{lowerRate}, {upperRate}] must satisfy -1 < lower < upper < ∞.");
        for (var t = 0; t < cashFlows.Count; t++)
        {
            if (!double.IsFinite(cashFlows[t]))
                throw new ArgumentOutOfRangeException(nameof(cashFlows), cashFlows[t], $"Cash flow of year {t} is not a finite number.");
        }
        var changes = SignChanges(cashFlows);
        if (changes == 0)
            return new IrrResult(null, [], 0, "No IRR: the cash flows never change sign, so NPV is never zero.");

        var roots = new List<double>();
        double Npv(double r) => Money.Npv(r, cashFlows);
        var a = lowerRate;
        var fa = Npv(a);
        if (fa == 0) roots.Add(a);
        foreach (var b in Grid(lowerRate, upperRate))
        {
            var fb = Npv(b);
            if (fb == 0) roots.Add(b);
            else if (fa != 0 && Math.Sign(fa) != Math.Sign(fb) && Brent.TryFindRoot(Npv, a, b, 1e-12, 200, out var root))
                roots.Add(root);
            (a, fa) = (b, fb);
        }

        if (roots.Count == 0)
            return new IrrResult(null, [], changes, $"No IRR between {lowerRate:P0} and {upperRate:P0}: NPV does not change sign there.");
        var message = roots.Count > 1
            ? $"Warning: {roots.Count} rates make NPV zero ({string.Join(", ", roots.Select(r => r.ToString("P2", System.Globalization.CultureInfo.InvariantCulture)))}); the IRR is ambiguous, use NPV."
            : null;
        return new IrrResult(roots[0], roots, changes, message);
    }

    /// <summary>Number of sign changes in the sequence, ignoring zeros.</summary>
    public static int SignChanges(IReadOnlyList<double> cashFlows)
    {
        var changes = 0;
        var last = 0;
        foreach (var c in cashFlows)
        {
            var s = Math.Sign(c);
            if (s == 0) continue;
            if (last != 0 && s != last) changes++;
            last = s;
        }
        return changes;
    }

    private static IEnumerable<double> Grid(double lower, double upper)
    {
        var r = lower;
        while (r < upper)
        {
            r = r < 1.0 ? Math.Round(r + 0.01, 10) : (1 + r) * 1.05 - 1;
            yield return Math.Min(r, upper);
        }
    }
}
