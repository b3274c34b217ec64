using EvSupplyChain.Models.Finance;

namespace EvSupplyChain.Models.ChargingStations;

/// <summary>One year of a station's cash flow (USD; costs negative). Year 0 is the build year.</summary>
/// <param name="Year">0 = build year, then operating years.</param>
/// <param name="Utilisation">Delivered energy / (installed kW · 8760 h).</param>
/// <param name="DeliveredKwh">Energy sold to drivers.</param>
/// <param name="GridKwh">Energy bought from the grid (after on-site solar).</param>
/// <param name="ChargingRevenue">Delivered kWh · price.</param>
/// <param name="OtherRevenue">Ancillary services, V2G and the production incentive.</param>
/// <param name="EnergyCost">Grid kWh · tariff (negative).</param>
/// <param name="DemandCharges">Billed peak · demand charge · 12 (negative).</param>
/// <param name="Operations">O&amp;M, network fees and lease (negative).</param>
/// <param name="Capital">Initial capital, replacements (negative) and residual value in the last year (positive).</param>
/// <param name="Subsidy">Capital subsidy or tax credit received (year 0).</param>
/// <param name="NetCashFlow">Sum of the money columns.</param>
public sealed record StationYear(int Year, double Utilisation, double DeliveredKwh, double GridKwh, double ChargingRevenue,
    double OtherRevenue, double EnergyCost, double DemandCharges, double Operations, double Capital, double Subsidy, double NetCashFlow);

/// <summary>Headline results of one station evaluation.</summary>
/// <param name="Site">Scenario name.</param>
/// <param name="Npv">Net present value at the discount rate (USD).</param>
/// <param name="Irr">Internal rate of return, or null when none exists.</param>
/// <param name="IrrNote">Why there is no IRR, or a multiple-root warning.</param>
/// <param name="SimplePaybackYears">Years until cumulative cash flow turns non-negative (interpolated), or null.</param>
/// <param name="DiscountedPaybackYears">The same on discounted cash flows, or null.</param>
/// <param name="Roi">(Σ inflows − Σ outflows) / Σ outflows, undiscounted.</param>
/// <param name="LevelisedCostPerKwh">Discounted costs (before subsidies and other revenue) / discounted kWh delivered (USD/kWh).</param>
/// <param name="InitialCapital">Year-0 capital before subsidy (USD).</param>
/// <param name="Subsidy">Capital subsidy received (USD).</param>
public sealed record StationKpis(string Site, double Npv, double? Irr, string? IrrNote, double? SimplePaybackYears,
    double? DiscountedPaybackYears, double Roi, double LevelisedCostPerKwh, double InitialCapital, double Subsidy);

/// <summary>A station evaluation: yearly cash flows plus KPIs.</summary>
/// <param name="Parameters">The inputs.</param>
/// <param name="Years">Year 0..N.</param>
/// <param name="Kpis">The headline results.</param>
public sealed record StationResult(StationParameters Parameters, IReadOnlyList<StationYear> Years, StationKpis Kpis)
{
    /// <summary>Net cash flow per year.</summary>
    public double[] NetCashFlows => Years.Select(y => y.NetCashFlow).ToArray();
}

/// <summary>
/// Station cash-flow model. Delivered energy E_y = installed kW · 8760 · u_y with u_y = min(max, u_1·(1+g)^(y−1))
/// (or u_1 times a demand index, e.g. from the city model);
/// grid energy = E_y / efficiency − solar used on site; demand charges on a billed peak = installed kW · coincidence −
/// battery shaving; capital replaced at each lifetime with straight-line residual value in the last year.
/// </summary>
public static class StationModel
{
    /// <summary>Hours per year.</summary>
    public const double HoursPerYear = 8760;

    /// <summary>Validates, projects the cash flows and computes every KPI.</summary>
    public static StationResult Evaluate(StationParameters p)
    {
        p.Validate();
        var flows = Project(p, withYears: true);
        var net = flows.Net;
        var irr = Irr.Find(net);
        var costs = new double[net.Length];
        for (var t = 0; t < net.Length; t++)
        {
            var y = flows.Years![t];
            costs[t] = -(y.EnergyCost + y.DemandCharges + y.Operations + y.Capital);
        }
        var kwh = flows.Years!.Select(y => y.DeliveredKwh).ToArray();
        var kpis = new StationKpis(p.Site, Money.Npv(p.DiscountRate, net), irr.Rate, irr.Message,
            Money.Payback(0, net), Money.Payback(p.DiscountRate, net),
            flows.Outflows > 0 ? Money.Roi(flows.Inflows, flows.Outflows) : double.NaN,
            kwh.Any(e => e > 0) ? Money.LevelisedCost(p.DiscountRate, costs, kwh) : double.NaN, // NaN: nothing delivered
            flows.InitialCapital, flows.Subsidy);
        return new StationResult(p, flows.Years!, kpis);
    }

