using System.Text.Json.Nodes;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Display;

/// <summary>The house style every figure gets, and the builders that keep encodings honest.</summary>
public class FigureStyleTests
{
    private static JsonObject Rendered(Figure f) => JsonNode.Parse(f.ToJson())!.AsObject();

    private static JsonObject Layout(Figure f) => Rendered(f)["layout"]!.AsObject();

    private static JsonObject Strict(Figure f) => FigureStyle.Apply((JsonObject)f.Layout.DeepClone(), f.Data);

    [Fact]
    public void Every_sample_figure_titles_every_axis()
    {
        var missing = SampleFigures.All().SelectMany(s => s.Figure.Problems().Select(p => $"{s.Name}: {p}")).ToArray();
        Assert.True(missing.Length == 0, "figures with untitled axes:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_figure_without_axis_titles_is_flagged()
    {
        var fig = Figures.Bars("Untitled axes", ["a", "b"], [new Series("s", [1, 2])]);
        Assert.Equal(["x axis has no title", "y axis has no title"], fig.Problems());
        Assert.Equal(["y axis 2 has no title"], SampleFigures.SecondAxis().SetLayout("yaxis2.title.text", "").Problems());
    }

    [Fact]
    public void Every_axis_grows_its_margin_and_the_figure_has_one_font_and_palette()
    {
        foreach (var (name, fig) in SampleFigures.All())
        {
            var layout = Layout(fig);
            Assert.Equal(FigureStyle.FontFamily, layout["font"]!["family"]!.ToString());
            Assert.Equal(FigureStyle.Palette, layout["colorway"]!.AsArray().Select(c => c!.ToString()));
            foreach (var axis in FigureStyle.UsedAxes(fig.Data))
                Assert.True((bool)layout[axis]!["automargin"]!, $"{name}: {axis} has no automargin");
        }
    }

    [Fact]
    public void Tick_formats_follow_the_data_years_plain_other_numbers_grouped_without_trailing_zeros()
    {
        var layout = Layout(SampleFigures.Lines());
        Assert.Equal("d", layout["xaxis"]!["tickformat"]!.ToString());
        Assert.Equal(",~r", layout["yaxis"]!["tickformat"]!.ToString());
        var own = Figures.Lines("t", [1, 2], [new Series("s", [37.07, 44])], xTitle: "x", yTitle: "y").SetLayout("yaxis.tickformat", ".1f");
        Assert.Equal(".1f", Layout(own)["yaxis"]!["tickformat"]!.ToString());
    }

    [Fact]
    public void An_overlaying_axis_gets_its_own_round_ticks_not_ticks_synced_to_the_first_axis()
    {
        var fig = SampleFigures.Lines().SetLayout("yaxis2", new System.Text.Json.Nodes.JsonObject { ["overlaying"] = "y", ["side"] = "right" });
        ((JsonObject)fig.Data[1]!)["yaxis"] = "y2";
        Assert.Equal("auto", Layout(fig)["yaxis2"]!["tickmode"]!.ToString());
        Assert.False((bool)Layout(fig)["yaxis2"]!["showgrid"]!);
    }

    [Fact]
    public void Long_category_labels_wrap_onto_lines_and_keep_their_values()
    {
        var x = Layout(SampleFigures.BarsByCountry())["xaxis"]!;
        Assert.Equal("array", x["tickmode"]!.ToString());
        Assert.Equal("Congo, Democratic Republic of the", x["tickvals"]![1]!.ToString());
        Assert.Equal("Congo,<br>Democratic<br>Republic of the", x["ticktext"]![1]!.ToString());
        Assert.Null(Layout(SampleFigures.GroupedBarsWithErrorsAndMarkers())["xaxis"]!["ticktext"]);
    }

    [Fact]
    public void Labels_stay_on_one_line_on_a_crowded_x_axis_and_on_a_y_axis_unless_very_long()
    {
        var many = Enumerable.Range(1, FigureStyle.MaxWrappedXCategories + 1).Select(i => $"Country number {i} of many").ToArray();
        var crowded = Figures.Bars("t", many, [new Series("s", many.Select(_ => 1.0).ToArray())], xTitle: "x", yTitle: "y");
        Assert.Null(Layout(crowded)["xaxis"]!["ticktext"]);
        Assert.Null(Layout(SampleFigures.Tornado())["yaxis"]!["ticktext"]); // "Electricity price" fits one line
    }

    [Theory]
    [InlineData("Congo, Democratic Republic of the", "Congo,<br>Democratic<br>Republic of the")]
    [InlineData("Raw manganese ore", "Raw manganese<br>ore")]
    [InlineData("Lithium", "Lithium")]
    public void Wrap_breaks_at_spaces(string label, string wrapped) => Assert.Equal(wrapped, FigureStyle.Wrap(label));

    [Fact]
    public void Stacked_bars_or_areas_on_a_log_axis_are_refused()
    {
        var bars = SampleFigures.StackedBars().SetLayout("yaxis.type", "log");
        Assert.Contains("Stacked bars on a log axis (yaxis)", Assert.Throws<InvalidOperationException>(() => Strict(bars)).Message);
        var areas = SampleFigures.StackedArea(false).SetLayout("yaxis.type", "log");
        Assert.Contains("Stacked areas on a log axis", Assert.Throws<InvalidOperationException>(() => Strict(areas)).Message);
        var grouped = SampleFigures.GroupedBarsWithErrorsAndMarkers().SetLayout("yaxis.type", "log");
        Assert.Equal("log", Strict(grouped)["yaxis"]!["type"]!.ToString());
        Assert.Throws<InvalidOperationException>(() => bars.ToJson()); // rendering refuses it too
    }

    [Fact]
    public void Caption_sits_under_the_title()
    {
        var fig = SampleFigures.BarsByCountry();
        Assert.Equal("Cheng et al. 2024, Fig 5", fig.Caption);
        Assert.Equal("Cheng et al. 2024, Fig 5", Layout(fig)["title"]!["subtitle"]!["text"]!.ToString());
    }

    [Fact]
    public void Series_markers_align_with_their_series_bars_and_appear_once_in_the_legend()
    {
        var data = Rendered(SampleFigures.BarsByCountry())["data"]!.AsArray();
        var markers = data.Where(t => t!["type"]!.ToString() == "scatter").ToArray();
        Assert.Equal(["LFP-Li", "NMC-Co"], markers.Select(m => m!["offsetgroup"]!.ToString()));
        Assert.Equal([true, false], markers.Select(m => (bool)m!["showlegend"]!));
        Assert.Equal("group", Layout(SampleFigures.BarsByCountry())["scattermode"]!.ToString());
        Assert.Throws<ArgumentException>(() => SampleFigures.BarsByCountry().WithSeriesMarkers("NCA-Ni", "x", [1, 2, 3]));
    }

    [Fact]
    public void Range_bars_float_from_low_to_high_and_are_not_error_bars()
    {
        var bar = Rendered(SampleFigures.RangeBars())["data"]![0]!;
        Assert.Equal([0.73, 0.75], bar["base"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(0.27, (double)bar["y"]![0]!, 12);
        Assert.Null(bar["error_y"]);
        Assert.Throws<ArgumentException>(() => Figures.RangeBars("t", ["a"], [new RangeSeries("s", [1, 2], [3])], "x", "y"));
    }

    [Fact]
    public void Staged_sankey_fixes_columns_keeps_entity_colours_and_hides_small_labels()
    {
        var trace = Rendered(SampleFigures.StagedSankey())["data"]![0]!;
        var node = trace["node"]!;
        var labels = node["label"]!.AsArray().Select(v => v!.ToString()).ToArray();
        var x = node["x"]!.AsArray().Select(v => (double)v!).ToArray();
        var colours = node["color"]!.AsArray().Select(v => v!.ToString()).ToArray();
        Assert.Equal("fixed", trace["arrangement"]!.ToString());
        Assert.Equal([0.001, 0.001, 0.5, 0.5, 0.5, 0.999, 0.999], x);
        Assert.Equal(colours[0], colours[4]); // DRC at the mine and at the refinery
        Assert.NotEqual(colours[0], colours[1]);
        Assert.Equal("", labels[4]); // the DRC refinery carries 1 of 85 kt: label hidden…
        Assert.Equal("DRC (Refinery)", node["customdata"]![4]!.ToString()); // …and shown on hover
        Assert.Equal(["Mine", "Refinery", "Chemistry"], Layout(SampleFigures.StagedSankey())["annotations"]!.AsArray().Select(a => a!["text"]!.ToString().Replace("<b>", "").Replace("</b>", "")));
    }

    [Fact]
    public void Staged_sankey_hides_the_smaller_of_two_labels_that_would_overlap()
    {
        SankeyNode[] nodes = [new("src", "Source", 0), new("a", "Big", 1), new("b", "Small one", 1), new("c", "Small two", 1), new("d", "Small three", 1)];
        SankeyLink[] links = [new("src", "a", 100), new("src", "b", 1), new("src", "c", 1), new("src", "d", 1)];
        var trace = Rendered(Figures.StagedSankey("t", ["From", "To"], nodes, links, "kt", minLabelShare: 0.005))["data"]![0]!;
        Assert.Equal(["Source", "Big", "Small one", "", "Small three"], trace["node"]!["label"]!.AsArray().Select(v => v!.ToString()));
        Assert.Equal("Small two (To)", trace["node"]!["customdata"]![3]!.ToString());
    }

    [Fact]
    public void Staged_sankey_refuses_links_that_go_backwards_or_to_unknown_nodes()
    {
        SankeyNode[] nodes = [new("a", "A", 0), new("b", "B", 1)];
        Assert.Contains("later stage", Assert.Throws<ArgumentException>(() => Figures.StagedSankey("t", ["1", "2"], nodes, [new SankeyLink("b", "a", 1)], "kt")).Message);
        Assert.Contains("does not exist", Assert.Throws<ArgumentException>(() => Figures.StagedSankey("t", ["1", "2"], nodes, [new SankeyLink("a", "c", 1)], "kt")).Message);
    }

    [Fact]
    public void Panels_put_each_figure_on_its_own_axes_with_one_legend_entry_per_series()
    {
        var fig = Rendered(SampleFigures.Panels());
        var data = fig["data"]!.AsArray();
        Assert.Equal(["x", "x", "x2", "x2"], data.Select(t => t!["xaxis"]!.ToString()));
        Assert.Equal([true, true, false, false], data.Select(t => t!["showlegend"] is null || (bool)t["showlegend"]!));
        Assert.Equal("Energy (GWh/yr)", fig["layout"]!["yaxis2"]!["title"]!["text"]!.ToString());
        Assert.Equal("y2", fig["layout"]!["xaxis2"]!["anchor"]!.ToString());
    }

    [Fact]
    public void Second_y_axis_carries_the_second_quantity()
    {
        var fig = Rendered(SampleFigures.SecondAxis());
        Assert.Equal("y2", fig["data"]![1]!["yaxis"]!.ToString());
        Assert.Equal("right", fig["layout"]!["yaxis2"]!["side"]!.ToString());
        Assert.Throws<ArgumentException>(() => SampleFigures.Lines().OnSecondYAxis("x", "No such"));
    }
}
