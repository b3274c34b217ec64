namespace EvSupplyChain.Models.Finance;

/// <summary>
/// Outcome of an internal-rate-of-return search. <see cref="Rate"/> is null when no root exists in the searched range
/// (always so when the cash flows never change sign); <see cref="Roots"/> lists every root found, lowest first.
/// </summary>
/// <param name="Rate">The IRR (lowest root found), or null.</param>
/// <param name="Roots">Every rate in the search range where NPV = 0, a double root once.</param>
/// <param name="SignChanges">Sign changes in the cash-flow sequence (Descartes: an upper bound on the number of roots).</param>
/// <param name="Message">Why there is no IRR, or a warning that several rates make NPV zero; null when the IRR is unique.</param>
public sealed record IrrResult(double? Rate, IReadOnlyList<double> Roots, int SignChanges, string? Message)
{
    /// <summary>True when more than one rate makes NPV zero, so "the" IRR is ambiguous.</summary>
    public bool HasMultipleRoots => Roots.Count > 1;
}

/// <summary>
/// Internal rate of return: the discount rates r &gt; −1 where NPV(r) = 0. NPV is a polynomial P(x) = Σ c_t x^t in
/// x = 1/(1 + r); its real roots in the searched range are isolated exactly, not by a grid: between two neighbouring
/// roots of P′ (found the same way, recursively) P is monotone, so it has at most one root there, found by bisection on
/// the sign alone. Nothing depends on the scale of the cash flows (multiplying them by 1e-15 or 1e15 gives the same
/// rates), roots as close as you like are separated, and a double root (NPV touching zero) is reported once.
/// </summary>
public static class Irr
{
    /// <summary>Lowest rate searched by default (−99 %).</summary>
    public const double DefaultLowerRate = -0.99;

    /// <summary>Highest rate searched by default (1000 %).</summary>
    public const double DefaultUpperRate = 10.0;

    // |P(x)| at a turning point below this share of Σ|c_t|x^t (the rounding-error scale of P there) counts as a zero.
    private const double TouchTolerance = 1e-11;

    /// <summary>
    /// Every rate in [<paramref name="lowerRate"/>, <paramref name="upperRate"/>] where NPV is zero, lowest first, with a
    /// warning when there are several. Cash flows that never change sign have no IRR: the result has a null rate and says
    /// so. A non-finite cash flow is an error (as in <see cref="Money.Npv"/>).
    /// </summary>
    public static IrrResult Find(IReadOnlyList<double> cashFlows, double lowerRate = DefaultLowerRate, double upperRate = DefaultUpperRate)
    {
        ArgumentNullException.ThrowIfNull(cashFlows);
        if (!(lowerRate > -1) || !(upperRate > lowerRate) || !double.IsFinite(upperRate))
            throw new ArgumentOutOfRangeException(nameof(lowerRate), $"The IRR search range [{lowerRate}, {upperRate}] must satisfy -1 < lower < upper < ∞.");
        Money.RequireFinite(cashFlows, nameof(cashFlows));
        var changes = SignChanges(cashFlows);
        if (changes == 0)
            return new IrrResult(null, [], 0, "No IRR: the cash flows never change sign, so NPV is never zero.");

        // x = 1/(1 + r) falls as r rises: the lowest rate is the largest x.
        var (xLow, xHigh) = (1 / (1 + upperRate), 1 / (1 + lowerRate));
        var roots = RealRoots(Normalised([.. cashFlows]), xLow, xHigh)
            .Select(x => x == xHigh ? lowerRate : x == xLow ? upperRate : 1 / x - 1)
            .Order().ToList();

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

    // Real roots of Σ c[t] x^t in [a, b] (0 < a < b), ascending; a root where P also turns (a double root) appears once.
    private static List<double> RealRoots(double[] c, double a, double b)
    {
        var degree = Array.FindLastIndex(c, v => v != 0);
        if (degree <= 0) return [];
        // Turning points split [a, b] into pieces on which P is monotone.
        var turns = RealRoots(Normalised(Derivative(c, degree)), a, b);
        var points = new List<double> { a };
        points.AddRange(turns.Where(t => t > a && t < b));
        points.Add(b);
        var sign = points.Select(x => Sign(c, degree, x)).ToArray();
        var roots = new List<double>();
        for (var i = 0; i < points.Count; i++)
        {
            if (sign[i] == 0) roots.Add(points[i]);
            else if (i > 0 && sign[i - 1] != 0 && sign[i] != sign[i - 1]) roots.Add(Bisect(c, degree, points[i - 1], points[i], sign[i - 1]));
        }
        return roots;
    }

    // The root of P between lo and hi (P(lo) has sign signLo, P(hi) the other), to the last bit, by the sign alone.
    private static double Bisect(double[] c, int degree, double lo, double hi, int signLo)
    {
        while (true)
        {
            var mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) return Math.Abs(Scaled(c, degree, lo).Value) <= Math.Abs(Scaled(c, degree, hi).Value) ? lo : hi;
            var s = Math.Sign(Scaled(c, degree, mid).Value);
            if (s == 0) return mid;
            if (s == signLo) lo = mid; else hi = mid;
        }
    }

    // Sign of P(x), 0 when |P(x)| is within rounding of zero relative to the size of its terms.
    private static int Sign(double[] c, int degree, double x)
    {
        var (value, scale) = Scaled(c, degree, x);
        return Math.Abs(value) <= TouchTolerance * scale ? 0 : Math.Sign(value);
    }

    // P(x) and Σ|c_t|x^t, both divided by max(1, x)^degree so long series cannot overflow near r = −100 %.
    private static (double Value, double Scale) Scaled(double[] c, int degree, double x)
    {
        var (value, scale) = (0.0, 0.0);
        if (x <= 1)
        {
            for (var t = degree; t >= 0; t--) (value, scale) = (value * x + c[t], scale * x + Math.Abs(c[t]));
        }
        else
        {
            var y = 1 / x;
            for (var t = 0; t <= degree; t++) (value, scale) = (value * y + c[t], scale * y + Math.Abs(c[t]));
        }
        return (value, scale);
    }

    private static double[] Derivative(double[] c, int degree)
    {
        var d = new double[degree];
        for (var t = 1; t <= degree; t++) d[t - 1] = t * c[t];
        return d;
    }

    // Dividing by the largest |c_t| changes no root and keeps every level of derivatives finite.
    private static double[] Normalised(double[] c)
    {
        var max = c.Max(Math.Abs);
        return max == 0 ? c : [.. c.Select(v => v / max)];
    }
}
