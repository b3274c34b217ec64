namespace EvSupplyChain.Models.Degradation;

/// <summary>Reader-facing names of the chemistries.</summary>
public static class CellChemistryLabels
{
    /// <summary>"Li-ion" or "Na-ion".</summary>
    public static string Label(this CellChemistry chemistry) => chemistry switch
    {
        CellChemistry.LiIon => "Li-ion",
        CellChemistry.NaIon => "Na-ion",
        _ => chemistry.ToString(),
    };
}
