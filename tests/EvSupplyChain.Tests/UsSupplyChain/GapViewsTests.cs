using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Tests.UsSupplyChain;

/// <summary>What notebook 01 shows: the published-vs-reproduced rows, sentences built from results, and the figures.</summary>
public class GapViewsTests
{
    private static readonly Lazy<GapResult> Original = new(() => GapAnalysis.Run(Golden.Inputs));

    [Fact]
    public void Every_published_demand_and_gap_is_within_tolerance()
    {
        var published = GapViews.LoadPublished(Golden.DataFolder);
        var rows = GapViews.PublishedGaps(Original.Value, published);
        Assert.Equal(2 * published.Count, rows.Count);
        Assert.All(rows, r => Assert.True(r.Within, $"{r.Quantity}: published {r.Published}, reproduced {r.Reproduced}"));
    }

    [Fact]
    public void A_published_gap_off_by_one_percent_is_flagged()
    {
        var published = GapViews.LoadPublished(Golden.DataFolder).ToList();
        var nickel = published.FindIndex(r => r.Material == "Nickel");
        published[nickel] = published[nickel] with { Gap = published[nickel].Gap * 1.01 };
        var flagged = GapViews.PublishedGaps(Original.Value, published).Where(r => !r.Within).Select(r => r.Quantity).ToArray();
        Assert.Equal(["Nickel: gap"], flagged);
    }

    [Fact]
    public void Recycling_sentence_states_the_computed_tonnes_and_capacity()
    {
        var result = Original.Value;
        var row = result.Recycling.ByYear().Single(r => r.Year == 2035);
        var text = GapNarrative.Recycling(Golden.Inputs, result).Source;
        Assert.Contains($"recycles {row.Recycled:N0} t", text);
        Assert.Contains($"{row.Capacity:N0} t", text);
        Assert.Contains("437,853", text); // the value the notebook printed in markdown before it came from code
    }

    [Fact]
    public void What_if_sentence_and_labels_follow_the_parameters()
    {
        var text = GapNarrative.WhatIf(Golden.Inputs, 10, 0.5, 2027, 2030).Source;
        Assert.Contains("the 2030 gaps", text);
        Assert.Contains("+10 percentage points of LFP from 2027", text);
        Assert.Contains("50 %", text);
        Assert.DoesNotContain("30 %", text);
        Assert.Equal("50 % recycling", GapNarrative.RecyclingLabel(0.5));
        Assert.Equal("-5 pp LFP", GapNarrative.LfpLabel(-5));
    }

    [Fact]
    public void Tier_examples_name_the_tier_that_meets_demand_or_the_shortfall()
    {
        var text = GapNarrative.TierExamples(Original.Value, "Raw lithium", "Raw cobalt").Source;
        Assert.Contains("Raw lithium is met inside tier 2", text);
        Assert.Contains("Raw cobalt is short by 4,622,255 t", text);
    }

    [Fact]
    public void Changed_only_comparison_keeps_exactly_the_rows_that_move()
    {
        var corrected = GapAnalysis.Run(Golden.Inputs, GapOptions.Corrected);
        var all = GapViews.Compare(Original.Value, corrected);
        var moved = all.Count(c => Math.Abs(c.Change) >= 0.5 || Math.Abs(c.DemandThen - c.Demand) >= 0.5);
        Assert.InRange(moved, 1, all.Count - 1);
        Assert.Equal(moved, GapViews.CompareTable(Original.Value, corrected, "a", "b", changedOnly: true).RowCount);
        Assert.Equal(all.Count, GapViews.CompareTable(Original.Value, corrected, "a", "b").RowCount);
    }

    [Fact]
    public void Gap_chart_is_in_percent_of_demand_and_tall_enough_for_every_material()
    {
        var fig = GapViews.GapChart(Original.Value);
        var materials = Original.Value.Rows.Count(r => r.Demand > 0);
        Assert.Equal(materials, fig.Data[0]!["y"]!.AsArray().Count);
        Assert.True(fig.Height >= 200 + 22 * materials);
        Assert.Equal(fig.Height, fig.Layout["height"]!.GetValue<int>());
        Assert.Null(fig.Layout["xaxis"]?["type"]);
        foreach (var i in Enumerable.Range(0, materials))
        {
            var total = fig.Data.Sum(t => t!["x"]!.AsArray()[i]!.GetValue<double>());
            Assert.Equal(100, total, 1e-9);
        }
    }
}
