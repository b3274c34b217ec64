using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.UsSupplyChain;

namespace EvSupplyChain.Benchmarks;

/// <summary>US supply-chain gaps: loading all inputs (budget 200 ms) and one reporting year from loaded data (budget 10 ms).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class UsSupplyChainBenchmarks
{
    private readonly string _folder = Path.Combine(BenchPaths.Data, "us-supply-chain");
    private UsSupplyChainInputs _inputs = null!;

    /// <summary>Loads the inputs once for the analysis benchmarks.</summary>
    [GlobalSetup]
    public void Setup() => _inputs = UsSupplyChainInputs.Load(_folder);

    /// <summary>Reads and validates the 16 CSV files.</summary>
    [Benchmark]
    public UsSupplyChainInputs LoadInputs() => UsSupplyChainInputs.Load(_folder);

    /// <summary>Demand, Weibull fits, retirements, recycling, supply, allocation and the 28-row table for 2035.</summary>
    [Benchmark]
    public GapResult Analysis2035() => GapAnalysis.Run(_inputs);

    /// <summary>The same with both corrections.</summary>
    [Benchmark]
    public GapResult Analysis2035Corrected() => GapAnalysis.Run(_inputs, GapOptions.Corrected);
}
