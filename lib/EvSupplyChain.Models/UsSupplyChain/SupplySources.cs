namespace EvSupplyChain.Models.UsSupplyChain;

/// <summary>
/// Demand and the supply sources of one row (t/yr). Before allocation the sources are the full available amounts; after
/// allocation they are the amounts used and <see cref="Gap"/> is the unmet demand.
/// </summary>
/// <param name="Material">Row label.</param>
/// <param name="Demand">US demand.</param>
/// <param name="UsMature">US existing production plus advanced-stage projects.</param>
/// <param name="UsEarlyStage">US early-stage projects (all announced minus advanced-stage).</param>
/// <param name="CanadaMexicoMature">Canada and Mexico historical average plus advanced-stage projects.</param>
/// <param name="CanadaMexicoEarlyStage">Canada and Mexico early-stage projects.</param>
/// <param name="OtherFta">Other free-trade-agreement countries (historical average).</param>
/// <param name="Feoc">Foreign entities of concern (historical average).</param>
/// <param name="OtherNonFta">Other non-FTA countries (historical average).</param>
/// <param name="UsRecycling">US recycling.</param>
/// <param name="NonUsRecycling">Non-US recycling (always 0 in the original: a placeholder).</param>
/// <param name="Gap">Unmet demand (0 before allocation).</param>
public sealed record SupplyRow(string Material, double Demand, double UsMature, double UsEarlyStage, double CanadaMexicoMature,
    double CanadaMexicoEarlyStage, double OtherFta, double Feoc, double OtherNonFta, double UsRecycling, double NonUsRecycling, double Gap)
{
    /// <summary>The five sourcing tiers in priority order: US mature; US early-stage and US recycling; Canada–Mexico mature
    /// and other FTA; Canada–Mexico early-stage; FEOC, other non-FTA and non-US recycling.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Tiers() =>
    [
        [UsMature], [UsEarlyStage, UsRecycling], [CanadaMexicoMature, OtherFta], [CanadaMexicoEarlyStage], [Feoc, OtherNonFta, NonUsRecycling],
    ];

    /// <summary>Sum of all sources.</summary>
    public double TotalSupply => UsMature + UsEarlyStage + CanadaMexicoMature + CanadaMexicoEarlyStage + OtherFta + Feoc + OtherNonFta + UsRecycling + NonUsRecycling;

    /// <summary>This row with its sources replaced by the tier allocation of its demand.</summary>
    public SupplyRow Allocate()
    {
        var result = TierAllocation.Allocate(Demand, Tiers());
        var a = result.Allocated;
        return this with
        {
            UsMature = a[0][0], UsEarlyStage = a[1][0], UsRecycling = a[1][1], CanadaMexicoMature = a[2][0], OtherFta = a[2][1],
            CanadaMexicoEarlyStage = a[3][0], Feoc = a[4][0], OtherNonFta = a[4][1], NonUsRecycling = a[4][2],
            Gap = result.Gap,
        };
    }

    /// <summary>Column-wise sum of rows under a new label.</summary>
    public static SupplyRow Sum(string label, IReadOnlyList<SupplyRow> rows)
    {
        var s = rows[0] with { Material = label };
        foreach (var r in rows.Skip(1))
        {
            s = s with
            {
                Demand = s.Demand + r.Demand, UsMature = s.UsMature + r.UsMature, UsEarlyStage = s.UsEarlyStage + r.UsEarlyStage,
                CanadaMexicoMature = s.CanadaMexicoMature + r.CanadaMexicoMature, CanadaMexicoEarlyStage = s.CanadaMexicoEarlyStage + r.CanadaMexicoEarlyStage,
                OtherFta = s.OtherFta + r.OtherFta, Feoc = s.Feoc + r.Feoc, OtherNonFta = s.OtherNonFta + r.OtherNonFta,
                UsRecycling = s.UsRecycling + r.UsRecycling, NonUsRecycling = s.NonUsRecycling + r.NonUsRecycling, Gap = s.Gap + r.Gap,
            };
        }
        return s;
    }
}

/// <summary>Step 3: the supply sources of every row for a reporting year (MODEL_SPEC A3).</summary>
public static class SupplySources
{
    /// <summary>Demand and available supply of the 34 template rows in <paramref name="year"/>, before allocation.</summary>
    public static IReadOnlyList<SupplyRow> BeforeAllocation(UsSupplyChainInputs inputs, MaterialDemand demand, UsRecycling recycling, int year)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var d = demand.For(year).ToDictionary(r => r.Material, r => r.Tonnes);
        return Catalog.Rows.Select(m =>
        {
            double X(string region) => inputs.ExistingSupply.GetValueOrDefault((year, m, region));
            double P(string region, string stage) => inputs.PlannedSupply.GetValueOrDefault((year, m, region, stage));
            foreach (var region in Catalog.PlannedRegions)
                if (P(region, "mature") > P(region, "all"))
                    throw new Data.DataValidationException("planned_supply.csv", null, "quantity_t",
                        $"{m}, {region}, {year}: advanced-stage projects ({P(region, "mature")}) exceed all announced projects ({P(region, "all")})");
            return new SupplyRow(m, d[m],
                UsMature: X("US") + P("US", "mature"),
                UsEarlyStage: P("US", "all") - P("US", "mature"),
                CanadaMexicoMature: X("CaMex") + P("CaMex", "mature"),
                CanadaMexicoEarlyStage: P("CaMex", "all") - P("CaMex", "mature"),
                OtherFta: X("FTA"), Feoc: X("FEOC"), OtherNonFta: X("nonFTA"),
                UsRecycling: recycling.SupplyOf(m, year), NonUsRecycling: 0, Gap: 0);
        }).ToArray();
    }
}
