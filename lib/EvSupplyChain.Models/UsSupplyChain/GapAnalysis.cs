using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>One row of the published gap table (t/yr; raw cobalt, nickel, lithium and graphite are ore/concentrate masses).</summary>
public sealed record GapRow(string Material, double Demand, double UsExistingAndAdvanced, double UsEarlyStage,
    double CanadaMexicoHistoricalAndAdvanced, double CanadaMexicoEarlyStage, double OtherFtaCountries, double FeocCountries,
    double OtherNonFtaCountries, double UsRecycling, double Gap)
{
    /// <summary>The original's column labels, in order (Material first).</summary>
    public static readonly IReadOnlyList<string> Labels =
    [
        "Material", "Demand", "US (existing & advanced-stage projects)", "US (early-stage projects)",
        "Canada & Mexico (historical average & advanced-stage)", "Canada & Mexico (early-stage)",
        "Other FTA countries (historical average)", "FEOC countries (historical average)",
        "Other non-FTA countries (historical average)", "US recycling", "Gap",
    ];

    /// <summary>The ten numbers in column order.</summary>
    public double[] Values() =>
        [Demand, UsExistingAndAdvanced, UsEarlyStage, CanadaMexicoHistoricalAndAdvanced, CanadaMexicoEarlyStage,
         OtherFtaCountries, FeocCountries, OtherNonFtaCountries, UsRecycling, Gap];
}

/// <summary>Everything the analysis computes for one reporting year, step by step.</summary>
public sealed class GapResult
{
    internal GapResult(GapOptions options, MaterialDemand demand, UsRecycling recycling, IReadOnlyList<SupplyRow> before,
        IReadOnlyList<SupplyRow> allocated, IReadOnlyList<GapRow> rows)
    {
        Options = options;
        Demand = demand;
        Recycling = recycling;
        SupplyBeforeAllocation = before;
        Allocated = allocated;
        Rows = rows;
    }

    /// <summary>The settings used.</summary>
    public GapOptions Options { get; }

    /// <summary>The reporting year.</summary>
    public int Year => Options.Year;

    /// <summary>Step 1: demand for all years.</summary>
    public MaterialDemand Demand { get; }

    /// <summary>Step 2: recycling for all years.</summary>
    public UsRecycling Recycling { get; }

    /// <summary>Step 3: the 34 template rows with demand and the full supply of each source.</summary>
    public IReadOnlyList<SupplyRow> SupplyBeforeAllocation { get; }

    /// <summary>Step 4: the 34 rows after the tier allocation, with the gap.</summary>
    public IReadOnlyList<SupplyRow> Allocated { get; }

    /// <summary>Step 5: the published 28-row table.</summary>
    public IReadOnlyList<GapRow> Rows { get; }

    /// <summary>The gap table with the original's labels, rounded to whole tonnes for display (CSV keeps full precision).</summary>
    public Table ToTable(string? title = null)
    {
        var columns = GapRow.Labels.Select((l, i) => new TableColumn(l, i == 0 ? typeof(string) : typeof(double), i == 0 ? null : "N0"));
        var rows = Rows.Select(r => (IReadOnlyList<object?>)new object?[] { r.Material }.Concat(r.Values().Cast<object?>()).ToArray());
        return Table.Create(columns, rows, title ?? $"US supply–demand gap in {Year} (t/yr)");
    }
}

/// <summary>
/// The US material supply–demand gap analysis (seed 000 core): demand → recycling → supply → tier allocation → table.
/// </summary>
public static class GapAnalysis
{
    /// <summary>Runs every step for <see cref="GapOptions.Year"/>; a year the inputs do not cover raises an error naming the covered range.</summary>
    public static GapResult Run(UsSupplyChainInputs inputs, GapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= GapOptions.Original;
        options.Validate();
        var covered = inputs.ReportingYears;
        if (covered.Count == 0) throw new ArgumentException("The inputs cover no reporting year (sales, shares, anode split, recycling rate and supply must overlap).", nameof(inputs));
        if (!covered.Contains(options.Year))
            throw new ArgumentOutOfRangeException("year", options.Year, $"year must be within the years the inputs cover: {covered[0]}–{covered[^1]}");
        var demand = new MaterialDemand(inputs, options);
        var recycling = new UsRecycling(inputs, demand, options);
        var before = SupplySources.BeforeAllocation(inputs, demand, recycling, options.Year);
        var allocated = before.Select(r => r.Allocate()).ToArray();
        var byName = allocated.ToDictionary(r => r.Material);
        var rows = Catalog.OutputRows.Select(o =>
        {
            var s = SupplyRow.Sum(o.Label, o.Rows.Select(n => byName[n]).ToArray());
            return new GapRow(s.Material, s.Demand, s.UsMature, s.UsEarlyStage, s.CanadaMexicoMature, s.CanadaMexicoEarlyStage,
                s.OtherFta, s.Feoc, s.OtherNonFta, s.UsRecycling, s.Gap);
        }).ToArray();
        return new GapResult(options, demand, recycling, before, allocated, rows);
    }

    /// <summary>Loads <paramref name="folder"/> and runs the analysis.</summary>
    public static GapResult Run(string folder, GapOptions? options = null) => Run(UsSupplyChainInputs.Load(folder), options);
}
