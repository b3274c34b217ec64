using BenchmarkDotNet.Attributes;
using EvSupplyChain.Models.BatteryProduction;
using EvSupplyChain.Models.Optimization;

namespace EvSupplyChain.Benchmarks;

/// <summary>
/// Issue 16 budget: the 2035 LP with GLOP in process under 25 ms (issue 4's earlier budgets: all eleven years plus all
/// share ranges under 200 ms; faster than glpsol run as a process). Run: <c>--filter '*OptimizationBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class OptimizationBenchmarks
{
    private BatteryProductionInputs _inputs = null!;
    private string _lpFile = null!;
    private string _solFile = null!;
    private GlpkSolver? _glpk;

    /// <summary>Loads the inputs and writes the 2035 LP file once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _inputs = BatteryProductionInputs.Load(Path.Combine(BenchPaths.Data, "optimization"));
        var dir = Directory.CreateTempSubdirectory("evsc-bench-lp-").FullName;
        _lpFile = Path.Combine(dir, "model_2035.lp");
        _solFile = Path.Combine(dir, "model_2035.sol");
        LpFileWriter.WriteFile(BatteryProductionModel.Build(_inputs, 2035).Model, _lpFile);
        if (GlpkSolver.IsAvailable) _glpk = new GlpkSolver();
    }

    /// <summary>Build the 468×475 model of 2035, solve with GLOP in process, post-process.</summary>
    [Benchmark]
    public double Year2035() => BatteryProductionAnalysis.Solve(_inputs, 2035).TotalGWh;

    /// <summary>The same from the LP file: read and solve with GLOP (what glpsol does below).</summary>
    [Benchmark]
    public double Year2035FromLpFile() => LpFileReader.ReadFile(_lpFile).Solve().ObjectiveValue;

    /// <summary>glpsol run as a process on the same LP file (skipped when glpsol is absent).</summary>
    [Benchmark]
    public int GlpsolProcess2035()
    {
        if (_glpk is null) return 0;
        return _glpk.SolveFile(_lpFile, _solFile).Length;
    }

    /// <summary>Eleven years 2025–2035.</summary>
    [Benchmark]
    public int AllYears() => BatteryProductionAnalysis.SolveYears(_inputs).Count;

    /// <summary>Eleven years plus the optimal-face range of every share and the total GWh (7 × 2 LPs per year).</summary>
    [Benchmark]
    public int AllYearsWithRanges() => BatteryProductionAnalysis.SolveYears(_inputs).Sum(r => BatteryProductionAnalysis.Ranges(r).Count);
}
