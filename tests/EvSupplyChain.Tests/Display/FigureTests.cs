using System.Text.Json;
using System.Text.Json.Nodes;
using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Display;

/// <summary>Every figure builder against approved Plotly JSON, the HTML fragment and the mime bundle.</summary>
public class FigureTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SampleFigures.All()) data.Add(name);
        return data;
    }

    private static Figure Sample(string name) => SampleFigures.All().Single(s => s.Name == name).Figure;

    [Theory]
    [MemberData(nameof(Names))]
    public void Figure_json_matches_the_approved_file(string name) =>
        Golden.Verify($"figure-{name}.json", JsonNode.Parse(Sample(name).ToJson())!.ToJsonString(Indented) + "\n");

    [Fact]
    public void Html_fragment_matches_the_approved_file() =>
        Golden.Verify("figure-fragment.html", SampleFigures.Tornado().ToHtml());

    [Fact]
    public void Html_fragment_draws_with_the_page_plotly_and_otherwise_loads_it_once()
    {
        var html = SampleFigures.Lines().ToHtml();
        Assert.Contains("if (window.Plotly) { draw(); return; }", html);
        Assert.Contains("script[data-evsc-plotly]", html);
        Assert.Contains(Figure.PlotlyCdnUrl, html);
        Assert.Contains($"<div id=\"{SampleFigures.Lines().ElementId}\"", html);
    }

    [Fact]
    public void Html_fragment_cannot_close_its_script_early()
    {
        var html = new Figure("</script><script>alert(1)</script>").ToHtml();
        Assert.DoesNotContain("</script><script>alert", html);
        Assert.Equal("</script><script>alert(1)</script>", JsonNode.Parse(new Figure("</script><script>alert(1)</script>").ToJson())!["layout"]!["title"]!["text"]!.ToString());
    }

    [Fact]
    public void Mime_bundle_carries_plotly_json_html_and_text()
    {
        var fig = SampleFigures.Sankey();
        var bundle = fig.ToMimeBundle();
        Assert.Equal(fig.ToJson(), bundle["application/vnd.plotly.v1+json"]);
        Assert.Equal(fig.ToHtml(), bundle["text/html"]);
        Assert.Equal("Figure: Cobalt flows, kt (1 trace)", bundle["text/plain"]);
    }

    [Fact]
    public void Formatter_source_renders_a_figure_as_html_text_and_plotly_json()
    {
        var formatters = new DisplayFormatterSource().CreateTypeFormatters().Cast<ConventionFormatter>().ToArray();
        var fig = SampleFigures.Heatmap();
        var rendered = formatters.Select(f => (f.MimeType, Text: Write(f, fig))).Where(r => r.Text is not null).ToDictionary(r => r.MimeType, r => r.Text);
        Assert.Equal(fig.ToJson(), rendered[Figure.PlotlyMimeType]);
        Assert.Equal(fig.ToHtml(), rendered["text/html"]);
        var attribute = (TypeFormatterSourceAttribute)Attribute.GetCustomAttribute(typeof(Figure), typeof(TypeFormatterSourceAttribute))!;
        Assert.Equal(typeof(DisplayFormatterSource), attribute.FormatterSourceType);
        Assert.Null(Write(formatters.First(f => f.MimeType == Figure.PlotlyMimeType), Table.From(new[] { 1 })));
    }

    [Fact]
    public void Stacked_area_in_percent_normalises_the_whole_stack_once()
    {
        var traces = SampleFigures.StackedArea(percent: true).Data;
        Assert.Equal("percent", traces[0]!["groupnorm"]!.ToString());
        Assert.All(traces.Skip(1), t => Assert.Null(t!["groupnorm"]));
        Assert.All(traces, t => Assert.Equal("one", t!["stackgroup"]!.ToString()));
        Assert.All(SampleFigures.StackedArea(percent: false).Data, t => Assert.Null(t!["groupnorm"]));
    }

    [Fact]
    public void Tornado_puts_the_widest_driver_on_top_and_bars_start_at_the_base()
    {
        var low = SampleFigures.Tornado().Data[0]!;
        Assert.Equal(["Capex", "Electricity price", "Utilisation"], low["y"]!.AsArray().Select(v => v!.ToString()));
        Assert.Equal([10.0, -20, -60], low["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(100.0, (double)low["base"]!);
    }

    [Fact]
    public void Non_finite_values_become_null_gaps()
    {
        var y = SampleFigures.Lines().Data[0]!["y"]!.AsArray();
        Assert.Null(y[2]);
    }

    [Fact]
    public void Sankey_with_mismatched_links_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.Sankey("x", ["a", "b"], [0], [1, 0], [1.0]));
        Assert.Contains("same length", e.Message);
    }

    [Fact]
    public void Set_layout_creates_nested_objects()
    {
        var fig = new Figure().SetLayout("xaxis.title.text", "year").SetLayout("height", 300);
        Assert.Equal("""{"xaxis":{"title":{"text":"year"}},"height":300}""", fig.Layout.ToJsonString());
    }

    private static string? Write(ConventionFormatter f, object value)
    {
        using var w = new StringWriter();
        return f.Format(value, w) ? w.ToString() : null;
    }
}
