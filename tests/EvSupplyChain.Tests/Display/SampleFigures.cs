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
        ("bars-by-country-with-markers", BarsByCountry()),
        ("range-bars", RangeBars()),
        ("sankey-staged", StagedSankey()),
        ("panels", Panels()),
        ("second-axis", SecondAxis()),
    ];

    /// <summary>Grouped bars, asymmetric error bars on one series, a marker overlay (published values).</summary>
    public static Figure GroupedBarsWithErrorsAndMarkers() =>
        Figures.Bars("Demand and supply, kt", Materials,
            [
                new Series("Demand", [12.5, 3.25, 40], ErrorPlus: [1.5, 0.25, 4], ErrorMinus: [1, 0.5, 2]),
                new Series("Supply", [10, 2.75, 35.5]),
            ])
            .WithMarkers("Published", Materials, [12.4, 3.3, 39.9])
            .WithAxisTitles("Material", "Mass (kt)");

    /// <summary>Stacked bars.</summary>
    public static Figure StackedBars() =>
        Figures.StackedBars("Supply by source, kt", Materials,
            [new Series("Mining", [6, 1.5, 20]), new Series("Recycling", [4, 1.25, 15.5])], "Material", "Supply (kt)");

    /// <summary>Lines with markers over years, with a NaN that becomes a gap.</summary>
    public static Figure Lines() =>
        Figures.Lines("Gap over time", Years, [new Series("Lithium", [1, 2.5, double.NaN]), new Series("Nickel", [-3, 0, 4.5])], markers: true,
            xTitle: "Year", yTitle: "Gap (kt/yr)");

    /// <summary>Stacked areas, absolute or normalised to 100 %.</summary>
    public static Figure StackedArea(bool percent) =>
        Figures.StackedArea(percent ? "Chemistry shares" : "Cells by chemistry, GWh", Years,
            [new Series("NMC", [50, 60, 70]), new Series("LFP", [30, 45, 80]), new Series("NCA", [20, 15, 10])], percent,
            "Year", percent ? "Share of cells (%)" : "Cells (GWh)");

    /// <summary>Scatter with axis titles.</summary>
    public static Figure Scatter() =>
        Figures.Scatter("Capacity fade", [0, 500, 1000, 1500], [1, 0.95, 0.91, 0.88], "cells", "Equivalent full cycles", "Capacity (share of new)");

    /// <summary>Sankey: mines to refiners to cathode plants.</summary>
    public static Figure Sankey() =>
        Figures.Sankey("Cobalt flows, kt", ["DRC", "Australia", "China refining", "Finland refining", "NMC cathode"],
            [0, 0, 1, 2, 3], [2, 3, 2, 4, 4], [80, 10, 5, 70, 12], valueSuffix: " kt");

    /// <summary>Heatmap, rows by columns.</summary>
    public static Figure Heatmap() =>
        Figures.Heatmap("Exposure share", ["Li", "Co", "Ni"], ["LFP", "NMC"], [[0.5, 0, 0], [0.4, 0.7, 0.25]],
            xTitle: "Mineral", yTitle: "Chemistry", valueTitle: "Share");

    /// <summary>Tornado: widest driver on top, dashed base line.</summary>
    public static Figure Tornado() =>
        Figures.Tornado("NPV sensitivity, k$", 100,
            [new TornadoBar("Electricity price", 80, 130), new TornadoBar("Utilisation", 40, 150), new TornadoBar("Capex", 110, 95)], "NPV (k$)", "Driver");

    /// <summary>Histogram.</summary>
    public static Figure Histogram() => Figures.Histogram("Lifetimes", [8, 10, 10, 12, 15], bins: 5, xTitle: "Lifetime (years)", yTitle: "Vehicles");

    private static readonly string[] Focal = ["China", "Congo, Democratic Republic of the", "Indonesia"];

    /// <summary>Cheng-style grouped bars: focal countries on the axis (one a long name), one colour per pair,
    /// error bars from one case and a cross per bar from another, with a caption naming the paper's figure.</summary>
    public static Figure BarsByCountry() =>
        Figures.Bars("Vulnerability index by focal country", Focal,
            [
                new Series("LFP-Li", [0.916, 0.2, 0.1], ErrorPlus: [0.016, 0.05, 0.02], ErrorMinus: [0.017, 0.03, 0.01], Color: "#1f77b4"),
                new Series("NMC-Co", [0.8, 0.95, 0.3], ErrorPlus: [0.05, 0.01, 0.1], ErrorMinus: [0.1, 0.2, 0.05], Color: "#ff7f0e"),
            ], xTitle: "Focal country", yTitle: "Vulnerability index (0–1)")
            .WithSeriesMarkers("LFP-Li", "Pessimistic B", [1.0, 0.3, 0.15])
            .WithSeriesMarkers("NMC-Co", "Pessimistic B", [0.9, 1.0, 0.45])
            .WithCaption("Cheng et al. 2024, Fig 5");

    /// <summary>Ranges over optimal solutions drawn as floating bars, with the solver's choice marked.</summary>
    public static Figure RangeBars() =>
        Figures.RangeBars("Anode share over optimal solutions", ["2030", "2035"],
            [new RangeSeries("Graphite", [0.73, 0.75], [1.0, 1.0], Value: [0.9, 0.8], ValueName: "Solver's vertex")],
            "Year", "Share of anodes (fraction)");

    /// <summary>A staged Sankey: the same country keeps its colour in both stages, a tiny node has no label.</summary>
    public static Figure StagedSankey() =>
        Figures.StagedSankey("Cobalt flows", ["Mine", "Refinery", "Chemistry"],
            [
                new SankeyNode("mine:DRC", "DRC", 0), new SankeyNode("mine:AU", "Australia", 0),
                new SankeyNode("ref:CN", "China", 1), new SankeyNode("ref:FI", "Finland", 1), new SankeyNode("ref:DRC", "DRC", 1),
                new SankeyNode("chem:NMC", "NMC", 2, Color: "#555555"), new SankeyNode("sink", "Non-battery", 2, Color: "#bbbbbb"),
            ],
            [
                new SankeyLink("mine:DRC", "ref:CN", 70), new SankeyLink("mine:DRC", "ref:FI", 9), new SankeyLink("mine:DRC", "ref:DRC", 1),
                new SankeyLink("mine:AU", "ref:CN", 5), new SankeyLink("ref:CN", "chem:NMC", 60), new SankeyLink("ref:CN", "sink", 15),
                new SankeyLink("ref:FI", "chem:NMC", 9), new SankeyLink("ref:DRC", "chem:NMC", 1),
            ], "kt");

    /// <summary>Two quantities in two panels, one legend entry per series.</summary>
    public static Figure Panels() =>
        Figures.Panels("Fleet and energy",
            [
                Figures.Lines("Electric vehicles", Years, [new Series("City A", [10_000, 40_000, 90_000]), new Series("City B", [5_000, 20_000, 60_000])], xTitle: "Year", yTitle: "Vehicles"),
                Figures.Lines("Charging energy", Years, [new Series("City A", [30, 120, 270]), new Series("City B", [15, 60, 180])], xTitle: "Year", yTitle: "Energy (GWh/yr)"),
            ]);

    /// <summary>Two quantities on two y axes.</summary>
    public static Figure SecondAxis() =>
        Figures.Lines("Fleet and its energy", Years, [new Series("Vehicles", [10_000, 40_000, 90_000]), new Series("Energy", [30, 120, 270])],
                xTitle: "Year", yTitle: "Vehicles")
            .OnSecondYAxis("Energy (GWh/yr)", "Energy");
}
