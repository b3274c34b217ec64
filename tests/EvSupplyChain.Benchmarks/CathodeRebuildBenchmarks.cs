using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.CathodeVulnerability;

namespace EvSupplyChain.Benchmarks;

/// <summary>Issue #18 budgets: one year's networks from the trade records &lt; 200 ms; the index for 5 years × 5 pairs ×
/// 4 cases × 20 focal sets &lt; 1 s (networks built once, outside the measurement).</summary>
[MemoryDiagnoser]
public class CathodeRebuildBenchmarks
{
    private CathodeTradeData _trade = null!;
    private Dictionary<int, IReadOnlyDictionary<string, FlowNetwork>> _networks = [];
    private FocalSet[] _twenty = [];

    /// <summary>Loads the trade folder and builds the five years once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _trade = CathodeTradeData.Load(BenchPaths.Data);
        _networks = _trade.Years.ToDictionary(y => y, y => NetworkBuilder.BuildYear(_trade, y));
        var analysis = Vulnerability.Load(BenchPaths.Data);
        _twenty = analysis.KnownCountries.Take(16).Select(analysis.Focal).Concat(analysis.Blocs.Take(4)).ToArray();
    }

    /// <summary>One year's networks (all metals) from the loaded trade records and production tables.</summary>
    [Benchmark]
    public int BuildOneYear() => NetworkBuilder.BuildYear(_trade, 2019).Count;

    /// <summary>Every year, focal set, pair and case over networks already built.</summary>
    [Benchmark]
    public int IndexFiveYearsTwentyFocalSets() =>
        VulnerabilityOverTime.Compute(_networks, _twenty).Count;

    /// <summary>Loading and validating data/cathode-trade (69,788 trade records).</summary>
    [Benchmark]
    public int LoadTradeData() => CathodeTradeData.Load(BenchPaths.Data).Years.Count;
}
