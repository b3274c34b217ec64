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
    /// With one sign change in the flows (Descartes: exactly one root) Brent runs on the whole range. With several, NPV
    /// is scanned over a grid of rates in [<paramref name="lowerRate"/>, <paramref name="upperRate"/>] (steps of 1 % up
    /// to 100 %, then 5 % apart in growth factor) and every bracketed sign change is polished with Brent to 1e-12;
    /// two roots closer than one grid step can be missed.
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

        var flows = cashFlows.ToArray();
        double Npv(double r) => Horner(flows, r);
        var roots = new List<double>();
        var (fl, fu) = (Npv(lowerRate), Npv(upperRate));
        if (changes == 1 && double.IsFinite(fl) && double.IsFinite(fu))
        {
            // Descartes: one sign change means exactly one rate above −100 %, so the end points bracket it or it lies outside.
            if (fl == 0) roots.Add(lowerRate);
            else if (fu == 0) roots.Add(upperRate);
            else if (Brackets(fl, fu) && Brent.TryFindRoot(Npv, lowerRate, upperRate, 1e-12, 200, out var root)) roots.Add(root);
        }
        else
        {
            var a = lowerRate;
            var fa = Npv(a);
            if (fa == 0) roots.Add(a);
            foreach (var b in Grid(lowerRate, upperRate))
            {
                var fb = Npv(b);
                if (fb == 0) roots.Add(b);
                else if (Brackets(fa, fb) && Brent.TryFindRoot(Npv, a, b, 1e-12, 200, out var root))
                    roots.Add(root);
                (a, fa) = (b, fb);
            }
        }

        if (roots.Count == 0)
            return new IrrResult(null, [], changes, $"No IRR between {lowerRate:P0} and {upperRate:P0}: NPV does not change sign there.");
        var message = roots.Count > 1
            ? $"Warning: {roots.Count} rates make NPV zero ({string.Join(", ", roots.Select(r => r.ToString("P2", System.Globalization.CultureInfo.InvariantCulture)))}); the IRR is ambiguous, use NPV."
            : null;
        return new IrrResult(roots[0], roots, changes, message);
    }

    // True when f changes sign strictly between two finite, non-zero values (very long series can overflow near −100 %).
    private static bool Brackets(double fa, double fb) =>
        double.IsFinite(fa) && double.IsFinite(fb) && fa != 0 && fb != 0 && (fa < 0) != (fb < 0);

    // NPV as a polynomial in 1/(1 + r), evaluated by Horner's rule (one division per call).
    private static double Horner(double[] flows, double rate)
    {
        var x = 1.0 / (1.0 + rate);
        var sum = 0.0;
        for (var t = flows.Length - 1; t >= 0; t--) sum = sum * x + flows[t];
        return sum;
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
