using System.Text.Json.Nodes;

namespace EvSupplyChain.Models.Display;

/// <summary>A named series of values over the figure's categories or x values.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Values">One value per category / x.</param>
/// <param name="ErrorPlus">Optional upper error (distance above the value).</param>
/// <param name="ErrorMinus">Optional lower error (distance below the value).</param>
public sealed record Series(string Name, IReadOnlyList<double> Values,
    IReadOnlyList<double>? ErrorPlus = null, IReadOnlyList<double>? ErrorMinus = null);

/// <summary>One bar of a tornado chart: the output at the low and the high setting of a driver.</summary>
public sealed record TornadoBar(string Driver, double AtLow, double AtHigh);

/// <summary>Typed builders for the figures the notebooks use.</summary>
public static class Figures
{
    /// <summary>Grouped (or stacked) bars over string categories, with optional asymmetric error bars.</summary>
    public static Figure Bars(string title, IReadOnlyList<string> categories, IEnumerable<Series> series, bool stacked = false)
    {
        var fig = new Figure(title);
        foreach (var s in series)
        {
            var trace = new JsonObject { ["type"] = "bar", ["name"] = s.Name, ["x"] = Arr(categories), ["y"] = Arr(s.Values) };
            if (s.ErrorPlus is not null || s.ErrorMinus is not null)
            {
                trace["error_y"] = new JsonObject
                {
                    ["type"] = "data",
                    ["symmetric"] = false,
                    ["array"] = Arr(s.ErrorPlus ?? new double[s.Values.Count]),
                    ["arrayminus"] = Arr(s.ErrorMinus ?? new double[s.Values.Count]),
                };
            }
            fig.AddTrace(trace);
        }
        fig.SetLayout("barmode", stacked ? "stack" : "group");
        return fig;
    }

    /// <summary>Stacked bars over string categories.</summary>
    public static Figure StackedBars(string title, IReadOnlyList<string> categories, IEnumerable<Series> series) =>
        Bars(title, categories, series, stacked: true);

