using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.CathodeVulnerability;
using EvSupplyChain.Models.Display;
using EvSupplyChain.Models.UsSupplyChain;
using Microsoft.Data.Analysis;

namespace EvSupplyChain.Benchmarks;

/// <summary>Display kernel: <c>Table.ToDataFrame()</c> on the largest result tables (budget 5 ms) and the table HTML
/// (column formats chosen from the data, folding) on the same tables.</summary>
[MemoryDiagnoser, MedianColumn]
public class DisplayBenchmarks
{
    private Table _gaps = null!;
    private Table _index = null!;

    /// <summary>Runs the analyses once; only the display work is measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _gaps = GapViews.AsPrinted(GapAnalysis.Run(UsSupplyChainInputs.Load(Path.Combine(BenchPaths.Data, "us-supply-chain"))));
        var analysis = Vulnerability.Load(BenchPaths.Data);
        var twenty = analysis.KnownCountries.Take(16).Select(analysis.Focal).Concat(analysis.Blocs.Take(4)).ToArray();
        _index = VulnerabilityReport.IndexTable(analysis, twenty);
    }

    /// <summary>The US gap table as printed by the original (28 rows × 11 columns).</summary>
    [Benchmark]
    public DataFrame GapTableToDataFrame() => _gaps.ToDataFrame();

    /// <summary>The vulnerability index for twenty focal sets (the largest result table).</summary>
    [Benchmark]
    public DataFrame IndexTableToDataFrame() => _index.ToDataFrame();

    /// <summary>The same table as HTML.</summary>
    [Benchmark]
    public string IndexTableToHtml() => _index.ToHtml();
}
