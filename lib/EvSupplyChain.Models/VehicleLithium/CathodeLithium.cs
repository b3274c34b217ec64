namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>Lithium content of a cathode chemistry from its stoichiometry: the basis of the lithium_kg_per_kwh range.</summary>
public static class CathodeLithium
{
    /// <summary>Molar mass of lithium (g/mol).</summary>
    public const double LithiumMolarMass = 6.941;

    /// <summary>
    /// kg of lithium per kWh stored, for one lithium per formula unit: (M_Li / M_cathode) / (capacity × voltage),
    /// with the practical specific capacity in mAh/g and the average voltage in V (mAh/g × V = Wh/kg of cathode).
    /// </summary>
    public static double KgPerKwh(double cathodeMolarMass, double practicalMahPerG, double averageVoltage)
    {
        if (!(cathodeMolarMass > LithiumMolarMass && practicalMahPerG > 0 && averageVoltage > 0))
            throw new ArgumentOutOfRangeException(nameof(cathodeMolarMass), "need a molar mass above lithium's, a positive capacity and voltage");
        return LithiumMolarMass / cathodeMolarMass / (practicalMahPerG * averageVoltage / 1000);
    }
}
