using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvSupplyChain.Notebooks;

namespace EvSupplyChain.Benchmarks;

/// <summary>
/// Runner overhead in process: a notebook of one trivial cell against one of 1 + <see cref="ExtraCells"/> trivial cells.
/// (TrivialCells − OneCell) / ExtraCells is the cost of a trivial cell after the first (budget: under 50 ms).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class RunnerBenchmarks
{
    /// <summary>Cells after the first in the longer notebook.</summary>
    public const int ExtraCells = 20;

    private string _one = "";
    private string _many = "";
    private readonly NotebookRunner _runner = new();

    /// <summary>Writes the two notebooks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var dir = Directory.CreateTempSubdirectory("evsc-bench-").FullName;
        _one = Write(dir, "one.ipynb", 1);
        _many = Write(dir, "many.ipynb", 1 + ExtraCells);
    }

    /// <summary>One trivial cell: script state creation, compile and run.</summary>
    [Benchmark(Baseline = true)]
    public NotebookResult OneCell() => Check(_runner.RunAsync(_one).GetAwaiter().GetResult());

    /// <summary>1 + ExtraCells trivial cells continuing one script state.</summary>
    [Benchmark]
    public NotebookResult TrivialCells() => Check(_runner.RunAsync(_many).GetAwaiter().GetResult());

    private static NotebookResult Check(NotebookResult r) =>
        r.Succeeded ? r : throw new InvalidOperationException("benchmark notebook failed: " + r.Failure);

    private static string Write(string dir, string name, int cells)
    {
        var list = new JsonArray();
        for (var i = 0; i < cells; i++)
        {
            list.Add(new JsonObject
            {
                ["cell_type"] = "code", ["id"] = $"c{i}", ["execution_count"] = null, ["outputs"] = new JsonArray(),
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["source"] = $"var x{i} = {i};\nx{i} + 1",
            });
        }
        var nb = new JsonObject { ["cells"] = list, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, nb.ToJsonString());
        return path;
    }
}
