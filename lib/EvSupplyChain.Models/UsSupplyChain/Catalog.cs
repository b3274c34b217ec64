namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>The fixed names of the US supply-chain model: vehicles, chemistries, materials, supply sources and rows.</summary>
public static class Catalog
{
    /// <summary>Vehicle types.</summary>
    public static readonly IReadOnlyList<string> Vehicles = ["BEV", "PHEV"];

    /// <summary>Battery chemistries (SIB = sodium-ion).</summary>
    public static readonly IReadOnlyList<string> Chemistries = ["LFP", "NCA", "NMC111", "NMC532", "NMC622", "NMC811", "SIB"];

    /// <summary>Lithium-ion chemistries (all but SIB): the ones that need refined chemicals.</summary>
    public static readonly IReadOnlyList<string> LithiumIonChemistries = ["LFP", "NCA", "NMC111", "NMC532", "NMC622", "NMC811"];

    /// <summary>The four NMC variants, merged into one row in the final table.</summary>
    public static readonly IReadOnlyList<string> NmcVariants = ["NMC111", "NMC532", "NMC622", "NMC811"];

    /// <summary>Components per tonne of battery (rows of the downstream table).</summary>
    public static readonly IReadOnlyList<string> Components =
        ["Active Material", "LIB AAM", "SIB AAM", "LIB electrolyte", "SIB electrolyte", "Separator", "Binder"];

    /// <summary>Refined (midstream) chemicals.</summary>
    public static readonly IReadOnlyList<string> RefinedChemicals =
        ["Aluminum hydroxide", "Aluminum sulfate", "Cobalt sulfate", "Lithium carbonate", "Lithium hydroxide", "Manganese sulfate", "Nickel sulfate"];

    /// <summary>Raw (upstream) material rows; cobalt, nickel, lithium and graphite are ore or concentrate masses.</summary>
    public static readonly IReadOnlyList<string> RawMaterials =
        ["Bauxite", "Raw cobalt", "Raw graphite", "Raw lithium", "Raw manganese", "Raw nickel"];

    /// <summary>The name the refined-intensity table gives the second (Li2CO3) LFP column of the original workbook.</summary>
    public const string LfpSecondColumn = "LFP second column";

    /// <summary>Recycling routes in the order the original reads the portions.</summary>
    public static readonly IReadOnlyList<string> Routes = ["pyro", "hydro", "direct"];

    /// <summary>Outputs of the recycling routes (t per t battery recycled).</summary>
    public static readonly IReadOnlyList<string> RecyclingOutputs =
        ["CAM", "Cobalt sulfate", "Graphite AAM", "Lithium carbonate", "Manganese sulfate", "Nickel sulfate", "Separator",
         "LIB electrolyte", "SIB electrolyte", "Binder", "SIB AAM"];

    /// <summary>Supply regions of the existing/historical supply files.</summary>
    public static readonly IReadOnlyList<string> Regions = ["US", "CaMex", "FTA", "FEOC", "nonFTA"];

    /// <summary>Regions with planned projects.</summary>
    public static readonly IReadOnlyList<string> PlannedRegions = ["US", "CaMex"];

    /// <summary>Project stages of the planned supply: all announced, or existing plus advanced-stage ("mature").</summary>
    public static readonly IReadOnlyList<string> Stages = ["all", "mature"];

    /// <summary>The 34 internal rows (the original's template), in its order.</summary>
    public static readonly IReadOnlyList<string> Rows =
    [
        "Bauxite", "Raw cobalt", "Raw graphite", "Raw lithium", "Raw manganese", "Raw nickel",
        "Aluminum hydroxide", "Aluminum sulfate", "Cobalt sulfate", "Lithium carbonate", "Lithium hydroxide", "Manganese sulfate", "Nickel sulfate",
        "LFP CAM", "NCA CAM", "NMC111 CAM", "NMC532 CAM", "NMC622 CAM", "NMC811 CAM",
        "Graphite AAM", "Silicon AAM", "LIB electrolyte", "SIB CAM", "SIB AAM", "SIB electrolyte", "Separator", "Binder",
        "LFP cell", "NCA cell", "NMC111 cell", "NMC532 cell", "NMC622 cell", "NMC811 cell", "SIB cell",
    ];

    /// <summary>The 28 rows of the published table: (label, internal rows summed into it), in the published order.</summary>
    public static readonly IReadOnlyList<(string Label, string[] Rows)> OutputRows =
    [
        ("Bauxite", ["Bauxite"]), ("Cobalt", ["Raw cobalt"]), ("Graphite", ["Raw graphite"]), ("Lithium", ["Raw lithium"]),
        ("Manganese", ["Raw manganese"]), ("Nickel", ["Raw nickel"]),
        ("Aluminum hydroxide", ["Aluminum hydroxide"]), ("Aluminum sulfate", ["Aluminum sulfate"]), ("Cobalt sulfate", ["Cobalt sulfate"]),
        ("Lithium carbonate", ["Lithium carbonate"]), ("Lithium hydroxide", ["Lithium hydroxide"]), ("Manganese sulfate", ["Manganese sulfate"]),
        ("Nickel sulfate", ["Nickel sulfate"]),
        ("LFP CAM", ["LFP CAM"]), ("NCA CAM", ["NCA CAM"]), ("NMC CAM", ["NMC111 CAM", "NMC532 CAM", "NMC622 CAM", "NMC811 CAM"]),
        ("Graphite AAM", ["Graphite AAM"]), ("Graphite-silicon AAM", ["Silicon AAM"]), ("Li-ion electrolyte", ["LIB electrolyte"]),
        ("Na-ion CAM", ["SIB CAM"]), ("Na-ion AAM", ["SIB AAM"]), ("Na-ion electrolyte", ["SIB electrolyte"]),
        ("Separator", ["Separator"]), ("Binder", ["Binder"]),
        ("LFP cell", ["LFP cell"]), ("NCA cell", ["NCA cell"]), ("NMC cell", ["NMC111 cell", "NMC532 cell", "NMC622 cell", "NMC811 cell"]),
        ("Na-ion cell", ["SIB cell"]),
    ];

    /// <summary>Position of a chemistry in <see cref="Chemistries"/>.</summary>
    public static int ChemistryIndex(string chemistry)
    {
        for (var i = 0; i < Chemistries.Count; i++)
            if (Chemistries[i] == chemistry) return i;
        throw new ArgumentOutOfRangeException(nameof(chemistry), chemistry, $"chemistry must be one of {string.Join(", ", Chemistries)}");
    }
}
