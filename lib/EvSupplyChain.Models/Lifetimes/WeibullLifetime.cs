using MathNet.Numerics.RootFinding;

namespace EvSupplyChain.Models.Lifetimes;

/// <summary>
/// A three-parameter Weibull lifetime T = min + Weibull(α, β) fitted to a (min, mode, max) triplet, where "max" is the
/// <see cref="MaxQuantile"/> quantile. Reusable by any cohort model through <see cref="ToDistribution"/>.
/// </summary>
public sealed record WeibullLifetime(double Min, double Alpha, double Beta, double MaxQuantile)
{
    /// <summary>The original's quantile for "max": 99.7 %.</summary>
    public const double DefaultMaxQuantile = 0.997;

    /// <summary>Shape search bracket of the original (Brent's method on [1.001, 50]).</summary>
    public const double ShapeLow = 1.001, ShapeHigh = 50;

    /// <summary>
    /// Fits α and β: β(α) = (max − min)/L^{1/α} with L = −ln(1 − q) puts the q-quantile at max, and α solves
    /// min + β(α)·((α − 1)/α)^{1/α} = mode (the Weibull mode), by Brent's method.
    /// </summary>
    public static WeibullLifetime Fit(double min, double mode, double max, double maxQuantile = DefaultMaxQuantile)
    {
        if (!(min < mode && mode < max))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"need min < mode < max, got ({min}, {mode}, {max})");
        if (!(maxQuantile is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(maxQuantile), maxQuantile, "the quantile must be within (0, 1)");
        var l = -Math.Log(1 - maxQuantile);
        double BetaOf(double alpha) => (max - min) / Math.Pow(l, 1 / alpha);
        double Residual(double alpha) => min + BetaOf(alpha) * Math.Pow((alpha - 1) / alpha, 1 / alpha) - mode;
        if (Math.Sign(Residual(ShapeLow)) == Math.Sign(Residual(ShapeHigh)))
            throw new ArgumentOutOfRangeException(nameof(mode), mode,
                $"no Weibull shape in [{ShapeLow}, {ShapeHigh}] puts the mode at {mode} for min {min} and max {max}");
        var alpha = Brent.FindRoot(Residual, ShapeLow, ShapeHigh, 1e-15, 200);
        return new WeibullLifetime(min, alpha, BetaOf(alpha), maxQuantile);
    }

    /// <summary>P(T ≤ t) = 1 − exp(−((t − min)/β)^α) for t ≥ min, else 0.</summary>
    public double Cdf(double t) => t <= Min ? 0 : 1 - Math.Exp(-Math.Pow((t - Min) / Beta, Alpha));

    /// <summary>
    /// Discrete retirement kernel: p(n) = F(n) − F(n − 1) for ages n = 0…<paramref name="maxAge"/> (retirement in year
    /// t + ⌈T⌉), truncated at <paramref name="maxAge"/> and renormalised.
    /// </summary>
    public LifetimeDistribution ToDistribution(int maxAge) => LifetimeDistribution.FromCdf(Cdf, maxAge);
}
