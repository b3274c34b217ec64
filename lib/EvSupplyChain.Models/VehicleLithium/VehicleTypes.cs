namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>The five vehicle types of the model.</summary>
public enum VehicleType
{
    /// <summary>Passenger car (LDV).</summary>
    PassengerCar,
    /// <summary>Light commercial vehicle (LDV).</summary>
    LightCommercial,
    /// <summary>Medium-duty truck (HDV).</summary>
    MediumTruck,
    /// <summary>Heavy-duty truck (HDV).</summary>
    HeavyTruck,
    /// <summary>Heavy-duty bus or coach (HDV).</summary>
    Bus,
}

/// <summary>Light-duty (cars, vans) or heavy-duty (trucks, buses) vehicles.</summary>
public enum Segment
{
    /// <summary>Light-duty vehicles.</summary>
    LDV,
    /// <summary>Heavy-duty vehicles.</summary>
    HDV,
}

/// <summary>Plug-in powertrains; only BEVs replace batteries.</summary>
public enum Powertrain
{
    /// <summary>Battery electric vehicle.</summary>
    Bev,
    /// <summary>Plug-in hybrid electric vehicle.</summary>
    Phev,
}

/// <summary>Where lithium enters or leaves the fleet: eqs (1)–(4).</summary>
public enum Flow
{
    /// <summary>Inflow with new vehicles (VM).</summary>
    VehicleManufacturing,
    /// <summary>Outflow with scrapped vehicles (VS).</summary>
    VehicleScrappage,
    /// <summary>Inflow of new batteries and equal outflow of worn ones (BR).</summary>
    BatteryReplacement,
}

/// <summary>One vehicle type's physical and use characteristics (a row of vehicle_types.csv).</summary>
/// <param name="Type">The vehicle type.</param>
/// <param name="Segment">LDV or HDV.</param>
/// <param name="MassExclBatteryKg">Operating mass without the battery: curb weight plus average load (kg), CW of eq (8).</param>
/// <param name="ResistanceFactor">Aero and rolling resistance factor RF of eq (8), passenger car = 1.</param>
/// <param name="PowertrainEfficiency">Battery-to-wheel efficiency PE of eq (8).</param>
/// <param name="PhevRangeKm">Electric range of the PHEV version (km); 0 when there is none.</param>
/// <param name="AnnualMileageKm">Distance driven per year (km).</param>
/// <param name="LifetimeMileageKm">Vehicle lifespan in km, LS of eq (10).</param>
/// <param name="MeanLifeYears">Mean of the Weibull survival curve (years).</param>
/// <param name="WeibullShape">Shape of the Weibull survival curve.</param>
public sealed record VehicleTypeSpec(
    VehicleType Type, Segment Segment, double MassExclBatteryKg, double ResistanceFactor, double PowertrainEfficiency,
    double PhevRangeKm, double AnnualMileageKm, double LifetimeMileageKm, double MeanLifeYears, double WeibullShape);

/// <summary>Segment membership.</summary>
public static class VehicleTypes
{
    /// <summary>All types in model order.</summary>
    public static IReadOnlyList<VehicleType> All { get; } = Enum.GetValues<VehicleType>();

    /// <summary>The segment a type belongs to.</summary>
    public static Segment SegmentOf(VehicleType type) =>
        type is VehicleType.PassengerCar or VehicleType.LightCommercial ? Segment.LDV : Segment.HDV;
}
