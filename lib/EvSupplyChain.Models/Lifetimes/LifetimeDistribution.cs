namespace EvSupplyChain.Models.Lifetimes;

/// <summary>
/// A discrete lifetime law: the probability that a unit put on the market in year t leaves use in year t + age,
/// for age = 0 … <see cref="MaxAge"/>. Probabilities are non-negative and sum to 1.
/// </summary>
public sealed class LifetimeDistribution
{
    private readonly double[] _p;

    /// <summary>From probabilities by age; they must be finite, non-negative and sum to 1 within <paramref name="tolerance"/>.</summary>
    public LifetimeDistribution(IReadOnlyList<double> probabilityByAge, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(probabilityByAge);
        if (probabilityByAge.Count == 0) throw new ArgumentException("A lifetime distribution needs at least one age.", nameof(probabilityByAge));
        _p = probabilityByAge.ToArray();
        for (var a = 0; a < _p.Length; a++)
        {
            if (!double.IsFinite(_p[a]) || _p[a] < 0)
                throw new ArgumentOutOfRangeException(nameof(probabilityByAge), $"Probability at age {a} is {_p[a]}; it must be finite and in [0, 1].");
        }
        var sum = _p.Sum();
        if (Math.Abs(sum - 1) > tolerance)
            throw new ArgumentException($"Lifetime probabilities sum to {sum:R}, expected 1 ± {tolerance}.", nameof(probabilityByAge));
    }

    /// <summary>
    /// Discretises a continuous CDF: p(n) = F(n) − F(n−1) for n = 1 … <paramref name="maxAge"/> (p(0) = F(0)),
    /// negatives clipped to 0, then renormalised so the truncated law sums to 1.
    /// </summary>
    public static LifetimeDistribution FromCdf(Func<double, double> cdf, int maxAge)
    {
        if (maxAge < 0) throw new ArgumentOutOfRangeException(nameof(maxAge), maxAge, "maxAge must be ≥ 0.");
        var p = new double[maxAge + 1];
        var previous = 0.0;
        for (var n = 0; n <= maxAge; n++)
        {
            var f = cdf(n);
            p[n] = Math.Max(0, f - previous);
            previous = f;
        }
        var sum = p.Sum();
        if (!(sum > 0)) throw new ArgumentException($"The CDF puts no mass on ages 0…{maxAge}.", nameof(cdf));
        for (var n = 0; n <= maxAge; n++) p[n] /= sum;
        return new LifetimeDistribution(p);
    }

    /// <summary>The oldest age with a probability.</summary>
    public int MaxAge => _p.Length - 1;

    /// <summary>Probabilities by age (a copy-free view).</summary>
    public IReadOnlyList<double> Probabilities => _p;

    /// <summary>P(leaves use at exactly <paramref name="age"/>); 0 outside 0…MaxAge.</summary>
    public double Probability(int age) => age >= 0 && age < _p.Length ? _p[age] : 0.0;

    /// <summary>Share of a cohort still in use after the retirements of year t + <paramref name="age"/>.</summary>
    public double Surviving(int age)
    {
        if (age < 0) return 1.0;
        var gone = 0.0;
        for (var a = 0; a <= Math.Min(age, MaxAge); a++) gone += _p[a];
        return Math.Max(0.0, 1.0 - gone);
    }

    /// <summary>Mean lifetime in years.</summary>
    public double Mean => _p.Select((p, a) => p * a).Sum();
}
