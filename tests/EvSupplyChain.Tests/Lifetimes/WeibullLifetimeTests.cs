using EvSupplyChain.Models.Lifetimes;

namespace EvSupplyChain.Tests.Lifetimes;

/// <summary>The three-parameter Weibull lifetime: its CDF, the (min, mode, max) fit and its discrete kernel.</summary>
public class WeibullLifetimeTests
{
    [Fact]
    public void Cdf_is_the_shifted_weibull_law()
    {
        var w = new WeibullLifetime(Min: 2, Alpha: 2, Beta: 10, MaxQuantile: 0.997);
        Assert.Equal(0, w.Cdf(1));
        Assert.Equal(0, w.Cdf(2));
        Assert.Equal(1 - Math.Exp(-1), w.Cdf(12), 15);         // ((12 − 2)/10)² = 1
        Assert.Equal(1 - Math.Exp(-0.25), w.Cdf(7), 15);       // ((7 − 2)/10)² = ¼
    }

    [Theory]
    [InlineData(5, 10, 20)]
    [InlineData(8, 12, 25)]
    [InlineData(0, 3, 10)]
    public void Fit_puts_the_mode_and_the_max_quantile_where_asked(double min, double mode, double max)
    {
        var w = WeibullLifetime.Fit(min, mode, max);
        Assert.Equal(WeibullLifetime.DefaultMaxQuantile, w.Cdf(max), 12);
        Assert.Equal(mode, min + w.Beta * Math.Pow((w.Alpha - 1) / w.Alpha, 1 / w.Alpha), 9);
        Assert.InRange(w.Alpha, WeibullLifetime.ShapeLow, WeibullLifetime.ShapeHigh);
    }

    [Fact]
    public void The_discrete_kernel_differences_the_cdf()
    {
        var w = new WeibullLifetime(0, 2, 10, 0.997);
        var d = w.ToDistribution(60);
        Assert.Equal(1, d.Probabilities.Sum(), 12);
        Assert.Equal(w.Cdf(5) - w.Cdf(4), d.Probability(5), 12);   // no mass beyond 60 years to renormalise
        Assert.Equal(0, d.Probability(0));
    }

    [Fact]
    public void Impossible_triplets_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WeibullLifetime.Fit(10, 5, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => WeibullLifetime.Fit(0, 5, 20, 1.5));
    }
}
