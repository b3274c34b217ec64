using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvSupplyChain.Models.Display;

/// <summary>
/// A Plotly figure: a list of traces and a layout, both plain JSON. Typed builders live in
/// <see cref="Figures"/>; <see cref="AddTrace"/> and <see cref="SetLayout"/> reach any Plotly attribute.
/// Renders to the <c>application/vnd.plotly.v1+json</c> mime type and to an HTML fragment.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Figure : IDisplayable
{
    /// <summary>The mime type Jupyter front ends draw with plotly.js.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>Where the HTML fragment loads plotly.js from when the page has none (same version as package.json).</summary>
    public const string PlotlyCdnUrl = "https://cdn.plot.ly/plotly-4.1.2.min.js";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>A figure with a title and no traces.</summary>
    public Figure(string? title = null)
    {
        Layout = new JsonObject();
        if (title is not null) Layout["title"] = new JsonObject { ["text"] = title };
    }

    /// <summary>The traces (each a Plotly trace object).</summary>
    public JsonArray Data { get; } = [];

    /// <summary>The Plotly layout object.</summary>
    public JsonObject Layout { get; }

    /// <summary>The title text, if any.</summary>
    public string? Title => Layout["title"]?["text"]?.GetValue<string>();

    /// <summary>Pixel height of the HTML fragment.</summary>
    public int Height { get; set; } = 450;

    /// <summary>Appends a trace.</summary>
    public Figure AddTrace(JsonObject trace)
    {
        Data.Add(trace);
        return this;
    }

    /// <summary>Sets a layout attribute by a dotted path, e.g. <c>xaxis.title.text</c>.</summary>
    public Figure SetLayout(string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = Layout;
        foreach (var p in parts[..^1])
        {
            if (node[p] is not JsonObject child) node[p] = child = new JsonObject();
            node = child;
        }
        node[parts[^1]] = value;
        return this;
    }

    /// <summary>Sets both axis titles.</summary>
    public Figure WithAxisTitles(string? x, string? y)
    {
        if (x is not null) SetLayout("xaxis.title.text", x);
        if (y is not null) SetLayout("yaxis.title.text", y);
        return this;
    }

    /// <summary>A caption under the title naming the published figure this one reproduces,
    /// e.g. <c>WithCaption("Cheng et al. 2024, Fig 5")</c>.</summary>
    public Figure WithCaption(string caption)
    {
        if (Layout["title"] is not JsonObject) Layout["title"] = new JsonObject { ["text"] = "" };
        return SetLayout("title.subtitle.text", caption);
    }

    /// <summary>The caption, if any.</summary>
    public string? Caption => Layout["title"]?["subtitle"]?["text"]?.GetValue<string>();

    /// <summary>
    /// Moves the named traces to a second y axis on the right with its own title, for a second quantity
    /// (one quantity per axis: EVs on the left, GWh on the right).
    /// </summary>
    public Figure OnSecondYAxis(string title, params string[] traceNames)
    {
        foreach (var name in traceNames)
        {
            var traces = Data.OfType<JsonObject>().Where(t => t["name"]?.ToString() == name).ToArray();
            if (traces.Length == 0)
                throw new ArgumentException($"No trace named '{name}'. Traces: {string.Join(", ", Data.OfType<JsonObject>().Select(t => t["name"]?.ToString()))}.", nameof(traceNames));
            foreach (var t in traces) t["yaxis"] = "y2";
        }
        SetLayout("yaxis2", new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title }, ["overlaying"] = "y", ["side"] = "right", ["showgrid"] = false,
            ["tickmode"] = "auto",
        });
        // The right-hand axis takes the legend's usual place: the legend goes above the plot.
        return SetLayout("legend", new JsonObject { ["orientation"] = "h", ["x"] = 0, ["y"] = 1.02, ["yanchor"] = "bottom" });
    }

    /// <summary>What a reader would miss, e.g. "x axis has no title"; empty when the figure is complete.</summary>
    public IReadOnlyList<string> Problems() => FigureStyle.Problems(Layout, Data);

    /// <summary>The figure as Plotly JSON, <c>{"data":[…],"layout":{…}}</c>, with the <see cref="FigureStyle"/> applied.</summary>
    public string ToJson() =>
        new JsonObject { ["data"] = Data.DeepClone(), ["layout"] = FigureStyle.Apply((JsonObject)Layout.DeepClone(), Data) }.ToJsonString(Compact);

    /// <summary>A stable element id derived from the content.</summary>
    public string ElementId => "evsc-fig-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())))[..12].ToLowerInvariant();

    /// <summary>
    /// A div plus a script calling <c>Plotly.newPlot</c>; uses plotly.js already on the page and otherwise loads
    /// it once from <see cref="PlotlyCdnUrl"/>.
    /// </summary>
    public string ToHtml()
    {
        var id = ElementId;
        var json = ToJson().Replace("</", "<\\/");
        return $$"""
<div id="{{id}}" class="evsc-figure" style="width:100%;height:{{Height}}px"></div>
<script type="text/javascript">
(function () {
  var fig = {{json}};
  var draw = function () { Plotly.newPlot('{{id}}', fig.data, fig.layout, {responsive: true}); };
  if (window.Plotly) { draw(); return; }
  var s = document.querySelector('script[data-evsc-plotly]');
  if (!s) { s = document.createElement('script'); s.src = '{{PlotlyCdnUrl}}'; s.setAttribute('data-evsc-plotly', '1'); document.head.appendChild(s); }
  s.addEventListener('load', draw);
})();
</script>
""";
    }

    /// <inheritdoc />
    public string ToText() => $"Figure: {Title ?? "(untitled)"} ({Data.Count} trace{(Data.Count == 1 ? "" : "s")})";

    /// <summary>The mime bundle a notebook output carries.</summary>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        [PlotlyMimeType] = ToJson(),
        ["text/html"] = ToHtml(),
        ["text/plain"] = ToText(),
    };

    /// <inheritdoc />
    public override string ToString() => ToText();
}
