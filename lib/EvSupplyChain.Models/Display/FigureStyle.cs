using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvSupplyChain.Models.Display;

/// <summary>
/// The house style every <see cref="Figure"/> gets when it is rendered: one font and palette, margins that grow
/// to fit tick labels (Plotly <c>automargin</c>), tick formats chosen from the data (years as 2035, other numbers
/// with thousands separators and no trailing zeros), long category labels wrapped onto lines, and a refusal to
/// stack bars or areas on a log axis. Anything a figure sets itself wins over the style.
/// </summary>
public static partial class FigureStyle
{
    /// <summary>The font of every figure (the reports' body font).</summary>
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    /// <summary>Font size in pixels.</summary>
    public const int FontSize = 13;

    /// <summary>The palette, in order (Tableau 10: distinct, colour-blind tolerant, readable on white).</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>Category labels of an x axis longer than this wrap onto several lines.</summary>
    public const int WrapWidth = 16;

    /// <summary>Category labels of a y axis wrap only beyond this length: the left margin grows to fit one line, and
    /// wrapped labels would overlap on a dense axis (rows ~20 px apart).</summary>
    public const int WrapWidthY = 30;

    /// <summary>An x axis with more categories than this keeps its labels on one line (they no longer fit side by side
    /// in a report-wide figure, and plotly turns them upright).</summary>
    public const int MaxWrappedXCategories = 8;

    private static readonly HashSet<string> NonCartesian = ["sankey", "pie", "table", "indicator", "sunburst", "treemap", "funnelarea", "parcoords", "parcats"];

    /// <summary>The palette colour of the <paramref name="index"/>-th series (cycles).</summary>
    public static string Color(int index) => Palette[((index % Palette.Count) + Palette.Count) % Palette.Count];

    /// <summary>A label broken at spaces into lines of at most <see cref="WrapWidth"/> characters (Plotly <c>&lt;br&gt;</c>).</summary>
    public static string Wrap(string label, int width = WrapWidth)
    {
        if (label.Length <= width || label.Contains("<br>", StringComparison.Ordinal)) return label;
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        lines.Add(line);
        return string.Join("<br>", lines);
    }

    /// <summary>The cartesian axes (layout keys such as <c>xaxis</c>, <c>yaxis2</c>) the traces draw on.</summary>
    public static IReadOnlyList<string> UsedAxes(JsonArray data)
    {
        var axes = new List<string>();
        foreach (var t in data.OfType<JsonObject>().Where(IsCartesian))
        {
            foreach (var key in new[] { LayoutKey(t, 'x'), LayoutKey(t, 'y') })
                if (!axes.Contains(key)) axes.Add(key);
        }
        return axes;
    }

    /// <summary>Problems a reader would see: an axis without a title. Empty when the figure is fine.</summary>
    public static IReadOnlyList<string> Problems(JsonObject layout, JsonArray data)
    {
        var problems = new List<string>();
        foreach (var axis in UsedAxes(data))
        {
            var title = layout[axis]?["title"] is JsonObject o ? o["text"]?.ToString() : layout[axis]?["title"]?.ToString();
            if (string.IsNullOrWhiteSpace(title)) problems.Add($"{axis[0]} axis{(axis.Length > 5 ? " " + axis[5..] : "")} has no title");
        }
        return problems;
    }

