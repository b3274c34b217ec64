namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// The LP solvers the project offers, all from Google OR-Tools (in process). Each one passes the netlib suite in the
/// tests (exact status, objective to 1e-6 relative). GLOP, a primal/dual simplex, is the default.
/// </summary>
public static class LpSolvers
{
    /// <summary>The default solver's name.</summary>
    public const string Default = "glop";

    private static readonly Dictionary<string, Func<OrToolsSolver>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["glop"] = () => new OrToolsSolver("glop", "GLOP", null, hasDuals: true),
        ["clp"] = () => new OrToolsSolver("clp", "CLP", null, hasDuals: true),
    };

    /// <summary>The names <see cref="Create"/> accepts, default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    /// <summary>The solver with this name (case-insensitive; null means <see cref="Default"/>).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static OrToolsSolver Create(string? name = null) =>
        Factories.TryGetValue(name ?? Default, out var make) ? make()
        : throw new ArgumentException($"Unknown LP solver '{name}'; the solvers are {string.Join(", ", Names)}.", nameof(name));
}
