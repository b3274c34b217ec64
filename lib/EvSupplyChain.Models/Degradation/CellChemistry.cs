namespace EvSupplyChain.Models.Degradation;

/// <summary>The two cell chemistries of the original generator.</summary>
public enum CellChemistry
{
    /// <summary>Lithium-ion (the original's "LiIon").</summary>
    LiIon,

    /// <summary>Sodium-ion (the original's "NaIon").</summary>
    NaIon,
}
