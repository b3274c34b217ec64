using System.Text.Json.Nodes;

namespace EvSupplyChain.Models.Display;

/// <summary>A named series of values over the figure's categories or x values.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Values">One value per category / x.</param>
/// <param name="ErrorPlus">Optional upper error (distance above the value).</param>
/// <param name="ErrorMinus">Optional lower error (distance below the value).</param>
/// <param name="Color">Optional CSS colour (e.g. the source's palette); otherwise the house palette in order.</param>
public sealed record Series(string Name, IReadOnlyList<double> Values,
    IReadOnlyList<double>? ErrorPlus = null, IReadOnlyList<double>? ErrorMinus = null, string? Color = null);

/// <summary>A floating bar per category from <paramref name="Low"/> to <paramref name="High"/>, with an optional
/// marker at <paramref name="Value"/> (e.g. the solution the solver returned).</summary>
public sealed record RangeSeries(string Name, IReadOnlyList<double> Low, IReadOnlyList<double> High,
    IReadOnlyList<double>? Value = null, string? ValueName = null, string? Color = null);

/// <summary>One bar of a tornado chart: the output at the low and the high setting of a driver.</summary>
public sealed record TornadoBar(string Driver, double AtLow, double AtHigh);

/// <summary>Typed builders for the figures the notebooks use.</summary>
public static partial class Figures
{
    /// <summary>Grouped (or stacked) bars over string categories, with optional asymmetric error bars (use them for
    /// uncertainty only; a range of equally valid values is a <see cref="RangeBars"/>). Categories are the groups on the
    /// axis (e.g. focal countries), series the bars within a group (e.g. chemistry–mineral pairs), one colour each.</summary>
    public static Figure Bars(string title, IReadOnlyList<string> categories, IEnumerable<Series> series, bool stacked = false,
        string? xTitle = null, string? yTitle = null)
    {
        var fig = new Figure(title);
        foreach (var s in series)
        {
            var trace = new JsonObject { ["type"] = "bar", ["name"] = s.Name, ["x"] = Arr(categories), ["y"] = Arr(s.Values) };
            if (!stacked) trace["offsetgroup"] = s.Name;
            if (s.Color is not null) trace["marker"] = new JsonObject { ["color"] = s.Color };
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
        fig.SetLayout("xaxis.type", "category"); // "2030" stays a label, not a number
        return fig.WithAxisTitles(xTitle, yTitle);
    }

    /// <summary>Stacked bars over string categories (refused on a log axis when rendered).</summary>
    public static Figure StackedBars(string title, IReadOnlyList<string> categories, IEnumerable<Series> series,
        string? xTitle = null, string? yTitle = null) =>
        Bars(title, categories, series, stacked: true, xTitle, yTitle);

    /// <summary>Marker symbols on the bars of one series of a grouped <see cref="Bars"/> figure (e.g. a second case
    /// drawn as a cross on each bar), aligned with that series' bars in every group.</summary>
    public static Figure WithSeriesMarkers(this Figure fig, string seriesName, string name, IReadOnlyList<double> values,
        string symbol = "x", bool showInLegend = true)
    {
        var bar = fig.Data.OfType<JsonObject>().FirstOrDefault(t => t["type"]?.ToString() == "bar" && t["name"]?.ToString() == seriesName)
            ?? throw new ArgumentException($"No bar series '{seriesName}'.", nameof(seriesName));
        fig.SetLayout("scattermode", "group");
        var shown = showInLegend && !fig.Data.OfType<JsonObject>().Any(t => t["legendgroup"]?.ToString() == name);
        return fig.AddTrace(new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers", ["name"] = name, ["legendgroup"] = name, ["showlegend"] = shown,
            ["x"] = bar["x"]!.DeepClone(), ["y"] = Arr(values), ["offsetgroup"] = seriesName,
            ["marker"] = new JsonObject { ["symbol"] = symbol, ["size"] = 9, ["color"] = "black" },
        });
    }

    /// <summary>Floating bars from a low to a high value per category (a range of equally valid values, e.g. over the
    /// optimal solutions of an LP), optionally with a marker at a chosen value. Not error bars: nothing here is uncertain.</summary>
    public static Figure RangeBars(string title, IReadOnlyList<string> categories, IEnumerable<RangeSeries> series,
        string categoryTitle, string valueTitle, bool horizontal = false)
    {
        var fig = new Figure(title);
        var (cat, val) = horizontal ? ("y", "x") : ("x", "y");
        var list = series.ToArray();
        foreach (var s in list)
        {
            if (s.Low.Count != categories.Count || s.High.Count != categories.Count)
                throw new ArgumentException($"Range series '{s.Name}' needs one low and one high value per category ({categories.Count}).");
            var trace = new JsonObject
            {
                ["type"] = "bar", ["name"] = s.Name, ["offsetgroup"] = s.Name, [cat] = Arr(categories),
                [val] = Arr(s.High.Zip(s.Low, (h, l) => h - l)), ["base"] = Arr(s.Low),
                ["customdata"] = new JsonArray(s.Low.Zip(s.High, (l, h) => (JsonNode)Arr(new[] { l, h })).ToArray()),
                ["hovertemplate"] = $"{Escape(s.Name)}: %{{customdata[0]:,.4~r}} – %{{customdata[1]:,.4~r}}<extra></extra>",
            };
            if (horizontal) trace["orientation"] = "h";
            if (s.Color is not null) trace["marker"] = new JsonObject { ["color"] = s.Color };
            fig.AddTrace(trace);
            if (s.Value is { } v)
            {
                fig.SetLayout("scattermode", "group");
                fig.AddTrace(new JsonObject
                {
                    ["type"] = "scatter", ["mode"] = "markers", ["name"] = s.ValueName ?? s.Name + " (chosen)", ["offsetgroup"] = s.Name,
                    [cat] = Arr(categories), [val] = Arr(v), ["marker"] = new JsonObject { ["symbol"] = "line-ew-open", ["size"] = 14, ["color"] = "black", ["line"] = new JsonObject { ["width"] = 2 } },
                });
                if (horizontal) ((JsonObject)fig.Data[^1]!)["marker"]!["symbol"] = "line-ns-open";
            }
        }
        fig.SetLayout("barmode", "group");
        fig.SetLayout(horizontal ? "yaxis.type" : "xaxis.type", "category");
        return horizontal ? fig.WithAxisTitles(valueTitle, categoryTitle) : fig.WithAxisTitles(categoryTitle, valueTitle);
    }

