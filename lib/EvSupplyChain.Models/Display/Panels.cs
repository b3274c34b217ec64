using System.Text.Json.Nodes;

namespace EvSupplyChain.Models.Display;

public static partial class Figures
{
    /// <summary>
    /// Several figures side by side (subplots) in one: each panel keeps its traces, axes and axis titles and gets its
    /// title above it; a legend entry shared by panels appears once. Use it for one quantity per axis (EVs in one panel,
    /// GWh in the next) or one panel per series where stacking would mislead.
    /// </summary>
    public static Figure Panels(string title, IReadOnlyList<Figure> panels, int columns = 2, double heightPerRow = 380)
    {
        if (panels.Count == 0) throw new ArgumentException("Panels needs at least one figure.", nameof(panels));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "at least one column");
        columns = Math.Min(columns, panels.Count);
        var rows = (panels.Count + columns - 1) / columns;
        const double gapX = 0.1, gapY = 0.16;
        var w = (1 - gapX * (columns - 1)) / columns;
        var h = (1 - gapY * (rows - 1)) / rows;
        var fig = new Figure(title);
        var annotations = new JsonArray();
        var legend = new HashSet<string>();
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            var (row, col) = (p / columns, p % columns);
            var suffix = p == 0 ? "" : (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var x0 = col * (w + gapX);
            var y1 = 1 - row * (h + gapY);
            foreach (var t in panel.Data.OfType<JsonObject>())
            {
                if (t["type"]?.ToString() is "sankey" or "pie") throw new ArgumentException("Panels takes figures with x/y axes only.", nameof(panels));
                var trace = (JsonObject)t.DeepClone();
                trace["xaxis"] = "x" + suffix;
                trace["yaxis"] = "y" + suffix;
                var name = trace["name"]?.ToString() ?? "";
                trace["legendgroup"] ??= name;
                if (!legend.Add(name) || name.Length == 0) trace["showlegend"] = false;
                // The same series keeps its colour in every panel.
                if (!colours.TryGetValue(name, out var colour)) colours[name] = colour = FigureStyle.Color(colours.Count);
                if (trace["marker"]?["color"] is null && trace["line"]?["color"] is null)
                {
                    if (trace["marker"] is not JsonObject marker) trace["marker"] = marker = new JsonObject();
                    marker["color"] = colour;
                    if (trace["type"]?.ToString() is null or "scatter")
                    {
                        if (trace["line"] is not JsonObject line) trace["line"] = line = new JsonObject();
                        line["color"] = colour;
                    }
                }
                fig.AddTrace(trace);
            }
            var xa = panel.Layout["xaxis"]?.DeepClone() as JsonObject ?? new JsonObject();
            var ya = panel.Layout["yaxis"]?.DeepClone() as JsonObject ?? new JsonObject();
            xa["domain"] = Arr(new[] { x0, x0 + w });
            xa["anchor"] = "y" + suffix;
            ya["domain"] = Arr(new[] { y1 - h, y1 });
            ya["anchor"] = "x" + suffix;
            fig.SetLayout("xaxis" + suffix, xa);
            fig.SetLayout("yaxis" + suffix, ya);
            foreach (var key in new[] { "barmode", "scattermode", "hovermode" })
                if (panel.Layout[key] is { } v && fig.Layout[key] is null) fig.SetLayout(key, v.DeepClone());
            if (panel.Title is { Length: > 0 } panelTitle)
            {
                annotations.Add(new JsonObject
                {
                    ["text"] = "<b>" + panelTitle + "</b>", ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                    ["x"] = x0, ["xanchor"] = "left", ["y"] = y1, ["yanchor"] = "bottom", ["yshift"] = 4,
                });
            }
        }
        fig.SetLayout("annotations", annotations);
        fig.Height = (int)Math.Round(heightPerRow * rows + 80);
        fig.SetLayout("height", fig.Height);
        return fig;
    }
}
