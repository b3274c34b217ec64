namespace EvSupplyChain.Benchmarks;

/// <summary>Where the benchmarks find the repository's data/ and notebooks/ folders.</summary>
public static class BenchPaths
{
    /// <summary>The repository root: nearest folder with global.json above the working directory or the assembly.</summary>
    public static string RepoRoot { get; } = Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("Run the benchmarks from inside the repository.");

    /// <summary>The data/ folder.</summary>
    public static string Data => Path.Combine(RepoRoot, "data");

    private static string? Find(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "global.json"))) return d.FullName;
        return null;
    }
}
