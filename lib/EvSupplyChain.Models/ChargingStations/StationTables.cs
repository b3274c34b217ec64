using EvSupplyChain.Models.Display;

namespace EvSupplyChain.Models.ChargingStations;

/// <summary>Formatted tables and figures of the station analysis, shared by notebook 07 and <c>evsc station</c>.</summary>
public static class StationTables
{
    /// <summary>KPIs, one row per site.</summary>
    public static Table Kpis(IEnumerable<StationKpis> kpis) => Table.Create(
        [
            new("Site", typeof(string)), new("NPV (USD)", typeof(double), "N0"), new("IRR (%)", typeof(double), "P1"),
            new("Payback (years)", typeof(double), "N1"), new("Discounted payback (years)", typeof(double), "N1"), new("ROI (%)", typeof(double), "P1"),
            new("Levelised cost of charging (USD/kWh)", typeof(double), "N3"), new("Initial capital (USD)", typeof(double), "N0"),
            new("Subsidy (USD)", typeof(double), "N0"), new("IRR note", typeof(string)),
        ],
        kpis.Select(k => (IReadOnlyList<object?>)[k.Site, k.Npv, k.Irr, k.SimplePaybackYears, k.DiscountedPaybackYears, k.Roi, k.LevelisedCostPerKwh,
            k.InitialCapital, k.Subsidy, k.IrrNote ?? ""]),
        "Station KPIs");

    /// <summary>IRR and NPV of textbook cash flows (flows in year order, year 0 first).</summary>
    public static Table Textbook(IEnumerable<double[]> flows, double rate = 0.10) => Table.Create(
        [
            new("Cash flows, years 0, 1, … (USD)", typeof(string)), new("IRR (%)", typeof(double), "P2"), new("Rates with NPV = 0", typeof(int), "N0"),
            new($"NPV at {rate * 100:G3} % (USD)", typeof(double), "N3"), new("Note", typeof(string)),
        ],
        flows.Select(f =>
        {
            var irr = Finance.Irr.Find(f);
            return (IReadOnlyList<object?>)[string.Join(", ", f.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))),
                irr.Rate, irr.Roots.Count, Finance.Money.Npv(rate, f), irr.Message ?? ""];
        }),
        "Textbook cash flows");

    /// <summary>Yearly cash flows of one evaluation in USD (costs negative); <c>SplitColumns(7, "Year")</c> for narrow pages.</summary>
    public static Table CashFlows(StationResult r) => Table.Create(
        [
            new("Year", typeof(int)), new("Utilisation (%)", typeof(double), "P1"), new("Delivered (kWh)", typeof(double), "N0"), new("From the grid (kWh)", typeof(double), "N0"),
            new("Charging revenue (USD)", typeof(double), "N0"), new("Other revenue (USD)", typeof(double), "N0"), new("Energy (USD)", typeof(double), "N0"),
            new("Demand charges (USD)", typeof(double), "N0"), new("Operations (USD)", typeof(double), "N0"), new("Capital (USD)", typeof(double), "N0"),
            new("Subsidy (USD)", typeof(double), "N0"), new("Net cash flow (USD)", typeof(double), "N0"),
        ],
        r.Years.Select(y => (IReadOnlyList<object?>)[y.Year, y.Utilisation, y.DeliveredKwh, y.GridKwh, y.ChargingRevenue, y.OtherRevenue, y.EnergyCost,
            y.DemandCharges, y.Operations, y.Capital, y.Subsidy, y.NetCashFlow]),
        $"Cash flows, {r.Parameters.Site} (USD; costs negative)")
        .WithTotals("Total", "Delivered (kWh)", "From the grid (kWh)", "Charging revenue (USD)", "Other revenue (USD)", "Energy (USD)", "Demand charges (USD)",
            "Operations (USD)", "Capital (USD)", "Subsidy (USD)", "Net cash flow (USD)");

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
            .Rename("CapitalSubsidyShare", "Capital subsidy share (%)").Rename("EnergyIncentivePerKwh", "Incentive, every year (USD/kWh)")
            .WithFormat("N0", "NPV (USD)", "Year-0 grant (USD)").WithFormat("P1", "Capital subsidy share (%)")
            .WithFormat("N4", "Incentive, every year (USD/kWh)");

    /// <summary>Support options compared for one site.</summary>
    public static Table Policies(string site, IEnumerable<PolicyOutcome> rows) =>
        Table.From(rows, $"Support options, {site}")
            .Rename("Npv", "NPV (USD)").Rename("Irr", "IRR (%)").Rename("DiscountedPaybackYears", "Discounted payback (years)")
            .Rename("SupportPv", "Present value of the support (USD)")
            .WithFormat("N0", "NPV (USD)", "Present value of the support (USD)").WithFormat("P1", "IRR (%)").WithFormat("N1", "Discounted payback (years)");

    /// <summary>Tornado bars as a table, widest swing first.</summary>
    public static Table Tornado(string site, double baseNpv, IEnumerable<TornadoBar> bars) => Table.Create(
        [new("Driver", typeof(string)), new("NPV at the low setting (USD)", typeof(double), "N0"), new("NPV at the high setting (USD)", typeof(double), "N0"), new("Swing (USD)", typeof(double), "N0")],
        bars.OrderByDescending(b => Math.Abs(b.AtHigh - b.AtLow)).Select(b => (IReadOnlyList<object?>)[b.Driver, b.AtLow, b.AtHigh, Math.Abs(b.AtHigh - b.AtLow)]),
        $"Tornado, {site} (base NPV {baseNpv:N0} USD)");

    /// <summary>Monte Carlo summaries.</summary>
    public static Table MonteCarlo(IEnumerable<MonteCarloSummary> rows) =>
        Table.From(rows, "Monte Carlo NPV distribution")
            .Rename("Mean", "Mean NPV (USD)").Rename("ProbabilityPositive", "Chance of NPV > 0 (%)").Rename("Seed", "Random seed")
            .Rename("P10", "P10 (USD)").Rename("P50", "P50 (USD)").Rename("P90", "P90 (USD)")
            .WithFormat("N0", "Mean NPV (USD)", "P10 (USD)", "P50 (USD)", "P90 (USD)").WithFormat("P1", "Chance of NPV > 0 (%)");

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
        return fig.WithAxisTitles("Year (0 = build)", "Cash flow (USD)");
    }
}