    /// <summary>Returns <paramref name="layout"/> (a copy the caller owns) with the house style filled in.</summary>
    /// <exception cref="InvalidOperationException">Bars or areas are stacked on a log axis.</exception>
    public static JsonObject Apply(JsonObject layout, JsonArray data)
    {
        RefuseStacksOnLogAxes(layout, data);
        layout["font"] ??= new JsonObject { ["family"] = FontFamily, ["size"] = FontSize, ["color"] = "#222" };
        layout["colorway"] ??= Figures.Arr(Palette);
        layout["plot_bgcolor"] ??= "white";
        var hasTitle = layout["title"]?["text"] is not null;
        var hasSubtitle = layout["title"]?["subtitle"]?["text"] is not null;
        if (layout["title"] is JsonObject title)
        {
            title["x"] ??= 0.0;
            title["xanchor"] ??= "left";
            title["xref"] ??= "paper";
        }
        var legendOnTop = layout["legend"]?["yanchor"]?.ToString() == "bottom" && (layout["legend"]?["y"]?.GetValue<double>() ?? 0) >= 1;
        var top = (hasTitle ? 50 : 20) + (hasSubtitle ? 25 : 0) + (legendOnTop ? 35 : 0);
        layout["margin"] ??= new JsonObject { ["l"] = 10, ["r"] = 10, ["b"] = 10, ["t"] = top };
        foreach (var axis in UsedAxes(data).Concat(layout.Select(p => p.Key).Where(k => AxisKey().IsMatch(k))).Distinct().ToArray())
        {
            if (layout[axis] is not JsonObject a) layout[axis] = a = new JsonObject();
            a["automargin"] ??= true;
            a["gridcolor"] ??= "#e5e5e5";
            a["linecolor"] ??= "#888";
            a["zerolinecolor"] ??= "#999";
            a["ticks"] ??= "outside";
            a["tickcolor"] ??= "#888";
            if (a["title"] is JsonObject t && t["standoff"] is null) t["standoff"] = 8;
            if (a["overlaying"] is not null)
            {
                // plotly aligns an overlaying axis's ticks with the first axis's grid ("sync"), which gives ticks
                // such as 37.4321; its own round ticks and no second grid read better.
                a["tickmode"] ??= "auto";
                a["showgrid"] ??= false;
            }
            StyleTicks(axis, a, data);
        }
        return layout;
    }

    private static void StyleTicks(string axis, JsonObject a, JsonArray data)
    {
        var letter = axis[0];
        var values = data.OfType<JsonObject>().Where(t => IsCartesian(t) && LayoutKey(t, letter) == axis)
            .SelectMany(t => t[letter.ToString()] is JsonArray arr ? arr : []).ToArray();
        var strings = values.Where(v => v is JsonValue jv && jv.TryGetValue<string>(out _)).Select(v => v!.GetValue<string>()).Distinct().ToArray();
        var type = a["type"]?.ToString();
        if (strings.Length > 0 || type is "category" or "multicategory")
        {
            var width = letter == 'x' ? WrapWidth : WrapWidthY;
            // Wrapped x labels help only while they fit side by side; beyond that plotly turns them upright and
            // several lines each would collide, so they stay on one line.
            var fitsSideBySide = letter == 'y' || strings.Length <= MaxWrappedXCategories;
            if (a["ticktext"] is null && fitsSideBySide && strings.Any(s => s.Length > width))
            {
                a["tickmode"] = "array";
                a["tickvals"] = Figures.Arr(strings);
                a["ticktext"] = Figures.Arr(strings.Select(s => Wrap(s, width)));
            }
            return;
        }
        if (type == "date" || a["tickformat"] is not null) return;
        var numbers = values.OfType<JsonValue>().Select(v => v.TryGetValue<double>(out var d) ? d : double.NaN).Where(double.IsFinite).ToArray();
        if (numbers.Length == 0) return;
        var years = letter == 'x' && numbers.All(v => v == Math.Floor(v) && v is >= 1800 and <= 2300);
        a["tickformat"] = years ? "d" : ",~r";
        a["hoverformat"] ??= years ? "d" : ",.6~r";
    }

    private static void RefuseStacksOnLogAxes(JsonObject layout, JsonArray data)
    {
        var barmode = layout["barmode"]?.ToString();
        foreach (var t in data.OfType<JsonObject>().Where(IsCartesian))
        {
            var horizontal = t["orientation"]?.ToString() == "h";
            var valueAxis = LayoutKey(t, horizontal ? 'x' : 'y');
            if (layout[valueAxis]?["type"]?.ToString() != "log") continue;
            var stackedBar = t["type"]?.ToString() == "bar" && barmode is "stack" or "relative";
            var stackedArea = t["stackgroup"] is not null;
            if (stackedBar || stackedArea)
                throw new InvalidOperationException(
                    $"Stacked {(stackedBar ? "bars" : "areas")} on a log axis ({valueAxis}) misstate every segment but the first: " +
                    "use a linear axis, grouped bars, or one panel per series (Figures.Panels).");
        }
    }

    private static bool IsCartesian(JsonObject trace) => !NonCartesian.Contains(trace["type"]?.ToString() ?? "scatter");

    private static string LayoutKey(JsonObject trace, char letter)
    {
        var id = trace[letter + "axis"]?.ToString() ?? letter.ToString();
        return letter + "axis" + id[1..];
    }

    [GeneratedRegex("^[xy]axis[0-9]*$")]
    private static partial Regex AxisKey();
}
