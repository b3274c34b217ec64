using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace EvSupplyChain.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (e.g. --filter '*Gap*').</summary>
public static class Program
{
    /// <summary>Entry point. The README quotes medians, so the summary always shows the Median column.</summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args, DefaultConfig.Instance.AddColumn(StatisticColumn.Median));
}
