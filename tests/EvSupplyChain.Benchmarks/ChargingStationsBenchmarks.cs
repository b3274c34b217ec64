using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.ChargingStations;
using EvSupplyChain.Models.Finance;

namespace EvSupplyChain.Benchmarks;

/// <summary>Issue 9 budgets: one station evaluation under 50 µs; a 100,000-draw Monte Carlo under 2 s.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class ChargingStationsBenchmarks
{
    private StationData _data = null!;
    private StationParameters _urban = null!;
    private StationParameters _rural = null!;
    private double[] _flows = null!;

    /// <summary>Loads the presets once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = StationData.Load(BenchPaths.Data);
        _urban = _data.Site("urban");
        _rural = _data.Site("rural");
        _flows = StationModel.Evaluate(_urban).NetCashFlows;
    }

    /// <summary>Full evaluation: validation, 20-year cash flows, NPV, IRR, paybacks, ROI, LCOC.</summary>
    [Benchmark]
    public StationKpis EvaluateUrban() => StationModel.Evaluate(_urban).Kpis;

    /// <summary>Full evaluation of the rural preset (solar, battery, negative NPV).</summary>
    [Benchmark]
    public StationKpis EvaluateRural() => StationModel.Evaluate(_rural).Kpis;

    /// <summary>NPV only (the Monte Carlo inner step).</summary>
    [Benchmark]
    public double NpvOnly() => StationModel.Npv(_urban);

    /// <summary>IRR of the urban 21-year cash flows.</summary>
    [Benchmark]
    public double? IrrOnly() => Irr.Find(_flows).Rate;

    /// <summary>100,000-draw Monte Carlo over the six drivers.</summary>
    [Benchmark]
    public double MonteCarlo100k() => StationAnalysis.MonteCarlo(_rural, _data.Drivers, 100_000, seed: 1).Summary.Mean;
}
