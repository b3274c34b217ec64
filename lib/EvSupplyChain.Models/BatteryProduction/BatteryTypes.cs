namespace EvSupplyChain.Models.BatteryProduction;

/// <summary>The index sets of the battery-production LP (MODEL_SPEC Part B), in the original's order.</summary>
public static class BatteryTypes
{
    /// <summary>Vehicle types, outer index.</summary>
    public static IReadOnlyList<string> Vehicles { get; } = ["BEV", "PHEV"];

    /// <summary>Chemistries with a graphite anode (G).</summary>
    public static IReadOnlyList<string> GraphiteAnode { get; } = ["LFP", "NCA", "NMC111", "NMC532", "NMC622", "NMC811"];

    /// <summary>Cell chemistries with their own cell cap (G ∪ {SIB}).</summary>
    public static IReadOnlyList<string> CellChemistries { get; } = [.. GraphiteAnode, "SIB"];

    /// <summary>Suffix of the silicon–graphite anode variants.</summary>
    public const string SiliconSuffix = "_siliconaam";

    /// <summary>All 13 battery types B: G, SIB, then the silicon variants of G.</summary>
    public static IReadOnlyList<string> All { get; } = [.. GraphiteAnode, "SIB", .. GraphiteAnode.Select(g => g + SiliconSuffix)];

    /// <summary>The 26 (vehicle, battery type) pairs, vehicle outer.</summary>
    public static IReadOnlyList<(string Vehicle, string Battery)> Pairs { get; } =
        [.. Vehicles.SelectMany(v => All.Select(b => (v, b)))];

    /// <summary>True for a silicon–graphite anode type.</summary>
    public static bool IsSilicon(string battery) => battery.EndsWith(SiliconSuffix, StringComparison.Ordinal);

    /// <summary>The chemistry without the anode suffix.</summary>
    public static string Base(string battery) => IsSilicon(battery) ? battery[..^SiliconSuffix.Length] : battery;

    /// <summary>The reported chemistry group: LFP, NCA, NMC (all four NMC) or SIB.</summary>
    public static string ChemistryGroup(string battery) => Base(battery) switch
    {
        var b when b.StartsWith("NMC", StringComparison.Ordinal) => "NMC",
        var b => b,
    };

    /// <summary>The reported chemistry groups in order.</summary>
    public static IReadOnlyList<string> ChemistryGroups { get; } = ["LFP", "NCA", "NMC", "SIB"];

    /// <summary>The reported anode groups: SIB counts as graphite, as in the original.</summary>
    public static string AnodeGroup(string battery) => IsSilicon(battery) ? "silicon_aam" : "graphite_aam";

    /// <summary>The reported anode groups in order.</summary>
    public static IReadOnlyList<string> AnodeGroups { get; } = ["graphite_aam", "silicon_aam"];

    /// <summary>Raw materials (first six) and refined chemicals (next seven) with supply limits, in the original's order.</summary>
    public static IReadOnlyList<string> RawMaterials { get; } = ["bauxite", "cobalt", "graphite", "lithium", "manganese", "nickel"];

    /// <summary>Refined chemicals with supply limits, in the original's order.</summary>
    public static IReadOnlyList<string> RefinedMaterials { get; } =
        ["aluminum_hydroxide", "aluminum_sulfate", "cobalt_sulfate", "lithium_hydroxide", "lithium_carbonate", "manganese_sulfate", "nickel_sulfate"];

    /// <summary>Rows of material_share.csv the model uses.</summary>
    public static IReadOnlyList<string> IntensityRows { get; } = ["cam", "aam", "electrolyte", "separator", .. RawMaterials, .. RefinedMaterials];
}
