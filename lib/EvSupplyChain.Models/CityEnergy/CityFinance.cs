using EvSupplyChain.Models.Finance;

namespace EvSupplyChain.Models.CityEnergy;

/// <summary>
/// Cash flows at one index: 0 = start of the first year (initial capital), i ≥ 1 = end of simulated year i
/// (operations of that year, capital for capacity added at its start is at index i − 1). All in $ except energy.
/// </summary>
public sealed record FinanceYear
{
    /// <summary>Cash-flow index (discounted by (1 + r)^index).</summary>
    public int Index { get; init; }
    /// <summary>Capital cost of new capacity.</summary>
    public double CapexUsd { get; init; }
    /// <summary>Storage replacement at end of life.</summary>
    public double ReplacementUsd { get; init; }
    /// <summary>Fixed operation and maintenance.</summary>
    public double FixedOmUsd { get; init; }
    /// <summary>Grid energy bought.</summary>
    public double GridCostUsd { get; init; }
    /// <summary>Export revenue (reduces cost).</summary>
    public double ExportRevenueUsd { get; init; }
    /// <summary>Undepreciated value of the assets at the end of the horizon (reduces cost).</summary>
    public double ResidualUsd { get; init; }
    /// <summary>Net cost: capex + replacement + O&amp;M + grid − export − residual.</summary>
    public double CostUsd { get; init; }
    /// <summary>Energy delivered to EVs (kWh).</summary>
    public double EnergyKwh { get; init; }
    /// <summary>Grid-only baseline cost.</summary>
    public double BaselineUsd { get; init; }
    /// <summary>Savings against the baseline (baseline − cost).</summary>
    public double SavingsUsd { get; init; }
    /// <summary>Cumulative savings, discounted (original mode: the original's "net position", undiscounted).</summary>
    public double CumulativeUsd { get; init; }
}

/// <summary>Lifetime finance of a city run.</summary>
public sealed record CityFinanceResult
{
    /// <summary>True when computed by the original's rules.</summary>
    public bool AsOriginal { get; init; }
    /// <summary>Levelised cost of the energy delivered to EVs ($/kWh).</summary>
    public double LcoeUsdPerKwh { get; init; }
    /// <summary>Levelised cost of the grid-only baseline ($/kWh).</summary>
    public double BaselineLcoeUsdPerKwh { get; init; }
    /// <summary>Net present value of the savings against the grid-only baseline ($).</summary>
    public double NpvSavingsUsd { get; init; }
    /// <summary>Years until discounted cumulative savings (residual value excluded) turn non-negative; null if never
    /// (original mode: the original's undiscounted, double-counted net position).</summary>
    public double? PaybackYears { get; init; }
    /// <summary>All capital spent, replacements included ($, undiscounted).</summary>
    public double CapexUsd { get; init; }
    /// <summary>Total cost, undiscounted ($).</summary>
    public double TotalCostUsd { get; init; }
    /// <summary>Present value of the cost ($).</summary>
    public double PresentCostUsd { get; init; }
    /// <summary>Total savings, undiscounted ($).</summary>
    public double TotalSavingsUsd { get; init; }
    /// <summary>Cash flows per index.</summary>
    public IReadOnlyList<FinanceYear> Flows { get; init; } = [];
}

/// <summary>Costs, LCOE, savings and payback of a city run, corrected or as the original computed them.</summary>
public static class CityFinance
{
    /// <summary>Finance of <paramref name="years"/> for <paramref name="city"/> under <paramref name="o"/> (its rules decide which method).</summary>
    public static CityFinanceResult Compute(City city, CityEnergyOptions o, StorageSpec storage, IReadOnlyList<CityYear> years) =>
        o.AsOriginal ? Original(city, o, storage, years) : Corrected(o, storage, years);

