using EvSupplyChain.Models.Data;

namespace EvSupplyChain.Models.VehicleLithium;

/// <summary>Every input of the vehicle lithium model, as read from data/vehicle-lithium/ (or built in code).</summary>
public sealed record VehicleLithiumInputs
{
    /// <summary>First simulated year (2000).</summary>
    public required int FirstYear { get; init; }

    /// <summary>Last simulated year (2100).</summary>
    public required int LastYear { get; init; }

    /// <summary>Last year of observed sales; the calibration scales the projected change after it.</summary>
    public required int SalesBaseYear { get; init; }

    /// <summary>Oldest vehicle age of the survival curves (years).</summary>
    public required int MaxAge { get; init; }

    /// <summary>α, β, γ of eqs (7)–(8).</summary>
    public required BatteryPhysics Physics { get; init; }

    /// <summary>Share of mined lithium that reaches a battery (0.9): mine production = net demand / efficiency.</summary>
    public required double ProductionChainEfficiency { get; init; }

    /// <summary>Static lithium reserves (mt), a benchmark only.</summary>
    public required double ReservesMt { get; init; }

    /// <summary>Identified lithium resources (mt), a benchmark only.</summary>
    public required double ResourcesMt { get; init; }

    /// <summary>Per-type characteristics, in <see cref="VehicleTypes.All"/> order.</summary>
    public required IReadOnlyList<VehicleTypeSpec> Types { get; init; }

    /// <summary>New vehicle sales per type (million per year).</summary>
    public required IReadOnlyDictionary<VehicleType, Trajectory> SalesMillion { get; init; }

    /// <summary>Pack-level specific energy (Wh/kg); ED of eq (8) is its inverse.</summary>
    public required Trajectory PackWhPerKg { get; init; }

    /// <summary>BEV electric range of light-duty vehicles (km) by sales year.</summary>
    public required Trajectory LdvBevRangeKm { get; init; }

    /// <summary>The scenarios (D1–D4 shipped).</summary>
    public required IReadOnlyList<Scenario> Scenarios { get; init; }

    /// <summary>Central values and sourced ranges of the calibrated parameters.</summary>
    public required IReadOnlyList<ParameterBounds> Calibration { get; init; }

    /// <summary>The published results to reproduce.</summary>
    public required IReadOnlyList<Target> Targets { get; init; }

    /// <summary>The calibrated parameters at their sourced central values (used without calibration).</summary>
    public ModelParameters Central => ModelParameters.FromArray(ModelParameters.Names.Select(n => Bounds(n).Central).ToArray());

    /// <summary>Every input value with its sourced range and source (parameters, vehicle types, technology series).</summary>
    public IReadOnlyList<SourcedInput> Sources { get; init; } = [];

    /// <summary>The sourced range of a calibrated parameter.</summary>
    public ParameterBounds Bounds(string name) => Calibration.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"unknown parameter '{name}'; known: {string.Join(", ", ModelParameters.Names)}", nameof(name));

    /// <summary>A scenario by name (case-insensitive); the error lists the known ones.</summary>
    public Scenario Scenario(string name) =>
        Scenarios.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown scenario '{name}'; known: {string.Join(", ", Scenarios.Select(s => s.Name))}", nameof(name));

    /// <summary>The characteristics of one vehicle type.</summary>
    public VehicleTypeSpec Spec(VehicleType type) => Types.First(t => t.Type == type);

    /// <summary>Number of simulated years.</summary>
    public int YearCount => LastYear - FirstYear + 1;

    /// <summary>Reads the model's folder (data/vehicle-lithium by default; see <see cref="DataFolder.Analysis"/>).</summary>
    public static VehicleLithiumInputs Load(string? dataFolder = null) => VehicleLithiumData.Load(DataFolder.Analysis("vehicle-lithium", dataFolder));
}
