namespace EvSupplyChain.Tests;

/// <summary>Paths the tests use: the repository root (found from the test assembly) and owned test data.</summary>
public static class TestPaths
{
    /// <summary>The repository root: the nearest folder above the test assembly holding global.json.</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The project's data/ folder.</summary>
    public static string Data => Path.Combine(RepoRoot, "data");

    /// <summary>A file under this test project's TestData folders, e.g. <c>TestData("UsSupplyChain", "gaps_2035.csv")</c>
    /// for tests/EvSupplyChain.Tests/UsSupplyChain/TestData/gaps_2035.csv.</summary>
    public static string TestData(string area, string file) => Path.Combine(AppContext.BaseDirectory, area, "TestData", file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json"))) return dir.FullName;
        throw new DirectoryNotFoundException("Repository root (global.json) not found above " + AppContext.BaseDirectory);
    }
}