    /// <summary>Corrected: capital for every MW when it is added, O&amp;M on installed capital, all grid energy costed,
    /// export revenue, storage replaced at end of calendar or cycle life, residual value at the end, discounted energy.</summary>
    public static CityFinanceResult Corrected(CityEnergyOptions o, StorageSpec storage, IReadOnlyList<CityYear> years)
    {
        var n = years.Count;
        var r = o.DiscountRate;
        var capex = new double[n + 1];
        var replacement = new double[n + 1];
        var om = new double[n + 1];
        var grid = new double[n + 1];
        var exportRevenue = new double[n + 1];
        var residual = new double[n + 1];
        var energy = new double[n + 1];
        var baseline = new double[n + 1];

        var storageCapex = storage.CapacityKwh > 0 && storage.PowerKw > 0
            ? storage.CapacityKwh * o.StorageCapexPerKwh + storage.PowerKw * o.StorageCapexPerKw : 0;
        capex[0] += storageCapex;
        double solarMw = 0, windMw = 0, solarCapital = 0, windCapital = 0;
        var vintages = new List<(int Index, double Usd)>();
        var storageInstalled = 0;
        var cycles = 0.0;
        for (var k = 0; k < n; k++)
        {
            var y = years[k];
            var add = Math.Max(0, y.SolarMw - solarMw) * 1000 * o.SolarCapexPerKw + Math.Max(0, y.WindMw - windMw) * 1000 * o.WindCapexPerKw;
            solarCapital += Math.Max(0, y.SolarMw - solarMw) * 1000 * o.SolarCapexPerKw;
            windCapital += Math.Max(0, y.WindMw - windMw) * 1000 * o.WindCapexPerKw;
            (solarMw, windMw) = (Math.Max(solarMw, y.SolarMw), Math.Max(windMw, y.WindMw));
            capex[k] += add;
            if (add > 0) vintages.Add((k, add));

            var i = k + 1;
            om[i] = o.SolarOmShare * solarCapital + o.WindOmShare * windCapital + o.StorageOmShare * storageCapex;
            grid[i] = y.GridCostUsd;
            exportRevenue[i] = y.ExportRevenueUsd;
            energy[i] = y.ServedMwh * 1000;
            baseline[i] = y.BaselineCostUsd;

            cycles += y.StorageCycles;
            if (storageCapex > 0 && i < n && (i - storageInstalled >= o.StorageLifeYears || cycles >= o.StorageCycleLife))
            {
                replacement[i] = storageCapex;
                storageInstalled = i;
                cycles = 0;
            }
        }
        foreach (var (index, usd) in vintages)
            residual[n] += usd * Math.Max(0, (index + o.RenewableLifeYears - n) / (double)o.RenewableLifeYears);
        if (storageCapex > 0)
            residual[n] += storageCapex * Math.Max(0, 1 - Math.Max((n - storageInstalled) / (double)o.StorageLifeYears, cycles / o.StorageCycleLife));

        var cost = new double[n + 1];
        var savings = new double[n + 1];
        var savingsNoResidual = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            cost[i] = capex[i] + replacement[i] + om[i] + grid[i] - exportRevenue[i] - residual[i];
            savings[i] = baseline[i] - cost[i];
            savingsNoResidual[i] = savings[i] - residual[i];
        }
        var flows = new FinanceYear[n + 1];
        var cumulative = 0.0;
        for (var i = 0; i <= n; i++)
        {
            cumulative += savingsNoResidual[i] * Money.DiscountFactor(r, i);
            flows[i] = new FinanceYear
            {
                Index = i, CapexUsd = capex[i], ReplacementUsd = replacement[i], FixedOmUsd = om[i], GridCostUsd = grid[i],
                ExportRevenueUsd = exportRevenue[i], ResidualUsd = residual[i], CostUsd = cost[i], EnergyKwh = energy[i],
                BaselineUsd = baseline[i], SavingsUsd = savings[i], CumulativeUsd = cumulative,
            };
        }
        return new CityFinanceResult
        {
            AsOriginal = false,
            LcoeUsdPerKwh = Levelised(r, cost, energy),
            BaselineLcoeUsdPerKwh = Levelised(r, baseline, years.Select(y => y.BaselineServedMwh * 1000).Prepend(0).ToArray()),
            NpvSavingsUsd = Money.Npv(r, savings),
            PaybackYears = Money.Payback(r, savingsNoResidual),
            CapexUsd = capex.Sum() + replacement.Sum(),
            TotalCostUsd = cost.Sum(),
            PresentCostUsd = Money.Npv(r, cost),
            TotalSavingsUsd = savings.Sum(),
            Flows = flows,
        };
    }

    /// <summary>The original's finance: capital for the first year's capacity only, O&amp;M as a share of it, only grid
    /// energy sent straight to EVs costed, costs of year i discounted by (1 + r)^i but energy not discounted, and a net
    /// position (cumulative savings − cumulative cost) that counts costs twice; payback is its first zero crossing.</summary>
    public static CityFinanceResult Original(City city, CityEnergyOptions o, StorageSpec storage, IReadOnlyList<CityYear> years)
    {
        var n = years.Count;
        var r = o.DiscountRate;
        var (solarMw, windMw) = city.CapacityIn(o.StartYear);
        var capexSolar = solarMw * 1000 * o.SolarCapexPerKw;
        var capexWind = windMw * 1000 * o.WindCapexPerKw;
        var capexStorage = storage.CapacityKwh > 0 && storage.PowerKw > 0
            ? storage.CapacityKwh * o.StorageCapexPerKwh + storage.PowerKw * o.StorageCapexPerKw : 0;
        var capex = capexSolar + capexWind + capexStorage;
        var opex = o.SolarOmShare * capexSolar + o.WindOmShare * capexWind + o.StorageOmShare * capexStorage;

        var flows = new List<FinanceYear> { new() { Index = 0, CapexUsd = capex, CostUsd = capex, CumulativeUsd = -capex } };
        double presentCost = capex, energy = 0, cumulativeCost = capex, cumulativeSavings = 0, baselineTotal = 0, costTotal = 0;
        double? payback = null;
        var previousNet = -capex;
        for (var i = 1; i <= n && i <= o.RenewableLifeYears; i++)
        {
            var y = years[i - 1];
            var cost = opex + y.GridToEvCostUsd;
            var baseline = y.ServedAtTariffUsd;
            var savings = baseline - cost;
            presentCost += cost / Math.Pow(1 + r, i);
            energy += y.ServedMwh * 1000;
            cumulativeCost += cost;
            cumulativeSavings += savings;
            baselineTotal += baseline;
            costTotal += cost;
            var net = cumulativeSavings - cumulativeCost;
            if (payback is null && net >= 0) payback = previousNet >= 0 ? i - 1 : i - 1 + (-previousNet) / (net - previousNet);
            previousNet = net;
            flows.Add(new FinanceYear
            {
                Index = i, FixedOmUsd = opex, GridCostUsd = y.GridToEvCostUsd, CostUsd = cost, EnergyKwh = y.ServedMwh * 1000,
                BaselineUsd = baseline, SavingsUsd = savings, CumulativeUsd = net,
            });
        }
        return new CityFinanceResult
        {
            AsOriginal = true,
            LcoeUsdPerKwh = energy > 0 ? presentCost / energy : double.NaN,
            BaselineLcoeUsdPerKwh = energy > 0 ? baselineTotal / energy : double.NaN,
            NpvSavingsUsd = flows.Sum(f => f.SavingsUsd * Money.DiscountFactor(r, f.Index)) - capex,
            PaybackYears = payback,
            CapexUsd = capex,
            TotalCostUsd = cumulativeCost,
            PresentCostUsd = presentCost,
            TotalSavingsUsd = cumulativeSavings,
            Flows = flows,
        };
    }

    private static double Levelised(double rate, IReadOnlyList<double> cost, IReadOnlyList<double> energy) =>
        Money.Npv(rate, energy) > 0 ? Money.LevelisedCost(rate, cost, energy) : double.NaN;
}
