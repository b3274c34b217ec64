using EvSupplyChain.Models.Lifetimes;

namespace EvSupplyChain.Tests.Lifetimes;

/// <summary>Cohort bookkeeping on small cases computed by hand.</summary>
public class CohortsTests
{
    // Half of a cohort leaves in its first year (age 0), 30 % at age 1, 20 % at age 2.
    private static readonly LifetimeDistribution Life = new([0.5, 0.3, 0.2]);

    [Fact]
    public void Outflow_convolves_each_inflow_with_the_lifetime_law()
    {
        // in = [10, 0, 5]: out[0] = 10·0.5; out[1] = 10·0.3; out[2] = 10·0.2 + 5·0.5; out[3] = 5·0.3; out[4] = 5·0.2.
        var outflow = Cohorts.Outflow([10, 0, 5], Life, 5);
        Assert.Equal([5, 3, 4.5, 1.5, 1], outflow.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Stock_is_inflow_minus_outflow_accumulated()
    {
        // 10 − 5 = 5; 5 − 3 = 2; 2 + 5 − 4.5 = 2.5; 2.5 − 1.5 = 1; 1 − 1 = 0.
        var stock = Cohorts.Stock([10, 0, 5], Life, 5);
        Assert.Equal([5, 2, 2.5, 1, 0], stock.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void A_short_horizon_drops_the_later_retirements()
    {
        Assert.Equal([5, 3], Cohorts.Outflow([10, 0, 5], Life, 2).Select(v => Math.Round(v, 12)));
        Assert.Empty(Cohorts.Outflow([10], Life, 0));
    }

    [Fact]
    public void Every_unit_retires_once_when_the_horizon_covers_the_oldest_age()
    {
        double[] inflow = [3, 1, 4, 1, 5, 9, 2, 6];
        var outflow = Cohorts.Outflow(inflow, Life, inflow.Length + Life.MaxAge);
        Assert.Equal(inflow.Sum(), outflow.Sum(), 12);
    }

    [Fact]
    public void Bad_arguments_name_the_problem()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cohorts.Outflow([1], Life, -1));
        Assert.Throws<ArgumentNullException>(() => Cohorts.Outflow(null!, Life, 1));
    }
}
