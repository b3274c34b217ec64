namespace EvSupplyChain.Models.Data;

/// <summary>Finds the folder of input CSV files.</summary>
public static class DataFolder
{
    /// <summary>The environment variable that overrides the search.</summary>
    public const string EnvironmentVariable = "EVSC_DATA";

    /// <summary>
    /// The explicit <paramref name="path"/> when given; else <c>EVSC_DATA</c>; else the nearest <c>data/</c> folder
    /// at or above <paramref name="startDirectory"/> (the working directory by default).
    /// </summary>
    public static string Locate(string? path = null, string? startDirectory = null) =>
        Locate(path, startDirectory, Environment.GetEnvironmentVariable);

    /// <summary><see cref="Locate(string?, string?)"/> reading environment variables through <paramref name="environment"/>
    /// (tests pass their own, so no test changes the process environment).</summary>
    internal static string Locate(string? path, string? startDirectory, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(path))
            return Directory.Exists(path) ? Path.GetFullPath(path)
                : throw new DirectoryNotFoundException($"The data folder '{path}' does not exist.");
        var env = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
            return Directory.Exists(env) ? Path.GetFullPath(env)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} points to '{env}', which does not exist.");
        var dir = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory());
        for (; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No data/ folder found at or above '{startDirectory ?? Directory.GetCurrentDirectory()}'. Pass a path (--data DIR) or set {EnvironmentVariable}.");
    }

    /// <summary>
    /// The folder of one analysis, e.g. <c>Analysis("us-supply-chain")</c>. An explicit <paramref name="path"/> may
    /// point at a whole data folder (it holds <paramref name="name"/>/) or straight at that analysis folder.
    /// </summary>
    public static string Analysis(string name, string? path = null)
    {
        var root = Locate(path);
        var sub = Path.Combine(root, name);
        if (Directory.Exists(sub)) return sub;
        if (!string.IsNullOrWhiteSpace(path)) return root;
        throw new DirectoryNotFoundException($"The data folder '{root}' has no '{name}' sub-folder.");
    }
}
