using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.Degradation;

namespace EvSupplyChain.Benchmarks;

/// <summary>Issue 7 budgets: 100,000 samples &lt; 200 ms; surrogate training &lt; 2 s; 1,000,000 predictions &lt; 1 s.
/// Issue 16: FastTree and LightGBM training on 20,000 samples &lt; 2 s.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DegradationBenchmarks
{
    private DegradationDataset _original = null!;
    private DegradationDataset _large = null!;
    private IDegradationSurrogate _model = null!;
    private OperatingConditions[] _inputs = null!;
    private DegradationOutcome[] _outputs = null!;

    /// <summary>Data and a trained model for the prediction benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _original = OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, OriginalDegradationModel.OriginalAttempts, 42);
        _large = OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 20_000, 42);
        _model = SurrogateTraining.Run(_large).Model;
        var sample = OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 1_100_000, 9);
        _inputs = sample.Samples.Take(1_000_000).Select(s => s.Inputs).ToArray();
        _outputs = new DegradationOutcome[_inputs.Length];
    }

    /// <summary>100,000 generator attempts (Li-ion).</summary>
    [Benchmark]
    public int Generate100k() => OriginalDegradationModel.Generate(OriginalModelParameters.LiIon, 100_000, 1).Count;

    /// <summary>Surrogate training with 5-fold CV over 8 penalties on the original's 1,000 attempts.</summary>
    [Benchmark]
    public double TrainOn1000() => SurrogateTraining.Run(_original).Metrics[0].R2;

    /// <summary>The same on 20,000 attempts (what the CLI and notebook use).</summary>
    [Benchmark]
    public double TrainOn20000() => SurrogateTraining.Run(_large).Metrics[0].R2;

    /// <summary>ML.NET FastTree (both outputs) on 20,000 attempts, single-threaded.</summary>
    [Benchmark]
    public double FastTreeOn20000() => SurrogateTraining.Run(_large, new SurrogateOptions { Kind = SurrogateKind.FastTree }).Metrics[0].R2;

    /// <summary>ML.NET LightGBM (both outputs) on 20,000 attempts, one thread.</summary>
    [Benchmark]
    public double LightGbmOn20000() => SurrogateTraining.Run(_large, new SurrogateOptions { Kind = SurrogateKind.LightGbm }).Metrics[0].R2;

    /// <summary>1,000,000 surrogate predictions.</summary>
    [Benchmark]
    public double Predict1M()
    {
        _model.PredictMany(_inputs, _outputs);
        return _outputs[^1].CapacityFadePercent;
    }

    /// <summary>The default thermal lookup table (15 ODE solves).</summary>
    [Benchmark]
    public int ThermalLookup() => BatteryTemperatureLookup.Build(ThermalCellParameters.Default).Rows.Count;
}