    /// <summary>NPV only (no validation, IRR or year records): the fast path for sweeps and Monte Carlo.
    /// Call <see cref="StationParameters.Validate"/> once on the base case first.</summary>
    public static double Npv(StationParameters p) => Money.Npv(p.DiscountRate, Project(p, withYears: false).Net);

    internal sealed record Flows(double[] Net, StationYear[]? Years, double Inflows, double Outflows, double InitialCapital, double Subsidy);

    internal static Flows Project(StationParameters p, bool withYears)
    {
        var n = p.Years;
        var net = new double[n + 1];
        var years = withYears ? new StationYear[n + 1] : null;
        var f = p.CapitalCostFactor;

        // Capital assets: (cost, lifetime). Grid connection is a one-off with no replacement or residual value.
        var assets = new List<(double Cost, int Life)>(p.Chargers.Count + 2);
        foreach (var c in p.Chargers) assets.Add((f * c.Count * c.CostPerChargerUsd, c.LifetimeYears));
        var solarCapex = f * p.SolarKw * p.SolarCost;
        var batteryCapex = f * (p.BatteryKwh * p.BatteryCostPerKwh + p.BatteryKw * p.BatteryCostPerKw);
        if (solarCapex > 0) assets.Add((solarCapex, p.SolarLifetime));
        if (batteryCapex > 0) assets.Add((batteryCapex, p.BatteryLifetime));
        var initial = f * p.GridConnectionCost;
        foreach (var a in assets) initial += a.Cost;
        var subsidy = Math.Min(p.CapitalSubsidyShare * initial, p.SubsidyCapPerCharger * p.ChargerCount);

        var installedKw = p.InstalledKw;
        var shavedKw = Math.Min(p.BatteryKw, p.BatteryKwh / p.PeakDurationHours);
        var billedPeakKw = Math.Max(0, installedKw * p.PeakCoincidence - shavedKw);
        var demandCharges = billedPeakKw * p.DemandCharge * 12;
        var fixedOm = p.Lease + p.ChargerCount * p.NetworkFee + p.SolarOmShare * solarCapex + p.BatteryOmShare * batteryCapex;
        foreach (var c in p.Chargers) fixedOm += c.Count * c.OmPerChargerUsdPerYear;
        var solarKwh = p.SolarKw * p.SolarYield;
        var ancillary = p.AncillaryRevenue * p.BatteryKw + p.V2gRevenue;

        net[0] = subsidy - initial;
        var inflows = subsidy;
        var outflows = initial;
        if (years is not null) years[0] = new StationYear(0, 0, 0, 0, 0, 0, 0, 0, 0, -initial, subsidy, net[0]);
        var index = p.UtilisationIndex;
        var utilisation = p.Utilisation;
        for (var y = 1; y <= n; y++)
        {
            if (index is not null && index.Count > 0)
                utilisation = p.Utilisation * (y <= index.Count ? index[y - 1] : index[^1] * Math.Pow(1 + p.UtilisationGrowth, y - index.Count));
            var u = Math.Min(p.MaxUtilisation, utilisation);
            if (index is null || index.Count == 0) utilisation *= 1 + p.UtilisationGrowth;
            var delivered = installedKw * HoursPerYear * u;
            var metered = delivered / p.ChargerEfficiency;
            var gridKwh = metered - Math.Min(solarKwh, metered);
            var revenue = delivered * p.Price;
            var other = ancillary + (y <= p.IncentiveYears ? delivered * p.EnergyIncentive : 0);
            var energyCost = gridKwh * p.ElectricityPrice;
            var capital = 0.0;
            foreach (var (cost, life) in assets)
            {
                if (y % life == 0 && y < n) capital -= cost;          // replacement
                if (y == n) capital += cost * (life - (n - (n - 1) / life * life)) / (double)life; // straight-line residual of the last purchase
            }
            var flow = revenue + other - energyCost - demandCharges - fixedOm + capital;
            net[y] = flow;
            inflows += revenue + other + Math.Max(capital, 0);
            outflows += energyCost + demandCharges + fixedOm + Math.Max(-capital, 0);
            if (years is not null)
                years[y] = new StationYear(y, u, delivered, gridKwh, revenue, other, -energyCost, -demandCharges, -fixedOm, capital, 0, flow);
        }
        return new Flows(net, years, inflows, outflows, initial, subsidy);
    }
}
