using EvSupplyChain.Models.Lifetimes;

namespace EvSupplyChain.Tests.Lifetimes;

/// <summary>The discrete lifetime law: validation, survival, mean and discretisation of a CDF.</summary>
public class LifetimeDistributionTests
{
    [Fact]
    public void Surviving_share_and_mean_follow_the_probabilities()
    {
        var life = new LifetimeDistribution([0.1, 0.2, 0.3, 0.4]);
        Assert.Equal(1, life.Surviving(-1));
        Assert.Equal(0.9, life.Surviving(0), 12);
        Assert.Equal(0.4, life.Surviving(2), 12);
        Assert.Equal(0, life.Surviving(3), 12);
        Assert.Equal(0, life.Surviving(10), 12);
        Assert.Equal(0 * 0.1 + 1 * 0.2 + 2 * 0.3 + 3 * 0.4, life.Mean, 12);
        Assert.Equal(3, life.MaxAge);
        Assert.Equal(0.3, life.Probability(2));
        Assert.Equal(0, life.Probability(4));
        Assert.Equal(0, life.Probability(-1));
    }

    [Fact]
    public void A_cdf_is_differenced_by_whole_years_and_renormalised_when_truncated()
    {
        // Uniform on [0, 4]: F(n) = n/4, so p = [0, ¼, ¼, ¼, ¼].
        static double Uniform(double t) => Math.Clamp(t / 4, 0, 1);
        Assert.Equal([0, 0.25, 0.25, 0.25, 0.25], LifetimeDistribution.FromCdf(Uniform, 4).Probabilities);
        Assert.Equal(2.5, LifetimeDistribution.FromCdf(Uniform, 4).Mean, 12);
        // Truncated at age 2: [0, ¼, ¼] renormalised to [0, ½, ½].
        Assert.Equal([0, 0.5, 0.5], LifetimeDistribution.FromCdf(Uniform, 2).Probabilities);
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.6 }, "sum to")]
    [InlineData(new[] { 1.2, -0.2 }, "age 1")]
    [InlineData(new[] { double.NaN, 1.0 }, "age 0")]
    public void Invalid_probabilities_are_rejected(double[] p, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new LifetimeDistribution(p));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Degenerate_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new LifetimeDistribution([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LifetimeDistribution.FromCdf(t => 1, -1));
        Assert.Throws<ArgumentException>(() => LifetimeDistribution.FromCdf(t => 0, 5));
    }
}