    private static string Escape(string s) => s.Replace("%", "%%");

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
    public static Figure Lines(string title, IReadOnlyList<double> x, IEnumerable<Series> series, bool markers = false,
        string? xTitle = null, string? yTitle = null)
    {
        var fig = new Figure(title);
        foreach (var s in series)
        {
            var trace = new JsonObject { ["type"] = "scatter", ["mode"] = markers ? "lines+markers" : "lines", ["name"] = s.Name, ["x"] = Arr(x), ["y"] = Arr(s.Values) };
            if (s.Color is not null) trace["line"] = new JsonObject { ["color"] = s.Color };
            fig.AddTrace(trace);
        }
        fig.SetLayout("hovermode", "x unified");
        return fig.WithAxisTitles(xTitle, yTitle);
    }

    /// <summary>Stacked areas over numeric x; <paramref name="percent"/> normalises each x to 100 %.</summary>
    public static Figure StackedArea(string title, IReadOnlyList<double> x, IEnumerable<Series> series, bool percent = false,
        string? xTitle = null, string? yTitle = null) => StackedAreaCore(title, x, series, percent).WithAxisTitles(xTitle, yTitle);

    private static Figure StackedAreaCore(string title, IReadOnlyList<double> x, IEnumerable<Series> series, bool percent)
    {
        var fig = new Figure(title);
        foreach (var s in series)
        {
            var trace = new JsonObject { ["type"] = "scatter", ["mode"] = "lines", ["stackgroup"] = "one", ["name"] = s.Name, ["x"] = Arr(x), ["y"] = Arr(s.Values) };
            if (percent && fig.Data.Count == 0) trace["groupnorm"] = "percent";
            if (s.Color is not null) trace["line"] = new JsonObject { ["color"] = s.Color };
            fig.AddTrace(trace);
        }
        fig.SetLayout("hovermode", "x unified");
        if (percent) fig.SetLayout("yaxis.ticksuffix", " %");
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
    public static Figure Heatmap(string title, IReadOnlyList<string> x, IReadOnlyList<string> y, IReadOnlyList<IReadOnlyList<double>> z, string colorscale = "Viridis",
        string? xTitle = null, string? yTitle = null, string? valueTitle = null)
    {
        var zArr = new JsonArray(z.Select(row => (JsonNode)Arr(row)).ToArray());
        var trace = new JsonObject
        {
            ["type"] = "heatmap", ["x"] = Arr(x), ["y"] = Arr(y), ["z"] = zArr, ["colorscale"] = colorscale,
            ["hovertemplate"] = "%{y} / %{x}: %{z:,.4~r}<extra></extra>",
        };
        if (valueTitle is not null) trace["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = valueTitle } };
        return new Figure(title).AddTrace(trace).WithAxisTitles(xTitle, yTitle);
    }

    /// <summary>A tornado chart: horizontal bars from the base value to the output at each driver's low and high setting,
    /// widest on top.</summary>
    public static Figure Tornado(string title, double baseValue, IEnumerable<TornadoBar> bars, string? valueTitle = null, string? driverTitle = null)
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
        return fig.WithAxisTitles(valueTitle, driverTitle);

        static JsonObject Bar(string name, string[] y, double[] x, double b) => new()
        {
            ["type"] = "bar", ["orientation"] = "h", ["name"] = name, ["y"] = Arr(y), ["x"] = Arr(x), ["base"] = b,
        };
    }

    /// <summary>A histogram of values.</summary>
    public static Figure Histogram(string title, IReadOnlyList<double> values, int bins = 50, string? xTitle = null, string yTitle = "Count")
    {
        var fig = new Figure(title).AddTrace(new JsonObject { ["type"] = "histogram", ["x"] = Arr(values), ["nbinsx"] = bins });
        return fig.WithAxisTitles(xTitle, yTitle);
    }

    /// <summary>A JSON array of numbers; NaN and infinities become null (JSON has no such numbers).</summary>
    public static JsonArray Arr(IEnumerable<double> values) =>
        new(values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null).Select(n => (JsonNode?)n).ToArray());

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Arr(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
