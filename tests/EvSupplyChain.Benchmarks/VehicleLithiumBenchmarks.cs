using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.VehicleLithium;

namespace EvSupplyChain.Benchmarks;

/// <summary>Vehicle lithium model: one scenario 2000–2100 (budget 20 ms) and the full calibration (budget 10 s).</summary>
[MemoryDiagnoser, MedianColumn]
public class VehicleLithiumBenchmarks
{
    private VehicleLithiumInputs _inputs = null!;
    private Scenario _d2 = null!;

    /// <summary>Loads the inputs and solves the battery capacities once (they are cached per scenario).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _inputs = VehicleLithiumInputs.Load(BenchPaths.Data);
        _d2 = _inputs.Scenario("D2");
        FleetModel.Run(_inputs, _d2);
    }

    /// <summary>One scenario run, D2, 2000–2100, five vehicle types.</summary>
    [Benchmark]
    public double RunScenarioD2()
    {
        var r = FleetModel.Run(_inputs, _d2);
        return r.Stock(2100);
    }

    /// <summary>One scenario run including the battery-capacity root finding (fresh inputs, empty cache).</summary>
    [Benchmark]
    public double RunScenarioD2Cold()
    {
        var inputs = _inputs with { };
        return FleetModel.Run(inputs, _d2).Stock(2100);
    }

    /// <summary>The full calibration of eight parameters to the 28 published targets.</summary>
    [Benchmark]
    public double Calibrate() => Calibration.Fit(_inputs).Objective;
}
