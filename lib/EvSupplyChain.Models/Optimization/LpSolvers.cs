namespace EvSupplyChain.Models.Optimization;

/// <summary>
/// The LP solvers the project offers, all from Google OR-Tools (in process). Each one passes the netlib suite in the
/// tests (exact status, objective to 1e-6 relative). GLOP (the default) and CLP are simplex solvers with duals; CBC and
/// SCIP are MIP solvers that give the same optima without duals (shadow prices and reduced costs are NaN). Not offered
/// (docs/battery-production.md): PDLP (first-order, 1e-4 default tolerance: 23 of 34 netlib problems fail the optimality
/// check or time out), HiGHS (passes the suite, but its duals fail complementary slackness and it prints a banner on the
/// process's standard output that no OR-Tools setting silences) and GLPK (not in the OR-Tools NuGet build).
/// </summary>
public static class LpSolvers
{
    /// <summary>The default solver's name.</summary>
    public const string Default = "glop";

    private static readonly Dictionary<string, Func<OrToolsSolver>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["glop"] = () => new OrToolsSolver("glop", "GLOP", null, hasDuals: true),
        ["clp"] = () => new OrToolsSolver("clp", "CLP", null, hasDuals: true),
        ["cbc"] = () => new OrToolsSolver("cbc", "CBC", null, hasDuals: false),
        ["scip"] = () => new OrToolsSolver("scip", "SCIP", null, hasDuals: false),
    };

    /// <summary>The names <see cref="Create"/> accepts, default first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    /// <summary>The solver with this name (case-insensitive; null means <see cref="Default"/>).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static OrToolsSolver Create(string? name = null) =>
        Factories.TryGetValue(name ?? Default, out var make) ? make()
        : throw new ArgumentException($"Unknown LP solver '{name}'; the solvers are {string.Join(", ", Names)}.", nameof(name));
}
