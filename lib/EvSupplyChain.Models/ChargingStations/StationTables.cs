using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.ChargingStations;

/// <summary>Formatted tables and figures of the station analysis, shared by notebook 07 and <c>evsc station</c>.</summary>
public static class StationTables
{
    /// <summary>KPIs, one row per site.</summary>
    public static Table Kpis(IEnumerable<StationKpis> kpis) =>
        Table.From(kpis, "Station KPIs")
            .Rename("Npv", "NPV (USD)").Rename("Irr", "IRR").Rename("IrrNote", "IRR note")
            .Rename("SimplePaybackYears", "Payback (years)").Rename("DiscountedPaybackYears", "Discounted payback (years)")
            .Rename("Roi", "ROI").Rename("LevelisedCostPerKwh", "LCOC (USD/kWh)")
            .Rename("InitialCapital", "Initial capital (USD)").Rename("Subsidy", "Subsidy (USD)")
            .WithFormat("N0", "NPV (USD)", "Initial capital (USD)", "Subsidy (USD)")
            .WithFormat("P1", "IRR", "ROI").WithFormat("N1", "Payback (years)", "Discounted payback (years)")
            .WithFormat("N3", "LCOC (USD/kWh)");

    /// <summary>Yearly cash flows of one evaluation.</summary>
    public static Table CashFlows(StationResult r) =>
        Table.From(r.Years, $"Cash flows, {r.Parameters.Site} (USD; costs negative)")
            .WithFormat("P1", "Utilisation").WithFormat("N0", "DeliveredKwh", "GridKwh", "ChargingRevenue", "OtherRevenue",
                "EnergyCost", "DemandCharges", "Operations", "Capital", "Subsidy", "NetCashFlow")
            .WithTotals("Total", "DeliveredKwh", "GridKwh", "ChargingRevenue", "OtherRevenue", "EnergyCost", "DemandCharges",
                "Operations", "Capital", "Subsidy", "NetCashFlow");

    /// <summary>Break-even utilisation and price per site.</summary>
    public static Table BreakEvens(IEnumerable<BreakEven> rows) =>
        Table.From(rows, "Break-even points (NPV = 0)")
            .Rename("Npv", "NPV (USD)").Rename("BreakEvenUtilisation", "Break-even utilisation (year 1)")
            .Rename("BreakEvenPrice", "Break-even price (USD/kWh)")
            .WithFormat("N0", "NPV (USD)").WithFormat("P2", "Break-even utilisation (year 1)").WithFormat("N3", "Break-even price (USD/kWh)");

    /// <summary>Viability gap per site.</summary>
    public static Table Gaps(IEnumerable<ViabilityGap> rows) =>
        Table.From(rows, "Viability gap: support that makes NPV zero")
            .Rename("Npv", "NPV (USD)").Rename("GrantUsd", "Year-0 grant (USD)")
            .Rename("CapitalSubsidyShare", "Capital subsidy share").Rename("EnergyIncentivePerKwh", "Incentive, every year (USD/kWh)")
            .WithFormat("N0", "NPV (USD)", "Year-0 grant (USD)").WithFormat("P1", "Capital subsidy share")
            .WithFormat("N4", "Incentive, every year (USD/kWh)");

    /// <summary>Support options compared for one site.</summary>
    public static Table Policies(string site, IEnumerable<PolicyOutcome> rows) =>
        Table.From(rows, $"Support options, {site}")
            .Rename("Npv", "NPV (USD)").Rename("Irr", "IRR").Rename("DiscountedPaybackYears", "Discounted payback (years)")
            .Rename("SupportPv", "Support PV (USD)")
            .WithFormat("N0", "NPV (USD)", "Support PV (USD)").WithFormat("P1", "IRR").WithFormat("N1", "Discounted payback (years)");

    /// <summary>Tornado bars as a table.</summary>
    public static Table Tornado(string site, double baseNpv, IEnumerable<TornadoBar> bars) =>
        Table.From(bars.Select(b => new { b.Driver, NpvLow = b.AtLow, NpvHigh = b.AtHigh, Swing = Math.Abs(b.AtHigh - b.AtLow) })
                .OrderByDescending(b => b.Swing), $"Tornado, {site} (base NPV {baseNpv:N0} USD)")
            .WithFormat("N0", "NpvLow", "NpvHigh", "Swing");

    /// <summary>Monte Carlo summaries.</summary>
    public static Table MonteCarlo(IEnumerable<MonteCarloSummary> rows) =>
        Table.From(rows, "Monte Carlo NPV distribution")
            .Rename("Mean", "Mean NPV (USD)").Rename("ProbabilityPositive", "P(NPV > 0)")
            .Rename("P10", "P10 (USD)").Rename("P50", "P50 (USD)").Rename("P90", "P90 (USD)")
            .WithFormat("N0", "Mean NPV (USD)", "P10 (USD)", "P50 (USD)", "P90 (USD)").WithFormat("P1", "P(NPV > 0)");

    /// <summary>Cash-flow waterfall: stacked inflows and outflows per year with the net cash flow as markers.</summary>
    public static Figure Waterfall(StationResult r)
    {
        var years = r.Years.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Series S(string name, Func<StationYear, double> f) => new(name, r.Years.Select(f).ToArray());
        var fig = Figures.StackedBars($"Yearly cash flows, {r.Parameters.Site}", years,
        [
            S("Charging revenue", y => y.ChargingRevenue), S("Other revenue", y => y.OtherRevenue), S("Subsidy", y => y.Subsidy),
            S("Energy", y => y.EnergyCost), S("Demand charges", y => y.DemandCharges), S("Operations", y => y.Operations),
            S("Capital", y => y.Capital),
        ]).WithMarkers("Net cash flow", years, r.NetCashFlows);
        fig.SetLayout("barmode", "relative");
        return fig.WithAxisTitles("year", "USD");
    }
}
