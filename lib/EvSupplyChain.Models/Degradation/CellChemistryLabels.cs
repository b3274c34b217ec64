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

    /// <summary>A chemistry from its label or name in any letter case ("Li-ion", "LiIon", "naion"); anything else is an
    /// error naming <paramref name="option"/> and the allowed values.</summary>
    public static CellChemistry Parse(string name, string option = "chemistry")
    {
        var key = (name ?? "").Replace("-", "").Replace(" ", "").Trim();
        foreach (var c in Enum.GetValues<CellChemistry>())
            if (string.Equals(c.ToString(), key, StringComparison.OrdinalIgnoreCase)) return c;
        throw new ArgumentException($"{option} '{name}' is not allowed; allowed values: Li-ion, Na-ion.", option);
    }
}
