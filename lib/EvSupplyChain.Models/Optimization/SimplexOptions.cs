namespace EvSupplyChain.Models.Optimization;

/// <summary>How the simplex picks the entering variable.</summary>
public enum PricingRule
{
    /// <summary>Largest |dⱼ|²/γⱼ with exact reference weights γⱼ = 1 + ‖B⁻¹aⱼ‖² (fewest iterations).</summary>
    SteepestEdge,
    /// <summary>Largest |dⱼ| (the textbook rule).</summary>
    Dantzig,
}

/// <summary>Tolerances and rules of <see cref="SimplexSolver"/>.</summary>
public sealed record SimplexOptions
{
    /// <summary>A bound counts as satisfied within this, scaled by max(1, |bound|).</summary>
    public double FeasibilityTolerance { get; init; } = 1e-9;

    /// <summary>A reduced cost counts as improving beyond this, scaled by max(1, ‖c‖∞).</summary>
    public double OptimalityTolerance { get; init; } = 1e-9;

    /// <summary>Pivot elements smaller than this in magnitude are never chosen.</summary>
    public double PivotTolerance { get; init; } = 1e-9;

    /// <summary>Stop with <see cref="LpStatus.IterationLimit"/> after this many iterations.</summary>
    public int MaxIterations { get; init; } = 100_000;

    /// <summary>The pricing rule.</summary>
    public PricingRule Pricing { get; init; } = PricingRule.SteepestEdge;

    /// <summary>After this many consecutive degenerate pivots switch to Bland's rule until progress resumes (anti-cycling).</summary>
    public int DegeneratePivotsBeforeBland { get; init; } = 50;

    /// <summary>Rebuild B⁻¹ from scratch with an LU factorisation every this many pivots.</summary>
    public int RefactorInterval { get; init; } = 100;

    /// <summary>Substitute out variables defined by equality rows before solving (see <see cref="Presolve"/>).</summary>
    public bool Presolve { get; init; }

    /// <summary>Validates the options; the error names the option and its allowed range.</summary>
    public SimplexOptions Validated()
    {
        Check(FeasibilityTolerance, nameof(FeasibilityTolerance));
        Check(OptimalityTolerance, nameof(OptimalityTolerance));
        Check(PivotTolerance, nameof(PivotTolerance));
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be ≥ 1.");
        if (DegeneratePivotsBeforeBland < 1) throw new ArgumentOutOfRangeException(nameof(DegeneratePivotsBeforeBland), DegeneratePivotsBeforeBland, "DegeneratePivotsBeforeBland must be ≥ 1.");
        if (RefactorInterval < 1) throw new ArgumentOutOfRangeException(nameof(RefactorInterval), RefactorInterval, "RefactorInterval must be ≥ 1.");
        return this;
    }

    private static void Check(double tol, string name)
    {
        if (!(tol > 0 && tol < 1e-3)) throw new ArgumentOutOfRangeException(name, tol, $"{name} must be in (0, 1e-3).");
    }
}
