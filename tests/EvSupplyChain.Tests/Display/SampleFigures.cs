using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Tests.Display;

/// <summary>One small figure from every builder in <see cref="Figures"/>, used by the golden-file and browser tests.</summary>
public static class SampleFigures
{
    private static readonly string[] Materials = ["Lithium", "Cobalt", "Nickel"];
    private static readonly double[] Years = [2025, 2030, 2035];

    /// <summary>Every sample with a file-name-friendly key.</summary>
    public static IReadOnlyList<(string Name, Figure Figure)> All() =>
    [
        ("bars-grouped-errors-markers", GroupedBarsWithErrorsAndMarkers()),
        ("bars-stacked", StackedBars()),
        ("lines", Lines()),
        ("area-stacked", StackedArea(percent: false)),
        ("area-stacked-percent", StackedArea(percent: true)),
        ("scatter", Scatter()),
        ("sankey", Sankey()),
        ("heatmap", Heatmap()),
        ("tornado", Tornado()),
        ("histogram", Histogram()),
    ];

    /// <summary>Grouped bars, asymmetric error bars on one series, a marker overlay (published values).</summary>
    public static Figure GroupedBarsWithErrorsAndMarkers() =>
        Figures.Bars("Demand and supply, kt", Materials,
            [
                new Series("Demand", [12.5, 3.25, 40], ErrorPlus: [1.5, 0.25, 4], ErrorMinus: [1, 0.5, 2]),
                new Series("Supply", [10, 2.75, 35.5]),
            ])
            .WithMarkers("Published", Materials, [12.4, 3.3, 39.9])
            .WithAxisTitles("material", "kt");

    /// <summary>Stacked bars.</summary>
    public static Figure StackedBars() =>
        Figures.StackedBars("Supply by source, kt", Materials,
            [new Series("Mining", [6, 1.5, 20]), new Series("Recycling", [4, 1.25, 15.5])]);

    /// <summary>Lines with markers over years, with a NaN that becomes a gap.</summary>
    public static Figure Lines() =>
        Figures.Lines("Gap over time", Years, [new Series("Lithium", [1, 2.5, double.NaN]), new Series("Nickel", [-3, 0, 4.5])], markers: true);

    /// <summary>Stacked areas, absolute or normalised to 100 %.</summary>
    public static Figure StackedArea(bool percent) =>
        Figures.StackedArea(percent ? "Chemistry shares" : "Cells by chemistry, GWh", Years,
            [new Series("NMC", [50, 60, 70]), new Series("LFP", [30, 45, 80]), new Series("NCA", [20, 15, 10])], percent);

    /// <summary>Scatter with axis titles.</summary>
    public static Figure Scatter() =>
        Figures.Scatter("Capacity fade", [0, 500, 1000, 1500], [1, 0.95, 0.91, 0.88], "cells", "cycles", "capacity");

    /// <summary>Sankey: mines to refiners to cathode plants.</summary>
    public static Figure Sankey() =>
        Figures.Sankey("Cobalt flows, kt", ["DRC", "Australia", "China refining", "Finland refining", "NMC cathode"],
            [0, 0, 1, 2, 3], [2, 3, 2, 4, 4], [80, 10, 5, 70, 12], valueSuffix: " kt");

    /// <summary>Heatmap, rows by columns.</summary>
    public static Figure Heatmap() =>
        Figures.Heatmap("Exposure share", ["Li", "Co", "Ni"], ["LFP", "NMC"], [[0.5, 0, 0], [0.4, 0.7, 0.25]]);

    /// <summary>Tornado: widest driver on top, dashed base line.</summary>
    public static Figure Tornado() =>
        Figures.Tornado("NPV sensitivity, k$", 100,
            [new TornadoBar("Electricity price", 80, 130), new TornadoBar("Utilisation", 40, 150), new TornadoBar("Capex", 110, 95)], "NPV (k$)");

    /// <summary>Histogram.</summary>
    public static Figure Histogram() => Figures.Histogram("Lifetimes", [8, 10, 10, 12, 15], bins: 5, xTitle: "years");
}
