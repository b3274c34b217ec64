using System.Globalization;
using System.Text.Json.Nodes;

namespace EvSupplyChain.Models.Display;

/// <summary>A node of a staged Sankey: an entity (e.g. a country) at one stage (column).</summary>
/// <param name="Id">Unique key the links refer to.</param>
/// <param name="Label">Text shown beside the node.</param>
/// <param name="Stage">Column index, 0 = leftmost.</param>
/// <param name="Entity">What gives the colour (the same entity keeps its colour in every stage); default the label.</param>
/// <param name="Color">A fixed colour (e.g. grey for "unaccounted"); overrides the entity's.</param>
public sealed record SankeyNode(string Id, string Label, int Stage, string? Entity = null, string? Color = null);

/// <summary>A flow between two nodes of a staged Sankey.</summary>
public sealed record SankeyLink(string From, string To, double Value);

public static partial class Figures
{
    /// <summary>
    /// A Sankey with fixed stage columns (mine → refinery → … → chemistry): every node sits in its stage's column,
    /// nodes of a stage stacked in the given order; one colour per entity kept across stages (links take their source's
    /// colour); labels of nodes smaller than <paramref name="minLabelShare"/> of their stage, or too close to a larger
    /// node's label to be read, are hidden and shown on hover.
    /// Stage names are written above the columns.
    /// </summary>
    public static Figure StagedSankey(string title, IReadOnlyList<string> stages, IReadOnlyList<SankeyNode> nodes,
        IEnumerable<SankeyLink> links, string unit, double minLabelShare = 0.03)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!index.TryAdd(nodes[i].Id, i)) throw new ArgumentException($"Sankey node id '{nodes[i].Id}' appears twice.", nameof(nodes));
            if (nodes[i].Stage < 0 || nodes[i].Stage >= stages.Count)
                throw new ArgumentException($"Sankey node '{nodes[i].Id}' has stage {nodes[i].Stage}; stages are 0–{stages.Count - 1}.", nameof(nodes));
        }
        var linkList = links.Where(l => l.Value > 0).ToArray();
        foreach (var l in linkList)
        {
            if (!index.ContainsKey(l.From) || !index.ContainsKey(l.To))
                throw new ArgumentException($"Sankey link {l.From} → {l.To} names a node that does not exist.", nameof(links));
            if (nodes[index[l.To]].Stage <= nodes[index[l.From]].Stage)
                throw new ArgumentException($"Sankey link {l.From} → {l.To} does not go to a later stage.", nameof(links));
        }

        var size = new double[nodes.Count];
        var inflow = new double[nodes.Count];
        var outflow = new double[nodes.Count];
        foreach (var l in linkList)
        {
            outflow[index[l.From]] += l.Value;
            inflow[index[l.To]] += l.Value;
        }
        for (var i = 0; i < nodes.Count; i++) size[i] = Math.Max(inflow[i], outflow[i]);

        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        string ColourOf(SankeyNode n)
        {
            if (n.Color is not null) return n.Color;
            var key = n.Entity ?? n.Label;
            if (!colours.TryGetValue(key, out var c)) colours[key] = c = FigureStyle.Color(colours.Count);
            return c;
        }
        var nodeColours = nodes.Select(ColourOf).ToArray();

        // Fixed positions: x by stage, y stacked by size within the stage (Plotly takes the node centre).
        const double pad = 0.02;
        var x = new double[nodes.Count];
        var y = new double[nodes.Count];
        var labels = new string[nodes.Count];
        for (var s = 0; s < stages.Count; s++)
        {
            var members = Enumerable.Range(0, nodes.Count).Where(i => nodes[i].Stage == s && size[i] > 0).ToArray();
            var total = members.Sum(i => size[i]);
            var free = 1 - pad * Math.Max(0, members.Length - 1);
            var top = 0.0;
            foreach (var i in members)
            {
                var h = total > 0 ? size[i] / total * free : 0;
                x[i] = stages.Count == 1 ? 0.5 : Math.Clamp((double)s / (stages.Count - 1), 0.001, 0.999);
                y[i] = Math.Clamp(top + h / 2, 0.001, 0.999);
                labels[i] = total > 0 && size[i] / total >= minLabelShare ? nodes[i].Label : "";
                top += h + pad;
            }
            // Two labels closer than a line of text would overlap: the larger node keeps its label.
            var kept = new List<int>();
            foreach (var i in members.Where(i => labels[i].Length > 0).OrderByDescending(i => size[i]))
            {
                if (kept.Any(k => Math.Abs(y[k] - y[i]) * PlotHeightPx < LabelLinePx)) labels[i] = "";
                else kept.Add(i);
            }
        }
        var shown = Enumerable.Range(0, nodes.Count).Where(i => size[i] > 0).ToArray();
        var newIndex = shown.Select((old, k) => (old, k)).ToDictionary(p => p.old, p => p.k);

        var trace = new JsonObject
        {
            ["type"] = "sankey", ["arrangement"] = "fixed", ["valueformat"] = ",.4~r", ["valuesuffix"] = " " + unit,
            ["node"] = new JsonObject
            {
                ["label"] = Arr(shown.Select(i => labels[i])),
                ["customdata"] = Arr(shown.Select(i => $"{nodes[i].Label} ({stages[nodes[i].Stage]})")),
                ["hovertemplate"] = "%{customdata}: %{value}<extra></extra>",
                ["x"] = Arr(shown.Select(i => x[i])), ["y"] = Arr(shown.Select(i => y[i])),
                ["color"] = Arr(shown.Select(i => nodeColours[i])),
                ["pad"] = 8, ["thickness"] = 16, ["line"] = new JsonObject { ["width"] = 0 },
            },
            ["link"] = new JsonObject
            {
                ["source"] = Arr(linkList.Select(l => (double)newIndex[index[l.From]])),
                ["target"] = Arr(linkList.Select(l => (double)newIndex[index[l.To]])),
                ["value"] = Arr(linkList.Select(l => l.Value)),
                ["color"] = Arr(linkList.Select(l => Translucent(nodeColours[index[l.From]]))),
            },
        };
        var fig = new Figure(title).AddTrace(trace);
        fig.Height = SankeyHeightPx;
        fig.SetLayout("height", SankeyHeightPx);
        fig.SetLayout("annotations", new JsonArray(stages.Select((s, k) => (JsonNode)new JsonObject
        {
            ["text"] = "<b>" + s + "</b>", ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper", ["y"] = 1.0, ["yanchor"] = "bottom",
            ["x"] = stages.Count == 1 ? 0.5 : (double)k / (stages.Count - 1),
            ["xanchor"] = k == 0 ? "left" : k == stages.Count - 1 ? "right" : "center",
        }).ToArray()));
        fig.SetLayout("margin", new JsonObject { ["l"] = 10, ["r"] = 10, ["b"] = 10, ["t"] = 90 });
        return fig;
    }

    private const int SankeyHeightPx = 600;

    // The drawing area of a staged Sankey (height less the top and bottom margins) and the height of one label line.
    private const double PlotHeightPx = SankeyHeightPx - 100;
    private const double LabelLinePx = 17;

    /// <summary>A hex colour at 40 % opacity, for links.</summary>
    private static string Translucent(string colour)
    {
        if (colour.Length != 7 || colour[0] != '#') return colour;
        var r = int.Parse(colour.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var g = int.Parse(colour.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var b = int.Parse(colour.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $"rgba({r},{g},{b},0.4)";
    }
}
