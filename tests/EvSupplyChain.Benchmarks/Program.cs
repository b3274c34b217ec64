using BenchmarkDotNet.Running;

namespace EvSupplyChain.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (e.g. --filter '*Gap*').</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
