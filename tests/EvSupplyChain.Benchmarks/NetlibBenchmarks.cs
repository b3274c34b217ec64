using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Benchmarks;

/// <summary>
/// Issue 16 budget: the netlib suite (34 MPS files of the tests' TestData/netlib: read and solve each, infeasibility and
/// unboundedness proofs included) under 60 s per offered solver. Run: <c>--filter '*NetlibBenchmarks*'</c>.
/// </summary>
public class NetlibBenchmarks
{
    private string[] _files = null!;

    /// <summary>The project's name of the solver.</summary>
    [ParamsSource(nameof(Solvers))]
    public string Solver { get; set; } = LpSolvers.Default;

    /// <summary>Every offered solver.</summary>
    public static IEnumerable<string> Solvers => LpSolvers.Names;

    /// <summary>Lists the suite's files.</summary>
    [GlobalSetup]
    public void Setup() =>
        _files = Directory.GetFiles(Path.Combine(BenchPaths.RepoRoot, "tests", "EvSupplyChain.Tests", "Optimization", "TestData", "netlib"), "*.mps");

    /// <summary>Reads and solves every problem; returns how many are optimal (24 of 34).</summary>
    [Benchmark]
    public int Suite()
    {
        var solver = LpSolvers.Create(Solver);
        return _files.Count(f => solver.Solve(MpsFileReader.ReadFile(f)).IsOptimal);
    }
}
