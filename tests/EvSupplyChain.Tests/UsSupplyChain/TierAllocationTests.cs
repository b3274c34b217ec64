using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary>The five-tier sourcing rule on constructed cases.</summary>
public class TierAllocationTests
{
    private static IReadOnlyList<IReadOnlyList<double>> Tiers(params double[][] tiers) => tiers;

    [Fact]
    public void Shortfall_uses_everything_and_the_gap_is_demand_minus_supply()
    {
        var r = TierAllocation.Allocate(100, Tiers([10], [5, 5], [20, 0], [10], [0, 30, 0]));
        Assert.Equal(-1, r.MarginalTier);
        Assert.Equal(20, r.Gap);
        Assert.Equal([10.0, 5, 5, 20, 0, 10, 0, 30, 0], r.Allocated.SelectMany(t => t));
    }

    [Fact]
    public void Demand_met_inside_tier_1_scales_tier_1_and_zeroes_the_rest()
    {
        var r = TierAllocation.Allocate(40, Tiers([100], [50, 50], [20, 20], [10], [5, 5, 0]));
        Assert.Equal(0, r.MarginalTier);
        Assert.Equal(0, r.Gap);
        Assert.Equal(40, r.Allocated[0][0]);
        Assert.All(r.Allocated.Skip(1).SelectMany(t => t), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Demand_met_inside_a_later_tier_scales_its_members_pro_rata()
    {
        var r = TierAllocation.Allocate(40, Tiers([10], [30, 10], [5, 5], [1], [1, 1, 0]));
        Assert.Equal(1, r.MarginalTier);
        Assert.Equal(10, r.Allocated[0][0]);
        Assert.Equal(22.5, r.Allocated[1][0], 12);
        Assert.Equal(7.5, r.Allocated[1][1], 12);
        Assert.All(r.Allocated.Skip(2).SelectMany(t => t), v => Assert.Equal(0, v));
    }

    [Fact]
    public void A_boundary_met_exactly_keeps_that_tier_whole_and_uses_nothing_after_it()
    {
        var r = TierAllocation.Allocate(30, Tiers([10], [15, 5], [7, 3], [2], [1, 1, 0]));
        Assert.Equal(1, r.MarginalTier);
        Assert.Equal(0, r.Gap);
        Assert.Equal([10.0, 15, 5], r.Allocated.Take(2).SelectMany(t => t));
        Assert.All(r.Allocated.Skip(2).SelectMany(t => t), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Zero_demand_zeroes_every_source()
    {
        var r = TierAllocation.Allocate(0, Tiers([10], [5, 5], [2, 2], [1], [1, 1, 0]));
        Assert.Equal(0, r.Gap);
        Assert.All(r.Allocated.SelectMany(t => t), v => Assert.Equal(0, v));
    }

    [Fact]
    public void A_zero_supply_tier_is_skipped()
    {
        var r = TierAllocation.Allocate(15, Tiers([10], [0, 0], [8, 2], [4], [1, 1, 0]));
        Assert.Equal(2, r.MarginalTier);
        Assert.Equal([0.0, 0], r.Allocated[1]);
        Assert.Equal(4, r.Allocated[2][0], 12);
        Assert.Equal(1, r.Allocated[2][1], 12);
        Assert.Equal(0, r.Allocated[3][0]);
    }

    [Fact]
    public void Zero_demand_and_zero_supply_is_no_gap()
    {
        var r = TierAllocation.Allocate(0, Tiers([0], [0, 0], [0, 0], [0], [0, 0, 0]));
        Assert.Equal(0, r.Gap);
        Assert.All(r.Allocated.SelectMany(t => t), v => Assert.Equal(0, v));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Invalid_demand_is_rejected_with_its_name(double demand)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TierAllocation.Allocate(demand, Tiers([1])));
        Assert.Equal("demand", e.ParamName);
    }

    [Fact]
    public void Negative_supply_is_rejected_naming_the_tier()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TierAllocation.Allocate(5, Tiers([1], [-2, 0])));
        Assert.Contains("tier 2", e.Message);
    }

    [Fact]
    public void Supply_rows_allocate_in_the_original_tier_order()
    {
        // US recycling is tier 2, other FTA tier 3, FEOC tier 5.
        var row = new SupplyRow("X", 12, UsMature: 5, UsEarlyStage: 3, CanadaMexicoMature: 4, CanadaMexicoEarlyStage: 9, OtherFta: 4,
            Feoc: 9, OtherNonFta: 9, UsRecycling: 1, NonUsRecycling: 0, Gap: 0).Allocate();
        Assert.Equal((5.0, 3.0, 1.0), (row.UsMature, row.UsEarlyStage, row.UsRecycling));
        Assert.Equal(1.5, row.CanadaMexicoMature, 12);
        Assert.Equal(1.5, row.OtherFta, 12);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (row.CanadaMexicoEarlyStage, row.Feoc, row.OtherNonFta, row.Gap));
    }
}
