using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace EvSupplyChain.Benchmarks;

/// <summary>
/// <c>evsc render notebooks/00-getting-started.ipynb</c> as a user runs it: a new process each time, so process start,
/// JIT, Roslyn's first compile and the report writing are all included (budget: under 5 s).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RunnerProcessBenchmarks
{
    private string _evsc = "";
    private string _out = "";

    /// <summary>Finds the built evsc.dll (the project reference builds it with the benchmarks).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _evsc = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(BenchPaths.RepoRoot, "lib", "EvSupplyChain.Cli", "bin", c, "net10.0", "evsc.dll"))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new FileNotFoundException("evsc.dll not built: run `dotnet build -c Release` first.");
        _out = Directory.CreateTempSubdirectory("evsc-bench-render-").FullName;
    }

    /// <summary>One render of the getting-started notebook in a fresh process.</summary>
    [Benchmark]
    public int RenderGettingStarted()
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = BenchPaths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { _evsc, "render", "notebooks/00-getting-started.ipynb", "--out", _out }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? p.ExitCode : throw new InvalidOperationException($"evsc render failed ({p.ExitCode}): {stdout.Result}{stderr}");
    }
}