    /// <summary>Adds marker symbols (e.g. crosses) on top of bar categories.</summary>
    public static Figure WithMarkers(this Figure fig, string name, IReadOnlyList<string> categories, IReadOnlyList<double> values, string symbol = "x")
    {
        return fig.AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers", ["name"] = name, ["x"] = Arr(categories), ["y"] = Arr(values),
            ["marker"] = new JsonObject { ["symbol"] = symbol, ["size"] = 11, ["color"] = "black" },
        });
    }

    /// <summary>Lines over numeric x (e.g. years).</summary>
    public static Figure Lines(string title, IReadOnlyList<double> x, IEnumerable<Series> series, bool markers = false)
    {
        var fig = new Figure(title);
        foreach (var s in series)
            fig.AddTrace(new JsonObject { ["type"] = "scatter", ["mode"] = markers ? "lines+markers" : "lines", ["name"] = s.Name, ["x"] = Arr(x), ["y"] = Arr(s.Values) });
        fig.SetLayout("hovermode", "x unified");
        return fig;
    }

    /// <summary>Stacked areas over numeric x; <paramref name="percent"/> normalises each x to 100 %.</summary>
    public static Figure StackedArea(string title, IReadOnlyList<double> x, IEnumerable<Series> series, bool percent = false)
    {
        var fig = new Figure(title);
        foreach (var s in series)
        {
            var trace = new JsonObject { ["type"] = "scatter", ["mode"] = "lines", ["stackgroup"] = "one", ["name"] = s.Name, ["x"] = Arr(x), ["y"] = Arr(s.Values) };
            if (percent && fig.Data.Count == 0) trace["groupnorm"] = "percent";
            fig.AddTrace(trace);
        }
        fig.SetLayout("hovermode", "x unified");
        return fig;
    }

    /// <summary>Points (x, y) as markers.</summary>
    public static Figure Scatter(string title, IReadOnlyList<double> x, IReadOnlyList<double> y, string name = "", string? xTitle = null, string? yTitle = null)
    {
        var fig = new Figure(title).AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers", ["name"] = name, ["x"] = Arr(x), ["y"] = Arr(y),
            ["marker"] = new JsonObject { ["size"] = 4, ["opacity"] = 0.6 },
        });
        return fig.WithAxisTitles(xTitle, yTitle);
    }

    /// <summary>A Sankey diagram from node labels and links (source index, target index, value).</summary>
    public static Figure Sankey(string title, IReadOnlyList<string> labels, IReadOnlyList<int> sources, IReadOnlyList<int> targets,
        IReadOnlyList<double> values, string? valueSuffix = null)
    {
        if (sources.Count != targets.Count || sources.Count != values.Count)
            throw new ArgumentException("Sankey sources, targets and values must have the same length.");
        var trace = new JsonObject
        {
            ["type"] = "sankey", ["arrangement"] = "snap",
            ["node"] = new JsonObject { ["label"] = Arr(labels), ["pad"] = 15, ["thickness"] = 18 },
            ["link"] = new JsonObject { ["source"] = Arr(sources.Select(i => (double)i).ToArray()), ["target"] = Arr(targets.Select(i => (double)i).ToArray()), ["value"] = Arr(values) },
        };
        if (valueSuffix is not null) trace["valuesuffix"] = valueSuffix;
        return new Figure(title).AddTrace(trace);
    }

    /// <summary>A heatmap: <paramref name="z"/>[row][column] over y (rows) and x (columns) labels.</summary>
    public static Figure Heatmap(string title, IReadOnlyList<string> x, IReadOnlyList<string> y, IReadOnlyList<IReadOnlyList<double>> z, string colorscale = "Viridis")
    {
        var zArr = new JsonArray(z.Select(row => (JsonNode)Arr(row)).ToArray());
        return new Figure(title).AddTrace(new JsonObject
        {
            ["type"] = "heatmap", ["x"] = Arr(x), ["y"] = Arr(y), ["z"] = zArr, ["colorscale"] = colorscale,
            ["hovertemplate"] = "%{y} / %{x}: %{z:.3g}<extra></extra>",
        });
    }

    /// <summary>A tornado chart: horizontal bars from the base value to the output at each driver's low and high setting,
    /// widest on top.</summary>
    public static Figure Tornado(string title, double baseValue, IEnumerable<TornadoBar> bars, string? valueTitle = null)
    {
        var sorted = bars.OrderBy(b => Math.Abs(b.AtHigh - b.AtLow)).ToArray();
        var names = sorted.Select(b => b.Driver).ToArray();
        var fig = new Figure(title);
        fig.AddTrace(Bar("Low setting", names, sorted.Select(b => b.AtLow - baseValue).ToArray(), baseValue));
        fig.AddTrace(Bar("High setting", names, sorted.Select(b => b.AtHigh - baseValue).ToArray(), baseValue));
        fig.SetLayout("barmode", "overlay");
        fig.SetLayout("shapes", new JsonArray(new JsonObject
        {
            ["type"] = "line", ["x0"] = baseValue, ["x1"] = baseValue, ["yref"] = "paper", ["y0"] = 0, ["y1"] = 1,
            ["line"] = new JsonObject { ["color"] = "black", ["dash"] = "dash" },
        }));
        if (valueTitle is not null) fig.SetLayout("xaxis.title.text", valueTitle);
        return fig;

        static JsonObject Bar(string name, string[] y, double[] x, double b) => new()
        {
            ["type"] = "bar", ["orientation"] = "h", ["name"] = name, ["y"] = Arr(y), ["x"] = Arr(x), ["base"] = b,
        };
    }

    /// <summary>A histogram of values.</summary>
    public static Figure Histogram(string title, IReadOnlyList<double> values, int bins = 50, string? xTitle = null)
    {
        var fig = new Figure(title).AddTrace(new JsonObject { ["type"] = "histogram", ["x"] = Arr(values), ["nbinsx"] = bins });
        return fig.WithAxisTitles(xTitle, "count");
    }

    /// <summary>A JSON array of numbers; NaN and infinities become null (JSON has no such numbers).</summary>
    public static JsonArray Arr(IEnumerable<double> values) =>
        new(values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null).Select(n => (JsonNode?)n).ToArray());

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Arr(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
